//! The read model: everything derived from one revision of a plan on one day, computed once.
//! The projection, the guardrail findings and the dose adjustments are computed when the model
//! is built (every view needs them); the status, the calendar's day states, the chart series
//! and the progress figures are computed the first time a view asks for them and kept until the
//! plan or the day changes. Views read it and never call the engine themselves, so every view
//! shows the same facts and nothing is computed twice.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;

use super::chart::{ChartData, chart_data, includes_text};
use super::review::{
    LoadSeries, PromSeries, default_metric, load_series, prom_series, weeks_begun,
};
use super::{
    Adjustment, Finding, FitError, Fitted, Item, Metric, Projection, Session, SessionState, Status,
    adjustment_for, adjustments, check, day_states, fit, project, session_state, status, week_of,
};
use crate::model::{LoadUnit, Plan};

/// Number of (metric, unit) pairs a chart can be drawn in.
const CHARTS: usize = Metric::ALL.len() * LoadUnit::ALL.len();

/// Everything derived from one revision of a plan, as of one day.
#[derive(Debug)]
pub struct ReadModel {
    plan: Arc<Plan>,
    /// Changes whenever the plan does (unique across plans).
    revision: u64,
    /// Which document the plan is (the same across its revisions; a new or opened plan is
    /// another): views keep what the user did to a view (zoom) for one document only.
    document: u64,
    today: NaiveDate,
    projection: Projection,
    findings: Vec<Finding>,
    adjustments: Vec<Adjustment>,
    default_metric: Metric,
    status: OnceLock<Status>,
    day_states: OnceLock<BTreeMap<NaiveDate, SessionState>>,
    /// Per metric and unit: the load chart.
    charts: [OnceLock<ChartData>; CHARTS],
    /// Per metric and unit: what the metric includes.
    includes: [OnceLock<String>; CHARTS],
    /// Per metric and unit: planned against done load by week.
    load_done: [OnceLock<LoadSeries>; CHARTS],
    proms: OnceLock<Vec<PromSeries>>,
    /// Per prescription: its progression fitted to the plan's weekly threshold.
    fits: Mutex<HashMap<u32, Arc<FitOutcome>>>,
    /// How many parts were computed (the eager ones count once): tests check that a frame
    /// computes nothing when nothing changed.
    computed: AtomicU64,
}

impl ReadModel {
    /// Derives the projection, findings and adjustments of `plan` (revision `revision`) as of
    /// `today`; the rest is derived on first use.
    pub fn new(plan: Arc<Plan>, revision: u64, today: NaiveDate) -> ReadModel {
        let projection = project(&plan);
        let findings = check(&plan, &projection);
        let adjustments = adjustments(&plan, &projection);
        let default_metric = default_metric(&projection);
        ReadModel {
            plan,
            revision,
            document: revision,
            today,
            projection,
            findings,
            adjustments,
            default_metric,
            status: OnceLock::new(),
            day_states: OnceLock::new(),
            charts: std::array::from_fn(|_| OnceLock::new()),
            includes: std::array::from_fn(|_| OnceLock::new()),
            load_done: std::array::from_fn(|_| OnceLock::new()),
            proms: OnceLock::new(),
            fits: Mutex::new(HashMap::new()),
            computed: AtomicU64::new(1),
        }
    }

    /// The same plan as of another day: what does not depend on the day is kept.
    pub fn on_day(&mut self, today: NaiveDate) {
        if today != self.today {
            self.today = today;
            self.status = OnceLock::new();
            self.day_states = OnceLock::new();
            self.load_done = std::array::from_fn(|_| OnceLock::new());
        }
    }

    /// The plan this model was derived from.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan, shared (for work off the frame: saving, exporting).
    pub fn shared_plan(&self) -> Arc<Plan> {
        Arc::clone(&self.plan)
    }

    /// The plan's revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The same model, for document `document` (see [`ReadModel::document`]).
    pub fn of_document(mut self, document: u64) -> ReadModel {
        self.document = document;
        self
    }

    /// Which document the plan is: the same over its revisions, another for a new or opened
    /// plan (the revision itself unless the owner says otherwise).
    pub fn document(&self) -> u64 {
        self.document
    }

    /// The day counted as today.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Every week and dated session of the plan.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The guardrail findings.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The dose adjustments the log calls for.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// The metric a chart of this plan opens on: the first one any exercise counts in.
    pub fn default_metric(&self) -> Metric {
        self.default_metric
    }

    /// How many parts of the model have been computed so far.
    pub fn times_computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }

    fn counted<T>(&self, f: impl FnOnce() -> T) -> T {
        self.computed.fetch_add(1, Ordering::Relaxed);
        f()
    }

    /// Adherence, pain, flags and pending adjustments as of today.
    pub fn status(&self) -> &Status {
        self.status.get_or_init(|| {
            self.counted(|| status(&self.plan, &self.projection, &self.adjustments, self.today))
        })
    }

    /// The state of every day with a session, as of today.
    pub fn day_states(&self) -> &BTreeMap<NaiveDate, SessionState> {
        self.day_states
            .get_or_init(|| self.counted(|| day_states(&self.plan, &self.projection, self.today)))
    }

    /// The state of one planned session as of today.
    pub fn session_state(&self, session: &Session) -> SessionState {
        session_state(&self.plan, session, self.today)
    }

    /// The planned sessions on `date`, in slot order.
    pub fn sessions_on(&self, date: NaiveDate) -> impl Iterator<Item = &Session> {
        self.projection
            .sessions
            .iter()
            .filter(move |s| s.date == Some(date))
    }

    /// The resolved dose of prescription `id` in `week`.
    pub fn item(&self, week: u32, id: u32) -> Option<&Item> {
        self.projection
            .week(week)?
            .items
            .iter()
            .find(|i| i.prescription_id == id)
    }

    /// The adjustment of prescription `id`'s session on `date`, slot `slot`, if any.
    pub fn adjustment_for(&self, id: u32, date: NaiveDate, slot: u32) -> Option<&Adjustment> {
        adjustment_for(&self.adjustments, id, date, slot)
    }

    /// The plan week `date` falls in (1-based), if the plan has a start date and has begun.
    pub fn week_of(&self, date: NaiveDate) -> Option<u32> {
        week_of(&self.plan, date)
    }

    /// How many of the plan's weeks have begun by today.
    pub fn weeks_begun(&self) -> usize {
        weeks_begun(&self.plan, self.projection.weeks.len(), self.today)
    }

    /// The load chart of `metric`, volume load in `unit`.
    pub fn chart(&self, metric: Metric, unit: LoadUnit) -> &ChartData {
        self.charts[slot(metric, unit)]
            .get_or_init(|| self.counted(|| chart_data(&self.plan, &self.projection, metric, unit)))
    }

    /// What `metric` counts and which of the plan's exercises that is.
    pub fn includes(&self, metric: Metric, unit: LoadUnit) -> &str {
        self.includes[slot(metric, unit)]
            .get_or_init(|| self.counted(|| includes_text(&self.plan, &self.projection, metric)))
    }

    /// Planned against done `metric` by week (done only for the weeks begun), in `unit`.
    pub fn load_done(&self, metric: Metric, unit: LoadUnit) -> &LoadSeries {
        self.load_done[slot(metric, unit)].get_or_init(|| {
            self.counted(|| load_series(self.status(), self.weeks_begun(), metric, unit))
        })
    }

    /// Prescription `id`'s progression fitted to the plan's weekly threshold, with the plan it
    /// would make projected (for a preview), computed the first time it is asked for.
    pub fn fit(&self, id: u32) -> Arc<FitOutcome> {
        let mut fits = match self.fits.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        Arc::clone(
            fits.entry(id)
                .or_insert_with(|| self.counted(|| Arc::new(FitOutcome::of(&self.plan, id)))),
        )
    }

    /// The PROM scores per measure, each with its baseline and smallest detectable change.
    pub fn proms(&self) -> &[PromSeries] {
        self.proms
            .get_or_init(|| self.counted(|| prom_series(&self.plan.proms)))
    }
}

/// A prescription's fitted progression and, when there is one, the projection of the plan
/// with it (what the chart previews).
#[derive(Debug)]
pub struct FitOutcome {
    pub result: Result<Fitted, FitError>,
    pub projection: Option<Projection>,
    /// The threshold fitted to (the plan's weekly one).
    pub threshold_pct: f64,
}

impl FitOutcome {
    fn of(plan: &Plan, id: u32) -> FitOutcome {
        let threshold_pct = plan.thresholds.weekly_increase_pct;
        let result = fit(plan, id, threshold_pct);
        let projection = result.as_ref().ok().map(|f| {
            let mut fitted = plan.clone();
            if let Some(rx) = fitted.prescriptions.iter_mut().find(|p| p.id == id) {
                *rx = f.prescription.clone();
            }
            project(&fitted)
        });
        FitOutcome {
            result,
            projection,
            threshold_pct,
        }
    }

    /// The fitted prescription's figure of `metric` in each week of the plan (0 where it is not
    /// done), volume load in `unit`.
    pub fn series(&self, id: u32, metric: Metric, unit: LoadUnit) -> Option<Vec<f64>> {
        let k = super::chart::unit_factor(metric, unit);
        let projection = self.projection.as_ref()?;
        Some(
            projection
                .weeks
                .iter()
                .map(|w| {
                    w.items
                        .iter()
                        .find(|i| i.prescription_id == id)
                        .map_or(0.0, |i| i.metrics.get(metric) * k)
                })
                .collect(),
        )
    }
}

/// Index of (metric, unit) in the per-chart arrays.
fn slot(metric: Metric, unit: LoadUnit) -> usize {
    let m = Metric::ALL.iter().position(|x| *x == metric).unwrap_or(0);
    let u = LoadUnit::ALL.iter().position(|x| *x == unit).unwrap_or(0);
    m * LoadUnit::ALL.len() + u
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ReadModel {
        let plan = crate::templates::sample().expect("the sample plan reads");
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date");
        ReadModel::new(Arc::new(plan), 1, today)
    }

    #[test]
    fn lazy_parts_are_computed_once() {
        let read = sample();
        let eager = read.times_computed();
        let first: *const Status = read.status();
        let _ = read.day_states();
        let _ = read.chart(Metric::Reps, LoadUnit::Kg);
        let computed = read.times_computed();
        assert_eq!(computed, eager + 3);
        assert!(std::ptr::eq(first, read.status()));
        let _ = read.day_states();
        let _ = read.chart(Metric::Reps, LoadUnit::Kg);
        assert_eq!(read.times_computed(), computed);
    }

    #[test]
    fn a_new_day_recomputes_only_what_depends_on_the_day() {
        let mut read = sample();
        let _ = read.status();
        let _ = read.chart(Metric::Reps, LoadUnit::Kg);
        let before = read.times_computed();
        read.on_day(read.today() + chrono::Duration::days(1));
        let _ = read.chart(Metric::Reps, LoadUnit::Kg);
        assert_eq!(
            read.times_computed(),
            before,
            "the chart does not depend on the day"
        );
        let _ = read.status();
        assert_eq!(read.times_computed(), before + 1);
    }

    #[test]
    fn every_metric_and_unit_has_its_own_slot() {
        let mut seen = std::collections::HashSet::new();
        for m in Metric::ALL {
            for u in LoadUnit::ALL {
                assert!(seen.insert(slot(m, u)));
                assert!(slot(m, u) < CHARTS);
            }
        }
    }
}

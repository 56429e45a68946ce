//! `loadplan show`: the week-by-week plan with its projected load, as a table or as the
//! engine's projection in JSON (the schema README documents), each with the adjustments the
//! athlete's log calls for.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::engine::{self, AdjustmentStatus, Projection};
use crate::io::load_plan;
use crate::model::{Plan, fmt_num};

use super::CliError;
use super::output::{Format, write_json};

/// `loadplan show`: which plan, and which week of it.
#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// Plan file to show.
    pub file: PathBuf,
    /// Only this week.
    #[arg(long)]
    pub week: Option<u32>,
}

/// Shows the plan (or one week of it).
pub(super) fn run(args: &ShowArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let plan = load_plan(&args.file)?;
    let projection = engine::project(&plan);
    if let Some(n) = args.week
        && projection.week(n).is_none()
    {
        return Err(CliError::NoSuchWeek {
            week: n,
            weeks: projection.weeks.len(),
            path: args.file.clone(),
        });
    }
    let adjustments = engine::adjustments(&plan, &projection);
    let view = ShowView {
        plan: &plan,
        p: &projection,
        adjustments: &adjustments,
        week: args.week,
    };
    match format {
        Format::Json => write_json(out, &show_json(&view))?,
        Format::Text => print_table(&view, out)?,
    }
    Ok(())
}

/// What `show` prints: the plan, its projection and the adjustments the log calls for.
struct ShowView<'a> {
    plan: &'a Plan,
    p: &'a Projection,
    adjustments: &'a [engine::Adjustment],
    /// Only this week.
    week: Option<u32>,
}

impl<'a> ShowView<'a> {
    fn keep(&self, week: u32) -> bool {
        self.week.is_none_or(|n| n == week)
    }

    /// The adjustments of prescription `id` in `week` that change what the athlete does.
    fn adjusted(
        &self,
        id: u32,
        week: u32,
    ) -> impl Iterator<Item = &'a engine::Adjustment> + use<'a> {
        self.adjustments
            .iter()
            .filter(move |a| a.prescription_id == id && a.week == week && changes_dose(a))
    }
}

/// The exercise the athlete does after the clinician's decision.
fn effective_exercise(a: &engine::Adjustment) -> &str {
    if a.status == AdjustmentStatus::Dismissed {
        &a.planned_exercise
    } else {
        &a.exercise
    }
}

/// The adjustment (as decided) makes the session differ from the plan.
fn changes_dose(a: &engine::Adjustment) -> bool {
    a.effective != a.planned || effective_exercise(a) != a.planned_exercise
}

// ----- JSON ----------------------------------------------------------------------------------

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    title: &'a str,
    athlete: &'a str,
    start_date: Option<NaiveDate>,
    weeks: Vec<WeekJson<'a>>,
    sessions: Vec<&'a engine::Session>,
    totals: engine::Metrics,
    supervised_sessions: u32,
}

/// One adjusted session of a week's item in `show --json`.
#[derive(serde::Serialize)]
struct ItemAdjustmentJson<'a> {
    date: NaiveDate,
    slot: u32,
    planned: &'a crate::model::Dose,
    adjusted: &'a crate::model::Dose,
    planned_label: String,
    adjusted_label: String,
    /// The exercise done instead of the planned one, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    exercise_id: Option<&'a str>,
    /// Why, in words.
    reason: String,
    reason_detail: &'a engine::Reason,
    status: AdjustmentStatus,
    response: engine::Response,
    kind: engine::AdjustmentKind,
    /// The logged session the adjustment follows from.
    basis_date: NaiveDate,
    /// The adjusted session has been logged already.
    past: bool,
}

impl<'a> ItemAdjustmentJson<'a> {
    fn new(plan: &Plan, a: &'a engine::Adjustment) -> Self {
        let exercise = effective_exercise(a);
        ItemAdjustmentJson {
            date: a.date,
            slot: a.slot,
            planned: &a.planned,
            adjusted: &a.effective,
            planned_label: a.planned.label(plan.unit),
            adjusted_label: a.effective.label(plan.unit),
            exercise_id: (exercise != a.planned_exercise).then_some(exercise),
            reason: a.reason.words(plan.unit, plan),
            reason_detail: &a.reason,
            status: a.status,
            response: a.response,
            kind: a.kind,
            basis_date: a.basis_date,
            past: a.past,
        }
    }
}

/// A week of `show --json`: the engine's `WeekPlan`, field for field, each item with an
/// `adjustments` list when the log adjusts it.
#[derive(serde::Serialize)]
struct WeekJson<'a> {
    week: u32,
    phase: &'a Option<String>,
    deload: bool,
    items: Vec<ItemJson<'a>>,
    totals: &'a engine::Metrics,
    change_pct: &'a engine::MetricChanges,
    acwr: &'a engine::MetricChanges,
}

#[derive(serde::Serialize)]
struct ItemJson<'a> {
    #[serde(flatten)]
    item: &'a engine::Item,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    adjustments: Vec<ItemAdjustmentJson<'a>>,
}

fn week_json<'a>(v: &ShowView<'a>, wp: &'a engine::WeekPlan) -> WeekJson<'a> {
    // Destructured so that a new `WeekPlan` field fails to compile here until it is added.
    let engine::WeekPlan {
        week,
        phase,
        deload,
        items,
        totals,
        change_pct,
        acwr,
    } = wp;
    WeekJson {
        week: *week,
        phase,
        deload: *deload,
        items: items
            .iter()
            .map(|item| ItemJson {
                item,
                adjustments: v
                    .adjusted(item.prescription_id, *week)
                    .map(|a| ItemAdjustmentJson::new(v.plan, a))
                    .collect(),
            })
            .collect(),
        totals,
        change_pct,
        acwr,
    }
}

fn show_json<'a>(v: &ShowView<'a>) -> ShowJson<'a> {
    ShowJson {
        title: &v.plan.title,
        athlete: &v.plan.athlete,
        start_date: v.plan.start_date,
        weeks: v
            .p
            .weeks
            .iter()
            .filter(|w| v.keep(w.week))
            .map(|w| week_json(v, w))
            .collect(),
        sessions: v.p.sessions.iter().filter(|s| v.keep(s.week)).collect(),
        totals: v.p.totals,
        supervised_sessions: v.p.supervised_sessions,
    }
}

// ----- table ---------------------------------------------------------------------------------

fn num_or_dash(x: f64) -> String {
    if x > 0.0 { fmt_num(x) } else { "-".to_owned() }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_table(v: &ShowView<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let (plan, p) = (v.plan, v.p);
    writeln!(out, "{}", plan.title)?;
    if !plan.athlete.is_empty() {
        writeln!(out, "Athlete: {}", plan.athlete)?;
    }
    for wp in p.weeks.iter().filter(|w| v.keep(w.week)) {
        print_week(v, wp, out)?;
    }
    if v.week.is_none() {
        writeln!(
            out,
            "\nPlan: {} weeks, {} sessions ({} supervised), {} reps, {} {} volume load, {} s under tension",
            p.weeks.len(),
            p.totals.sessions,
            p.supervised_sessions,
            fmt_num(p.totals.reps),
            fmt_num(plan.unit.from_kg(p.totals.volume_load_kg)),
            plan.unit.symbol(),
            fmt_num(p.totals.tut_secs)
        )?;
    }
    Ok(())
}

/// One week of the table: its heading, a row per exercise (with the adjusted sessions under
/// it) and the week's totals.
fn print_week(v: &ShowView<'_>, wp: &engine::WeekPlan, out: &mut dyn Write) -> std::io::Result<()> {
    let first_day =
        v.p.sessions
            .iter()
            .find(|s| s.week == wp.week)
            .and_then(|s| s.date);
    write!(out, "\nWeek {}", wp.week)?;
    if let Some(phase) = &wp.phase {
        write!(out, " - {phase}")?;
    }
    if let Some(d) = first_day {
        write!(out, " (from {d})")?;
    }
    if wp.deload {
        write!(out, " [deload]")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "  {:<34} {:>8}  {:<36} {:>10} {:>8} {:>6}",
        "Exercise",
        "Sessions",
        "Dose",
        format!("Volume {}", v.plan.unit.symbol()),
        "TUT s",
        "Reps"
    )?;
    for item in &wp.items {
        print_item(v, wp.week, item, out)?;
    }
    let t = &wp.totals;
    write!(
        out,
        "  Total: {} sessions, {} reps, {} {} volume load, {} s under tension",
        t.sessions,
        fmt_num(t.reps),
        fmt_num(v.plan.unit.from_kg(t.volume_load_kg)),
        v.plan.unit.symbol(),
        fmt_num(t.tut_secs)
    )?;
    if t.srpe_au > 0.0 {
        write!(out, ", {} AU session-RPE", fmt_num(t.srpe_au))?;
    }
    writeln!(out)
}

/// One exercise's row, and a line for each session of it the log adjusts.
fn print_item(
    v: &ShowView<'_>,
    week: u32,
    item: &engine::Item,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "  {:<34} {:>8}  {:<36} {:>10} {:>8} {:>6}",
        truncate(&item.exercise_name, 34),
        item.sessions,
        truncate(&item.dose.label(v.plan.unit), 36),
        num_or_dash(v.plan.unit.from_kg(item.metrics.volume_load_kg)),
        num_or_dash(item.metrics.tut_secs),
        num_or_dash(item.metrics.reps),
    )?;
    for a in v.adjusted(item.prescription_id, week) {
        let exercise = effective_exercise(a);
        let instead = if exercise == a.planned_exercise {
            String::new()
        } else {
            format!("{} ", v.plan.exercise_name(exercise))
        };
        writeln!(
            out,
            "    * adjusted {}: {instead}{} ({}) - {}",
            a.date.format("%a %-d %b"),
            a.effective.label(v.plan.unit),
            a.status_words(engine::Audience::Physio),
            a.reason.words(v.plan.unit, v.plan)
        )?;
    }
    Ok(())
}

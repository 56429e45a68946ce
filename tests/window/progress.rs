//! The Progress tab: its figures (the read model's status, load by week and PROM series) and
//! the tab in the whole window driven by role and label: adherence counts, the flags, PROM entry
//! and deletion, athlete mode without the clinician's controls, the empty states, and figures
//! computed once per plan revision.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, Edit};
use loadplan::engine::review::{LoadSeries, adherence_summary, default_metric, prom_series};
use loadplan::engine::{self, Metric, ReadModel, Status};
use loadplan::model::LoadUnit;
use loadplan::model::{NextMorning, Plan, Prom, PromScore};
use loadplan::ui::progress::{delete_label, supervised_words};

use crate::support::close;
use crate::support::type_into_drag_value;
use crate::support::{app_with_plan, click, open_plan as plan};

/// What the progress tab shows of `plan` on `today`, load in `metric` and `unit`.
struct Figures {
    status: Status,
    weeks_begun: usize,
    load: LoadSeries,
}

fn figures(plan: &Plan, today: NaiveDate, metric: Metric, unit: LoadUnit) -> Figures {
    let read = ReadModel::new(std::sync::Arc::new(plan.clone()), 1, today);
    Figures {
        status: read.status().clone(),
        weeks_begun: read.weeks_begun(),
        load: read.load_done(metric, unit).clone(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const SLD_ID: u32 = 1;

/// Wednesday of week 2: Mon 2, Wed 4, Thu 5, Fri 6 and Mon 9 November are due (today's
/// session only once something of it is logged).
fn today() -> NaiveDate {
    date(2026, 11, 11)
}

/// The runner's programme from Monday 2 Nov 2026 (single-leg deadlift 3 x 10 each side at
/// 4.5 kg Mon, Wed, Fri, the first supervised; side plank Mon, Wed, Fri; partial Nordic Mon,
/// Thu) with a log: Mon 2 all done and supervised (pain 2, settled); Wed 4 only the deadlift,
/// at 5 kg (pain 4, next morning 3); Thu 5 done; Fri 6 all done (pain 6, next morning 7);
/// Mon 9 missed; Wed 11 is today, not logged yet.
fn logged_plan() -> Plan {
    let mut plan = crate::support::runner_before();
    plan.start_date = Some(date(2026, 11, 2));
    let projection = engine::project(&plan);
    let session = |d: NaiveDate| {
        projection
            .sessions
            .iter()
            .find(|s| s.date == Some(d))
            .unwrap_or_else(|| panic!("a session on {d}"))
            .clone()
    };
    for (d, pain, next) in [
        (date(2026, 11, 2), Some(2), Some(NextMorning::Settled)),
        (date(2026, 11, 5), None, None),
        (date(2026, 11, 6), Some(6), Some(NextMorning::Pain(7))),
    ] {
        let s = session(d);
        let log = plan.session_log_mut(d, s.slot);
        for item in &s.items {
            let e = log.exercise_mut(item.prescription_id, &item.exercise_id);
            e.done = true;
            if item.prescription_id == SLD_ID {
                e.pain_during = pain;
                e.pain_next_morning = next;
            }
        }
        log.supervised = d == date(2026, 11, 2);
    }
    let wed = plan.session_log_mut(date(2026, 11, 4), 0);
    let e = wed.exercise_mut(SLD_ID, "sl_deadlift_db");
    e.done = true;
    e.load_kg = Some(5.0);
    e.pain_during = Some(4);
    e.pain_next_morning = Some(NextMorning::Pain(3));
    plan
}

#[test]
fn planned_against_done_load_counts_recorded_doses_and_stops_at_today() {
    let plan = logged_plan();
    let projection = engine::project(&plan);
    let data = figures(&plan, today(), Metric::VolumeLoadKg, LoadUnit::Kg);
    assert_eq!(data.weeks_begun, 2);
    let load: &LoadSeries = &data.load;
    assert_eq!(load.weeks, (1..=12).collect::<Vec<u32>>());
    for (i, w) in projection.weeks.iter().enumerate() {
        assert!(
            close(load.planned[i], w.totals.volume_load_kg),
            "week {}",
            w.week
        );
    }
    // Week 1: 3 x 10 each side at 4.5 kg on Monday and Friday (the planned dose), at the
    // recorded 5 kg on Wednesday. Body-weight work adds no kilograms.
    assert_eq!(
        load.actual.len(),
        2,
        "no done figures after the current week"
    );
    assert!(
        close(load.actual[0], 2.0 * 270.0 + 300.0),
        "{}",
        load.actual[0]
    );
    assert!(close(load.planned[0], 810.0));
    // Week 2: nothing logged yet.
    assert_eq!(load.actual[1], 0.0);
    assert_eq!(load.current_week, Some(2));

    // In pounds, every figure converts; sessions do not.
    let lb = figures(&plan, today(), Metric::VolumeLoadKg, LoadUnit::Lb);
    assert!(close(lb.load.actual[0], 840.0 / LoadUnit::KG_PER_LB));
    let sessions = figures(&plan, today(), Metric::Sessions, LoadUnit::Lb);
    assert_eq!(sessions.load.actual, vec![4.0, 0.0]);

    // Before the start nothing is done; after the end every week is.
    let before = figures(
        &plan,
        date(2026, 10, 30),
        Metric::VolumeLoadKg,
        LoadUnit::Kg,
    );
    assert_eq!(before.weeks_begun, 0);
    assert!(before.load.actual.is_empty());
    let after = figures(&plan, date(2027, 6, 1), Metric::VolumeLoadKg, LoadUnit::Kg);
    assert_eq!(after.weeks_begun, 12);
    assert_eq!(after.load.actual.len(), 12);
    assert_eq!(after.load.current_week, None);

    // Pain: one point per logged session with pain, in date order.
    let pain: Vec<(NaiveDate, Option<u8>, Option<u8>)> = data
        .status
        .pain
        .iter()
        .map(|p| (p.date, p.during, p.next_morning))
        .collect();
    assert_eq!(
        pain,
        vec![
            (date(2026, 11, 2), Some(2), Some(0)),
            (date(2026, 11, 4), Some(4), Some(3)),
            (date(2026, 11, 6), Some(6), Some(7)),
        ]
    );
}

#[test]
fn the_default_metric_is_one_the_plan_has_figures_for() {
    let plan = logged_plan();
    assert_eq!(
        default_metric(&engine::project(&plan)),
        Metric::VolumeLoadKg
    );
    let mut body_weight = plan.clone();
    body_weight.prescriptions.retain(|p| p.id != SLD_ID);
    assert_ne!(
        default_metric(&engine::project(&body_weight)),
        Metric::VolumeLoadKg,
        "no kilograms in a body-weight plan"
    );
}

#[test]
fn prom_series_keep_each_measures_baseline_and_band() {
    let proms = vec![
        PromScore {
            date: date(2026, 11, 2),
            measure: Prom::HagosSport,
            score: 35.0,
        },
        PromScore {
            date: date(2026, 12, 7),
            measure: Prom::HagosSport,
            score: 60.0,
        },
        PromScore {
            date: date(2026, 11, 2),
            measure: Prom::VisaH,
            score: 48.0,
        },
    ];
    let series = prom_series(&proms);
    assert_eq!(series.len(), 2);
    assert_eq!(series[0].measure, Prom::HagosSport);
    assert_eq!(series[0].baseline, 35.0);
    assert_eq!(series[0].sdc, Some((17.7, 33.8)));
    assert_eq!(series[1].measure, Prom::VisaH);
    assert_eq!(series[1].sdc, None);
}

fn app(plan: Plan, athlete: bool) -> Harness<'static, LoadplanApp> {
    let prefs = Prefs {
        athlete_mode: athlete,
        ..Prefs::default()
    };
    let mut h = app_with_plan(plan, prefs, today(), vec2(1280.0, 800.0));
    click(&mut h, Role::Button, "Progress");
    h
}

fn has(h: &Harness<'_, LoadplanApp>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

#[test]
fn the_tab_shows_the_adherence_counts_supervised_sessions_and_flags() {
    let h = app(logged_plan(), false);
    // Five sessions due before today: three done, Wednesday 4 partly, Monday 9 missed (today's,
    // not logged yet, is not due until something of it is). 7 of the 11 exercises due were
    // checked off.
    assert!(
        has(
            &h,
            "3 of 5 sessions done (64 % of exercises checked off), 1 partly done, 1 missed"
        ),
        "the overall adherence"
    );
    // The table runs to the current week.
    assert!(has(&h, "2 (this week)"));
    assert!(h.query_by_label("3 (this week)").is_none());
    // One supervised session logged, one a week planned from week 3 on.
    assert!(
        h.query_by_label("1 supervised done + 10 planned ahead = 11 of the recommended 12")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(
            Role::ProgressIndicator,
            "Supervised sessions: 1 supervised done + 10 planned ahead = 11 of the recommended 12"
        )
        .is_some()
    );
    // The flag for the clinician.
    assert!(has(&h, "fewer than the 12 recommended"));
    // The charts are there, with their headings and accessible descriptions.
    assert!(has(&h, "Load: planned against done, by week"));
    assert!(has(
        &h,
        "Chart of planned against done volume load (kg) by week"
    ));
    assert!(has(
        &h,
        "Chart of pain during and next morning over 3 logged sessions"
    ));
    assert!(has(&h, "No PROM scores yet"));
    // Figures are computed once per plan revision: further frames compute nothing.
    let computed = read(&h).times_computed();
    let mut h = h;
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(read(&h).times_computed(), computed);
}

#[test]
fn choosing_a_metric_redraws_the_load_chart_in_it() {
    let mut h = app(logged_plan(), false);
    click(&mut h, Role::ComboBox, "Progress chart metric");
    click(&mut h, Role::Button, "Sessions");
    let panel = &h.state().panels().progress;
    assert_eq!(panel.metric, Some(Metric::Sessions));
    let load = read(&h).load_done(Metric::Sessions, LoadUnit::Kg);
    assert_eq!(load.metric, Metric::Sessions);
    assert_eq!(load.actual, vec![4.0, 0.0]);
    assert!(has(&h, "Chart of planned against done sessions by week"));
    assert!(has(&h, "Every scheduled session."));
}

#[test]
fn a_physio_enters_and_deletes_a_prom_score() {
    let mut h = app(logged_plan(), false);
    click(&mut h, Role::ComboBox, "PROM measure");
    click(&mut h, Role::Button, "HAGOS pain");
    type_into_drag_value(&mut h, "PROM score", "55");
    click(&mut h, Role::Button, "Add score");
    let added = PromScore {
        date: today(),
        measure: Prom::HagosPain,
        score: 55.0,
    };
    assert_eq!(plan(&h).proms, vec![added.clone()]);
    // The form moves on to the next subscale; the chart and the list show the score.
    assert_eq!(h.state().panels().progress.form.measure, Prom::HagosAdl);
    assert!(has(
        &h,
        "Chart of PROM scores over time: HAGOS pain from 55 to 55 points"
    ));
    assert!(h.query_by_label_contains("No PROM scores yet").is_none());

    // A second HAGOS pain score on the same day is refused until the first is deleted.
    click(&mut h, Role::ComboBox, "PROM measure");
    click(&mut h, Role::Button, "HAGOS pain");
    assert!(
        h.get_by_role_and_label(Role::Button, "Add score")
            .accesskit_node()
            .is_disabled()
    );
    assert!(has(&h, "There is already a HAGOS pain score on"));

    // Scores above 100 cannot be typed.
    type_into_drag_value(&mut h, "PROM score", "140");
    assert_eq!(h.state().panels().progress.form.score, 100.0);

    click(&mut h, Role::Button, &delete_label(&added));
    assert!(plan(&h).proms.is_empty());
    assert!(has(&h, "No PROM scores yet"));
}

#[test]
fn the_prom_chart_shows_a_band_only_where_the_summary_gives_one() {
    let mut p = logged_plan();
    for (d, measure, score) in [
        (date(2026, 11, 2), Prom::HagosSport, 35.0),
        (date(2026, 11, 9), Prom::HagosSport, 50.0),
        (date(2026, 11, 2), Prom::VisaH, 48.0),
    ] {
        p.proms.push(PromScore {
            date: d,
            measure,
            score,
        });
    }
    let mut h = app(p, false);
    assert!(has(&h, "Smallest detectable change (lowest)"));
    assert!(has(
        &h,
        "VISA-H: the clinical summary gives no smallest detectable change"
    ));
    // One measure alone.
    click(&mut h, Role::ComboBox, "PROM chart shows");
    click(&mut h, Role::Button, "VISA-H");
    assert_eq!(h.state().panels().progress.prom_view, Some(Prom::VisaH));
    assert!(
        h.query_by_label_contains("Smallest detectable change (lowest)")
            .is_none()
    );
    assert!(has(
        &h,
        "Chart of PROM scores over time: VISA-H from 48 to 48 points"
    ));
}

#[test]
fn athlete_mode_has_no_prom_entry_and_no_referral_wording() {
    let mut p = logged_plan();
    p.proms.push(PromScore {
        date: date(2026, 11, 2),
        measure: Prom::HagosPain,
        score: 40.0,
    });
    let h = app(p, true);
    assert!(has(
        &h,
        "3 of 5 sessions done (64 % of exercises checked off), 1 partly done, 1 missed"
    ));
    assert!(
        h.query_by_label("1 session with your physio done, 10 more planned; 12 recommended")
            .is_some()
    );
    assert!(has(&h, "Your pain over time"));
    assert!(has(&h, "Your questionnaire scores"));
    for absent in [
        "PROM score",
        "PROM measure",
        "PROM date",
        "Add score",
        "Enter a PROM score",
        "fewer than the 12 recommended",
        "referral",
        "waiting for review",
    ] {
        assert!(
            h.query_by_label_contains(absent).is_none(),
            "athlete mode shows {absent:?}"
        );
    }
    assert!(
        h.query_by_label_contains("Delete HAGOS pain score")
            .is_none(),
        "no delete buttons in athlete mode"
    );
}

#[test]
fn empty_states_say_what_to_do() {
    let mut undated = logged_plan();
    undated.start_date = None;
    undated.log.clear();
    let h = app(undated, false);
    assert!(has(
        &h,
        "Set the plan's start date in Plan details to date its sessions"
    ));
    assert!(has(&h, "Nothing logged yet, so no pain to show."));
    assert!(has(&h, "No PROM scores yet"));

    let mut fresh = logged_plan();
    fresh.log.clear();
    let h = app(fresh, false);
    assert!(has(
        &h,
        "Nothing logged yet: sessions checked off in the Calendar tab"
    ));
    // Nothing logged: past sessions are missed, today's is not due yet.
    assert!(has(
        &h,
        "0 of 5 sessions done (0 % of exercises checked off), 0 partly done, 5 missed"
    ));
}

#[test]
fn words_for_adherence_and_supervised_sessions() {
    let plan = logged_plan();
    let projection = engine::project(&plan);
    let status = engine::status(&plan, &projection, &[], today());
    assert_eq!(
        adherence_summary(&status.overall),
        "3 of 5 sessions done (64 % of exercises checked off), 1 partly done, 1 missed"
    );
    assert_eq!(
        supervised_words(1, 10, 12, true),
        "1 session with your physio done, 10 more planned; 12 recommended"
    );
}

#[test]
fn an_added_score_refreshes_the_figures() {
    let mut h = app(logged_plan(), false);
    let before = read(&h).revision();
    let ctx = h.ctx.clone();
    h.state_mut().send(
        Command::Edit(Edit::AddProm(PromScore {
            date: date(2026, 11, 2),
            measure: Prom::Ihot12,
            score: 42.0,
        })),
        &ctx,
    );
    h.run();
    assert_ne!(read(&h).revision(), before, "a new revision, new figures");
    let proms = read(&h).proms();
    assert_eq!(proms.len(), 1);
    assert_eq!(proms[0].measure, Prom::Ihot12);
}

/// The read model of the window's plan.
fn read<'a>(h: &'a Harness<'_, LoadplanApp>) -> &'a ReadModel {
    h.state().document().expect("a plan is open").read()
}

//! The athlete's side of the window, driven by role and label: checking off today's session
//! with pain, the next session's adjusted dose, athlete mode keeping the plan read-only, the
//! physio's decision on an adjustment, and the calendar.

use crate::common::reason;
use crate::support::{app_with_plan, click, open_plan as plan};
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::app::LoadplanApp;
use loadplan::app::document::Origin;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, Edit};
use loadplan::engine::AdjustmentStatus;
use loadplan::model::{Decision, Load, Plan};

const SLD: &str = "Single-leg deadlift with dumbbell";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The runner's programme starting Monday 2 Nov 2026: single-leg deadlift 3 x 10 at 4.5 kg on
/// Mon, Wed, Fri, with side planks and partial Nordics.
fn runner_plan() -> Plan {
    let mut plan = crate::support::runner_before();
    plan.start_date = Some(date(2026, 11, 2));
    plan
}

fn app(athlete: bool, today: NaiveDate) -> Harness<'static, LoadplanApp> {
    let prefs = Prefs {
        athlete_mode: athlete,
        ..Prefs::default()
    };
    app_with_plan(runner_plan(), prefs, today, vec2(1280.0, 900.0))
}

fn sld_id(h: &Harness<'_, LoadplanApp>) -> u32 {
    plan(h)
        .prescriptions
        .iter()
        .find(|p| p.exercise == "sl_deadlift_db")
        .expect("single-leg deadlift prescribed")
        .id
}

#[test]
fn an_athlete_checks_off_today_with_pain_6_and_the_next_session_is_reduced() {
    let mut h = app(true, date(2026, 11, 2));
    // Athlete mode opens on Today, with Monday's session.
    assert!(
        h.query_by_label_contains("Today, Monday 2 November 2026")
            .is_some(),
        "the Today view shows the date"
    );
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    click(&mut h, Role::Button, &format!("Pain during {SLD}: 6"));

    let p = plan(&h);
    let log = p.session_log(date(2026, 11, 2), 0).expect("session logged");
    let entry = log.exercise(sld_id(&h)).expect("exercise logged");
    assert!(entry.done);
    assert_eq!(entry.pain_during, Some(6));
    // Logging never changes the prescription.
    assert_eq!(p.prescriptions, runner_plan().prescriptions);

    // The next session (Wednesday) of that exercise shows the reduced dose, with the reason;
    // the other exercises of Wednesday keep theirs.
    click(&mut h, Role::Button, "Calendar");
    click(&mut h, Role::Button, "Wednesday 4 November 2026: planned");
    assert!(
        h.query_by_label_contains("3 sets of 10 on each side, holding a 3.5 kg dumbbell")
            .is_some(),
        "the dose to do, in words"
    );
    assert!(
        h.query_by_label_contains("Changed from the plan's 3 sets of 10 each side, 4.5 kg")
            .is_some(),
        "and what it replaces"
    );
    assert!(
        h.query_by_label_contains(
            "Why: pain 6/10 during on 2 Nov: load reduced from 4.5 kg to 3.5 kg"
        )
        .is_some()
    );
    assert_eq!(
        h.query_all_by_label_contains("Changed from the plan's")
            .count(),
        1,
        "only the painful exercise is adjusted"
    );
    let adjustments = h
        .state()
        .document()
        .expect("doc")
        .read()
        .adjustments()
        .to_vec();
    assert_eq!(adjustments.len(), 1);
    assert_eq!(adjustments[0].date, date(2026, 11, 4));
    assert_eq!(adjustments[0].effective.load, Load::Kg(3.5));

    // The week view shows Wednesday's dose to do now, in the session, with the change beside
    // it; Monday and Friday keep the planned dose.
    click(&mut h, Role::Button, "Week view");
    assert_eq!(
        h.query_all_by_label_contains(
            "Changed from 3 sets of 10 each side, 4.5 kg: pain 6/10 during on 2 Nov"
        )
        .count(),
        1
    );
    assert!(
        h.query_by_label_contains("3 x 10 @").is_none(),
        "no dose notation for the athlete"
    );
    // In plain words: no "tempo 3-0-2", no "3 x 10 @".
    assert!(
        h.query_by_label("3 sets of 10 on each side, holding a 3.5 kg dumbbell")
            .is_some()
    );
    assert!(
        h.query_all_by_label("3 sets of 10 on each side, holding a 4.5 kg dumbbell")
            .count()
            >= 1
    );
    assert!(
        h.query_all_by_label_contains("3 seconds down, 2 seconds up")
            .count()
            >= 1
    );
    assert!(h.query_by_label_contains("tempo").is_none());
    assert!(h.query_by_label_contains("Wed 4 Nov").is_some());
    assert!(
        h.query_by_label_contains("volume load").is_none(),
        "no load jargon for the athlete"
    );
}

#[test]
fn a_verdict_is_so_far_until_the_morning_answer() {
    let mut h = app(true, date(2026, 11, 3));
    click(&mut h, Role::Button, "Calendar");
    click(&mut h, Role::Button, "Monday 2 November 2026: missed");
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    click(&mut h, Role::Button, &format!("Pain during {SLD}: 4"));
    assert!(
        h.query_by_label_contains("So far amber").is_some(),
        "not final before the next morning"
    );
    click(
        &mut h,
        Role::Button,
        &format!("Pain next morning after {SLD}: 4"),
    );
    // 4/10 the next morning is above the safe range: red, whatever pain during was.
    assert!(h.query_by_label_contains("So far").is_none());
    assert!(h.query_by_label_contains("Red: too much").is_some());
}

#[test]
fn athlete_mode_cannot_change_a_prescription() {
    let mut h = app(true, date(2026, 11, 2));
    assert!(
        h.query_by_label("Prescriptions").is_none(),
        "no prescription editor in athlete mode"
    );
    assert!(h.query_by_label("Plan details").is_none());
    assert!(
        h.query_by_label_contains("Search exercises").is_none(),
        "no library"
    );
    let before = plan(&h);
    let mut rx = before.prescriptions[0].clone();
    rx.dose.sets = 9;
    let ctx = h.ctx.clone();
    h.state_mut()
        .send(Command::Edit(Edit::UpdatePrescription(rx)), &ctx);
    h.run();
    assert_eq!(plan(&h), before, "the edit is refused");
    let message = h.state().message().expect("the refusal is explained");
    assert!(message.is_error && message.text.contains("read-only in athlete mode"));
    // Logging still works.
    click(&mut h, Role::Button, "Mark the whole session done");
    let p = plan(&h);
    let log = p.session_log(date(2026, 11, 2), 0).expect("logged");
    assert!(log.exercises.iter().all(|e| e.done));
    assert_eq!(log.exercises.len(), 3, "every exercise of Monday's session");
    assert_eq!(p.prescriptions, before.prescriptions);
}

#[test]
fn the_physio_accepts_or_dismisses_an_adjustment() {
    let mut h = app(false, date(2026, 11, 3));
    click(&mut h, Role::Button, "Calendar");
    click(&mut h, Role::Button, "Monday 2 November 2026: missed");
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    click(&mut h, Role::Button, &format!("Pain during {SLD}: 4"));
    // Amber with the plan's progression: only adjusted when the plan would go up. Make it red
    // through the next morning instead: worse than during.
    click(
        &mut h,
        Role::Button,
        &format!("Pain next morning after {SLD}: 7"),
    );
    let adjustments = h
        .state()
        .document()
        .expect("doc")
        .read()
        .adjustments()
        .to_vec();
    assert_eq!(adjustments.len(), 1);
    assert_eq!(adjustments[0].status, AdjustmentStatus::Pending);
    assert!(reason(&adjustments[0]).contains("worse next morning (7/10)"));

    // The physio reviews it in Progress.
    click(&mut h, Role::Button, "Progress");
    assert!(
        h.query_by_label_contains("Adjustments to review (1)")
            .is_some()
    );
    // Each decision button names its session and exercise for a screen reader, so the
    // buttons of two adjustments stay apart; Change... sits beside Accept and Dismiss.
    let who = format!("{} {SLD}", adjustments[0].date.format("%a %-d %b"));
    click(&mut h, Role::Button, &format!("Change...: {who}"));
    assert!(h.query_by_label("Use this dose").is_some());
    click(&mut h, Role::Button, "Cancel");
    assert!(h.query_by_label(&format!("Dismiss: {who}")).is_some());
    click(&mut h, Role::Button, &format!("Accept: {who}"));
    let p = plan(&h);
    assert_eq!(p.adjustments.len(), 1);
    assert_eq!(p.adjustments[0].decision, Decision::Accept);
    assert!(h.query_by_label_contains("Adjustments to review").is_none());

    // Dismissing restores the planned dose for that session.
    let a = &adjustments[0];
    let ctx = h.ctx.clone();
    h.state_mut().send(
        Command::Edit(Edit::Decide {
            prescription: a.prescription_id,
            date: a.date,
            slot: a.slot,
            decision: Some(Decision::Dismiss),
            proposed: Some(a.proposed.clone()),
        }),
        &ctx,
    );
    h.run();
    let now = h
        .state()
        .document()
        .expect("doc")
        .read()
        .adjustments()
        .to_vec();
    assert_eq!(now[0].status, AdjustmentStatus::Dismissed);
    assert_eq!(now[0].effective, now[0].planned);
    // Undo brings the acceptance back.
    h.state_mut().send(Command::Undo, &ctx);
    h.run();
    assert_eq!(plan(&h).adjustments[0].decision, Decision::Accept);
}

#[test]
fn the_calendar_shows_each_days_state() {
    let mut h = app(false, date(2026, 11, 6));
    click(&mut h, Role::Button, "Calendar");
    assert!(
        h.query_by_label("Friday 6 November 2026 (today): planned")
            .is_some()
    );
    assert!(h.query_by_label("Monday 2 November 2026: missed").is_some());
    assert!(
        h.query_by_label("Tuesday 3 November 2026: rest day")
            .is_some()
    );
    click(&mut h, Role::Button, "Monday 2 November 2026: missed");
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    assert!(
        h.query_by_label("Monday 2 November 2026: partly done")
            .is_some()
    );
    click(&mut h, Role::Button, "Mark the whole session done");
    assert!(h.query_by_label("Monday 2 November 2026: done").is_some());
    // Month navigation.
    click(&mut h, Role::Button, "Next month");
    assert!(h.query_by_label("December 2026").is_some());
    click(&mut h, Role::Button, "Today");
    assert!(
        h.query_by_label("Friday 6 November 2026 (today): planned")
            .is_some()
    );
}

#[test]
fn the_next_morning_the_athlete_rates_yesterdays_pain() {
    let mut start = runner_plan();
    let sld = start.prescriptions[0].id;
    let entry = start
        .session_log_mut(date(2026, 11, 2), 0)
        .exercise_mut(sld, "sl_deadlift_db");
    entry.done = true;
    entry.pain_during = Some(2);
    let prefs = Prefs {
        athlete_mode: true,
        ..Prefs::default()
    };
    let mut app = LoadplanApp::with_document(prefs, start, Origin::Unsaved("test".into()));
    app.set_today(date(2026, 11, 3));
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app);
    h.run();
    assert!(
        h.query_by_label_contains("The morning after Monday 2 November: how is the pain now?")
            .is_some()
    );
    click(
        &mut h,
        Role::Button,
        &format!("Pain next morning after {SLD}: 5"),
    );
    let p = plan(&h);
    let entry = p
        .session_log(date(2026, 11, 2), 0)
        .and_then(|l| l.exercise(sld))
        .expect("still logged");
    assert_eq!(
        entry.pain_next_morning,
        Some(loadplan::model::NextMorning::Pain(5))
    );
    // Worse next morning: Wednesday's session is reduced.
    let adjustments = h
        .state()
        .document()
        .expect("doc")
        .read()
        .adjustments()
        .to_vec();
    assert_eq!(adjustments.len(), 1);
    assert_eq!(adjustments[0].date, date(2026, 11, 4));
    assert!(reason(&adjustments[0]).contains("worse next morning (5/10) after 2 Nov"));
    // Rated: the prompt is gone.
    assert!(h.query_by_label_contains("The morning after").is_none());
}

#[test]
fn a_day_after_today_is_logged_only_when_the_user_says_so() {
    let mut h = app(true, date(2026, 11, 2));
    click(&mut h, Role::Button, "Calendar");
    click(&mut h, Role::Button, "Wednesday 4 November 2026: planned");
    assert!(h.query_by_label_contains("is after today").is_some());
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    assert!(
        plan(&h).session_log(date(2026, 11, 4), 0).is_none(),
        "a mis-click records nothing"
    );
    click(&mut h, Role::Button, "Log it now anyway");
    click(&mut h, Role::CheckBox, &format!("Done: {SLD}"));
    let p = plan(&h);
    let log = p.session_log(date(2026, 11, 4), 0).expect("logged early");
    assert!(log.exercise(sld_id(&h)).is_some_and(|e| e.done));
}

#[test]
fn after_the_last_session_today_says_when_the_plan_ended_and_how_much_was_logged() {
    let h = app(true, date(2027, 6, 1));
    let ended = h
        .query_by_label_contains("This plan ended on ")
        .expect("the end of the plan is said");
    let node = ended.accesskit_node();
    let words = node.label().or(node.value()).unwrap_or_default();
    assert!(
        words.contains("You logged 0 of its ") && words.contains("Ask your physio"),
        "{words}"
    );
    assert!(
        !words.contains("Well done"),
        "no praise for a plan not done: {words}"
    );
}

//! The athlete's log in the engine: the pain traffic light, the adjustments it proposes for
//! the next session, the clinician's decisions on them, adherence and the flags.

use crate::common::*;
use chrono::NaiveDate;
use loadplan::engine::{
    Adjustment, AdjustmentKind, AdjustmentStatus, PAIN_MODEL, Response, SessionState, Status,
    adjustment_for, adjustments, classify, day_states, project, response_of, session_state,
    sources, status,
};
use loadplan::model::*;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).expect("valid date")
}

/// 5 January 2026 is a Monday: three sessions a week fall on Mon, Wed and Fri.
fn jan(d: u32) -> NaiveDate {
    day(1, d)
}

/// Four dated weeks from Mon 5 Jan 2026. Prescription 1: single-leg deadlifts 3 x 10, 10 kg
/// in week 1, +2.5 kg a week, the first session of each week supervised. Prescription 2:
/// side plank 3 x 30 s, body weight. Both Mon, Wed, Fri, in the same sessions.
fn plan() -> Plan {
    let mut plan = base_plan(4);
    let load = Rule::Add {
        target: Target::Load,
        amount: Amount::Absolute(2.5),
        every_weeks: 1,
        cap: None,
        round_to: None,
        from_week: None,
        until_week: None,
    };
    let mut sldl = rx(1, "sldl", 1, 4, dose(3, 10, Load::Kg(10.0)), vec![load]);
    sldl.supervised_per_week = 1;
    let plank_dose = Dose {
        sets: 3,
        hold_secs: Some(30.0),
        load: Load::BodyWeight,
        ..Dose::default()
    };
    let plank = rx(2, "plank", 1, 4, plank_dose, vec![]);
    plan.prescriptions = vec![sldl, plank];
    plan
}

/// Marks prescription `rx` done on `date` (first session of the day) with these pain ratings.
fn log(
    plan: &mut Plan,
    date: NaiveDate,
    rx: u32,
    during: Option<u8>,
    next: Option<NextMorning>,
) -> &mut ExerciseLog {
    let exercise = plan
        .prescription(rx)
        .expect("prescription")
        .exercise
        .clone();
    let entry = plan.session_log_mut(date, 0).exercise_mut(rx, &exercise);
    entry.done = true;
    entry.pain_during = during;
    entry.pain_next_morning = next;
    entry
}

fn adjustments_of(plan: &Plan) -> Vec<Adjustment> {
    adjustments(plan, &project(plan))
}

fn status_on(plan: &Plan, today: NaiveDate) -> Status {
    let p = project(plan);
    let adj = adjustments(plan, &p);
    status(plan, &p, &adj, today)
}

fn kg(dose: &Dose) -> Option<f64> {
    dose.load.kg()
}

fn flag_codes(s: &Status) -> Vec<&'static str> {
    s.flags.iter().map(|f| f.code).collect()
}

#[test]
fn the_test_plan_is_what_the_tests_assume() {
    let plan = plan();
    let p = project(&plan);
    let dates: Vec<NaiveDate> = p.sessions.iter().filter_map(|s| s.date).take(4).collect();
    assert_eq!(dates, [jan(5), jan(7), jan(9), jan(12)]);
    assert!(p.sessions.iter().all(|s| s.items.len() == 2));
    let load = |w: u32| kg(&p.week(w).expect("week").items[0].dose);
    assert_eq!(
        (load(1), load(2), load(3)),
        (Some(10.0), Some(12.5), Some(15.0))
    );
    assert_eq!(p.supervised_sessions, 4);
}

#[test]
fn classify_follows_the_pain_monitoring_model() {
    use NextMorning::{Pain, Settled};
    let cases: [(Option<u8>, Option<NextMorning>, Option<Response>); 22] = [
        // Green: 0-2 during and settled (or nothing reported yet about the next morning).
        (Some(0), Some(Settled), Some(Response::Green)),
        (Some(2), Some(Settled), Some(Response::Green)),
        (Some(2), None, Some(Response::Green)),
        (None, Some(Settled), Some(Response::Green)),
        // A next-morning rating in the safe zone, not above the pain during, has settled.
        (Some(2), Some(Pain(2)), Some(Response::Green)),
        (Some(1), Some(Pain(1)), Some(Response::Green)),
        // Amber: 3-5 during, settled.
        (Some(3), Some(Settled), Some(Response::Amber)),
        (Some(5), Some(Settled), Some(Response::Amber)),
        (Some(4), None, Some(Response::Amber)),
        (Some(5), Some(Pain(2)), Some(Response::Amber)),
        // Red: not settled next morning (above the safe zone), even when not worse than
        // during (docs/clinical.md#pain-monitoring: red is above 5 or not settled next morning).
        (Some(5), Some(Pain(4)), Some(Response::Red)),
        (Some(4), Some(Pain(4)), Some(Response::Red)),
        (Some(5), Some(Pain(5)), Some(Response::Red)),
        // Red: above 5 during, whatever the morning after.
        (Some(6), Some(Settled), Some(Response::Red)),
        (Some(6), None, Some(Response::Red)),
        (Some(10), Some(Pain(1)), Some(Response::Red)),
        // Red: worse next morning, whatever the pain during.
        (Some(2), Some(Pain(3)), Some(Response::Red)),
        (Some(0), Some(Pain(4)), Some(Response::Red)),
        (Some(4), Some(Pain(5)), Some(Response::Red)),
        (None, Some(Pain(5)), Some(Response::Red)),
        // Nothing reported: no response.
        (None, None, None),
        // Above 5 during and worse still the next morning.
        (Some(6), Some(Pain(8)), Some(Response::Red)),
    ];
    for (during, next, expected) in cases {
        let usual = PainLimits::default();
        assert_eq!(
            classify(usual, during, next),
            expected,
            "{during:?} / {next:?}"
        );
    }
    // Only exercises checked off get a response.
    let mut entry = ExerciseLog::new(1, "sldl");
    entry.pain_during = Some(8);
    assert_eq!(response_of(PainLimits::default(), &entry), None);
    entry.done = true;
    assert_eq!(
        response_of(PainLimits::default(), &entry),
        Some(Response::Red)
    );
    // A plan that allows at most 3/10 (tendinopathy): 4 during is red.
    let tendon = PainLimits {
        safe_max: 2,
        acceptable_max: 3,
    };
    assert_eq!(classify(tendon, Some(3), None), Some(Response::Amber));
    assert_eq!(classify(tendon, Some(4), None), Some(Response::Red));
    assert_eq!(
        classify(PainLimits::default(), Some(4), None),
        Some(Response::Amber)
    );
}

#[test]
fn red_reduces_the_next_session_of_that_prescription_only() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(6), Some(NextMorning::Settled));
    log(&mut plan, jan(5), 2, Some(6), Some(NextMorning::Settled));
    plan.session_log_mut(jan(5), 0).exercises[1].done = false; // the plank was not done
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    let a = &adj[0];
    assert_eq!(
        (a.prescription_id, a.date, a.slot, a.week),
        (1, jan(7), 0, 1)
    );
    assert_eq!((a.basis_date, a.basis_slot), (jan(5), 0));
    assert_eq!(
        (a.response, a.kind),
        (Response::Red, AdjustmentKind::Reduce)
    );
    assert_eq!(kg(&a.planned), Some(10.0));
    // One variable: the load, by about a fifth (10 kg -> 8 kg); sets and reps as planned.
    assert_eq!(kg(&a.proposed), Some(8.0));
    assert_eq!(a.proposed.sets, 3);
    assert_eq!(a.proposed.reps, Some(Reps::Fixed(10)));
    assert_eq!(a.exercise, "sldl");
    assert_eq!(a.status, AdjustmentStatus::Pending);
    assert_eq!(a.effective, a.proposed);
    assert!(a.is_pending() && !a.past);
    assert!(
        reason(a).contains("pain 6/10 during on 5 Jan"),
        "{}",
        reason(a)
    );
    assert!(
        reason(a).contains("load reduced from 10 kg to 8 kg"),
        "{}",
        reason(a)
    );
    // The session after it, and the other prescription in the same session, as planned.
    assert!(adjustment_for(&adj, 1, jan(9), 0).is_none());
    assert!(adjustment_for(&adj, 2, jan(7), 0).is_none());
    // The plan itself is untouched.
    assert_eq!(plan.prescriptions, self::plan().prescriptions);
}

#[test]
fn red_reduces_from_the_dose_done_not_from_next_weeks_higher_dose() {
    let mut plan = plan();
    // Friday of week 1, done at 9 kg instead of 10: next is Monday of week 2 (12.5 kg planned).
    log(&mut plan, jan(9), 1, Some(7), None).load_kg = Some(9.0);
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    let a = &adj[0];
    assert_eq!((a.date, a.week), (jan(12), 2));
    assert_eq!(kg(&a.planned), Some(12.5));
    assert_eq!(kg(&a.proposed), Some(7.0), "9 kg less about a fifth");
    assert!(
        reason(a).contains("pain 7/10 during on 9 Jan"),
        "{}",
        reason(a)
    );
    assert!(reason(a).contains("from 9 kg to 7 kg"), "{}", reason(a));
}

#[test]
fn worse_next_morning_is_red_and_says_so() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(2), None);
    assert!(
        adjustments_of(&plan).is_empty(),
        "green until the morning after"
    );
    // The next morning's report is added to the same entry.
    plan.session_log_mut(jan(5), 0).exercises[0].pain_next_morning = Some(NextMorning::Pain(5));
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1);
    assert_eq!(adj[0].response, Response::Red);
    assert_eq!(kg(&adj[0].proposed), Some(8.0));
    assert!(
        reason(&adj[0]).contains("pain worse next morning (5/10) after 5 Jan"),
        "{}",
        reason(&adj[0])
    );
}

#[test]
fn amber_holds_the_dose_just_done_when_the_plan_would_raise_it() {
    let mut plan = plan();
    // Friday of week 1 at 10 kg, pain 4: Monday of week 2 would be 12.5 kg.
    log(&mut plan, jan(9), 1, Some(4), Some(NextMorning::Settled));
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    let a = &adj[0];
    assert_eq!((a.prescription_id, a.date), (1, jan(12)));
    assert_eq!(
        (a.response, a.kind),
        (Response::Amber, AdjustmentKind::Hold)
    );
    assert_eq!(kg(&a.planned), Some(12.5));
    assert_eq!(kg(&a.proposed), Some(10.0), "held at the dose just done");
    assert_eq!(
        (a.proposed.sets, &a.proposed.reps),
        (3, &Some(Reps::Fixed(10)))
    );
    assert!(
        reason(a).contains("pain 4/10 during on 9 Jan"),
        "{}",
        reason(a)
    );
    assert!(reason(a).contains("load held at 10 kg"), "{}", reason(a));
    assert!(adjustment_for(&adj, 1, jan(14), 0).is_none());
}

#[test]
fn amber_within_a_week_changes_nothing() {
    let mut plan = plan();
    // Monday and Wednesday of week 1 have the same dose: holding it is the plan.
    log(&mut plan, jan(5), 1, Some(5), Some(NextMorning::Settled));
    assert!(adjustments_of(&plan).is_empty());
}

#[test]
fn amber_after_doing_less_holds_at_what_was_done() {
    let mut plan = plan();
    let entry = log(&mut plan, jan(5), 1, Some(3), None);
    entry.load_kg = Some(9.0);
    entry.reps = Some(8);
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    assert_eq!(adj[0].date, jan(7));
    assert_eq!(kg(&adj[0].proposed), Some(9.0));
    assert_eq!(adj[0].proposed.reps, Some(Reps::Fixed(8)));
}

#[test]
fn green_follows_the_plan() {
    let mut plan = plan();
    for d in [5, 7, 9] {
        log(&mut plan, jan(d), 1, Some(1), Some(NextMorning::Settled));
        log(&mut plan, jan(d), 2, Some(0), None);
    }
    assert!(adjustments_of(&plan).is_empty());
    let s = status_on(&plan, jan(10));
    assert!(s.pending_adjustments.is_empty());
    assert!(!flag_codes(&s).contains(&"adjustments-pending"));
}

#[test]
fn decisions_set_the_status_and_the_effective_dose() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(8), None);
    let proposed = adjustments_of(&plan)[0].proposed.clone();
    let planned = adjustments_of(&plan)[0].planned.clone();
    let decide = |decision: Decision, date: NaiveDate| {
        let mut plan = plan.clone();
        plan.adjustments.push(AdjustmentDecision {
            prescription: 1,
            date,
            slot: 0,
            decision,
            proposed: None,
        });
        let adj = adjustments_of(&plan);
        assert_eq!(adj.len(), 1, "{adj:#?}");
        let s = status_on(&plan, jan(6));
        (adj[0].clone(), s)
    };

    let (a, s) = decide(Decision::Accept, jan(7));
    assert_eq!(a.status, AdjustmentStatus::Accepted);
    assert_eq!(a.effective, proposed);
    assert!(!a.is_pending());
    assert!(s.pending_adjustments.is_empty());
    assert!(!flag_codes(&s).contains(&"adjustments-pending"));

    let chosen = dose(2, 10, Load::Kg(9.0));
    let (a, s) = decide(Decision::Change(chosen.clone()), jan(7));
    assert_eq!(a.status, AdjustmentStatus::Changed);
    assert_eq!(a.effective, chosen);
    assert_eq!(a.proposed, proposed, "the proposal stays on record");
    assert!(s.pending_adjustments.is_empty());

    let (a, s) = decide(Decision::Dismiss, jan(7));
    assert_eq!(a.status, AdjustmentStatus::Dismissed);
    assert_eq!(a.effective, planned);
    assert!(s.pending_adjustments.is_empty());

    // A decision on another session does not touch this one.
    let (a, s) = decide(Decision::Accept, jan(9));
    assert_eq!(a.status, AdjustmentStatus::Pending);
    assert_eq!(a.effective, proposed);
    assert_eq!(s.pending_adjustments.len(), 1);
    let flag = s
        .flags
        .iter()
        .find(|f| f.code == "adjustments-pending")
        .expect("pending flag");
    assert_eq!(flag.severity, loadplan::engine::Severity::Note);
    assert_eq!(flag.source, PAIN_MODEL);
}

#[test]
fn a_later_log_supersedes_an_earlier_one() {
    // An extra session logged between the red one and the next planned session decides.
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(7), None);
    assert_eq!(adjustments_of(&plan).len(), 1);
    log(&mut plan, jan(6), 1, Some(1), Some(NextMorning::Settled));
    assert!(
        adjustments_of(&plan).is_empty(),
        "{:#?}",
        adjustments_of(&plan)
    );
    // The later one being red itself: its own adjustment, from its own date.
    plan.session_log_mut(jan(6), 0).exercises[0].pain_during = Some(9);
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1);
    assert_eq!((adj[0].basis_date, adj[0].date), (jan(6), jan(7)));
    assert!(reason(&adj[0]).contains("9/10 during on 6 Jan"));
}

#[test]
fn an_adjusted_session_once_logged_is_history() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(7), None);
    log(&mut plan, jan(7), 1, Some(1), Some(NextMorning::Settled));
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    assert_eq!(adj[0].date, jan(7));
    assert!(adj[0].past);
    assert!(!adj[0].is_pending());
    assert!(status_on(&plan, jan(8)).pending_adjustments.is_empty());
    // Green on Wednesday: Friday as planned.
    assert!(adjustment_for(&adj, 1, jan(9), 0).is_none());
}

#[test]
fn adherence_counts_done_partly_done_and_missed_sessions() {
    let mut plan = plan();
    // Week 1: Mon both (done), Wed deadlift only (partly), Fri nothing (missed; a
    // not-done entry does not count).
    log(&mut plan, jan(5), 1, None, None);
    log(&mut plan, jan(5), 2, None, None);
    log(&mut plan, jan(7), 1, None, None);
    log(&mut plan, jan(9), 1, None, None).done = false;
    // Week 2: Mon both (done), Wed (today) plank only (partly); Fri still ahead.
    log(&mut plan, jan(12), 1, None, None);
    log(&mut plan, jan(12), 2, None, None);
    log(&mut plan, jan(14), 2, None, None);
    let s = status_on(&plan, jan(14));
    assert_eq!(s.current_week, Some(2));

    let w1 = s.weeks[0].adherence;
    assert_eq!(
        (w1.due, w1.done, w1.partial, w1.missed),
        (3, 1, 1, 1),
        "{w1:?}"
    );
    assert_eq!((w1.exercises_due, w1.exercises_done), (6, 3));
    assert_eq!(w1.pct(), Some(50.0));

    let w2 = s.weeks[1].adherence;
    assert_eq!(
        (w2.due, w2.done, w2.partial, w2.missed),
        (2, 1, 1, 0),
        "{w2:?}"
    );
    assert_eq!((w2.exercises_due, w2.exercises_done), (4, 3));
    assert_eq!(w2.pct(), Some(75.0));

    let w3 = s.weeks[2].adherence;
    assert_eq!((w3.due, w3.pct()), (0, None));

    let all = s.overall;
    assert_eq!((all.due, all.done, all.partial, all.missed), (5, 2, 2, 1));
    assert_eq!((all.exercises_due, all.exercises_done), (10, 6));
    assert_eq!(all.pct(), Some(60.0));

    // Day by day.
    let p = project(&plan);
    let days = day_states(&plan, &p, jan(14));
    assert_eq!(days.get(&jan(5)), Some(&SessionState::Done));
    assert_eq!(days.get(&jan(7)), Some(&SessionState::Partial));
    assert_eq!(days.get(&jan(9)), Some(&SessionState::Missed));
    assert_eq!(days.get(&jan(14)), Some(&SessionState::Partial));
    assert_eq!(days.get(&jan(16)), Some(&SessionState::Planned));
    assert_eq!(days.get(&jan(6)), None, "a rest day");
    let friday = p
        .sessions
        .iter()
        .find(|x| x.date == Some(jan(16)))
        .expect("session");
    assert_eq!(session_state(&plan, friday, jan(14)), SessionState::Planned);
    assert_eq!(session_state(&plan, friday, jan(17)), SessionState::Missed);
}

#[test]
fn supervised_sessions_are_counted_and_a_short_plan_is_flagged() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, None, None);
    plan.session_log_mut(jan(5), 0).supervised = true;
    log(&mut plan, jan(12), 1, None, None);
    plan.session_log_mut(jan(12), 0).supervised = true;
    // Supervised but nothing done: not counted.
    log(&mut plan, jan(7), 1, None, None).done = false;
    plan.session_log_mut(jan(7), 0).supervised = true;
    let s = status_on(&plan, jan(14));
    assert_eq!(s.supervised_done, 2);
    assert_eq!(s.supervised_planned_ahead, 2, "Mon 19 and Mon 26 Jan");
    assert_eq!(s.supervised_target, 12);
    assert_eq!(
        (s.weeks[0].supervised_done, s.weeks[1].supervised_done),
        (1, 1)
    );
    let flag = s
        .flags
        .iter()
        .find(|f| f.code == "supervised-short")
        .expect("supervised-short flag");
    assert_eq!(flag.severity, loadplan::engine::Severity::Warning);
    assert!(flag.message.contains("12"), "{}", flag.message);
    assert_eq!(flag.source, sources::SUMMARY);

    // Four by the end of the plan is enough when the plan asks for four.
    plan.thresholds.min_supervised_sessions = 4;
    assert!(!flag_codes(&status_on(&plan, jan(14))).contains(&"supervised-short"));
    plan.thresholds.min_supervised_sessions = 5;
    assert!(flag_codes(&status_on(&plan, jan(14))).contains(&"supervised-short"));
    // Nothing logged yet: no flag (the guardrails already warn about the plan itself).
    plan.log.clear();
    assert!(!flag_codes(&status_on(&plan, jan(14))).contains(&"supervised-short"));
}

/// Logs prescription 1 on the given January days with the given pain during.
fn pain_log(days_pain: &[(u32, u8)]) -> Plan {
    let mut plan = plan();
    for &(d, pain) in days_pain {
        log(&mut plan, jan(d), 1, Some(pain), Some(NextMorning::Settled));
    }
    plan
}

fn prom(plan: &mut Plan, date: NaiveDate, score: f64) {
    plan.proms.push(PromScore {
        date,
        measure: Prom::HagosPain,
        score,
    });
}

#[test]
fn no_improvement_after_three_weeks_suggests_referral() {
    // 5 Jan to 26 Jan: 21 days of logs, pain 4/10 throughout.
    let flat = [
        (5, 4),
        (7, 4),
        (9, 4),
        (14, 4),
        (19, 4),
        (21, 4),
        (23, 4),
        (26, 4),
    ];
    let plan = pain_log(&flat);
    let s = status_on(&plan, jan(27));
    let trend = s.pain_trend.expect("trend");
    assert_eq!(
        (trend.first_mean, trend.last_mean, trend.days),
        (4.0, 4.0, 21)
    );
    assert!(!trend.improved());
    let flag = s
        .flags
        .iter()
        .find(|f| f.code == "consider-referral")
        .expect("referral flag");
    assert_eq!(flag.severity, loadplan::engine::Severity::Warning);
    assert!(flag.message.contains("referral"), "{}", flag.message);
    assert!(flag.message.contains("3 weeks"), "{}", flag.message);

    // Not before 21 days of logs.
    let plan = pain_log(&flat[..7]);
    assert!(!flag_codes(&status_on(&plan, jan(27))).contains(&"consider-referral"));

    // Not when pain fell by a point or more (4 -> 3 over the last week).
    let better = [
        (5, 4),
        (7, 4),
        (9, 4),
        (14, 4),
        (19, 4),
        (21, 3),
        (23, 3),
        (26, 3),
    ];
    let s = status_on(&pain_log(&better), jan(27));
    assert!(s.pain_trend.expect("trend").improved());
    assert!(!flag_codes(&s).contains(&"consider-referral"));

    // Two thirds of a point is no improvement (4 -> 3.33).
    let slightly = [
        (5, 4),
        (7, 4),
        (9, 4),
        (14, 4),
        (19, 4),
        (21, 3),
        (23, 4),
        (26, 3),
    ];
    let s = status_on(&pain_log(&slightly), jan(27));
    let trend = s.pain_trend.expect("trend");
    assert!((trend.last_mean - 10.0 / 3.0).abs() < 1e-9, "{trend:?}");
    assert!(!trend.improved());
    assert!(flag_codes(&s).contains(&"consider-referral"));
}

#[test]
fn a_better_prom_score_means_no_referral_flag() {
    let flat = [
        (5, 4),
        (7, 4),
        (9, 4),
        (14, 4),
        (19, 4),
        (21, 4),
        (23, 4),
        (26, 4),
    ];
    let mut plan = pain_log(&flat);
    prom(&mut plan, jan(5), 50.0);
    prom(&mut plan, jan(26), 50.0);
    let s = status_on(&plan, jan(27));
    let flag = s
        .flags
        .iter()
        .find(|f| f.code == "consider-referral")
        .expect("referral flag: PROM unchanged");
    assert!(flag.message.contains("PROM"), "{}", flag.message);

    prom(&mut plan, jan(20), 40.0);
    plan.proms.retain(|p| p.date != jan(26));
    prom(&mut plan, jan(26), 62.0);
    let s = status_on(&plan, jan(27));
    assert!(
        !flag_codes(&s).contains(&"consider-referral"),
        "{:?}",
        s.flags
    );
}

#[test]
fn pain_in_the_safe_zone_throughout_is_no_reason_for_referral() {
    let low = [
        (5, 1),
        (7, 2),
        (9, 1),
        (14, 1),
        (19, 2),
        (21, 2),
        (23, 2),
        (26, 2),
    ];
    let s = status_on(&pain_log(&low), jan(27));
    assert!(!flag_codes(&s).contains(&"consider-referral"));
}

#[test]
fn red_on_a_timed_hold_reduces_the_hold() {
    let mut plan = plan();
    log(&mut plan, jan(5), 2, Some(7), None);
    let adj = adjustments_of(&plan);
    assert_eq!(adj.len(), 1, "{adj:#?}");
    assert_eq!((adj[0].prescription_id, adj[0].date), (2, jan(7)));
    assert_eq!(adj[0].proposed.hold_secs, Some(24.0));
    assert_eq!(adj[0].proposed.sets, 3);
    assert!(
        reason(&adj[0]).contains("hold reduced from 30 s to 24 s"),
        "{}",
        reason(&adj[0])
    );
}

/// Today's supervised session, not logged yet, is neither done nor ahead: on the morning of
/// every supervised session the plan looks one short. Here 4 are planned and 4 asked for;
/// on Monday 12 January (the week-2 supervised session, nothing missed so far) the flag says
/// "1 logged and 2 still planned: 3 by the end of the plan".
#[test]
fn todays_supervised_session_still_counts_as_ahead() {
    let mut plan = plan();
    plan.thresholds.min_supervised_sessions = 4;
    log(&mut plan, jan(5), 1, None, None);
    plan.session_log_mut(jan(5), 0).supervised = true;
    let s = status_on(&plan, jan(12));
    assert_eq!(s.supervised_done + s.supervised_planned_ahead, 4);
    assert!(
        !flag_codes(&s).contains(&"supervised-short"),
        "{:?}",
        s.flags
    );
}

/// A plan file's log may be written in any order (by hand, by another program); the
/// adjustments should not depend on it. With the log reversed, the red session of Monday is
/// no longer superseded by the extra session logged on Tuesday.
#[test]
fn adjustments_do_not_depend_on_the_order_of_the_log() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(7), None);
    log(&mut plan, jan(6), 1, Some(1), None);
    assert!(adjustments_of(&plan).is_empty());
    plan.log.reverse();
    assert!(
        adjustments_of(&plan).is_empty(),
        "{:#?}",
        adjustments_of(&plan)
    );
}

/// Red on Monday proposes a lighter Wednesday. Wednesday is missed; Friday is done at the
/// planned dose with no pain. The Wednesday proposal stays "pending" for ever (it is not
/// `past`, since Wednesday was never logged), so `adjustments-pending` never clears, and
/// Friday, the session actually done after the red one, was never adjusted.
#[test]
fn an_adjustment_for_a_missed_session_does_not_stay_pending() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(7), None);
    log(&mut plan, jan(9), 1, Some(0), Some(NextMorning::Settled));
    let s = status_on(&plan, jan(20));
    assert!(
        s.pending_adjustments.is_empty(),
        "{:#?}",
        s.pending_adjustments
    );
    assert!(!flag_codes(&s).contains(&"adjustments-pending"));
}

#[test]
fn a_decision_lapses_when_a_later_report_changes_the_proposal() {
    let mut plan = plan();
    // Wednesday of week 1 at 10 kg, pain 4 during: amber. The plan keeps 10 kg on Friday, so
    // nothing to adjust yet; log Friday amber, Monday of week 2 would go to 12.5 kg: held.
    log(&mut plan, jan(9), 1, Some(4), Some(NextMorning::Settled));
    let held = adjustments_of(&plan);
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].kind, AdjustmentKind::Hold);
    assert_eq!(held[0].date, jan(12));
    plan.adjustments.push(AdjustmentDecision {
        prescription: 1,
        date: jan(12),
        slot: 0,
        decision: Decision::Accept,
        proposed: Some(held[0].proposed.clone()),
    });
    assert_eq!(adjustments_of(&plan)[0].status, AdjustmentStatus::Accepted);
    // The next morning turns out worse: the proposal becomes a reduction, which the physio has
    // not seen, so it is pending again rather than silently accepted.
    log(&mut plan, jan(9), 1, Some(4), Some(NextMorning::Pain(6)));
    let now = adjustments_of(&plan);
    assert_eq!(now[0].kind, AdjustmentKind::Reduce);
    assert_eq!(now[0].status, AdjustmentStatus::Pending);
    assert_eq!(now[0].effective, now[0].proposed);
    assert!(
        reason(&now[0]).contains("worse next morning (6/10)"),
        "{}",
        reason(&now[0])
    );
}

#[test]
fn a_reduction_follows_the_athlete_past_skipped_sessions() {
    let mut plan = plan();
    log(&mut plan, jan(5), 1, Some(7), None);
    assert_eq!(adjustments_of(&plan)[0].date, jan(7));
    // Wednesday is skipped; on Friday only the side plank is done.
    log(&mut plan, jan(9), 2, Some(0), None);
    let a = adjustments_of(&plan);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].date, jan(9), "Wednesday was passed over: {a:#?}");
    assert!(a[0].is_pending());
    // Monday of week 2 the side plank again: the deadlift's reduction moves on with it, from
    // week 2's planned 12.5 kg down to a fifth below the 10 kg last done.
    log(&mut plan, jan(12), 2, Some(0), None);
    let a = adjustments_of(&plan);
    assert_eq!(a[0].date, jan(12));
    assert_eq!(kg(&a[0].planned), Some(12.5));
    assert_eq!(kg(&a[0].proposed), Some(8.0));
    // Once the deadlift is done again, the reduction is history.
    log(&mut plan, jan(14), 1, Some(1), Some(NextMorning::Settled));
    let a = adjustments_of(&plan);
    assert!(a.iter().all(|x| !x.is_pending()), "{a:#?}");
}

/// The pickers' colours, the pain chart's bands and marks, the calendar's dots and the verdict
/// all come from one table (`PainZone`): for every rating and both pain limits the program
/// ships (2/5 and the tendinopathy plan's 3/5), the verdict of a rating is its zone.
#[test]
fn colours_bands_and_verdicts_agree_for_every_rating() {
    use loadplan::engine::{PainZone, classify, review::day_pain, review::long_date};
    for limits in [
        PainLimits::default(),
        PainLimits {
            safe_max: 3,
            acceptable_max: 5,
        },
    ] {
        for n in 0..=10u8 {
            let during = classify(limits, Some(n), None).expect("a verdict");
            assert_eq!(during.zone(), PainZone::during(n, limits), "during {n}");
            let next = classify(limits, Some(0), Some(NextMorning::Pain(n))).expect("a verdict");
            assert_eq!(next.zone(), PainZone::next_morning(n, limits), "next {n}");
            // Above the safe range the next morning is red, never amber.
            assert_eq!(
                next.zone() == PainZone::Red,
                n > limits.safe_max,
                "next morning {n} with {limits:?}"
            );
            // The calendar's dot is the worse of the two.
            let date = NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
            let points = [loadplan::engine::PainPoint {
                date,
                during: Some(n),
                next_morning: Some(n),
            }];
            let worst = classify(limits, Some(n), Some(NextMorning::Pain(n))).expect("verdict");
            let day = day_pain(&points, limits);
            assert_eq!(day[&date].0, worst.zone(), "{} {n}", long_date(date));
        }
    }
}

//! Bad log entries in a plan file are reported with file, line and column, and nothing changes.

use std::path::Path;

use loadplan::io::parse_plan;

fn plan_with_log(log: &str) -> String {
    format!(
        r#"#![enable(implicit_some)]
(
    format_version: 2,
    title: "Logged plan",
    start_date: "2026-11-02",
    prescriptions: [(exercise: "sl_deadlift_db", weeks: (first: 1, last: 4))],
    log: [
{log}
    ],
)
"#
    )
}

fn error_of(text: &str) -> String {
    parse_plan(text, Path::new("logged.ron"))
        .expect_err("the plan is refused")
        .to_string()
}

#[test]
fn a_sound_log_parses() {
    let text = plan_with_log(
        r#"        (date: "2026-11-02", exercises: [(prescription: 1, exercise: "sl_deadlift_db", done: true, pain_during: 4, pain_next_morning: Settled)], rpe: 6.0, minutes: 30.0),"#,
    );
    let plan = parse_plan(&text, Path::new("logged.ron")).expect("parses");
    assert_eq!(plan.log.len(), 1);
    assert_eq!(plan.log[0].exercises[0].pain_during, Some(4));
}

#[test]
fn pain_above_10_points_at_the_log_entry() {
    let text = plan_with_log(
        r#"        (date: "2026-11-02", exercises: [(prescription: 1, exercise: "sl_deadlift_db", done: true, pain_during: 12)]),"#,
    );
    let err = error_of(&text);
    assert!(err.starts_with("logged.ron:8:9:"), "{err}");
    assert!(
        err.contains("pain_during is 12; pain is rated 0 to 10"),
        "{err}"
    );
}

#[test]
fn effort_above_10_and_a_session_logged_twice_are_refused() {
    let text = plan_with_log(r#"        (date: "2026-11-02", rpe: 14.0),"#);
    assert!(error_of(&text).contains("rpe is 14; session effort is rated 0 to 10"));
    let text = plan_with_log(
        r#"        (date: "2026-11-02", note: "a"),
        (date: "2026-11-02", note: "b"),"#,
    );
    let err = error_of(&text);
    assert!(err.starts_with("logged.ron:9:9:"), "{err}");
    assert!(err.contains("logged twice"), "{err}");
}

#[test]
fn an_unknown_field_in_a_log_entry_names_the_field() {
    let text = plan_with_log(r#"        (date: "2026-11-02", pain: 3),"#);
    let err = error_of(&text);
    assert!(err.contains("logged.ron:8:"), "{err}");
    assert!(err.contains("pain"), "{err}");
}

#[test]
fn a_slot_beyond_the_sixth_session_of_a_day_is_refused() {
    for slot in ["6", "4294967295"] {
        let text = plan_with_log(&format!(
            r#"        (date: "2026-11-02", slot: {slot}, note: "a"),
        (date: "2026-11-02", slot: {slot}, note: "b"),"#
        ));
        let err = error_of(&text);
        assert!(err.starts_with("logged.ron:8:9:"), "{err}");
        assert!(
            err.contains(&format!(
                "log of 2026-11-02: slot is {slot}; a day has at most 6 sessions (slot 0 for the \
                 first to 5 for the last)"
            )),
            "{err}"
        );
    }
}

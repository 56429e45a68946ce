//! The rule editor: the "Add rule" menu, the per-week table grid, deload and hold week lists,
//! moving and removing rules, the ladder of a next-variation rule, and the text parsers.

use super::*;

#[test]
fn add_rule_menu_adds_a_five_percent_load_rule() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    let before = h.state().rx(SLD).rules.len();
    h.get_by_label("Add rule").scroll_to_me();
    h.run();
    h.get_by_label("Add rule").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add amount or percent")
        .click();
    h.run();
    let rules = &h.state().rx(SLD).rules;
    assert_eq!(rules.len(), before + 1);
    assert_eq!(rules[before], Rule::add(Target::Load, Amount::Percent(5.0)));
    // The new rule is open: its fields are on screen; change the amount by typing.
    type_into_drag_value(&mut h, "Amount", "2.5");
    let rules = &h.state().rx(SLD).rules;
    assert_eq!(rules[before], Rule::add(Target::Load, Amount::Percent(2.5)));
}

#[test]
fn nordic_table_grid_shows_and_edits_weeks() {
    let mut h = select("nordic_hamstring", NORDIC);
    // The only rule, the per-week table, opens with the prescription.
    let reps = h.get_by_role_and_label(Role::TextInput, "Week 3 reps");
    assert_eq!(reps.value().as_deref(), Some("6-8"));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Week 5 reps")
            .value()
            .as_deref(),
        Some("12/10/8")
    );
    type_into_text(&mut h, "Week 1 sets", "3");
    let Rule::Table { rows, .. } = &h.state().rx(NORDIC).rules[0] else {
        panic!("table rule");
    };
    assert_eq!(rows[0].sets, Some(3));
    assert_eq!(
        h.state()
            .doc
            .read()
            .projection()
            .week(1)
            .expect("week 1")
            .items[0]
            .dose
            .sets,
        3
    );
}

#[test]
fn invalid_table_text_is_red_and_changes_nothing() {
    let mut h = select("nordic_hamstring", NORDIC);
    let before = h.state().rx(NORDIC).clone();
    type_into_text(&mut h, "Week 3 reps", "8-6");
    assert!(
        *h.state().rx(NORDIC) == before,
        "invalid reps are not pushed"
    );
    // The first error shows under the grid, above "Add week row".
    h.get_by_role_and_label(Role::Button, "Add week row")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("Week 3 reps: the range 8-6 goes down");
    // Correcting it pushes the new value.
    type_into_text(&mut h, "Week 3 reps", "7-9");
    let Rule::Table { rows, .. } = &h.state().rx(NORDIC).rules[0] else {
        panic!("table rule");
    };
    assert_eq!(rows[2].reps, Some(Reps::Range(7, 9)));
    // An empty cell carries the week before on.
    type_into_text(&mut h, "Week 3 reps", "");
    let Rule::Table { rows, .. } = &h.state().rx(NORDIC).rules[0] else {
        panic!("table rule");
    };
    assert_eq!(rows[2].reps, None);
}

#[test]
fn table_rows_are_added_and_deleted() {
    let mut h = select("nordic_hamstring", NORDIC);
    let table_len = |h: &Harness<'_, State>| match &h.state().rx(NORDIC).rules[0] {
        Rule::Table { rows, .. } => rows.iter().map(|r| r.week).collect::<Vec<_>>(),
        _ => panic!("table rule"),
    };
    assert_eq!(table_len(&h), vec![1, 2, 3, 4, 5, 11]);
    h.get_by_label("Add week row").scroll_to_me();
    h.run();
    h.get_by_label("Add week row").click();
    h.run();
    assert_eq!(table_len(&h), vec![1, 2, 3, 4, 5, 11, 12]);
    h.get_by_label("Delete row week 4").click();
    h.run();
    assert_eq!(table_len(&h), vec![1, 2, 3, 5, 11, 12]);
}

#[test]
fn deload_weeks_are_parsed_and_errors_shown() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    // Rule 2 of the single-leg deadlift is the week-8 deload.
    click_contains(&mut h, "2. Deload");
    let field = h.get_by_role_and_label(Role::TextInput, "Deload weeks");
    assert_eq!(field.value().as_deref(), Some("8"));
    let before = h.state().rx(SLD).clone();
    type_into_text(&mut h, "Deload weeks", "4, x");
    assert!(*h.state().rx(SLD) == before, "invalid weeks are not pushed");
    h.get_by_label_contains("\"x\" is not a week number");
    type_into_text(&mut h, "Deload weeks", "4, 8, 12");
    let rule = &h.state().rx(SLD).rules[1];
    assert!(matches!(rule, Rule::Deload { weeks, .. } if *weeks == vec![4, 8, 12]));
    assert!(h.query_by_label_contains("is not a week number").is_none());
}

#[test]
fn rules_are_moved_and_removed() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    let kinds = |h: &Harness<'_, State>| {
        h.state()
            .rx(SLD)
            .rules
            .iter()
            .map(Rule::kind_label)
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&h), vec!["Add", "Deload"]);
    h.get_by_label("Move rule 1 down").click();
    h.run();
    assert_eq!(kinds(&h), vec!["Deload", "Add"]);
    h.get_by_label("Remove rule 1").click();
    h.run();
    assert_eq!(kinds(&h), vec!["Add"]);
}

#[test]
fn next_variation_rule_shows_its_ladder() {
    let mut h = select_plan(
        crate::support::runner_before(),
        "Side plank, elbow on a bench",
    );
    // The only rule opens with the prescription.
    h.get_by_label_contains("Side plank, elbow on a bench (weeks 1-2), then");
    h.get_by_role_and_label(Role::CheckBox, "Restart dose")
        .click();
    h.run();
    let rule = &h.state().rx("Side plank, elbow on a bench").rules[0];
    assert_eq!(
        *rule,
        Rule::NextVariation {
            after_weeks: 2,
            reset_dose: true
        }
    );
}

#[test]
fn week_lists_and_reps_parse() {
    assert_eq!(parse_weeks("4, 8, 12"), Ok(vec![4, 8, 12]));
    assert_eq!(parse_weeks("12 8;4,4"), Ok(vec![4, 8, 12]));
    assert_eq!(parse_weeks(""), Ok(vec![]));
    assert!(parse_weeks("0").is_err());
    assert!(parse_weeks("4, x").is_err());
    assert!(parse_weeks("9999").is_err());
    assert_eq!(parse_reps("10"), Ok(Some(Reps::Fixed(10))));
    assert_eq!(parse_reps(" 6-8 "), Ok(Some(Reps::Range(6, 8))));
    assert_eq!(
        parse_reps("12/10/8"),
        Ok(Some(Reps::PerSet(vec![12, 10, 8])))
    );
    assert_eq!(
        parse_reps("12, 10, 8"),
        Ok(Some(Reps::PerSet(vec![12, 10, 8])))
    );
    assert_eq!(parse_reps(""), Ok(None));
    assert!(parse_reps("8-6").is_err());
    assert!(parse_reps("ten").is_err());
    assert!(parse_reps("12//8").is_err());
}

#[test]
fn add_rule_fields_show_and_take_pounds() {
    let mut state = State::new(crate::support::runner_before());
    state.doc.unit = LoadUnit::Lb;
    let mut h = harness(state);
    h.run();
    h.get_by_role_and_label(Role::Button, SLD).click();
    h.run();
    // Rule 1 (+1 kg every 2 weeks, cap 10 kg, round to 0.5 kg) opens with the prescription.
    let value = |h: &Harness<'_, State>, label: &str| {
        h.get_by_role_and_label(Role::SpinButton, label).value()
    };
    assert_eq!(value(&h, "Amount").as_deref(), Some("2.2 lb"));
    assert_eq!(value(&h, "Cap").as_deref(), Some("22.05 lb"));
    type_into_drag_value(&mut h, "Cap", "25");
    let Rule::Add { cap: Some(cap), .. } = h.state().rx(SLD).rules[0] else {
        panic!("add rule with a cap");
    };
    assert!(
        (cap - 25.0 * LoadUnit::KG_PER_LB).abs() < 1e-9,
        "cap stored in kg: {cap}"
    );
    h.get_by_role_and_label(Role::CheckBox, "Use rounding")
        .click();
    h.run();
    assert!(matches!(
        h.state().rx(SLD).rules[0],
        Rule::Add { round_to: None, .. }
    ));
    choose(&mut h, "Amount kind", "Percent");
    assert!(matches!(
        h.state().rx(SLD).rules[0],
        Rule::Add { amount: Amount::Percent(p), .. } if p == 5.0
    ));
}

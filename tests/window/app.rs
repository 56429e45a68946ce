//! The whole window, driven as a physio drives it: by role and label through egui_kittest,
//! with no display. Covers the planner issue's flows end to end.

use crate::support::type_into_drag_value;
use crate::support::{app_harness, click, open_plan as plan, send};
use egui::accesskit::Role;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::Command;
use loadplan::engine::Metric;
use loadplan::model::{Amount, Load, Rule, Target};

const SLD: &str = "Single-leg deadlift with dumbbell";

pub(crate) fn welcome() -> Harness<'static, LoadplanApp> {
    let mut h = app_harness(LoadplanApp::new(Prefs::default()), vec2(1280.0, 800.0));
    h.run();
    h
}

/// Finds an exercise in the library panel as a user does: by typing in the search field.
fn add_from_library(h: &mut Harness<'_, LoadplanApp>, search: &str, name: &str) {
    h.get_by_role_and_label(Role::TextInput, "Search exercises")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search exercises")
        .type_text(search);
    h.run();
    click(h, Role::Button, &format!("Add {name}"));
}

/// Applies `cmd` as `send` does, but draws no frame after it: what a command does before a
/// later frame picks up the result of work off the frame.
pub(crate) fn send_only(h: &mut Harness<'_, LoadplanApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().send(cmd, &ctx);
}

/// Sends `cmd` and waits for the saves and opens it started (`send` would run the window
/// while they report back, and the frames they cause can exceed `run`'s step budget).
pub(crate) fn send_and_wait(h: &mut Harness<'_, LoadplanApp>, cmd: Command) {
    send_only(h, cmd);
    wait_for_files(h);
}

/// Clicks as `click` does, then waits for the saves and opens the click started.
fn click_and_wait(h: &mut Harness<'_, LoadplanApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.step();
    wait_for_files(h);
}

/// Steps the window until the saves and opens in flight (on the file thread) have reported
/// back, then lets it settle. Fails after 10 s.
pub(crate) fn wait_for_files(h: &mut Harness<'_, LoadplanApp>) {
    let start = std::time::Instant::now();
    while h.state().is_busy() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "a save or open did not report back within 10 s (status: {:?})",
            h.state().message()
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}

fn sld_rx(h: &Harness<'_, LoadplanApp>) -> loadplan::model::Prescription {
    plan(h)
        .prescriptions
        .into_iter()
        .find(|p| p.exercise == "sl_deadlift_db")
        .expect("single-leg deadlift prescribed")
}

#[test]
fn nordic_template_week_3_shows_the_protocol_dose() {
    let mut h = welcome();
    click(
        &mut h,
        Role::Button,
        "Nordic hamstring exercise programme (Mjolsnes / Petersen) (12 weeks)",
    );
    assert_eq!(
        plan(&h).title,
        "Nordic hamstring exercise programme (Mjolsnes / Petersen)"
    );
    click(&mut h, Role::Button, "Week view");
    click(&mut h, Role::Button, "Week 3");
    assert_eq!(h.state().selection().week, 3);
    let doses = h.query_all_by_label_contains("3 x 6-8").count();
    assert!(doses >= 1, "week 3 shows 3 x 6-8");
    assert!(
        h.query_all_by_label_contains("Nordic hamstring curl")
            .count()
            >= 1
    );
    assert!(
        h.query_by_label_contains("12/10/8").is_none(),
        "week 5's dose is not shown in week 3"
    );
    assert!(h.query_by_label_contains("3 sessions").is_some());
}

/// Builds the runner's programme's first exercise by hand: a new plan, single-leg deadlift
/// from the library, 3 x 10 at 4.5 kg, +5 % load a week.
fn runner_plan_by_hand() -> Harness<'static, LoadplanApp> {
    let mut h = welcome();
    click(&mut h, Role::Button, "New empty plan");
    add_from_library(&mut h, "single-leg deadlift", SLD);
    assert_eq!(
        h.state().selection().prescription,
        Some(sld_rx(&h).id),
        "the new prescription is selected"
    );
    type_into_drag_value(&mut h, "Sets", "3");
    type_into_drag_value(&mut h, "Reps", "10");
    type_into_drag_value(&mut h, "Load", "4.5");
    click(&mut h, Role::Button, "Add rule");
    click(&mut h, Role::Button, "Add amount or percent");
    h
}

#[test]
fn adding_from_the_library_and_progressing_updates_the_chart() {
    let h = runner_plan_by_hand();
    let rx = sld_rx(&h);
    assert_eq!((rx.dose.sets, rx.dose.load.clone()), (3, Load::Kg(4.5)));
    assert_eq!(
        rx.rules,
        vec![Rule::add(Target::Load, Amount::Percent(5.0))]
    );
    let chart = h.state().shown_chart().expect("the chart was drawn");
    assert_eq!(chart.metric, Metric::VolumeLoadKg);
    let week4 = chart
        .weeks
        .iter()
        .position(|w| *w == 4)
        .expect("week 4 charted");
    // 3 sessions x 3 sets x 10 reps x 2 sides x 4.5 kg x 1.05^3 (shown 5.21 kg) = 937.8 kg.
    assert!(
        (chart.total[week4] - 937.8).abs() < 1e-6,
        "week 4 total {}",
        chart.total[week4]
    );
    let series = chart
        .series
        .iter()
        .find(|s| s.name == SLD)
        .expect("exercise series");
    assert!((series.values[week4] - 937.8).abs() < 1e-6);
    // Week 1 is the unprogressed dose: 180 reps x 4.5 kg.
    assert!((chart.total[0] - 810.0).abs() < 1e-6);
}

#[test]
fn undo_and_redo_every_edit_with_the_menu_naming_it() {
    let mut h = runner_plan_by_hand();
    type_into_drag_value(&mut h, "Sets", "4");
    assert_eq!(sld_rx(&h).dose.sets, 4);
    let (undo, _) = h.state().undo_redo_labels();
    assert_eq!(undo, Some(format!("Edit {SLD}").as_str()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(sld_rx(&h).dose.sets, 3);
    assert_eq!(
        h.state().undo_redo_labels().1,
        Some(format!("Edit {SLD}").as_str())
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(sld_rx(&h).dose.sets, 4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(sld_rx(&h).dose.sets, 4);
    // Undo back to before the exercise was added, through the Edit menu.
    for _ in 0..10 {
        send(&mut h, Command::Undo);
    }
    assert!(plan(&h).prescriptions.is_empty());
    click(&mut h, Role::Button, "Edit");
    assert!(
        h.query_by_label_contains(&format!("Redo Add {SLD}"))
            .is_some()
    );
}

#[test]
fn save_and_open_again_gives_an_equal_plan() {
    let mut h = runner_plan_by_hand();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("runner.ron");
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    send_and_wait(&mut h, Command::SaveTo(path.clone()));
    let saved = plan(&h);
    let doc = h.state().document().expect("doc");
    assert!(!doc.is_dirty());
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(!doc.window_title().starts_with('*'));
    send_and_wait(&mut h, Command::OpenPath(path.clone()));
    assert_eq!(plan(&h), saved);
    assert_eq!(h.state().prefs().recent_files.first(), Some(&path));
    assert!(
        h.query_by_label_contains("Saved").is_none()
            || h.state().message().is_none_or(|m| !m.is_error)
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_they_are_lost() {
    let mut h = runner_plan_by_hand();
    let edited = plan(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().is_asking_to_save());
    assert!(h.query_by_label_contains("Save changes?").is_some());
    click(&mut h, Role::Button, "Cancel");
    assert!(!h.state().is_asking_to_save());
    assert_eq!(plan(&h), edited, "Cancel keeps the plan");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, Role::Button, "Discard changes");
    assert!(
        plan(&h).prescriptions.is_empty(),
        "Discard starts the new plan"
    );
    // Save: with a file, saving then continuing.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kept.ron");
    let mut h = runner_plan_by_hand();
    send_and_wait(&mut h, Command::SaveTo(path.clone()));
    type_into_drag_value(&mut h, "Sets", "5");
    send(&mut h, Command::OpenSample);
    assert!(h.state().is_asking_to_save());
    click_and_wait(&mut h, Role::Button, "Save");
    assert!(!h.state().is_asking_to_save());
    assert_eq!(
        plan(&h).athlete,
        "Alex Morgan",
        "the sample plan opened after saving"
    );
    let kept = loadplan::io::load_plan(&path).expect("saved file");
    assert_eq!(kept.prescriptions[0].dose.sets, 5);
    // Quitting with unsaved changes asks too.
    let mut h2 = runner_plan_by_hand();
    send(&mut h2, Command::Quit);
    assert!(h2.state().is_asking_to_save());
}

#[test]
fn a_malformed_file_shows_the_error_and_keeps_the_current_plan() {
    let mut h = runner_plan_by_hand();
    let before = plan(&h);
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  title: \"Bad\",\n  weeks: \"twelve\",\n)\n").expect("write");
    send(&mut h, Command::OpenPath(bad.clone()));
    // The plan has unsaved changes: opening asks first; going ahead still keeps the plan.
    assert!(h.state().is_asking_to_save());
    click_and_wait(&mut h, Role::Button, "Discard changes");
    assert_eq!(plan(&h), before);
    let message = h.state().message().expect("an error is shown").clone();
    assert!(message.is_error);
    assert!(message.text.contains("bad.ron:3:"), "{}", message.text);
    assert!(
        h.query_by_label_contains("expected a whole number for `weeks`")
            .is_some()
    );
    assert!(
        h.state().document().is_some_and(|d| d.is_dirty()),
        "the unsaved plan is still unsaved"
    );
    assert!(!h.state().prefs().recent_files.contains(&bad));
}

#[test]
fn findings_update_as_the_plan_is_edited_and_select_what_they_concern() {
    let mut h = welcome();
    click(&mut h, Role::Button, "New empty plan");
    add_from_library(&mut h, "single-leg deadlift", SLD);
    let findings = h
        .state()
        .document()
        .expect("doc")
        .read()
        .findings()
        .to_vec();
    assert!(findings.iter().any(|f| f.code == "few-supervised-sessions"));
    type_into_drag_value(&mut h, "Supervised per week", "1");
    let findings = h
        .state()
        .document()
        .expect("doc")
        .read()
        .findings()
        .to_vec();
    assert!(
        !findings.iter().any(|f| f.code == "few-supervised-sessions"),
        "{findings:?}"
    );
    // A spike: +20 % load a week, then click the finding.
    click(&mut h, Role::Button, "Add rule");
    click(&mut h, Role::Button, "Add amount or percent");
    type_into_drag_value(&mut h, "Amount", "20");
    let spike = h
        .state()
        .document()
        .expect("doc")
        .read()
        .findings()
        .iter()
        .find(|f| f.code == "weekly-increase")
        .cloned()
        .expect("spike finding");
    assert_eq!(spike.week, Some(2));
    let row = h
        .query_all_by_label_contains("volume load +20 % from week 1")
        .next()
        .expect("finding shown");
    row.click();
    h.run();
    assert_eq!(h.state().selection().week, 2);
}

#[test]
fn preferences_change_units_and_theme() {
    let mut h = runner_plan_by_hand();
    send(&mut h, Command::SetLoadUnit(loadplan::model::LoadUnit::Lb));
    let chart = h.state().shown_chart().expect("chart");
    // The loads show to the hundredth of a pound, and the total adds what is shown.
    assert!(
        (chart.total[0] - 810.0 / 0.453_592_37).abs() < 0.5,
        "{}",
        chart.total[0]
    );
    assert!(h.query_by_label_contains("lb").is_some());
    send(
        &mut h,
        Command::SetTheme(loadplan::command::ThemeChoice::Light),
    );
    assert_eq!(
        h.state().prefs().theme,
        loadplan::command::ThemeChoice::Light
    );
}

#[test]
fn a_physio_builds_the_runners_glute_programme_saves_and_reopens_it() {
    let mut h = welcome();
    click(&mut h, Role::Button, "New empty plan");
    // Details: a title and 12 weeks.
    click(&mut h, Role::Button, "Plan details");
    h.get_by_role_and_label(Role::TextInput, "Title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Runner's glute programme");
    h.run();
    type_into_drag_value(&mut h, "Weeks", "12");
    // Single-leg deadlift 3 x 10 at 4.5 kg, +5 % a week.
    add_from_library(&mut h, "single-leg deadlift", SLD);
    type_into_drag_value(&mut h, "Sets", "3");
    type_into_drag_value(&mut h, "Reps", "10");
    type_into_drag_value(&mut h, "Load", "4.5");
    click(&mut h, Role::Button, "Add rule");
    click(&mut h, Role::Button, "Add amount or percent");
    // Side plank with leg lift 3 x 10, +1 rep a week.
    add_from_library(&mut h, "leg lift", "Side plank with leg lift");
    type_into_drag_value(&mut h, "Sets", "3");
    type_into_drag_value(&mut h, "Reps", "10");
    click(&mut h, Role::Button, "Add rule");
    click(&mut h, Role::Button, "Add amount or percent");
    h.get_by_role_and_label(Role::ComboBox, "Target").click();
    h.run();
    click(&mut h, Role::Button, "Reps");
    let p = plan(&h);
    assert_eq!(p.title, "Runner's glute programme");
    assert_eq!(p.length_weeks(), 12);
    let plank = p
        .prescriptions
        .iter()
        .find(|r| r.exercise == "side_plank_leg_lift")
        .expect("side plank");
    assert_eq!(
        (plank.dose.sets, plank.dose.reps.clone()),
        (3, Some(loadplan::model::Reps::Fixed(10)))
    );
    assert!(
        matches!(
            plank.rules[0],
            Rule::Add {
                target: Target::Reps,
                ..
            }
        ),
        "{:?}",
        plank.rules
    );
    // The chart shows the 12 weeks, rising.
    let chart = h.state().shown_chart().expect("chart");
    assert_eq!(chart.weeks.len(), 12);
    assert!(chart.total[11] > chart.total[0]);
    // Save, reopen, same plan.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("runner.ron");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    send_and_wait(&mut h, Command::SaveTo(path.clone()));
    let saved = plan(&h);
    send(&mut h, Command::CloseDocument);
    assert!(h.state().document().is_none(), "back on the welcome screen");
    click_and_wait(&mut h, Role::Link, &path.display().to_string());
    assert_eq!(plan(&h), saved);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = runner_plan_by_hand();
    let root = egui::ViewportId::ROOT;
    h.input_mut()
        .viewports
        .entry(root)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(
        h.state().is_asking_to_save(),
        "the close is held back to ask"
    );
    assert!(h.query_by_label_contains("Save changes?").is_some());
    click(&mut h, Role::Button, "Cancel");
    assert!(h.state().document().is_some());
}

/// Steps the UI until an export (which runs on its own thread) has reported back.
fn wait_for_export(h: &mut Harness<'_, LoadplanApp>) -> loadplan::ui::Message {
    for _ in 0..200 {
        h.run();
        if let Some(m) = h.state().message()
            && !m.text.starts_with("Exporting")
        {
            return m.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the export did not report back");
}

#[test]
fn exports_run_off_the_frame_and_report_in_the_window() {
    let mut h = welcome();
    send(&mut h, Command::OpenSample);
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, expect) in [
        ("plan.pdf", "PDF"),
        ("plan.csv", "CSV"),
        ("plan.ics", "calendar"),
    ] {
        let path = dir.path().join(name);
        send(&mut h, Command::ExportTo(path.clone()));
        let message = wait_for_export(&mut h);
        assert!(!message.is_error, "{}", message.text);
        assert!(
            message.text.contains(expect) || message.text.contains(name),
            "{}",
            message.text
        );
        assert!(
            std::fs::metadata(&path).is_ok_and(|m| m.len() > 0),
            "{name} written"
        );
    }
    assert!(
        h.query_by_label_contains("Exported").is_some(),
        "the result is shown in the window"
    );
    let pdf = std::fs::read(dir.path().join("plan.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    // Letter paper from the preference.
    send(
        &mut h,
        Command::SetPaper(loadplan::io::export::Paper::Letter),
    );
    assert_eq!(h.state().prefs().paper, loadplan::io::export::Paper::Letter);
    // An unknown extension is a clear error and writes nothing.
    let bad = dir.path().join("plan.docx");
    send(&mut h, Command::ExportTo(bad.clone()));
    let message = wait_for_export(&mut h);
    assert!(
        message.is_error && message.text.contains(".docx"),
        "{}",
        message.text
    );
    assert!(!bad.exists());
}

/// A 104-week plan with 40 prescriptions of library exercises, each raised 20 % a week:
/// over a hundred findings, 40 chart series, a long prescription list.
fn big_app() -> LoadplanApp {
    LoadplanApp::with_document(
        Prefs::default(),
        big_plan(),
        loadplan::app::document::Origin::Unsaved("big".to_owned()),
    )
}

/// The plan of `big_app`.
fn big_plan() -> loadplan::model::Plan {
    use loadplan::model::{Dose, Prescription, Reps, Schedule, WeekRange};
    let lib = loadplan::library::builtin().expect("library");
    let mut plan = loadplan::model::Plan {
        title: "Big plan".into(),
        weeks: 104,
        start_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5),
        ..Default::default()
    };
    for (i, ex) in lib.exercises.iter().cycle().take(40).enumerate() {
        plan.prescriptions.push(Prescription {
            id: i as u32 + 1,
            exercise: ex.id.clone(),
            weeks: WeekRange::new(1, 104),
            schedule: Schedule::PerWeek(3),
            supervised_per_week: 1,
            dose: Dose {
                sets: 3,
                reps: Some(Reps::Fixed(10)),
                load: Load::Kg(10.0),
                ..Dose::default()
            },
            rules: vec![Rule::add(Target::Load, Amount::Percent(20.0))],
            notes: String::new(),
        });
    }
    loadplan::library::fill_missing(&mut plan, lib);
    plan
}

#[test]
fn a_big_plan_lays_out_only_what_is_in_view_and_then_idles() {
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), big_app());
    // Settles (`run` fails when frames keep asking for more).
    h.run();
    let findings = h
        .state()
        .document()
        .expect("doc")
        .read()
        .findings()
        .to_vec();
    let heuristic = findings.iter().filter(|f| f.heuristic).count();
    assert!(heuristic > 100, "{heuristic} heuristic findings");
    // The findings panel counts them all but lays out only the rows in view.
    let warnings = findings
        .iter()
        .filter(|f| f.severity == loadplan::engine::Severity::Warning)
        .count();
    assert!(
        h.query_by_label_contains(&format!("{warnings} warnings"))
            .is_some()
    );
    let rows = h
        .query_all_by_role(Role::Button)
        .filter(|n| n.accesskit_node().label().is_some_and(|l| l.contains(": ")))
        .count();
    assert!(rows > 0 && rows < 40, "{rows} finding rows laid out");
    // The first one is there, whole, and selects what it concerns when clicked.
    let first = &findings[0];
    assert!(
        first.week.is_some() && first.prescription_id.is_some(),
        "{first:?}"
    );
    h.query_all_by_label_contains(&first.message)
        .next()
        .expect("the first finding is shown")
        .click();
    h.run();
    assert_eq!(h.state().selection().week, first.week.unwrap_or(0));
    assert_eq!(h.state().selection().prescription, first.prescription_id);
    // Only the prescription rows in view are laid out.
    let deletes = h.query_all_by_label_contains("Delete ").count();
    assert!(
        deletes > 0 && deletes < 40,
        "{deletes} prescription rows laid out"
    );
    // Idle: a frame without input asks for no other.
    h.step();
    assert!(!h.ctx.has_requested_repaint());
}

/// `big_plan` with long notes: a plan file of over 1 MB.
fn megabyte_plan() -> loadplan::model::Plan {
    let mut plan = big_plan();
    for rx in &mut plan.prescriptions {
        rx.notes = "Keep the pelvis level; stop before pain rises above 5/10. ".repeat(450);
    }
    let len = loadplan::io::plan_to_string(&plan)
        .expect("the plan serialises")
        .len();
    assert!(len > 1_000_000, "the plan file has {len} bytes");
    plan
}

fn app_with(plan: loadplan::model::Plan) -> Harness<'static, LoadplanApp> {
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut LoadplanApp| app.show(ui),
            LoadplanApp::with_document(
                Prefs::default(),
                plan,
                loadplan::app::document::Origin::Unsaved("big".to_owned()),
            ),
        );
    h.run();
    h
}

/// An edit of the first prescription's sets.
pub(crate) fn set_first_sets(h: &Harness<'_, LoadplanApp>, sets: u32) -> Command {
    let mut rx = plan(h).prescriptions[0].clone();
    rx.dose.sets = sets;
    Command::Edit(loadplan::command::Edit::UpdatePrescription(rx))
}

fn title(h: &Harness<'_, LoadplanApp>) -> String {
    h.state().document().expect("doc").window_title()
}

#[test]
fn saving_a_big_plan_runs_off_the_frame() {
    let mut h = app_with(megabyte_plan());
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    let edited = plan(&h);
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    send_only(&mut h, Command::SaveTo(path.clone()));
    // `send` returned before the result could arrive (it comes with a later frame).
    assert!(h.state().is_busy());
    let message = h
        .state()
        .message()
        .expect("the status bar says what runs")
        .clone();
    assert!(!message.is_error);
    assert!(
        message.text.starts_with("Saving big.ron"),
        "{}",
        message.text
    );
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    assert!(title(&h).starts_with('*'));
    // The window keeps drawing meanwhile (and shows the status while the save runs).
    h.step();
    if h.state().is_busy() {
        assert!(h.query_by_label_contains("Saving big.ron").is_some());
    }
    wait_for_files(&mut h);
    assert_eq!(loadplan::io::load_plan(&path).expect("saved file"), edited);
    let doc = h.state().document().expect("doc");
    assert!(!doc.is_dirty());
    assert!(!title(&h).starts_with('*'));
    assert_eq!(doc.path(), Some(path.as_path()));
    assert_eq!(h.state().prefs().recent_files.first(), Some(&path));
    let message = h.state().message().expect("saved is said");
    assert!(
        !message.is_error && message.text.starts_with("Saved"),
        "{}",
        message.text
    );
}

#[test]
fn an_edit_made_while_saving_stays_unsaved() {
    let mut h = runner_plan_by_hand();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("runner.ron");
    let written = plan(&h);
    send_only(&mut h, Command::SaveTo(path.clone()));
    // The edit is applied before the save can report back.
    let edit = set_first_sets(&h, 7);
    send_only(&mut h, edit);
    assert!(h.state().is_busy());
    wait_for_files(&mut h);
    assert_eq!(loadplan::io::load_plan(&path).expect("saved file"), written);
    assert_eq!(sld_rx(&h).dose.sets, 7);
    let doc = h.state().document().expect("doc");
    assert_eq!(doc.path(), Some(path.as_path()), "saved under the new name");
    assert!(doc.is_dirty(), "the edit made while saving is not saved");
    assert!(title(&h).starts_with("* runner.ron"), "{}", title(&h));
    // Saving again writes it.
    send_and_wait(&mut h, Command::Save);
    assert_eq!(
        loadplan::io::load_plan(&path)
            .expect("saved file")
            .prescriptions[0]
            .dose
            .sets,
        7
    );
    assert!(!title(&h).starts_with('*'));
}

#[test]
fn a_failed_save_shows_why_and_leaves_the_plan_unsaved() {
    let mut h = runner_plan_by_hand();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no such folder").join("runner.ron");
    send_and_wait(&mut h, Command::SaveTo(path.clone()));
    let message = h.state().message().expect("an error is shown").clone();
    assert!(
        message.is_error && message.text.starts_with("Could not save."),
        "{}",
        message.text
    );
    let doc = h.state().document().expect("doc");
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), None);
    assert!(!h.state().prefs().recent_files.contains(&path));
    // "Save changes?" -> Save with a failing save asks again instead of going on.
    send_and_wait(&mut h, Command::SaveTo(path.clone()));
    send(&mut h, Command::NewEmpty);
    assert!(h.state().is_asking_to_save());
}

#[test]
fn save_changes_then_save_goes_on_once_the_save_is_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    // New plan: the pending command runs after the save reported back.
    let kept = dir.path().join("kept.ron");
    let mut h = runner_plan_by_hand();
    send_and_wait(&mut h, Command::SaveTo(kept.clone()));
    type_into_drag_value(&mut h, "Sets", "5");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().is_asking_to_save());
    click_and_wait(&mut h, Role::Button, "Save");
    assert!(!h.state().is_asking_to_save());
    assert!(plan(&h).prescriptions.is_empty(), "the new plan started");
    assert_eq!(plan(&h).title, "New plan");
    let saved = loadplan::io::load_plan(&kept).expect("saved file");
    assert_eq!(saved.prescriptions[0].dose.sets, 5);
    // Open: the other file opens after the save.
    let other = dir.path().join("other.ron");
    let mut sample = loadplan::templates::sample().expect("sample plan");
    sample.title = "Other plan".to_owned();
    loadplan::io::save_plan(&sample, &other).expect("write other");
    let mut h = runner_plan_by_hand();
    send_and_wait(&mut h, Command::SaveTo(kept.clone()));
    type_into_drag_value(&mut h, "Sets", "6");
    send(&mut h, Command::OpenPath(other.clone()));
    assert!(h.state().is_asking_to_save());
    click_and_wait(&mut h, Role::Button, "Save");
    assert_eq!(plan(&h).title, "Other plan");
    assert_eq!(
        h.state().document().and_then(|d| d.path()),
        Some(other.as_path())
    );
    let saved = loadplan::io::load_plan(&kept).expect("saved file");
    assert_eq!(saved.prescriptions[0].dose.sets, 6);
    // Save as: the plan has no file, Save asks where (the dialog answers `SaveTo`); the
    // pending command goes on after that save.
    let named = dir.path().join("named.ron");
    let mut h = runner_plan_by_hand();
    send(&mut h, Command::NewEmpty);
    assert!(h.state().is_asking_to_save());
    let edited = plan(&h);
    send_only(
        &mut h,
        Command::Resolve(loadplan::command::UnsavedChoice::Save),
    );
    assert!(
        h.state().is_asking_to_save(),
        "the question waits for the Save-as dialog"
    );
    send_only(&mut h, Command::SaveTo(named.clone()));
    assert!(!h.state().is_asking_to_save());
    wait_for_files(&mut h);
    assert_eq!(loadplan::io::load_plan(&named).expect("saved file"), edited);
    assert_eq!(plan(&h).title, "New plan", "the new plan started");
    assert!(!h.state().is_asking_to_save());
}

#[test]
fn opening_a_missing_file_keeps_the_plan_and_says_why() {
    let mut h = welcome();
    send(&mut h, Command::OpenSample);
    let before = plan(&h);
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ron");
    send_only(&mut h, Command::OpenPath(missing.clone()));
    assert!(h.state().is_busy());
    assert!(
        h.state()
            .message()
            .is_some_and(|m| m.text.starts_with("Opening missing.ron")),
        "{:?}",
        h.state().message()
    );
    wait_for_files(&mut h);
    assert_eq!(plan(&h), before);
    let message = h.state().message().expect("an error is shown").clone();
    assert!(message.is_error);
    assert!(
        message.text.starts_with("Could not open the plan.")
            && message.text.contains("missing.ron"),
        "{}",
        message.text
    );
    assert!(
        h.query_by_label_contains("Could not open the plan.")
            .is_some()
    );
    assert!(!h.state().prefs().recent_files.contains(&missing));
    assert!(h.state().document().is_some_and(|d| d.path().is_none()));
}

#[test]
fn opening_a_big_plan_runs_off_the_frame() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let big = megabyte_plan();
    loadplan::io::save_plan(&big, &path).expect("write the big plan");
    let mut h = welcome();
    send(&mut h, Command::OpenSample);
    let sample = plan(&h);
    send_only(&mut h, Command::OpenPath(path.clone()));
    // `send` returned before the file was read: the plan shown is still the sample.
    assert!(h.state().is_busy());
    assert_eq!(plan(&h), sample);
    let message = h.state().message().expect("the status bar says what runs");
    assert!(
        message.text.starts_with("Opening big.ron"),
        "{}",
        message.text
    );
    h.step();
    if h.state().is_busy() {
        assert!(h.query_by_label_contains("Opening big.ron").is_some());
    }
    wait_for_files(&mut h);
    assert_eq!(plan(&h), loadplan::io::load_plan(&path).expect("reads"));
    assert_eq!(plan(&h).prescriptions.len(), big.prescriptions.len());
    let doc = h.state().document().expect("doc");
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(!doc.is_dirty());
    assert_eq!(h.state().prefs().recent_files.first(), Some(&path));
    assert!(h.state().message().is_none());
}

/// True when the last frame asked to close the window.
fn closes(h: &Harness<'_, LoadplanApp>) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn quitting_while_saving_waits_for_the_save() {
    let mut h = app_with(megabyte_plan());
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    let edited = plan(&h);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    send_only(&mut h, Command::SaveTo(path.clone()));
    send_only(&mut h, Command::Quit);
    assert!(
        !h.state().is_asking_to_save(),
        "nothing to ask: the save in flight writes the changes"
    );
    let start = std::time::Instant::now();
    let mut closed = false;
    while h.state().is_busy() {
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
        assert!(!closed, "the window closed before the save reported back");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
        closed |= closes(&h);
    }
    assert!(closed, "the window closes once the save is done");
    assert_eq!(loadplan::io::load_plan(&path).expect("saved file"), edited);
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
}

#[test]
fn an_edit_made_while_opening_is_asked_about_before_it_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.ron");
    let mut other = loadplan::templates::sample().expect("sample plan");
    other.title = "Other plan".to_owned();
    loadplan::io::save_plan(&other, &path).expect("write other");
    let mut h = runner_plan_by_hand();
    send(
        &mut h,
        Command::NewFromTemplate("nordic_hamstring".to_owned()),
    );
    click(&mut h, Role::Button, "Discard changes");
    send_only(&mut h, Command::OpenPath(path.clone()));
    let edit = set_first_sets(&h, 9);
    send_only(&mut h, edit);
    let edited = plan(&h);
    wait_for_files(&mut h);
    assert_eq!(plan(&h), edited, "the edit is not dropped");
    assert!(h.state().is_asking_to_save());
    click_and_wait(&mut h, Role::Button, "Discard changes");
    assert_eq!(plan(&h).title, "Other plan");
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
}

#[test]
fn the_sample_plan_starts_in_the_week_of_today() {
    let mut h = welcome();
    h.state_mut()
        .set_today(chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date"));
    send(&mut h, Command::OpenSample);
    let start = plan(&h).start_date;
    assert_eq!(
        start,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
        "Thursday 3 Dec: the Monday of that week"
    );
}

//! What the panel tests share: a plan and its read model as the app's document holds them, so a
//! panel under test reads exactly what it reads in the window, and edits pushed by the panel are
//! applied after the frame and the read model rebuilt, as the app does.

use std::sync::Arc;

use chrono::NaiveDate;
use loadplan::command::{Command, Edit};
use loadplan::engine::ReadModel;
use loadplan::model::{LoadUnit, Plan};
use loadplan::ui::{Mode, View};

/// The day the panel tests count as today, unless a test says otherwise.
pub fn default_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid date")
}

/// A built-in template, read.
pub fn template(id: &str) -> Plan {
    match loadplan::templates::load(id) {
        Some(Ok(plan)) => plan,
        other => panic!("template {id}: {other:?}"),
    }
}

/// A plan with its read model.
pub struct Doc {
    read: ReadModel,
    revision: u64,
    /// Unit loads are shown in.
    pub unit: LoadUnit,
    /// Who is looking.
    pub mode: Mode,
}

impl Doc {
    /// `plan` as of `default_today()`, loads in kilograms, the physio looking.
    pub fn new(plan: Plan) -> Doc {
        Doc::on(plan, default_today())
    }

    /// `plan` as of `today`.
    pub fn on(plan: Plan, today: NaiveDate) -> Doc {
        Doc {
            read: ReadModel::new(Arc::new(plan), 1, today),
            revision: 1,
            unit: LoadUnit::Kg,
            mode: Mode::Physio,
        }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.read.plan()
    }

    /// The read model.
    pub fn read(&self) -> &ReadModel {
        &self.read
    }

    /// What a panel reads.
    pub fn view(&self) -> View<'_> {
        View {
            read: &self.read,
            library: loadplan::library::Merged::builtin().expect("the built-in library reads"),
            library_status: loadplan::ui::LibraryStatus::Ready,
            unit: self.unit,
            mode: self.mode,
        }
    }

    /// Replaces the plan (a new revision).
    pub fn set_plan(&mut self, plan: Plan) {
        self.revision += 1;
        self.read = ReadModel::new(Arc::new(plan), self.revision, self.read.today());
    }

    /// Applies `edit` as the app does; true when it changed the plan.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let mut plan = self.plan().clone();
        if edit.apply(&mut plan) && plan != *self.plan() {
            self.set_plan(plan);
            true
        } else {
            false
        }
    }

    /// Applies the edits among `cmds`; true when any changed the plan.
    pub fn apply_commands<'a>(&mut self, cmds: impl IntoIterator<Item = &'a Command>) -> bool {
        let mut changed = false;
        for cmd in cmds {
            if let Command::Edit(edit) = cmd {
                changed |= self.apply(edit.clone());
            }
        }
        changed
    }
}

/// Equal within floating-point rounding.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * (1.0 + a.abs().max(b.abs()))
}

/// The whole window at `size`, as a person sees it.
pub fn app_harness(
    app: loadplan::app::LoadplanApp,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, loadplan::app::LoadplanApp> {
    egui_kittest::Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut loadplan::app::LoadplanApp| app.show(ui), app)
}

/// The window with `plan` open (not from a file), `prefs` as given, today set.
pub fn app_with_plan(
    plan: Plan,
    prefs: loadplan::app::prefs::Prefs,
    today: NaiveDate,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, loadplan::app::LoadplanApp> {
    let origin = loadplan::app::document::Origin::Unsaved("test".into());
    let mut app = loadplan::app::LoadplanApp::with_document(prefs, plan, origin);
    app.set_today(today);
    let mut h = app_harness(app, size);
    h.run();
    h
}

/// Scrolls to the widget of `role` labelled `label` and clicks it, as a person would.
pub fn click<S>(h: &mut egui_kittest::Harness<'_, S>, role: egui::accesskit::Role, label: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// Applies `cmd` as if a panel had pushed it, then lets the window settle.
pub fn send(h: &mut egui_kittest::Harness<'_, loadplan::app::LoadplanApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().send(cmd, &ctx);
    h.run();
}

/// The plan open in the window.
pub fn open_plan(h: &egui_kittest::Harness<'_, loadplan::app::LoadplanApp>) -> Plan {
    h.state().document().expect("a plan is open").plan().clone()
}

/// The runner's plan as its template was before its progression was fitted to 10 % a week
/// (+1 kg every two weeks on 4.5 kg, the side plank holds ladder, +1 Nordic rep every two
/// weeks): a physio's plan with real rises, which many tests drive.
pub fn runner_before() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fit/runners_glute_before.ron");
    loadplan::io::load_plan(&path).expect("the fixture reads")
}

/// Types `text` into the drag value labelled `label` as a person does: scroll to it, click it
/// (which opens its text), select what is there, type, press Enter.
pub fn type_into_drag_value<S>(h: &mut egui_kittest::Harness<'_, S>, label: &str, text: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    h.get_by_role_and_label(Role::SpinButton, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::SpinButton, label)
        .type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

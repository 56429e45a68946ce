//! The eframe application. It owns the open document, the undo history, background dialogs and
//! preferences; it lays out the panels, hands them what they read, and applies the commands
//! they push after the frame. It is the only place that touches rfd, threads and storage.

mod apply;
pub mod document;
mod files;
pub mod history;
mod library;
pub mod prefs;
mod recovery;
pub mod tasks;

use std::path::PathBuf;

use crate::command::{Command, ThemeChoice};
use document::{Document, Origin};
use files::{AfterJobs, InFlight, Replace};
use history::History;
use prefs::Prefs;
pub use recovery::RECOVERY_DELAY_SECS;
use tasks::Tasks;

pub use library::differing_copies;

use crate::library::Merged;
use crate::ui::{self, Message, Selection};

/// Which view fills the lower part of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Prescriptions,
    Week,
    /// The next session due, for checking off (athlete mode opens here).
    Today,
    /// Month or week calendar of the dated sessions and their state.
    Calendar,
    /// Adherence, pain, load done and PROM scores.
    Progress,
    Details,
}

/// The tabs of the physio's view: (tab, label, tooltip).
const PHYSIO_TABS: &[(Tab, &str, &str)] = &[
    (
        Tab::Prescriptions,
        "Prescriptions",
        "Edit the exercises, their doses and progression",
    ),
    (
        Tab::Week,
        "Week view",
        "What the athlete does in the selected week, session by session",
    ),
    (
        Tab::Calendar,
        "Calendar",
        "The plan's sessions by date: done, partly done, missed; log a session",
    ),
    (
        Tab::Progress,
        "Progress",
        "Adherence, pain, load done against planned, PROM scores and adjustments to review",
    ),
    (
        Tab::Details,
        "Plan details",
        "Title, athlete, dates, notes and guardrail thresholds",
    ),
];

/// The tabs of athlete mode.
const ATHLETE_TABS: &[(Tab, &str, &str)] = &[
    (
        Tab::Today,
        "Today",
        "The next session due: check it off and say how it went",
    ),
    (
        Tab::Calendar,
        "Calendar",
        "Every session by date, and what you logged",
    ),
    (
        Tab::Progress,
        "Progress",
        "Sessions done, pain over time and your scores",
    ),
    (Tab::Week, "Week view", "What each session of a week holds"),
];

fn tab_bar(ui: &mut egui::Ui, current: &mut Tab, tabs: &[(Tab, &str, &str)]) {
    ui.horizontal(|ui| {
        for (tab, label, tip) in tabs {
            ui.selectable_value(current, *tab, *label)
                .on_hover_text(*tip);
        }
    });
}

/// The view of the selected tab.
fn tab_ui(
    ui: &mut egui::Ui,
    tab: Tab,
    view: &ui::View<'_>,
    panels: &mut Panels,
    selection: &mut Selection,
    cmds: &mut Vec<Command>,
) {
    match tab {
        Tab::Prescriptions => panels.prescriptions.ui(ui, view, selection, cmds),
        Tab::Week => panels.week.ui(ui, view, selection),
        Tab::Today => panels.session.today_ui(ui, view, cmds),
        Tab::Calendar => panels
            .calendar
            .ui(ui, view, selection, &mut panels.session, cmds),
        Tab::Progress => {
            if !view.athlete() {
                panels.session.review_ui(ui, view, cmds);
            }
            panels.progress.ui(ui, view, cmds);
        }
        Tab::Details => panels.details.ui(ui, view, cmds),
    }
}

/// The panels' own UI state.
#[derive(Default)]
pub struct Panels {
    pub library: ui::library::LibraryPanel,
    pub phases: ui::phases::PhaseTimeline,
    pub prescriptions: ui::prescriptions::PrescriptionsPanel,
    pub week: ui::week::WeekPanel,
    pub chart: ui::chart::ChartPanel,
    pub details: ui::details::DetailsPanel,
    pub welcome: ui::welcome::WelcomePanel,
    pub calendar: ui::calendar::CalendarPanel,
    pub session: ui::log::SessionPanel,
    pub progress: ui::progress::ProgressPanel,
}

impl Panels {
    /// Athlete mode: no library, chart or findings; today's session first.
    fn athlete_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ui::View<'_>,
        selection: &mut Selection,
        tab: &mut Tab,
        cmds: &mut Vec<Command>,
    ) {
        if !ATHLETE_TABS.iter().any(|(t, _, _)| t == tab) {
            *tab = Tab::Today;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            tab_bar(ui, tab, ATHLETE_TABS);
            ui.separator();
            tab_ui(ui, *tab, view, self, selection, cmds);
        });
    }

    /// The physio's view: library, findings, phases and chart, and the selected tab. Every
    /// part keeps room for the tabs below it, so a 1024x700 screen reaches the editor; the
    /// chart can be hidden or dragged smaller.
    fn physio_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ui::View<'_>,
        selection: &mut Selection,
        tab: &mut Tab,
        panes: &mut ui::menu::Panes,
        cmds: &mut Vec<Command>,
    ) {
        if panes.library {
            egui::Panel::left("library_panel")
                .resizable(true)
                .default_size(LIBRARY_WIDTH)
                .min_size(220.0)
                .max_size((ui.available_width() * 0.4).max(220.0))
                .show(ui, |ui| self.library.ui(ui, view, cmds));
        }
        findings_panel(ui, view, selection, cmds);
        // The calendar and progress tabs have their own charts and need the height: the
        // planning chart shows with the planning tabs.
        let planning = matches!(*tab, Tab::Prescriptions | Tab::Week | Tab::Details);
        egui::CentralPanel::default().show(ui, |ui| {
            if planning {
                egui::Panel::top("phases_area")
                    .resizable(false)
                    .show(ui, |ui| self.phases.ui(ui, view, selection, cmds));
                let room = ui.available_height();
                egui::Panel::top("chart_area")
                    .resizable(true)
                    .default_size((room * 0.42).clamp(CHART_MIN, 300.0))
                    .min_size(CHART_MIN)
                    .max_size((room - TABS_MIN).max(CHART_MIN))
                    .show_collapsible(ui, &mut panes.chart, |ui| {
                        self.chart.ui(ui, view, selection)
                    });
            }
            ui.horizontal(|ui| {
                tab_bar(ui, tab, PHYSIO_TABS);
                if planning {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let (label, tip) = if panes.chart {
                            (
                                "Hide chart",
                                "Give the tabs the chart's height (View > Load chart)",
                            )
                        } else {
                            ("Show chart", "Show the projected-load chart above the tabs")
                        };
                        if ui.small_button(label).on_hover_text(tip).clicked() {
                            panes.chart = !panes.chart;
                        }
                    });
                }
            });
            ui.separator();
            tab_ui(ui, *tab, view, self, selection, cmds);
        });
    }
}

/// The library panel's first width.
const LIBRARY_WIDTH: f32 = 300.0;
/// The chart's smallest height, and the room kept for the tabs under it.
const CHART_MIN: f32 = 130.0;
const TABS_MIN: f32 = 220.0;

/// The findings panel: one line when the plan meets every guardrail, else room for a few
/// findings (resizable). The two have their own ids so each keeps its own size.
fn findings_panel(
    ui: &mut egui::Ui,
    view: &ui::View<'_>,
    selection: &Selection,
    cmds: &mut Vec<Command>,
) {
    let count = view.read.findings().len();
    let line = ui.spacing().interact_size.y;
    let show = |ui: &mut egui::Ui| ui::findings::findings_ui(ui, view, selection, cmds);
    if count == 0 {
        egui::Panel::bottom("findings_none")
            .resizable(false)
            .show(ui, show);
        return;
    }
    let room = ui.available_height();
    let rows = count.min(4) as f32 + 1.0;
    egui::Panel::bottom("findings_panel")
        .resizable(true)
        .default_size((rows * (line + 4.0) + 16.0).min(room * 0.3))
        .min_size(line * 2.0 + 16.0)
        .max_size((room * 0.5).max(80.0))
        .show(ui, show);
}

/// The application state.
pub struct LoadplanApp {
    doc: Option<Document>,
    history: History,
    pub(crate) prefs: Prefs,
    tasks: Tasks,
    selection: Selection,
    panels: Panels,
    tab: Tab,
    /// A command waiting for the answer to "Save changes?".
    pending: Option<Replace>,
    /// The user answered Save: the next save takes `pending` along, to run once it is done.
    save_then_continue: bool,
    /// Saves and opens running on the file thread, in order.
    in_flight: Vec<InFlight>,
    /// A command waiting for the file jobs in flight to report back.
    after_jobs: Option<AfterJobs>,
    message: Option<Message>,
    allow_close: bool,
    /// The library the window works with: built-in, yours and imported.
    library: Result<Merged, String>,
    /// Where your library is kept, and whether it has been read.
    personal: library::Personal,
    /// Your library's versions of exercises whose copies in the opened plan differ from them:
    /// the window asks which to keep while there are any.
    plan_copies: Vec<crate::model::Exercise>,
    applied_theme: Option<ThemeChoice>,
    /// The welcome window shows over the sample plan opened at start.
    show_welcome: bool,
    /// The window title last sent.
    shown_title: Option<String>,
    /// The date the calendar, the Today view and adherence count as today.
    today: chrono::NaiveDate,
    /// Unsaved work kept for recovery after a crash (off unless enabled).
    recovery: Option<recovery::Recovery>,
}

impl LoadplanApp {
    /// An app with these preferences and no document (the welcome screen). Your exercise
    /// library lives for this run only (see `with_library_folder`).
    pub fn new(prefs: Prefs) -> LoadplanApp {
        LoadplanApp {
            doc: None,
            history: History::default(),
            prefs,
            tasks: Tasks::default(),
            selection: Selection::default(),
            panels: Panels::default(),
            tab: Tab::default(),
            pending: None,
            save_then_continue: false,
            in_flight: Vec::new(),
            after_jobs: None,
            message: None,
            allow_close: false,
            library: crate::library::Merged::builtin()
                .cloned()
                .map_err(|e| e.to_string()),
            personal: library::Personal::new(None),
            plan_copies: Vec::new(),
            applied_theme: None,
            show_welcome: false,
            shown_title: None,
            today: chrono::Local::now().date_naive(),
            recovery: None,
        }
    }

    /// The date counted as today (the local date unless set).
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
    }

    /// Counts `date` as today (tests, and a clinician reviewing a past day).
    pub fn set_today(&mut self, date: chrono::NaiveDate) {
        self.today = date;
    }

    /// The view shown below the chart.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    /// The message in the status bar, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The panels' state (tests read the chart's data through it).
    pub fn panels(&self) -> &Panels {
        &self.panels
    }

    /// The load chart the planner shows for the open plan, in its metric and unit (`None`
    /// without a plan or with no prescriptions).
    pub fn shown_chart(&self) -> Option<&crate::engine::chart::ChartData> {
        let read = self.doc.as_ref()?.read();
        (!read.plan().prescriptions.is_empty())
            .then(|| read.chart(self.panels.chart.metric(read), read.plan().unit))
    }

    /// The current selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// A command is waiting for the unsaved-changes answer.
    pub fn is_asking_to_save(&self) -> bool {
        self.pending.is_some()
    }

    /// Labels the Edit menu shows for undo and redo.
    pub fn undo_redo_labels(&self) -> (Option<&str>, Option<&str>) {
        (self.history.undo_label(), self.history.redo_label())
    }

    /// Draws one frame and applies what the user asked for. eframe's `App::ui` calls this;
    /// tests call it through egui_kittest.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.read_library(&ctx);
        let mut cmds = self.tasks.drain();
        self.shortcuts(&ctx, &mut cmds);
        self.close_request(&ctx, &mut cmds);
        if let Some(doc) = &mut self.doc {
            doc.refresh(self.today);
        }
        self.layout(ui, &mut cmds);
        let edited = !cmds.is_empty();
        let now = ctx.input(|i| i.time);
        for cmd in cmds {
            self.apply(cmd, &ctx, now);
        }
        self.recovery_tick(&ctx, now);
        let title = self
            .doc
            .as_ref()
            .map_or_else(|| "loadplan".to_owned(), Document::window_title);
        if self.shown_title.as_ref() != Some(&title) {
            // Only on change: a viewport command asks for another frame.
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = Some(title);
        }
        if edited {
            // Show the result of the edit at once (chart and week view up to date).
            ctx.request_discard("plan changed");
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.prefs.theme) {
            ctx.set_theme(match self.prefs.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(self.prefs.theme);
        }
    }

    /// What the app can do now, for the menu and the shortcuts.
    fn action_state(&self) -> crate::command::action::AppState {
        crate::command::action::AppState {
            has_doc: self.doc.is_some(),
            athlete: self.prefs.athlete_mode,
            can_undo: self.history.undo_label().is_some(),
            can_redo: self.history.redo_label().is_some(),
        }
    }

    fn shortcuts(&self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let state = self.action_state();
        cmds.extend(
            ctx.input_mut(|input| crate::command::action::shortcut_commands(input, &state)),
        );
    }

    /// Holds the window open while there are unsaved changes (to ask) or a save is in flight
    /// (to let it finish).
    fn close_request(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.is_busy() || self.doc.as_ref().is_some_and(Document::is_dirty) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                cmds.push(Command::Quit);
            } else {
                self.allow_close = true;
                self.recovery_closing(ctx);
            }
        }
    }

    fn layout(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        self.bars(ui, cmds);
        if let Err(e) = &self.library {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("The built-in exercise library cannot be read: {e}"),
                );
            });
            return;
        }
        if self.doc.is_none() {
            let recent = self.prefs.recent_files.clone();
            egui::CentralPanel::default().show(ui, |ui| self.panels.welcome.ui(ui, &recent, cmds));
            return;
        }
        // The question about unsaved work left by a crash comes first; the welcome window
        // waits behind it (and is gone once that work is restored).
        if self.show_welcome && !self.is_offering_recovery() {
            self.welcome_window(ui.ctx(), cmds);
        }
        let (Some(doc), Ok(library)) = (&self.doc, &self.library) else {
            return;
        };
        let view = ui::View {
            read: doc.read(),
            library,
            library_status: self.personal.status(),
            unit: doc.read().plan().unit,
            mode: if self.prefs.athlete_mode {
                ui::Mode::Athlete
            } else {
                ui::Mode::Physio
            },
        };
        let mut panes = self.panes();
        let (panels, selection) = (&mut self.panels, &mut self.selection);
        if view.athlete() {
            panels.athlete_ui(ui, &view, selection, &mut self.tab, cmds);
        } else {
            panels.physio_ui(ui, &view, selection, &mut self.tab, &mut panes, cmds);
            panels.library.windows_ui(ui.ctx(), &view, cmds);
            if !self.plan_copies.is_empty() {
                ui::dialogs::plan_copies_ui(ui.ctx(), &self.plan_copies, cmds);
            }
            self.set_panes(panes);
        }
    }

    /// Which optional panes show.
    fn panes(&self) -> ui::menu::Panes {
        ui::menu::Panes {
            library: !self.prefs.hide_library,
            chart: !self.prefs.hide_chart,
        }
    }

    fn set_panes(&mut self, panes: ui::menu::Panes) {
        self.prefs.hide_library = !panes.library;
        self.prefs.hide_chart = !panes.chart;
    }

    /// The menu bar, the status bar and the unsaved-changes question.
    fn bars(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let menu = ui::menu::MenuState {
            app: self.action_state(),
            dirty: self.doc.as_ref().is_some_and(Document::is_dirty),
            undo: self.history.undo_label(),
            redo: self.history.redo_label(),
            theme: self.prefs.theme,
            load_unit: self
                .doc
                .as_ref()
                .map_or(self.prefs.load_unit, |d| d.plan().unit),
            paper: self.prefs.paper,
            athlete_mode: self.prefs.athlete_mode,
            recent_files: &self.prefs.recent_files,
            panes: self.panes(),
        };
        let mut panes = menu.panes;
        egui::Panel::top("menu_bar")
            .show(ui, |ui| ui::menu::menu_bar_ui(ui, &menu, &mut panes, cmds));
        self.set_panes(panes);
        ui::dialogs::status_bar_ui(ui, self.message.as_ref(), cmds);
        if self.pending.is_some() {
            let name = self
                .doc
                .as_ref()
                .map_or_else(String::new, Document::display_name);
            ui::dialogs::unsaved_changes_ui(ui.ctx(), &name, cmds);
        } else if let Some(offer) = self.recovery_offer() {
            ui::dialogs::recovery_ui(ui.ctx(), &offer, cmds);
        }
    }

    /// The welcome window over the sample plan opened at start; any choice in it, closing it
    /// or Escape hides it.
    fn welcome_window(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let recent = self.prefs.recent_files.clone();
        let mut open = true;
        let before = cmds.len();
        let screen = ctx.content_rect();
        egui::Window::new("Welcome to loadplan")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(640.0)
            .max_height(screen.height() * 0.8)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                self.panels.welcome.ui(ui, &recent, cmds);
                ui.separator();
                if ui
                    .button("Continue with the sample plan")
                    .on_hover_text("Close this window and look at the sample plan")
                    .clicked()
                {
                    self.show_welcome = false;
                }
            });
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if !open || escape || cmds.len() > before {
            self.show_welcome = false;
        }
    }

    /// Opens `file` at start, or the sample plan with the welcome window over it when none is
    /// given (what the program does as it starts; tests start the same way).
    pub fn start_with(&mut self, file: Option<PathBuf>, ctx: &egui::Context) {
        match file {
            Some(path) => self.apply(Command::OpenPath(path), ctx, 0.0),
            None => {
                self.apply(Command::OpenSample, ctx, 0.0);
                self.show_welcome = true;
            }
        }
    }

    /// The app with `doc` open (tests and benchmarks).
    pub fn with_document(prefs: Prefs, plan: crate::model::Plan, origin: Origin) -> LoadplanApp {
        let mut app = LoadplanApp::new(prefs);
        app.doc = Some(Document::new(plan, origin, app.today));
        app
    }

    /// Applies a command as if a panel had pushed it (tests).
    pub fn send(&mut self, cmd: Command, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.apply(cmd, ctx, now);
    }
}

impl eframe::App for LoadplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::STORAGE_KEY, &self.prefs);
    }
}

/// Opens the window on `file`, or on the built-in sample plan when none is given. Your
/// exercise library is kept in the system's data folder for loadplan.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    if let Some(path) = &file {
        // Fail on the command line, before any window opens, when the file cannot be read.
        crate::io::load_plan(path).map_err(|e| e.to_string())?;
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("loadplan")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "loadplan",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, prefs::STORAGE_KEY))
                .unwrap_or_default();
            let mut app = match crate::io::default_data_folder() {
                Some(folder) => LoadplanApp::with_library_folder(prefs, folder),
                None => LoadplanApp::new(prefs),
            };
            app.start_with(file, &cc.egui_ctx);
            if let Some(dir) = crate::io::recovery_dir() {
                app.enable_recovery(dir, &cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

//! The eframe application: owns the open document (a plan and where it came from), derives
//! its projection and findings once per plan revision, and lays out the panels. Panels in
//! `crate::ui` only read what this module hands them.

use std::path::PathBuf;

use crate::engine::{self, Finding, Projection};
use crate::model::Plan;
use crate::ui::{chart::ChartPanel, findings::findings_ui, week::WeekPanel};

/// Where the open plan came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// The built-in sample plan.
    Sample,
}

/// The open document with what is derived from it.
pub struct Document {
    pub plan: Plan,
    pub source: Source,
    pub projection: Projection,
    pub findings: Vec<Finding>,
}

impl Document {
    /// A document for `plan`, projecting and checking it once.
    pub fn new(plan: Plan, source: Source) -> Document {
        let projection = engine::project(&plan);
        let findings = engine::check(&plan, &projection);
        Document {
            plan,
            source,
            projection,
            findings,
        }
    }

    /// Title for the window: file name (or "Sample plan") and the plan's title.
    pub fn window_title(&self) -> String {
        let name = match &self.source {
            Source::File(p) => p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
            Source::Sample => "Sample plan".to_owned(),
        };
        format!("{name} - {} - loadplan", self.plan.title)
    }
}

/// The application state.
pub struct LoadplanApp {
    doc: Document,
    week: WeekPanel,
    chart: ChartPanel,
}

impl LoadplanApp {
    /// An app showing `doc`.
    pub fn new(doc: Document) -> LoadplanApp {
        LoadplanApp {
            doc,
            week: WeekPanel::default(),
            chart: ChartPanel::default(),
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }
}

impl eframe::App for LoadplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let doc = &self.doc;
        egui::Panel::top("plan_header").show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading(&doc.plan.title);
            let mut facts = Vec::new();
            if !doc.plan.athlete.is_empty() {
                facts.push(format!("Athlete: {}", doc.plan.athlete));
            }
            if !doc.plan.clinician.is_empty() {
                facts.push(format!("Clinician: {}", doc.plan.clinician));
            }
            facts.push(format!("{} weeks", doc.plan.length_weeks()));
            if let Some(d) = doc.plan.start_date {
                facts.push(format!("starts {d}"));
            }
            ui.label(facts.join("   ·   "));
            ui.add_space(4.0);
        });
        egui::Panel::bottom("findings")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| findings_ui(ui, &doc.plan, &doc.findings));
        egui::Panel::left("week_view")
            .resizable(true)
            .min_size(560.0)
            .show(ui, |ui| self.week.ui(ui, &doc.plan, &doc.projection));
        egui::CentralPanel::default().show(ui, |ui| {
            self.chart.ui(ui, &doc.plan, &doc.projection);
        });
    }
}

/// Opens the window on `file`, or on the built-in sample plan when none is given.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let doc = match file {
        Some(path) => {
            let plan = crate::io::load_plan(&path).map_err(|e| e.to_string())?;
            Document::new(plan, Source::File(path))
        }
        None => Document::new(
            crate::templates::sample().map_err(|e| e.to_string())?,
            Source::Sample,
        ),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(doc.window_title())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "loadplan",
        options,
        Box::new(|_cc| Ok(Box::new(LoadplanApp::new(doc)))),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

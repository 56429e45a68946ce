//! The printed handout: a PDF an athlete takes home. Pages, in order: a cover, the projected
//! load chart (vectors) with the guardrail findings, the week-by-week schedule, one card per
//! exercise, how to judge pain, blank log sheets and the sources. Every page has the plan's
//! title and "Page N of M" in its footer; the text is real, selectable text in an embedded font.
//!
//! Layout happens first, on a list of drawing operations per page ([`canvas`]); the PDF is
//! drawn from it afterwards with krilla, which subsets the fonts.

mod canvas;
mod cards;
mod chart;
mod cover;
mod findings;
mod flow;
mod fonts;
mod guide;
mod log;
mod schedule;
mod table;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use krilla::metadata::Metadata;

use crate::engine::{Finding, Metric, Projection};
use crate::model::{Exercise, Plan};

use super::ExportError;
use canvas::{Canvas, Geometry};
use flow::Flow;
use fonts::Fonts;

/// Paper size of the handout (portrait).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Paper {
    /// ISO A4, 210 x 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

impl Paper {
    /// Both sizes, A4 first.
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// `A4` or `Letter`.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

impl FromStr for Paper {
    type Err = String;

    /// `a4` or `letter`, in any case.
    fn from_str(s: &str) -> Result<Paper, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            _ => Err(format!("`{s}` is not a paper size; use a4 or letter")),
        }
    }
}

/// Choices for the handout.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// The load metric of the chart.
    pub metric: Metric,
    /// Folder that relative illustration paths are read from (the plan file's folder); the
    /// current folder when none.
    pub image_dir: Option<PathBuf>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            paper: Paper::A4,
            metric: Metric::VolumeLoadKg,
            image_dir: None,
        }
    }
}

/// A rendered handout: the file's bytes and its number of pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfDocument {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The handout of `plan` as PDF bytes.
pub fn pdf_bytes(
    plan: &Plan,
    projection: &Projection,
    findings: &[Finding],
    options: &PdfOptions,
) -> Result<Vec<u8>, ExportError> {
    pdf_document(plan, projection, findings, options).map(|d| d.bytes)
}

/// The handout of `plan`, with its page count.
pub fn pdf_document(
    plan: &Plan,
    projection: &Projection,
    findings: &[Finding],
    options: &PdfOptions,
) -> Result<PdfDocument, ExportError> {
    let fonts = Fonts::load()?;
    let canvas = layout(plan, projection, findings, options, &fonts);
    let title = plan_title(plan);
    let pages = canvas.page_count();
    let mut metadata = Metadata::new()
        .title(title.clone())
        .creator("loadplan".to_owned())
        .language("en".to_owned())
        .description(format!("Rehabilitation plan handout for {}", plan.athlete));
    if !plan.clinician.trim().is_empty() {
        metadata = metadata.authors(vec![plan.clinician.clone()]);
    }
    let bytes = canvas.render(&fonts, &title, metadata)?;
    Ok(PdfDocument { bytes, pages })
}

/// Lays out every page of the handout.
fn layout(
    plan: &Plan,
    projection: &Projection,
    findings: &[Finding],
    options: &PdfOptions,
    fonts: &Fonts,
) -> Canvas {
    let mut flow = Flow::new(Canvas::new(Geometry::for_paper(options.paper)), fonts);
    cover::draw(&mut flow, plan, projection);
    chart::draw(&mut flow, plan, projection, options.metric);
    findings::draw(&mut flow, plan, findings);
    schedule::draw(&mut flow, plan, projection);
    cards::draw(&mut flow, plan, projection, options.image_dir.as_deref());
    guide::pain(&mut flow, plan.pain_limits);
    log::draw(&mut flow, plan, projection);
    guide::sources(&mut flow, plan, findings);
    flow.canvas
}

/// The plan's title, or a plain one when it has none.
fn plan_title(plan: &Plan) -> String {
    let t = plan.title.trim();
    if t.is_empty() {
        "Rehabilitation plan".to_owned()
    } else {
        t.to_owned()
    }
}

/// A run of consecutive weeks in the same phase (or in none).
pub(super) struct PhaseRun {
    pub name: Option<String>,
    pub first: u32,
    pub last: u32,
}

impl PhaseRun {
    /// "Build strength, weeks 5-8" or "Weeks 13-16".
    pub fn caption(&self) -> String {
        let weeks = weeks_text(self.first, self.last);
        match &self.name {
            Some(n) => format!("{n}, {weeks}"),
            None => {
                let mut w = weeks;
                w[..1].make_ascii_uppercase();
                w
            }
        }
    }
}

/// "week 5" or "weeks 5-8".
pub(super) fn weeks_text(first: u32, last: u32) -> String {
    if first == last {
        format!("week {first}")
    } else {
        format!("weeks {first}-{last}")
    }
}

/// The projection's weeks cut into runs of the same phase, in order.
pub(super) fn phase_runs(projection: &Projection) -> Vec<PhaseRun> {
    let mut runs: Vec<PhaseRun> = Vec::new();
    for wp in &projection.weeks {
        match runs.last_mut() {
            Some(run) if run.name == wp.phase && run.last + 1 == wp.week => run.last = wp.week,
            _ => runs.push(PhaseRun {
                name: wp.phase.clone(),
                first: wp.week,
                last: wp.week,
            }),
        }
    }
    runs
}

/// The built-in library the handout looks exercises up in (after the plan's own copies); an
/// empty one if it cannot be read (the plan carries its exercises anyway).
fn library() -> &'static crate::library::Library {
    static EMPTY: crate::library::Library = crate::library::Library {
        exercises: Vec::new(),
    };
    crate::library::builtin().unwrap_or(&EMPTY)
}

/// The exercise `id`: the plan's copy, else the built-in library's (the one lookup).
pub(super) fn find_exercise<'a>(plan: &'a Plan, id: &str) -> Option<&'a Exercise> {
    crate::library::find(plan, library(), id)
}

/// The name of exercise `id` (the one lookup, the one fallback).
pub(super) fn exercise_name(plan: &Plan, id: &str) -> String {
    crate::library::exercise_name(plan, library(), id).into_owned()
}

/// A date as "Mon 5 Jan 2026".
pub(super) fn long_date(date: chrono::NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Where an illustration file is: an absolute path as it is, a relative one in `dir` (or the
/// current folder).
pub(super) fn illustration_path(file: &str, dir: Option<&Path>) -> PathBuf {
    let path = Path::new(file);
    match dir {
        Some(d) if path.is_relative() => d.join(path),
        _ => path.to_path_buf(),
    }
}

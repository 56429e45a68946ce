//! The two printed documents of a plan, each a PDF with real, selectable text in an embedded
//! font, "Page N of M" in every footer:
//!
//! - the **patient handout** ([`PdfKind::Handout`]): a cover saying what the plan is for, the
//!   typical week day by day, one card per exercise (its picture, how to do it, the dose in
//!   plain words and a table of every change of dose, cautions), the pain guide with the plan's
//!   limits, the schedule week by week, log sheets with a row per session and exercise, and
//!   references. Nothing internal: no findings, no codes, no file names.
//! - the **clinician report** ([`PdfKind::Report`]): the projected load chart, the guardrail
//!   findings with their sources, the weekly load table, and from the log adherence, pain,
//!   PROM scores and the adjustments with their decisions.
//!
//! Layout happens first, on a list of drawing operations per page ([`canvas`]); the PDF is
//! drawn from it afterwards with krilla ([`render`]), which subsets the fonts.

mod canvas;
mod cards;
mod chart;
mod context;
mod cover;
mod dose_table;
mod figure;
mod findings;
mod flow;
mod fonts;
mod guide;
mod loads;
mod log;
mod progress;
mod render;
mod schedule;
mod table;
#[cfg(test)]
mod tests;
mod week;

use std::str::FromStr;

use chrono::NaiveDate;
use krilla::metadata::Metadata;

use crate::engine::{Finding, Metric, Projection};
use crate::figure::Drawing;
use crate::model::{Exercise, LoadUnit, Plan};

use super::ExportError;
use canvas::{Canvas, Geometry};
pub(super) use context::Ctx;
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

/// Which document a PDF export makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PdfKind {
    /// The patient handout (the default export, and what Print prints).
    #[default]
    Handout,
    /// The clinician report.
    Report,
}

impl PdfKind {
    /// `handout` or `clinician report`, for messages.
    pub fn label(self) -> &'static str {
        match self {
            PdfKind::Handout => "handout",
            PdfKind::Report => "clinician report",
        }
    }
}

/// Choices for the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// The load metric of the report's chart.
    pub metric: Metric,
    /// The unit loads are printed in, everywhere in the document.
    pub unit: LoadUnit,
    /// The handout or the clinician report.
    pub kind: PdfKind,
    /// The day the report's progress is counted up to (adherence, missed sessions); today
    /// when none.
    pub today: Option<NaiveDate>,
    /// Pictures by exercise id, used instead of [`crate::figure::figure`] for those
    /// exercises (a preview of new poses, and tests that do not depend on the pose data).
    pub figures: Vec<(String, Drawing)>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            paper: Paper::A4,
            metric: Metric::VolumeLoadKg,
            unit: LoadUnit::Kg,
            kind: PdfKind::Handout,
            today: None,
            figures: Vec::new(),
        }
    }
}

/// A rendered document: the file's bytes and its number of pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfDocument {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The document `options.kind` names of `plan`, as PDF bytes.
pub fn pdf_bytes(
    plan: &Plan,
    projection: &Projection,
    findings: &[Finding],
    options: &PdfOptions,
) -> Result<Vec<u8>, ExportError> {
    pdf_document(plan, projection, findings, options).map(|d| d.bytes)
}

/// The document `options.kind` names of `plan` (the handout or the clinician report), with
/// its page count.
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
    let (description, footer) = match options.kind {
        PdfKind::Handout => (
            format!("Rehabilitation plan handout for {}", plan.athlete),
            title.clone(),
        ),
        PdfKind::Report => (
            format!(
                "Clinician report on the rehabilitation plan of {}",
                plan.athlete
            ),
            format!("Clinician report: {title}"),
        ),
    };
    let mut metadata = Metadata::new()
        .title(footer.clone())
        .creator("loadplan".to_owned())
        .language("en".to_owned())
        .description(description);
    if !plan.clinician.trim().is_empty() {
        metadata = metadata.authors(vec![plan.clinician.clone()]);
    }
    let bytes = render::render(canvas, &fonts, &footer, metadata)?;
    Ok(PdfDocument { bytes, pages })
}

/// Lays out every page of the document.
fn layout(
    plan: &Plan,
    projection: &Projection,
    findings: &[Finding],
    options: &PdfOptions,
    fonts: &Fonts,
) -> Canvas {
    let mut flow = Flow::new(Canvas::new(Geometry::for_paper(options.paper)), fonts);
    let ctx = Ctx::new(plan, projection, options);
    match options.kind {
        PdfKind::Handout => {
            cover::draw(&mut flow, &ctx);
            week::draw(&mut flow, &ctx);
            cards::draw(&mut flow, &ctx);
            guide::pain(&mut flow, plan.pain_limits);
            schedule::draw(&mut flow, &ctx);
            log::draw(&mut flow, &ctx);
            guide::references(&mut flow, &ctx);
        }
        PdfKind::Report => {
            progress::header(&mut flow, &ctx, findings);
            chart::draw(&mut flow, &ctx, options.metric);
            findings::draw(&mut flow, plan, findings);
            loads::draw(&mut flow, &ctx);
            progress::draw(&mut flow, &ctx);
            guide::sources(&mut flow, plan, findings);
        }
    }
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

/// A date in full words, for the patient: "Monday 5 January 2026".
pub(super) fn full_date(date: chrono::NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

//! Exports of a plan for people and programs outside loadplan: a PDF ([`pdf_bytes`]) - the
//! patient handout, in plain words ([`crate::engine::plain`]), or the clinician report
//! ([`PdfKind`]) - a spreadsheet of every session and exercise ([`csv_string`]) and a calendar
//! of the dated sessions ([`ics_string`]). Each renders from the plan and its projection only;
//! [`export_to`] picks the format from the file's extension and writes the file atomically, so
//! a failed export never leaves a half-written file behind. An export never writes through a
//! symbolic link nor over a read-only file.

mod csv;
mod ics;
mod pdf;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::engine::{self, Item, Metric, Projection, Session};
use crate::model::Plan;

pub use self::csv::{CSV_COLUMNS, csv_columns, csv_string};
pub use self::ics::ics_string;
pub use self::pdf::{Paper, PdfDocument, PdfKind, PdfOptions, pdf_bytes, pdf_document};

/// What can go wrong exporting a plan. Each message is one line a user can act on, with the
/// file concerned (when there is one) last.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output file's extension names no export format.
    #[error(
        "cannot tell the export format from the extension {}; end the file name in .pdf, .csv or .ics: {}",
        crate::model::quote::quote(.extension),
        crate::model::quote::path(.path)
    )]
    UnknownExtension { extension: String, path: PathBuf },
    /// The output file name has no extension.
    #[error(
        "the file name has no extension to tell the export format; end it in .pdf, .csv or .ics: {}",
        crate::model::quote::path(.path)
    )]
    NoExtension { path: PathBuf },
    /// A calendar needs dates, and the plan has no start date.
    #[error(
        "the plan has no start date, so its sessions have no dates for a calendar; set a start date first"
    )]
    Undated,
    /// The plan starts outside the years a plan's dates may be in (1900 to 2200).
    #[error(
        "the plan starts on {start}, not between the years {} and {}; check the year of the \
         start date",
        crate::model::limits::FIRST_YEAR,
        crate::model::limits::LAST_YEAR
    )]
    StartDate { start: chrono::NaiveDate },
    /// The PDF could not be made (a font or image problem inside the program).
    #[error("cannot make the PDF ({message}); please report this as a bug")]
    Pdf { message: String },
    /// The CSV text could not be made.
    #[error("cannot make the CSV ({message}); please report this as a bug")]
    Csv { message: String },
    /// The file could not be written (or may not be: a read-only file, a symbolic link); any
    /// previous file of that name is untouched. The message names the destination, never the
    /// temporary file.
    #[error(
        "cannot write the export: {} (any previous file of that name is unchanged): {}",
        crate::io::plan_file::write_problem(.source),
        crate::model::quote::path(.path)
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The three export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Printable handout (`.pdf`).
    Pdf,
    /// Spreadsheet of sessions and exercises (`.csv`).
    Csv,
    /// iCalendar file of dated sessions (`.ics`).
    Ics,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Pdf, ExportFormat::Csv, ExportFormat::Ics];

    /// The format a file name asks for, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        let Some(ext) = path.extension() else {
            return Err(ExportError::NoExtension {
                path: path.to_path_buf(),
            });
        };
        let ext = ext.to_string_lossy();
        match ext.to_ascii_lowercase().as_str() {
            "pdf" => Ok(ExportFormat::Pdf),
            "csv" => Ok(ExportFormat::Csv),
            "ics" => Ok(ExportFormat::Ics),
            _ => Err(ExportError::UnknownExtension {
                extension: ext.into_owned(),
                path: path.to_path_buf(),
            }),
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }

    /// Short name for messages: `PDF`, `CSV`, `calendar`.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF",
            ExportFormat::Csv => "CSV",
            ExportFormat::Ics => "calendar",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What an export wrote, for a one-line report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub format: ExportFormat,
    /// Pages (PDF), data rows (CSV) or events (calendar).
    pub count: usize,
}

impl fmt::Display for ExportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.format, self.count) {
            (ExportFormat::Pdf, 1) => "page",
            (ExportFormat::Pdf, _) => "pages",
            (ExportFormat::Csv, 1) => "row",
            (ExportFormat::Csv, _) => "rows",
            (ExportFormat::Ics, 1) => "event",
            (ExportFormat::Ics, _) => "events",
        };
        write!(f, "{}, {} {unit}", self.format, self.count)
    }
}

/// Projects and checks `plan`, renders it in the format `path`'s extension names and writes
/// it atomically (a PDF: the handout on `paper`, loads in kg). Returns the format written.
pub fn export_to(plan: &Plan, path: &Path, paper: Paper) -> Result<ExportFormat, ExportError> {
    let options = PdfOptions {
        paper,
        metric: chart_metric(&engine::project(plan)),
        ..PdfOptions::default()
    };
    export_with(plan, path, &options).map(|s| s.format)
}

/// Like [`export_to`], with every PDF option (which document, unit, paper, the report's chart
/// metric), and says how much it wrote.
pub fn export_with(
    plan: &Plan,
    path: &Path,
    options: &PdfOptions,
) -> Result<ExportSummary, ExportError> {
    let format = ExportFormat::from_path(path)?;
    let projection = engine::project(plan);
    let (bytes, count) = match format {
        ExportFormat::Pdf => {
            let findings = engine::check(plan, &projection);
            let doc = pdf_document(plan, &projection, &findings, options)?;
            (doc.bytes, doc.pages)
        }
        ExportFormat::Csv => {
            let text = csv_string(plan, &projection)?;
            (text.into_bytes(), csv_rows(&projection))
        }
        ExportFormat::Ics => {
            let text = ics_string(plan, &projection)?;
            (text.into_bytes(), projection.sessions.len())
        }
    };
    // An export never replaces the file a symbolic link points to (it may be the plan).
    crate::io::write_atomic_with(path, &bytes, crate::io::Links::Refuse).map_err(|source| {
        ExportError::Write {
            path: path.to_path_buf(),
            source,
        }
    })?;
    Ok(ExportSummary { format, count })
}

/// The metric the report's chart shows when nobody chose one: volume load, or else the first
/// load metric the plan counts (time under tension, reps, session-RPE), so the chart of a
/// body-weight plan is not empty.
pub fn chart_metric(projection: &Projection) -> Metric {
    Metric::LOADS
        .into_iter()
        .find(|m| projection.totals.get(*m) > 0.0)
        .unwrap_or(Metric::VolumeLoadKg)
}

/// Data rows of the CSV: one per session and exercise.
fn csv_rows(projection: &Projection) -> usize {
    projection.sessions.iter().map(|s| s.items.len()).sum()
}

/// The resolved week item of prescription `prescription_id` in `session`'s week.
fn item_of<'a>(
    projection: &'a Projection,
    session: &Session,
    prescription_id: u32,
) -> Option<&'a Item> {
    projection
        .week(session.week)?
        .items
        .iter()
        .find(|i| i.prescription_id == prescription_id)
}

/// Stable 64-bit FNV-1a hash (the same in every build, unlike std's hasher).
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

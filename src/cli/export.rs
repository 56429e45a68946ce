//! `loadplan export`: a plan written as a PDF (the patient handout, or with `--report` the
//! clinician report), a CSV spreadsheet or an iCalendar file, the format chosen by the output
//! file's extension. The work is the io layer's ([`crate::io::export`]); this module picks the
//! options and reports what was written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine;
use chrono::NaiveDate;

use crate::io::export::{ExportFormat, Paper, PdfKind, PdfOptions, chart_metric, export_with};
use crate::io::{load_plan, same_file};

use super::CliError;
use super::args::{PaperArg, UnitArg, parse_date};
use super::output::{Format, write_json};

/// `loadplan export`: which plan, where to, and on which paper.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Plan file to export.
    pub file: PathBuf,
    /// Output file: OUT.pdf, OUT.csv or OUT.ics (never the plan file, nor a symbolic link).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Paper size of a PDF.
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// Unit of the loads in a PDF (default: the plan's own).
    #[arg(long, value_enum, ignore_case = true)]
    pub unit: Option<UnitArg>,
    /// Write the clinician report (load chart, findings, weekly load, progress from the log)
    /// instead of the patient handout; the output must be a .pdf.
    #[arg(long)]
    pub report: bool,
    /// The day the report's progress counts up to, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

/// What `export --json` prints: the file written, its format and size.
#[derive(Debug, serde::Serialize)]
struct ExportJson<'a> {
    written: &'a Path,
    /// `pdf`, `csv` or `ics`.
    format: &'static str,
    /// Pages (PDF), data rows (CSV) or events (calendar).
    count: usize,
    /// `A4` or `Letter`, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    paper: Option<&'static str>,
    /// `handout` or `clinician report`, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'static str>,
    /// `PDF, 9 pages`, as the sentence says it.
    summary: String,
}

/// Exports the plan and says what it wrote.
pub(super) fn run(args: &ExportArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    // Refuse to replace the plan, then a wrong extension, before reading the plan: the
    // clearer error comes first.
    if same_file(&args.file, &args.output) {
        return Err(CliError::ExportOntoPlan {
            path: args.output.clone(),
        });
    }
    let export_format = ExportFormat::from_path(&args.output)?;
    if args.report && export_format != ExportFormat::Pdf {
        return Err(CliError::InvalidArgument {
            flag: "--report",
            value: args.output.display().to_string(),
            problem: "needs a .pdf output file: the clinician report is a PDF",
        });
    }
    let plan = load_plan(&args.file)?;
    let paper = Paper::from(args.paper);
    let kind = if args.report {
        PdfKind::Report
    } else {
        PdfKind::Handout
    };
    let options = PdfOptions {
        paper,
        metric: chart_metric(&engine::project(&plan)),
        unit: args.unit.map_or(plan.unit, Into::into),
        kind,
        today: args.today,
        ..PdfOptions::default()
    };
    let summary = export_with(&plan, &args.output, &options)?;
    let is_pdf = export_format == ExportFormat::Pdf;
    let document = is_pdf.then(|| kind.label());
    let paper = is_pdf.then(|| paper.label());
    if format == Format::Json {
        let done = ExportJson {
            written: &args.output,
            format: summary.format.extension(),
            count: summary.count,
            paper,
            document,
            summary: summary.to_string(),
        };
        return Ok(write_json(out, &done)?);
    }
    let paper = paper.map_or_else(String::new, |p| format!(", {p}"));
    let document = document.map_or_else(String::new, |d| format!(", {d}"));
    writeln!(
        out,
        "wrote {} ({summary}{paper}{document})",
        args.output.display()
    )?;
    Ok(())
}

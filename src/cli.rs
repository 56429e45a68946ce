//! The command line: thin subcommands over the model, engine and io. Errors go to stderr in
//! one line and give exit code 1; wrong usage gives 2 (clap's own).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::engine::{self, Finding, Projection, Severity};
use crate::io::export::{ExportFormat, Paper, PdfOptions, chart_metric, export_with};
use crate::io::{load_plan, save_plan};
use crate::library;
use crate::model::{Plan, fmt_num};
use crate::templates;

/// Plan progressive loading rehabilitation.
#[derive(Debug, Parser)]
#[command(
    name = "loadplan",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file to open in the window (the sample plan when none is given).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the built-in plan templates: id, title, weeks, citation.
    Templates,
    /// Create a plan file from a template.
    New {
        /// Template id (see `loadplan templates`).
        #[arg(long)]
        template: String,
        /// First day of the plan, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// Athlete's name.
        #[arg(long)]
        athlete: Option<String>,
        /// Where to write the plan.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show the week-by-week plan with its load.
    Show {
        file: PathBuf,
        /// Only this week.
        #[arg(long)]
        week: Option<u32>,
        /// Print the projection as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the guardrails: exit 0 when there is no error finding, 1 otherwise.
    Check {
        file: PathBuf,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a plan as a PDF handout, a CSV spreadsheet or an iCalendar file (by extension).
    Export {
        /// Plan file to export.
        file: PathBuf,
        /// Output file: OUT.pdf, OUT.csv or OUT.ics.
        #[arg(short, long)]
        output: PathBuf,
        /// Paper size of a PDF: a4 or letter.
        #[arg(long, default_value = "a4", value_parser = parse_paper)]
        paper: Paper,
    },
    /// Search the built-in exercise library.
    Library {
        /// Text to find in names, aliases and muscles.
        #[arg(long)]
        search: Option<String>,
        /// Muscle worked (e.g. "gluteus medius").
        #[arg(long)]
        muscle: Option<String>,
        /// Print the exercises as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn parse_paper(s: &str) -> Result<Paper, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05"))
}

/// Runs a subcommand, printing to `out`. Returns the process exit code, or an error message.
pub fn run(command: Command, out: &mut dyn Write) -> Result<i32, String> {
    let w = |r: std::io::Result<()>| r.map_err(|e| format!("cannot write output: {e}"));
    match command {
        Command::Templates => w(print_templates(out)).map(|()| 0),
        Command::New {
            template,
            start,
            athlete,
            output,
            force,
        } => new_plan(&template, start, athlete, &output, force, out).map(|()| 0),
        Command::Show { file, week, json } => {
            let plan = load(&file)?;
            let projection = engine::project(&plan);
            if let Some(n) = week
                && projection.week(n).is_none()
            {
                return Err(format!(
                    "week {n} is not in the plan (it has weeks 1 to {}): {}",
                    projection.weeks.len(),
                    file.display()
                ));
            }
            if json {
                w(print_json(&plan, &projection, week, out)).map(|()| 0)
            } else {
                w(print_table(&plan, &projection, week, out)).map(|()| 0)
            }
        }
        Command::Check { file, json } => {
            let plan = load(&file)?;
            let findings = engine::check(&plan, &engine::project(&plan));
            let code = i32::from(findings.iter().any(|f| f.severity == Severity::Error));
            if json {
                w(write_json(out, &findings)).map(|()| code)
            } else {
                w(print_findings(&plan, &findings, out)).map(|()| code)
            }
        }
        Command::Export {
            file,
            output,
            paper,
        } => export(&file, &output, paper, out).map(|()| 0),
        Command::Library {
            search,
            muscle,
            json,
        } => {
            let lib = library::builtin().map_err(|e| e.to_string())?;
            let found = lib.search(search.as_deref().unwrap_or(""), muscle.as_deref());
            if json {
                w(write_json(out, &found)).map(|()| 0)
            } else {
                w(print_library(&found, out)).map(|()| 0)
            }
        }
    }
}

fn export(file: &Path, output: &Path, paper: Paper, out: &mut dyn Write) -> Result<(), String> {
    // Refuse a wrong extension before reading the plan: the clearer error comes first.
    let format = ExportFormat::from_path(output).map_err(|e| e.to_string())?;
    let plan = load(file)?;
    let options = PdfOptions {
        paper,
        metric: chart_metric(&engine::project(&plan)),
        image_dir: file.parent().map(Path::to_path_buf),
    };
    let summary = export_with(&plan, output, &options).map_err(|e| e.to_string())?;
    let paper = if format == ExportFormat::Pdf {
        format!(", {}", paper.label())
    } else {
        String::new()
    };
    writeln!(out, "wrote {} ({summary}{paper})", output.display()).map_err(|e| e.to_string())
}

fn load(path: &Path) -> Result<Plan, String> {
    load_plan(path).map_err(|e| e.to_string())
}

fn write_json<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn print_templates(out: &mut dyn Write) -> std::io::Result<()> {
    for id in templates::ids() {
        match templates::load(id) {
            Some(Ok(plan)) => writeln!(
                out,
                "{id}\t{}\t{} weeks\t{}",
                plan.title,
                plan.length_weeks(),
                plan.citation.replace('\n', " ")
            )?,
            Some(Err(e)) => writeln!(out, "{id}\t(cannot be read: {e})")?,
            None => {}
        }
    }
    Ok(())
}

fn new_plan(
    template: &str,
    start: Option<NaiveDate>,
    athlete: Option<String>,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let mut plan = match templates::load(template) {
        Some(r) => r.map_err(|e| e.to_string())?,
        None => {
            let known: Vec<&str> = templates::ids().collect();
            return Err(format!(
                "no template `{template}`; choose one of: {}",
                known.join(", ")
            ));
        }
    };
    if output.exists() && !force {
        return Err(format!(
            "{} already exists; choose another name or pass --force to overwrite it",
            output.display()
        ));
    }
    if start.is_some() {
        plan.start_date = start;
    }
    if let Some(name) = athlete {
        plan.athlete = name;
    }
    save_plan(&plan, output).map_err(|e| e.to_string())?;
    writeln!(
        out,
        "wrote {} ({}, {} weeks)",
        output.display(),
        plan.title,
        plan.length_weeks()
    )
    .map_err(|e| e.to_string())
}

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    title: &'a str,
    athlete: &'a str,
    start_date: Option<NaiveDate>,
    weeks: Vec<&'a engine::WeekPlan>,
    sessions: Vec<&'a engine::Session>,
    totals: engine::Metrics,
    supervised_sessions: u32,
}

fn print_json(
    plan: &Plan,
    p: &Projection,
    week: Option<u32>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let keep = |w: u32| week.is_none_or(|n| n == w);
    let doc = ShowJson {
        title: &plan.title,
        athlete: &plan.athlete,
        start_date: plan.start_date,
        weeks: p.weeks.iter().filter(|w| keep(w.week)).collect(),
        sessions: p.sessions.iter().filter(|s| keep(s.week)).collect(),
        totals: p.totals,
        supervised_sessions: p.supervised_sessions,
    };
    write_json(out, &doc)
}

fn num_or_dash(x: f64) -> String {
    if x > 0.0 { fmt_num(x) } else { "-".to_owned() }
}

fn print_table(
    plan: &Plan,
    p: &Projection,
    week: Option<u32>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", plan.title)?;
    if !plan.athlete.is_empty() {
        writeln!(out, "Athlete: {}", plan.athlete)?;
    }
    for wp in p.weeks.iter().filter(|w| week.is_none_or(|n| n == w.week)) {
        let first_day = p
            .sessions
            .iter()
            .find(|s| s.week == wp.week)
            .and_then(|s| s.date);
        write!(out, "\nWeek {}", wp.week)?;
        if let Some(phase) = &wp.phase {
            write!(out, " - {phase}")?;
        }
        if let Some(d) = first_day {
            write!(out, " (from {d})")?;
        }
        if wp.deload {
            write!(out, " [deload]")?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "  {:<34} {:>8}  {:<36} {:>10} {:>8} {:>6}",
            "Exercise", "Sessions", "Dose", "Volume kg", "TUT s", "Reps"
        )?;
        for item in &wp.items {
            writeln!(
                out,
                "  {:<34} {:>8}  {:<36} {:>10} {:>8} {:>6}",
                truncate(&item.exercise_name, 34),
                item.sessions,
                truncate(&item.dose_label(), 36),
                num_or_dash(item.metrics.volume_load_kg),
                num_or_dash(item.metrics.tut_secs),
                num_or_dash(item.metrics.reps),
            )?;
        }
        let t = &wp.totals;
        write!(
            out,
            "  Total: {} sessions, {} reps, {} kg volume load, {} s under tension",
            t.sessions,
            fmt_num(t.reps),
            fmt_num(t.volume_load_kg),
            fmt_num(t.tut_secs)
        )?;
        if t.srpe_au > 0.0 {
            write!(out, ", {} AU session-RPE", fmt_num(t.srpe_au))?;
        }
        writeln!(out)?;
    }
    if week.is_none() {
        writeln!(
            out,
            "\nPlan: {} weeks, {} sessions ({} supervised), {} reps, {} kg volume load, {} s under tension",
            p.weeks.len(),
            p.totals.sessions,
            p.supervised_sessions,
            fmt_num(p.totals.reps),
            fmt_num(p.totals.volume_load_kg),
            fmt_num(p.totals.tut_secs)
        )?;
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_findings(plan: &Plan, findings: &[Finding], out: &mut dyn Write) -> std::io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "{}: no findings", plan.title);
    }
    for f in findings {
        let mut place = String::new();
        if let Some(w) = f.week {
            place.push_str(&format!("week {w}"));
        }
        if let Some(id) = &f.exercise_id {
            if !place.is_empty() {
                place.push_str(", ");
            }
            place.push_str(&plan.exercise(id).map_or(id.clone(), |e| e.name.clone()));
        }
        let place = if place.is_empty() {
            String::new()
        } else {
            format!(" [{place}]")
        };
        let heuristic = if f.heuristic { " (heuristic)" } else { "" };
        writeln!(
            out,
            "{}{place}: {}{heuristic}",
            f.severity.label(),
            f.message
        )?;
        writeln!(out, "    source: {}", f.source)?;
    }
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        out,
        "{} errors, {} warnings, {} notes",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    )
}

fn print_library(found: &[&crate::model::Exercise], out: &mut dyn Write) -> std::io::Result<()> {
    for e in found {
        writeln!(
            out,
            "{:<28} {:<40} {:<12} {}",
            e.id,
            e.name,
            e.category.label(),
            e.muscles.join(", ")
        )?;
    }
    writeln!(out, "{} exercises", found.len())
}

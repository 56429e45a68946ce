//! The command line: thin subcommands over the model, engine and io. Errors go to stderr in
//! one line and give exit code 1; wrong usage gives 2 (clap's own).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::engine::{self, AdjustmentStatus, Finding, Projection, Severity};
use crate::io::export::{ExportFormat, Paper, PdfOptions, chart_metric, export_with};
use crate::io::{load_plan, save_plan};
use crate::library;
use crate::model::{NextMorning, Plan, SessionLog, fmt_num};
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
    /// Record a logged session: one exercise checked off, what was done and how it felt.
    Log(LogArgs),
    /// Progress so far: adherence, supervised sessions, pain, pending adjustments, flags.
    Status {
        file: PathBuf,
        /// Print the status as JSON.
        #[arg(long)]
        json: bool,
        /// The day to report on, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
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

/// `loadplan log`: what to record. Fields left out stay as they were, so the next morning's
/// pain can be added to yesterday's entry on its own.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LogArgs {
    /// Plan file to record in (saved in place; the previous version is kept as FILE.bak).
    pub file: PathBuf,
    /// Day of the session, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub date: NaiveDate,
    /// Exercise id (as in `loadplan show FILE --json`: `exercise_id`).
    #[arg(long, value_name = "ID")]
    pub exercise: String,
    /// The exercise was done (the default for a new entry).
    #[arg(long)]
    pub done: bool,
    /// The exercise was not done.
    #[arg(long, conflicts_with = "done")]
    pub not_done: bool,
    /// Sets actually done.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub sets: Option<i64>,
    /// Reps per set actually done.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub reps: Option<i64>,
    /// Load actually used, in kg.
    #[arg(long, value_name = "KG", allow_negative_numbers = true)]
    pub load_kg: Option<f64>,
    /// Hold time actually done per set, in seconds.
    #[arg(long, value_name = "SECS", allow_negative_numbers = true)]
    pub hold_secs: Option<f64>,
    /// Pain during the exercise, 0-10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub pain_during: Option<i64>,
    /// Pain the next morning: 0-10, or `settled` (back to usual).
    #[arg(long, value_name = "N|settled", allow_negative_numbers = true)]
    pub pain_next: Option<String>,
    /// Session effort, CR-10 (0-10).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub rpe: Option<f64>,
    /// Session duration in minutes.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub minutes: Option<f64>,
    /// The session was supervised by the clinician.
    #[arg(long)]
    pub supervised: bool,
    /// The session was not supervised (undoes --supervised).
    #[arg(long, conflicts_with = "supervised")]
    pub not_supervised: bool,
    /// A note on the session (replaces the session's note).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Session of the day, for twice-a-day work: 0 the first (default), 1 the second, ...
    #[arg(long, value_name = "N")]
    pub slot: Option<u32>,
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
            let adjustments = engine::adjustments(&plan, &projection);
            let view = ShowView {
                plan: &plan,
                p: &projection,
                adjustments: &adjustments,
                week,
            };
            if json {
                w(print_json(&view, out)).map(|()| 0)
            } else {
                w(print_table(&view, out)).map(|()| 0)
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
        Command::Log(args) => log_session(&args, out).map(|()| 0),
        Command::Status { file, json, today } => {
            let plan = load(&file)?;
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let projection = engine::project(&plan);
            let adjustments = engine::adjustments(&plan, &projection);
            let status = engine::status(&plan, &projection, &adjustments, today);
            if json {
                w(write_json(out, &status_json(&plan, &status))).map(|()| 0)
            } else {
                w(print_status(&plan, &status, out)).map(|()| 0)
            }
        }
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

/// What `show` prints: the plan, its projection and the adjustments the log calls for.
struct ShowView<'a> {
    plan: &'a Plan,
    p: &'a Projection,
    adjustments: &'a [engine::Adjustment],
    /// Only this week.
    week: Option<u32>,
}

impl<'a> ShowView<'a> {
    fn keep(&self, week: u32) -> bool {
        self.week.is_none_or(|n| n == week)
    }

    /// The adjustments of prescription `id` in `week` that change what the athlete does.
    fn adjusted(
        &self,
        id: u32,
        week: u32,
    ) -> impl Iterator<Item = &'a engine::Adjustment> + use<'a> {
        self.adjustments
            .iter()
            .filter(move |a| a.prescription_id == id && a.week == week && changes_dose(a))
    }
}

/// The exercise the athlete does after the clinician's decision.
fn effective_exercise(a: &engine::Adjustment) -> &str {
    if a.status == AdjustmentStatus::Dismissed {
        &a.planned_exercise
    } else {
        &a.exercise
    }
}

/// The adjustment (as decided) makes the session differ from the plan.
fn changes_dose(a: &engine::Adjustment) -> bool {
    a.effective != a.planned || effective_exercise(a) != a.planned_exercise
}

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    title: &'a str,
    athlete: &'a str,
    start_date: Option<NaiveDate>,
    weeks: Vec<WeekJson<'a>>,
    sessions: Vec<&'a engine::Session>,
    totals: engine::Metrics,
    supervised_sessions: u32,
}

/// One adjusted session of a week's item in `show --json`.
#[derive(serde::Serialize)]
struct ItemAdjustmentJson<'a> {
    date: NaiveDate,
    slot: u32,
    planned: &'a crate::model::Dose,
    adjusted: &'a crate::model::Dose,
    planned_label: String,
    adjusted_label: String,
    /// The exercise done instead of the planned one, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    exercise_id: Option<&'a str>,
    reason: &'a str,
    status: AdjustmentStatus,
    response: engine::Response,
    kind: engine::AdjustmentKind,
    /// The logged session the adjustment follows from.
    basis_date: NaiveDate,
    /// The adjusted session has been logged already.
    past: bool,
}

impl<'a> ItemAdjustmentJson<'a> {
    fn new(a: &'a engine::Adjustment) -> Self {
        let exercise = effective_exercise(a);
        ItemAdjustmentJson {
            date: a.date,
            slot: a.slot,
            planned: &a.planned,
            adjusted: &a.effective,
            planned_label: engine::dose_label(&a.planned),
            adjusted_label: engine::dose_label(&a.effective),
            exercise_id: (exercise != a.planned_exercise).then_some(exercise),
            reason: &a.reason,
            status: a.status,
            response: a.response,
            kind: a.kind,
            basis_date: a.basis_date,
            past: a.past,
        }
    }
}

/// A week of `show --json`: the engine's `WeekPlan`, field for field, each item with an
/// `adjustments` list when the log adjusts it.
#[derive(serde::Serialize)]
struct WeekJson<'a> {
    week: u32,
    phase: &'a Option<String>,
    deload: bool,
    items: Vec<ItemJson<'a>>,
    totals: &'a engine::Metrics,
    change_pct: &'a engine::MetricChanges,
    acwr: &'a engine::MetricChanges,
}

#[derive(serde::Serialize)]
struct ItemJson<'a> {
    #[serde(flatten)]
    item: &'a engine::Item,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    adjustments: Vec<ItemAdjustmentJson<'a>>,
}

fn week_json<'a>(v: &ShowView<'a>, wp: &'a engine::WeekPlan) -> WeekJson<'a> {
    // Destructured so that a new `WeekPlan` field fails to compile here until it is added.
    let engine::WeekPlan {
        week,
        phase,
        deload,
        items,
        totals,
        change_pct,
        acwr,
    } = wp;
    WeekJson {
        week: *week,
        phase,
        deload: *deload,
        items: items
            .iter()
            .map(|item| ItemJson {
                item,
                adjustments: v
                    .adjusted(item.prescription_id, *week)
                    .map(ItemAdjustmentJson::new)
                    .collect(),
            })
            .collect(),
        totals,
        change_pct,
        acwr,
    }
}

fn print_json(v: &ShowView<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = ShowJson {
        title: &v.plan.title,
        athlete: &v.plan.athlete,
        start_date: v.plan.start_date,
        weeks: v
            .p
            .weeks
            .iter()
            .filter(|w| v.keep(w.week))
            .map(|w| week_json(v, w))
            .collect(),
        sessions: v.p.sessions.iter().filter(|s| v.keep(s.week)).collect(),
        totals: v.p.totals,
        supervised_sessions: v.p.supervised_sessions,
    };
    write_json(out, &doc)
}

/// `pending review`, `accepted`, ... for the week table.
fn short_status(a: &engine::Adjustment) -> String {
    let status = match a.status {
        AdjustmentStatus::Pending => "proposed, pending review",
        AdjustmentStatus::Accepted => "accepted",
        AdjustmentStatus::Changed => "changed by the physio",
        AdjustmentStatus::Dismissed => "dismissed",
    };
    if a.past {
        format!("{status}; done")
    } else {
        status.to_owned()
    }
}

fn num_or_dash(x: f64) -> String {
    if x > 0.0 { fmt_num(x) } else { "-".to_owned() }
}

fn print_table(v: &ShowView<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let (plan, p, week) = (v.plan, v.p, v.week);
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
            for a in v.adjusted(item.prescription_id, wp.week) {
                let exercise = effective_exercise(a);
                let instead = if exercise == a.planned_exercise {
                    String::new()
                } else {
                    format!("{} ", exercise_name(plan, exercise))
                };
                writeln!(
                    out,
                    "    * adjusted {}: {instead}{} ({}) - {}",
                    a.date.format("%a %-d %b"),
                    engine::dose_label(&a.effective),
                    short_status(a),
                    a.reason
                )?;
            }
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

// ----- log -----------------------------------------------------------------------------------

/// Pain ratings run from 0 (none) to 10 (worst imaginable).
fn pain_value(flag: &str, n: i64) -> Result<u8, String> {
    u8::try_from(n).ok().filter(|n| *n <= 10).ok_or_else(|| {
        format!("{flag} {n} is out of range: pain is rated from 0 (none) to 10 (worst imaginable)")
    })
}

/// A count of 1 or more.
fn count_value(flag: &str, n: Option<i64>) -> Result<Option<u32>, String> {
    n.map(|n| {
        u32::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("{flag} {n} is not possible: give a whole number of 1 or more"))
    })
    .transpose()
}

/// A number above 0.
fn positive_value(flag: &str, x: Option<f64>) -> Result<(), String> {
    match x {
        Some(x) if !(x.is_finite() && x > 0.0) => {
            Err(format!("{flag} {x} is not possible: give a number above 0"))
        }
        _ => Ok(()),
    }
}

/// The checked values of `loadplan log`: counts and the next-morning pain.
struct LogValues {
    sets: Option<u32>,
    reps: Option<u32>,
    pain_during: Option<u8>,
    pain_next: Option<NextMorning>,
}

/// Checks the numbers given to `loadplan log` (before the plan is even read).
fn check_log_args(a: &LogArgs) -> Result<LogValues, String> {
    let pain_during = a
        .pain_during
        .map(|n| pain_value("--pain-during", n))
        .transpose()?;
    let pain_next = match a.pain_next.as_deref().map(str::trim) {
        None => None,
        Some(t) if t.eq_ignore_ascii_case("settled") => Some(NextMorning::Settled),
        Some(t) => match t.parse::<i64>() {
            Ok(n) => Some(NextMorning::Pain(pain_value("--pain-next", n)?)),
            Err(_) => {
                return Err(format!(
                    "--pain-next `{t}` is not a pain rating: give a number from 0 to 10, or `settled`"
                ));
            }
        },
    };
    if let Some(r) = a.rpe
        && !(r.is_finite() && (0.0..=10.0).contains(&r))
    {
        return Err(format!(
            "--rpe {r} is out of range: session effort is rated from 0 (rest) to 10 (maximal), CR-10"
        ));
    }
    if let Some(kg) = a.load_kg
        && !(kg.is_finite() && kg >= 0.0)
    {
        return Err(format!(
            "--load-kg {kg} is not possible: give the load in kg, 0 or more"
        ));
    }
    positive_value("--hold-secs", a.hold_secs)?;
    positive_value("--minutes", a.minutes)?;
    Ok(LogValues {
        sets: count_value("--sets", a.sets)?,
        reps: count_value("--reps", a.reps)?,
        pain_during,
        pain_next,
    })
}

/// Where a log entry goes: the prescription, the session (slot) and the exercise done.
struct LogTarget {
    prescription: u32,
    slot: u32,
    week: u32,
    /// The exercise as the user named it.
    exercise: String,
    /// The exercise the plan has for that week (a ladder rule may have moved it on).
    planned_exercise: String,
    /// False for an extra session: the prescription is active that week, not on that day.
    planned: bool,
}

/// The first and last day of a dated plan.
fn plan_dates(plan: &Plan, p: &Projection, file: &Path) -> Result<(NaiveDate, NaiveDate), String> {
    let start = plan.start_date.ok_or_else(|| {
        format!(
            "{}: the plan has no start date, so its sessions have no dates; set one in the \
             window (plan details, Start date) or add `start_date: \"YYYY-MM-DD\",` to the file",
            file.display()
        )
    })?;
    let days = p.weeks.len() as u64 * 7;
    let last = start
        .checked_add_days(chrono::Days::new(days.saturating_sub(1)))
        .unwrap_or(start);
    if days == 0 {
        return Err(format!("{}: the plan has no weeks yet", file.display()));
    }
    Ok((start, last))
}

/// `2026-03-03 (Tue, week 1)`.
fn day_words(date: NaiveDate, week: Option<u32>) -> String {
    match week {
        Some(w) => format!("{date} ({}, week {w})", date.format("%a")),
        None => format!("{date} ({})", date.format("%a")),
    }
}

/// Finds the prescription `loadplan log --exercise ID` means on `date`: the one whose session
/// that day has the exercise (as resolved that week, or as prescribed), else one active that
/// week (an extra session).
fn find_log_target(
    plan: &Plan,
    p: &Projection,
    date: NaiveDate,
    id: &str,
    slot: Option<u32>,
) -> Result<LogTarget, String> {
    let matches = |rx_id: u32, resolved: &str| {
        resolved == id || plan.prescription(rx_id).is_some_and(|rx| rx.exercise == id)
    };
    let week = engine::week_of(plan, date);
    let resolved_in = |rx_id: u32, w: u32| {
        p.week(w)
            .and_then(|wp| wp.items.iter().find(|i| i.prescription_id == rx_id))
            .map_or_else(|| id.to_owned(), |i| i.exercise_id.clone())
    };
    let day: Vec<&engine::Session> = p.sessions.iter().filter(|s| s.date == Some(date)).collect();
    for s in day.iter().filter(|s| slot.is_none_or(|n| s.slot == n)) {
        if let Some(item) = s
            .items
            .iter()
            .find(|i| matches(i.prescription_id, &i.exercise_id))
        {
            return Ok(LogTarget {
                prescription: item.prescription_id,
                slot: s.slot,
                week: s.week,
                exercise: id.to_owned(),
                planned_exercise: item.exercise_id.to_string(),
                planned: true,
            });
        }
    }
    if let Some(w) = week
        && let Some(item) = p.week(w).and_then(|wp| {
            wp.items
                .iter()
                .find(|i| matches(i.prescription_id, &i.exercise_id))
        })
    {
        return Ok(LogTarget {
            prescription: item.prescription_id,
            slot: slot.unwrap_or(0),
            week: w,
            exercise: id.to_owned(),
            planned_exercise: resolved_in(item.prescription_id, w),
            planned: false,
        });
    }
    let mut planned: Vec<String> = Vec::new();
    for s in &day {
        for i in &s.items {
            if !planned.iter().any(|e| **e == *i.exercise_id) {
                planned.push(i.exercise_id.to_string());
            }
        }
    }
    let that_day = if planned.is_empty() {
        "nothing is planned that day (a rest day)".to_owned()
    } else {
        format!("planned that day: {}", planned.join(", "))
    };
    let known =
        plan.exercise(id).is_some() || plan.prescriptions.iter().any(|rx| rx.exercise == id);
    let when = day_words(date, week);
    Err(if known {
        format!("no session of `{id}` on {when}, and it is not prescribed that week; {that_day}")
    } else {
        format!(
            "`{id}` is not an exercise of this plan (`loadplan show FILE --json` lists the \
             exercise_id of each week); on {when} {that_day}"
        )
    })
}

/// Writes the given values into the log entry (and its session); the rest stays as it was.
fn apply_log(plan: &mut Plan, t: &LogTarget, a: &LogArgs, v: &LogValues) {
    let session = plan.session_log_mut(a.date, t.slot);
    let new = session.exercise(t.prescription).is_none();
    let entry = session.exercise_mut(t.prescription, &t.exercise);
    if a.not_done {
        entry.done = false;
    } else if a.done || new {
        entry.done = true;
    }
    if v.sets.is_some() {
        entry.sets = v.sets;
    }
    if v.reps.is_some() {
        entry.reps = v.reps;
    }
    if a.load_kg.is_some() {
        entry.load_kg = a.load_kg;
    }
    if a.hold_secs.is_some() {
        entry.hold_secs = a.hold_secs;
    }
    if v.pain_during.is_some() {
        entry.pain_during = v.pain_during;
    }
    if v.pain_next.is_some() {
        entry.pain_next_morning = v.pain_next;
    }
    if a.rpe.is_some() {
        session.rpe = a.rpe;
    }
    if a.minutes.is_some() {
        session.minutes = a.minutes;
    }
    if a.supervised {
        session.supervised = true;
    } else if a.not_supervised {
        session.supervised = false;
    }
    if let Some(note) = &a.note {
        session.note.clone_from(note);
    }
}

fn exercise_name(plan: &Plan, id: &str) -> String {
    plan.exercise(id)
        .map_or_else(|| id.to_owned(), |e| e.name.clone())
}

/// `Single-leg deadlift on Mon 2 Mar 2026 (week 1): done, 3 sets, 10 reps, 6 kg, pain 6/10
/// during; session: RPE 6, 40 min, supervised`.
fn describe_log(plan: &Plan, t: &LogTarget, session: &SessionLog) -> String {
    let mut words = vec![
        if session.exercise(t.prescription).is_some_and(|e| e.done) {
            "done".to_owned()
        } else {
            "not done".to_owned()
        },
    ];
    if let Some(e) = session.exercise(t.prescription) {
        if let Some(n) = e.sets {
            words.push(format!("{n} sets"));
        }
        if let Some(n) = e.reps {
            words.push(format!("{n} reps"));
        }
        if let Some(kg) = e.load_kg {
            words.push(format!("{} kg", fmt_num(kg)));
        }
        if let Some(s) = e.hold_secs {
            words.push(format!("{} s hold", fmt_num(s)));
        }
        if let Some(n) = e.pain_during {
            words.push(format!("pain {n}/10 during"));
        }
        if let Some(n) = e.pain_next_morning {
            words.push(format!("next morning {}", n.label()));
        }
    }
    let mut session_words = Vec::new();
    if let Some(r) = session.rpe {
        session_words.push(format!("RPE {}", fmt_num(r)));
    }
    if let Some(m) = session.minutes {
        session_words.push(format!("{} min", fmt_num(m)));
    }
    if session.supervised {
        session_words.push("supervised".to_owned());
    }
    if !session.note.is_empty() {
        session_words.push(format!("note \"{}\"", session.note));
    }
    let mut place = format!("week {}", t.week);
    if session.slot > 0 {
        place.push_str(&format!(", session {} of the day", session.slot + 1));
    }
    if !t.planned {
        place.push_str(", an extra session");
    }
    let mut name = exercise_name(plan, &t.exercise);
    if t.exercise != t.planned_exercise {
        name.push_str(&format!(
            " (planned: {})",
            exercise_name(plan, &t.planned_exercise)
        ));
    }
    let mut text = format!(
        "{name} on {} ({place}): {}",
        session.date.format("%a %-d %b %Y"),
        words.join(", ")
    );
    if !session_words.is_empty() {
        text.push_str(&format!("; session: {}", session_words.join(", ")));
    }
    text
}

/// `pending the physio's review`, `accepted by the physio`, ...
fn adjustment_status_words(a: &engine::Adjustment) -> String {
    if a.past {
        return format!("{}, and that session is logged already", a.status.label());
    }
    match a.status {
        AdjustmentStatus::Pending => "pending the physio's review".to_owned(),
        AdjustmentStatus::Accepted => "accepted by the physio".to_owned(),
        AdjustmentStatus::Changed => format!(
            "changed by the physio to {}",
            engine::dose_label(&a.effective)
        ),
        AdjustmentStatus::Dismissed => {
            "dismissed by the physio: the planned dose stands".to_owned()
        }
    }
}

/// `load reduced from 7.5 kg to 6 kg — pain 6/10 during on 3 Dec`: the engine's reason
/// (`pain ...: what`) turned round, what changes first.
fn adjustment_words(a: &engine::Adjustment) -> String {
    match a.reason.split_once(": ") {
        Some((why, what)) => format!("{what} — {why}"),
        None => a.reason.clone(),
    }
}

fn log_session(a: &LogArgs, out: &mut dyn Write) -> Result<(), String> {
    let values = check_log_args(a)?;
    let mut plan = load(&a.file)?;
    let projection = engine::project(&plan);
    let (start, last) = plan_dates(&plan, &projection, &a.file)?;
    if a.date < start || a.date > last {
        return Err(format!(
            "{} is not in the plan: it runs from {start} to {last} ({} weeks)",
            a.date,
            projection.weeks.len()
        ));
    }
    let target = find_log_target(&plan, &projection, a.date, &a.exercise, a.slot)?;
    let before = plan.clone();
    apply_log(&mut plan, &target, a, &values);
    let session = plan
        .session_log(a.date, target.slot)
        .ok_or("the log entry was not recorded (a bug; please report it)")?;
    let what = describe_log(&plan, &target, session);
    let write = |r: std::io::Result<()>| r.map_err(|e| format!("cannot write output: {e}"));
    if plan == before {
        return write(writeln!(out, "nothing new to record: {what}"));
    }
    save_plan(&plan, &a.file).map_err(|e| e.to_string())?;
    write(writeln!(out, "recorded {what}"))?;
    let sessions_that_day = projection
        .sessions
        .iter()
        .filter(|s| s.date == Some(a.date))
        .filter(|s| {
            s.items
                .iter()
                .any(|i| i.prescription_id == target.prescription)
        })
        .count();
    if a.slot.is_none() && sessions_that_day > 1 {
        write(writeln!(
            out,
            "note: {sessions_that_day} sessions of it are planned that day; this is session {} \
             (give --slot N for another: 0 the first, 1 the second, ...)",
            target.slot + 1
        ))?;
    }
    // The projection does not depend on the log: only the adjustments change.
    let adjustments = engine::adjustments(&plan, &projection);
    let adjustment = adjustments.iter().find(|x| {
        x.prescription_id == target.prescription
            && x.basis_date == a.date
            && x.basis_slot == target.slot
    });
    if let Some(x) = adjustment {
        return write(writeln!(
            out,
            "next session {}: {} ({})",
            x.date.format("%-d %b"),
            adjustment_words(x),
            adjustment_status_words(x)
        ));
    }
    let Some(response) = session
        .exercise(target.prescription)
        .and_then(engine::response_of)
    else {
        return Ok(());
    };
    let next = projection.sessions.iter().find(|s| {
        s.date.is_some_and(|d| (d, s.slot) > (a.date, target.slot))
            && s.items
                .iter()
                .any(|i| i.prescription_id == target.prescription)
    });
    let later_log = plan
        .log
        .iter()
        .filter(|l| (l.date, l.slot) > (a.date, target.slot))
        .find(|l| l.exercise(target.prescription).is_some_and(|e| e.done));
    let then = match (later_log, next.and_then(|s| s.date), response) {
        (Some(l), _, _) => format!(
            "the session logged on {} is more recent, so it decides the next dose",
            l.date.format("%-d %b")
        ),
        (None, None, _) => "no later session of this exercise in the plan".to_owned(),
        (None, Some(d), engine::Response::Green) => format!(
            "the next session, {}, goes ahead as planned",
            d.format("%-d %b")
        ),
        (None, Some(d), _) => format!(
            "the next session, {}, is planned no higher, so it stays as planned",
            d.format("%-d %b")
        ),
    };
    write(writeln!(out, "pain response {}: {then}", response.label()))
}

// ----- status --------------------------------------------------------------------------------

/// Adherence with its percent (exercises checked off of those due).
#[derive(serde::Serialize)]
struct AdherenceJson {
    #[serde(flatten)]
    counts: engine::Adherence,
    pct: Option<f64>,
}

impl From<engine::Adherence> for AdherenceJson {
    fn from(counts: engine::Adherence) -> Self {
        AdherenceJson {
            counts,
            pct: counts.pct(),
        }
    }
}

#[derive(serde::Serialize)]
struct WeekStatusJson<'a> {
    week: u32,
    /// The week's first day.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    adherence: AdherenceJson,
    supervised_done: u32,
    planned: &'a engine::Metrics,
    actual: &'a engine::Metrics,
}

#[derive(serde::Serialize)]
struct PainTrendJson {
    #[serde(flatten)]
    trend: engine::PainTrend,
    improved: bool,
    label: String,
}

/// An adjustment with the names and dose labels a reader needs.
#[derive(serde::Serialize)]
struct AdjustmentJson<'a> {
    #[serde(flatten)]
    adjustment: &'a engine::Adjustment,
    exercise_name: String,
    planned_label: String,
    proposed_label: String,
    effective_label: String,
}

impl<'a> AdjustmentJson<'a> {
    fn new(plan: &Plan, a: &'a engine::Adjustment) -> Self {
        AdjustmentJson {
            adjustment: a,
            exercise_name: exercise_name(plan, &a.planned_exercise),
            planned_label: engine::dose_label(&a.planned),
            proposed_label: engine::dose_label(&a.proposed),
            effective_label: engine::dose_label(&a.effective),
        }
    }
}

/// `loadplan status --json`: the engine's status, weeks limited to those started, with
/// percents, labels and names added.
#[derive(serde::Serialize)]
struct StatusJson<'a> {
    title: &'a str,
    athlete: &'a str,
    start_date: Option<NaiveDate>,
    today: NaiveDate,
    current_week: Option<u32>,
    overall: AdherenceJson,
    weeks: Vec<WeekStatusJson<'a>>,
    supervised_done: u32,
    supervised_planned_ahead: u32,
    /// Done plus planned ahead: the count by the end of the plan.
    supervised_projected: u32,
    supervised_target: u32,
    pain: &'a [engine::PainPoint],
    pain_trend: Option<PainTrendJson>,
    pending_adjustments: Vec<AdjustmentJson<'a>>,
    flags: &'a [engine::Flag],
}

/// The first day of plan week `week`.
fn week_start(plan: &Plan, week: u32) -> Option<NaiveDate> {
    plan.start_date?
        .checked_add_days(chrono::Days::new(u64::from(week.checked_sub(1)?) * 7))
}

/// The weeks that have started by `status.today`.
fn weeks_so_far<'a>(
    plan: &Plan,
    status: &'a engine::Status,
) -> impl Iterator<Item = &'a engine::WeekStatus> {
    let today = status.today;
    let started = move |w: u32| week_start(plan, w).is_some_and(|d| d <= today);
    status.weeks.iter().filter(move |w| started(w.week))
}

fn status_json<'a>(plan: &'a Plan, status: &'a engine::Status) -> StatusJson<'a> {
    StatusJson {
        title: &plan.title,
        athlete: &plan.athlete,
        start_date: plan.start_date,
        today: status.today,
        current_week: status.current_week,
        overall: status.overall.into(),
        weeks: weeks_so_far(plan, status)
            .map(|w| WeekStatusJson {
                week: w.week,
                from: week_start(plan, w.week),
                adherence: w.adherence.into(),
                supervised_done: w.supervised_done,
                planned: &w.planned,
                actual: &w.actual,
            })
            .collect(),
        supervised_done: status.supervised_done,
        supervised_planned_ahead: status.supervised_planned_ahead,
        supervised_projected: status.supervised_done + status.supervised_planned_ahead,
        supervised_target: status.supervised_target,
        pain: &status.pain,
        pain_trend: status.pain_trend.map(|trend| PainTrendJson {
            improved: trend.improved(),
            label: trend.label(),
            trend,
        }),
        pending_adjustments: status
            .pending_adjustments
            .iter()
            .map(|a| AdjustmentJson::new(plan, a))
            .collect(),
        flags: &status.flags,
    }
}

fn pct_text(a: &engine::Adherence) -> String {
    a.pct()
        .map_or_else(|| "-".to_owned(), |p| format!("{p:.0} %"))
}

fn adherence_row(
    out: &mut dyn Write,
    label: &str,
    from: &str,
    a: &engine::Adherence,
) -> std::io::Result<()> {
    writeln!(
        out,
        "  {label:<6} {from:<10} {:>4} {:>5} {:>7} {:>7} {:>10} {:>6}",
        a.due,
        a.done,
        a.partial,
        a.missed,
        format!("{}/{}", a.exercises_done, a.exercises_due),
        pct_text(a)
    )
}

fn print_status(plan: &Plan, status: &engine::Status, out: &mut dyn Write) -> std::io::Result<()> {
    write!(out, "{}", plan.title)?;
    if !plan.athlete.is_empty() {
        write!(out, " ({})", plan.athlete)?;
    }
    writeln!(out)?;
    let place = match (status.current_week, plan.start_date) {
        (Some(w), _) => format!("week {w} of {}", status.weeks.len()),
        (None, Some(start)) if status.today < start => format!("the plan starts on {start}"),
        (None, Some(_)) => "after the end of the plan".to_owned(),
        (None, None) => "the plan has no start date, so no session is due".to_owned(),
    };
    writeln!(out, "Status on {} ({place})", status.today)?;

    writeln!(
        out,
        "\nAdherence (sessions due so far; exercises checked off)"
    )?;
    writeln!(
        out,
        "  {:<6} {:<10} {:>4} {:>5} {:>7} {:>7} {:>10} {:>6}",
        "Week", "From", "Due", "Done", "Partly", "Missed", "Exercises", "%"
    )?;
    for w in weeks_so_far(plan, status) {
        let from = week_start(plan, w.week).map_or_else(String::new, |d| d.to_string());
        adherence_row(out, &w.week.to_string(), &from, &w.adherence)?;
    }
    adherence_row(out, "All", "", &status.overall)?;

    let projected = status.supervised_done + status.supervised_planned_ahead;
    writeln!(
        out,
        "\nSupervised sessions: {} done + {} planned ahead = {projected} of {} recommended",
        status.supervised_done, status.supervised_planned_ahead, status.supervised_target
    )?;

    print_pain(status, out)?;

    if status.pending_adjustments.is_empty() {
        writeln!(out, "\nPending adjustments: none")?;
    } else {
        writeln!(
            out,
            "\nPending adjustments ({}), for the physio to accept, change or dismiss:",
            status.pending_adjustments.len()
        )?;
        for a in &status.pending_adjustments {
            writeln!(
                out,
                "  {}  {}: {} instead of {}",
                a.date.format("%a %-d %b"),
                exercise_name(plan, &a.exercise),
                engine::dose_label(&a.proposed),
                engine::dose_label(&a.planned)
            )?;
            writeln!(out, "              {}", a.reason)?;
        }
    }

    if status.flags.is_empty() {
        return writeln!(out, "\nFlags: none");
    }
    writeln!(out, "\nFlags:")?;
    for f in &status.flags {
        writeln!(out, "  {:<8} {}: {}", f.severity.label(), f.code, f.message)?;
        writeln!(out, "           source: {}", f.source)?;
    }
    Ok(())
}

/// The last few pain reports and the trend.
fn print_pain(status: &engine::Status, out: &mut dyn Write) -> std::io::Result<()> {
    if status.pain.is_empty() {
        return writeln!(out, "Pain: nothing reported yet");
    }
    const SHOWN: usize = 6;
    let recent = &status.pain[status.pain.len().saturating_sub(SHOWN)..];
    let words: Vec<String> = recent
        .iter()
        .map(|p| {
            let during = p.during.map_or_else(|| "-".to_owned(), |n| n.to_string());
            let next = p
                .next_morning
                .map_or_else(|| "-".to_owned(), |n| n.to_string());
            format!("{} {during}/{next}", p.date.format("%-d %b"))
        })
        .collect();
    let earlier = if status.pain.len() > SHOWN {
        "..., "
    } else {
        ""
    };
    writeln!(
        out,
        "Pain (highest during / next morning, 0-10): {earlier}{}",
        words.join(", ")
    )?;
    match &status.pain_trend {
        Some(t) => writeln!(out, "Pain trend: {}", t.label()),
        None => writeln!(out, "Pain trend: needs pain reports on two or more days"),
    }
}

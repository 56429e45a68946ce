//! `loadplan status`: progress as of a day — adherence per week so far, supervised sessions,
//! pain and its trend, adjustments waiting for the physio, and flags — as a report or as the
//! engine's status in JSON (the schema README documents).

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::engine;
use crate::io::load_plan;
use crate::model::Plan;

use super::CliError;
use super::args::parse_date;
use super::output::{Format, write_json};

/// `loadplan status`: which plan, on which day.
#[derive(Debug, Clone, clap::Args)]
pub struct StatusArgs {
    /// Plan file to report on.
    pub file: PathBuf,
    /// The day to report on, YYYY-MM-DD (default: today); what was logged after it is not
    /// counted.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

/// Reports the plan's status as of the day: everything logged after it is left out.
pub(super) fn run(args: &StatusArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let file = load_plan(&args.file)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let plan = engine::as_of(&file, today);
    let projection = engine::project(&plan);
    let adjustments = engine::adjustments(&plan, &projection);
    let status = engine::status(&plan, &projection, &adjustments, today);
    match format {
        Format::Json => write_json(out, &status_json(&plan, &status))?,
        Format::Text => print_status(&plan, &status, out)?,
    }
    Ok(())
}

// ----- JSON ----------------------------------------------------------------------------------

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

/// An adjustment with the names and dose labels a reader needs (also `log --json`'s).
#[derive(serde::Serialize)]
pub(super) struct AdjustmentJson<'a> {
    #[serde(flatten)]
    adjustment: &'a engine::Adjustment,
    exercise_name: String,
    /// Why, in words.
    reason: String,
    planned_label: String,
    proposed_label: String,
    effective_label: String,
}

impl<'a> AdjustmentJson<'a> {
    /// `a`, with the names and labels from `plan`.
    pub(super) fn new(plan: &Plan, a: &'a engine::Adjustment) -> Self {
        AdjustmentJson {
            adjustment: a,
            exercise_name: plan.exercise_name(&a.planned_exercise).into_owned(),
            reason: a.reason.words(plan.unit, plan),
            planned_label: a.planned.label(plan.unit),
            proposed_label: a.proposed.label(plan.unit),
            effective_label: a.effective.label(plan.unit),
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

// ----- text ----------------------------------------------------------------------------------

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
    print_pending(plan, status, out)?;
    print_flags(status, out)
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

/// The adjustments waiting for the physio, with their reasons.
fn print_pending(plan: &Plan, status: &engine::Status, out: &mut dyn Write) -> std::io::Result<()> {
    if status.pending_adjustments.is_empty() {
        return writeln!(out, "\nPending adjustments: none");
    }
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
            plan.exercise_name(&a.exercise),
            a.proposed.label(plan.unit),
            a.planned.label(plan.unit)
        )?;
        writeln!(out, "              {}", a.reason.words(plan.unit, plan))?;
    }
    Ok(())
}

/// The flags with their severity and source.
fn print_flags(status: &engine::Status, out: &mut dyn Write) -> std::io::Result<()> {
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

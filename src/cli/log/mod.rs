//! `loadplan log`: record one exercise of one session in the plan file (saved in place, the
//! previous version kept as FILE.bak), then say what the engine makes of it: the adjustment it
//! proposes for the next session, or that the next session goes ahead as planned. The
//! arguments are checked and applied in [`entry`], the session found in [`target`]. The file
//! is read, changed and written under its lock ([`update_plan`]), so logs run at the same
//! time all keep their entries.

mod entry;
mod target;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::engine::{self, Projection};
use crate::io::{Updated, comments_note, update_plan};
use crate::model::{Plan, SessionLog};

use self::entry::{LogValues, apply_log, check_log_args, describe_log};
use self::target::{LogTarget, find_log_target, plan_dates};
use super::CliError;
use super::args::parse_date;
use super::output::{Format, write_json};
use super::status::AdjustmentJson;
use super::words::adjustment_line;

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
    pub sets: Option<String>,
    /// Reps per set actually done.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub reps: Option<String>,
    /// Load actually used, in kg.
    #[arg(long, value_name = "KG", allow_negative_numbers = true)]
    pub load_kg: Option<f64>,
    /// Load actually used, in lb (stored in kg; for a plan in pounds).
    #[arg(
        long,
        value_name = "LB",
        allow_negative_numbers = true,
        conflicts_with = "load_kg"
    )]
    pub load_lb: Option<f64>,
    /// Hold time actually done per set, in seconds.
    #[arg(long, value_name = "SECS", allow_negative_numbers = true)]
    pub hold_secs: Option<f64>,
    /// Pain during the exercise, 0-10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub pain_during: Option<String>,
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
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub slot: Option<String>,
    /// Record an extra session: on a day (or in a --slot) with no planned session of the
    /// exercise, in a week it is prescribed.
    #[arg(long)]
    pub extra: bool,
    /// The day counted as today, YYYY-MM-DD (default: today); a later --date is refused.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

/// What was recorded and what follows from it, for either output format.
struct Recorded<'a> {
    /// False when the entry already said all this (nothing was saved).
    changed: bool,
    target: &'a LogTarget,
    session: &'a SessionLog,
    /// [`describe_log`]'s sentence.
    summary: String,
    /// How many sessions of the exercise are planned that day, when more than one and no
    /// `--slot` was given.
    sessions_that_day: Option<usize>,
    /// The day of the latest logged session of the exercise, when this one is older (that one
    /// decides the next dose).
    latest: Option<NaiveDate>,
    /// The adjustment the entry makes the engine propose.
    adjustment: Option<&'a engine::Adjustment>,
    /// The entry's traffic light, whether it is final (the next morning's pain is known, or
    /// it is red already), and what it means for the next session (when there is no
    /// adjustment).
    response: Option<(engine::Response, bool, String)>,
    /// Where the hand-written file was kept, when its comments could not be.
    original_kept: Option<PathBuf>,
}

/// Records the entry (reading, changing and saving the plan under its lock), and says what
/// follows.
pub(super) fn run(a: &LogArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let today = a.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let values = check_log_args(a, today)?;
    let Updated {
        value: (target, projection),
        plan,
        written: changed,
        original_kept,
    } = update_plan(&a.file, |plan| record(plan, a, &values))?;
    let session = plan
        .session_log(a.date, target.slot)
        .ok_or(CliError::NotRecorded)?;
    // The projection does not depend on the log: only the adjustments change.
    let adjustments = if changed {
        engine::adjustments(&plan, &projection)
    } else {
        Vec::new()
    };
    let mut recorded = Recorded {
        changed,
        target: &target,
        session,
        summary: describe_log(&plan, &target, session),
        sessions_that_day: None,
        latest: None,
        adjustment: None,
        response: None,
        original_kept,
    };
    if changed {
        follow_up(&mut recorded, a, &plan, &projection, &adjustments);
    }
    match format {
        Format::Json => write_json(out, &log_json(&recorded, &a.file, &plan))?,
        Format::Text => print_recorded(&recorded, &plan, &a.file, out)?,
    }
    Ok(())
}

/// Finds where the entry goes in `plan` and writes it there.
fn record(
    plan: &mut Plan,
    a: &LogArgs,
    values: &LogValues,
) -> Result<(LogTarget, Projection), CliError> {
    let projection = engine::project(plan);
    let (start, last) = plan_dates(plan, &projection, &a.file)?;
    if a.date < start || a.date > last {
        return Err(CliError::DateOutsidePlan {
            date: a.date,
            start,
            last,
            weeks: projection.weeks.len(),
        });
    }
    let target = find_log_target(plan, &projection, a.date, &a.exercise, values.slot, a.extra)?;
    apply_log(plan, &target, a, values);
    Ok((target, projection))
}

/// Fills in what follows from a new entry: the note on twice-a-day sessions, the later
/// session that decides the next dose, and the adjustment proposed or the pain response.
fn follow_up<'a>(
    r: &mut Recorded<'a>,
    a: &LogArgs,
    plan: &Plan,
    projection: &Projection,
    adjustments: &'a [engine::Adjustment],
) {
    let t = r.target;
    let sessions_that_day = projection
        .sessions
        .iter()
        .filter(|s| s.date == Some(a.date))
        .filter(|s| s.items.iter().any(|i| i.prescription_id == t.prescription))
        .count();
    if a.slot.is_none() && sessions_that_day > 1 {
        r.sessions_that_day = Some(sessions_that_day);
    }
    r.latest = plan
        .log
        .iter()
        .filter(|l| (l.date, l.slot) > (a.date, t.slot))
        .filter(|l| l.exercise(t.prescription).is_some_and(|e| e.done))
        .map(|l| l.date)
        .max();
    let entry = r.session.exercise(t.prescription);
    let response = entry.and_then(|e| engine::response_of(plan.pain_limits, e));
    let known_next = entry.is_some_and(|e| e.pain_next_morning.is_some());
    if r.latest.is_none() {
        r.adjustment = adjustments.iter().find(|x| {
            x.prescription_id == t.prescription && x.basis_date == a.date && x.basis_slot == t.slot
        });
    }
    r.response = response.map(|response| {
        let then = then_words(projection, a.date, t, response);
        (response, response.is_final(known_next), then)
    });
}

/// What a pain response without an adjustment means for the next session of the exercise.
fn then_words(
    projection: &Projection,
    date: NaiveDate,
    t: &LogTarget,
    response: engine::Response,
) -> String {
    let next = projection.sessions.iter().find(|s| {
        s.date.is_some_and(|d| (d, s.slot) > (date, t.slot))
            && s.items.iter().any(|i| i.prescription_id == t.prescription)
    });
    match (next.and_then(|s| s.date), response) {
        (None, _) => "no later session of this exercise in the plan".to_owned(),
        (Some(d), engine::Response::Green) => format!(
            "the next session, {}, goes ahead as planned",
            d.format("%-d %b")
        ),
        (Some(d), _) => format!(
            "the next session, {}, is planned no higher, so it stays as planned",
            d.format("%-d %b")
        ),
    }
}

/// The note on twice-a-day sessions, when there is one.
fn slot_note(r: &Recorded<'_>) -> Option<String> {
    r.sessions_that_day.map(|n| {
        format!(
            "note: {n} sessions of it are planned that day; this is session {} \
             (give --slot N for another: 0 the first, 1 the second, ...)",
            r.target.slot.saturating_add(1)
        )
    })
}

/// `pain response green` or `pain response so far: green - answer next morning's pain to
/// confirm`.
fn response_words(response: engine::Response, is_final: bool) -> String {
    if is_final {
        format!("pain response {}", response.label())
    } else {
        format!("pain response {}", response.so_far())
    }
}

/// The last line: which session decides the next dose when this one is older, else the
/// adjustment proposed for the next session, or the pain response.
fn next_words(r: &Recorded<'_>, plan: &Plan) -> Option<String> {
    let verdict = r
        .response
        .as_ref()
        .map(|(response, is_final, _)| response_words(*response, *is_final));
    if let Some(latest) = r.latest {
        let follows = format!(
            "the next dose follows your latest session, on {}",
            latest.format("%-d %b")
        );
        return Some(match verdict {
            Some(v) => format!("{v}; {follows}"),
            None => follows,
        });
    }
    if let Some(x) = r.adjustment {
        let line = format!(
            "next session {}: {}",
            x.date.format("%-d %b"),
            adjustment_line(plan, x)
        );
        return Some(match r.response {
            Some((response, false, _)) => format!("{line}; {}", response.so_far()),
            _ => line,
        });
    }
    let (_, is_final, then) = r.response.as_ref()?;
    let joint = if *is_final { ":" } else { ";" };
    Some(format!("{}{joint} {then}", verdict?))
}

fn print_recorded(
    r: &Recorded<'_>,
    plan: &Plan,
    file: &Path,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !r.changed {
        return writeln!(out, "nothing new to record: {}", r.summary);
    }
    writeln!(out, "recorded {}", r.summary)?;
    let comments = comments_note(file, r.original_kept.as_deref()).map(|n| format!("note: {n}"));
    for line in [slot_note(r), next_words(r, plan), comments]
        .into_iter()
        .flatten()
    {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// What `log --json` prints: the entry recorded (the whole session as the file now has it)
/// and what follows from it.
#[derive(serde::Serialize)]
struct LogJson<'a> {
    /// False when the entry already said all this and the file was left as it was.
    recorded: bool,
    file: &'a Path,
    week: u32,
    prescription_id: u32,
    exercise_id: &'a str,
    planned_exercise_id: &'a str,
    /// The exercise is prescribed that week but not planned that day.
    extra_session: bool,
    session: &'a SessionLog,
    /// The sentence the text output starts with.
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<engine::Response>,
    /// The response may still change with the next morning's pain (given with `response`).
    #[serde(skip_serializing_if = "Option::is_none")]
    provisional: Option<bool>,
    /// The day of the latest logged session of the exercise, when this one is older: that
    /// one decides the next dose.
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_session: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    adjustment: Option<AdjustmentJson<'a>>,
    /// The sentence on the next session the text output ends with.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    /// Where the hand-written file was kept, when its comments could not be.
    #[serde(skip_serializing_if = "Option::is_none")]
    original_kept: Option<&'a Path>,
}

fn log_json<'a>(r: &'a Recorded<'a>, file: &'a Path, plan: &Plan) -> LogJson<'a> {
    LogJson {
        recorded: r.changed,
        file,
        week: r.target.week,
        prescription_id: r.target.prescription,
        exercise_id: &r.target.exercise,
        planned_exercise_id: &r.target.planned_exercise,
        extra_session: !r.target.planned,
        session: r.session,
        summary: &r.summary,
        note: slot_note(r),
        response: r
            .adjustment
            .map(|x| x.response)
            .or(r.response.as_ref().map(|(response, ..)| *response)),
        provisional: r.response.as_ref().map(|(_, is_final, _)| !is_final),
        latest_session: r.latest,
        adjustment: r.adjustment.map(|x| AdjustmentJson::new(plan, x)),
        next: next_words(r, plan),
        original_kept: r.original_kept.as_deref(),
    }
}

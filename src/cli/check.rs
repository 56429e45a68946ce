//! `loadplan check`: the guardrail findings of a plan with their sources, and an exit code a
//! script can test: 1 when any finding is an error, 0 otherwise (warnings and notes allowed).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::engine::{self, Finding, Severity};
use crate::io::load_plan;
use crate::model::Plan;

use super::CliError;
use super::output::{Format, write_json};

/// `loadplan check`: which plan.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Plan file to check.
    pub file: PathBuf,
}

/// A finding of `check --json`: the engine's finding, field for field, with the name of the
/// exercise it concerns.
#[derive(Debug, serde::Serialize)]
struct FindingJson<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    exercise_name: Option<String>,
}

/// Prints the findings; exit code 1 when one of them is an error.
pub(super) fn run(
    args: &CheckArgs,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let plan = load_plan(&args.file)?;
    let findings = engine::check(&plan, &engine::project(&plan));
    match format {
        Format::Json => {
            let list: Vec<FindingJson<'_>> = findings
                .iter()
                .map(|finding| FindingJson {
                    finding,
                    exercise_name: finding
                        .exercise_id
                        .as_deref()
                        .map(|id| plan.exercise_name(id).into_owned()),
                })
                .collect();
            write_json(out, &list)?;
        }
        Format::Text => print_findings(&plan, &findings, out)?,
    }
    let error = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if error {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_findings(plan: &Plan, findings: &[Finding], out: &mut dyn Write) -> std::io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "{}: no findings", plan.title);
    }
    for f in findings {
        let mut place = Vec::new();
        if let Some(w) = f.week {
            place.push(format!("week {w}"));
        }
        if let Some(id) = &f.exercise_id {
            place.push(plan.exercise_name(id).into_owned());
        }
        let place = if place.is_empty() {
            String::new()
        } else {
            format!(" [{}]", place.join(", "))
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
        "{}, {}, {}",
        crate::engine::words::counted(count(Severity::Error), "error"),
        crate::engine::words::counted(count(Severity::Warning), "warning"),
        crate::engine::words::counted(count(Severity::Note), "note")
    )
}

//! `loadplan templates`: the built-in plan templates, one per line (id, title, weeks and
//! citation, tab-separated). A template that cannot be read is listed with
//! the reason rather than failing the whole list.

use std::io::Write;

use crate::io::PlanFileError;
use crate::model::Plan;

use super::CliError;

/// Lists the templates.
pub(super) fn run(out: &mut dyn Write) -> Result<(), CliError> {
    let all: Vec<(&'static str, Result<Plan, PlanFileError>)> = crate::templates::ids()
        .filter_map(|id| crate::templates::load(id).map(|plan| (id, plan)))
        .collect();
    for (id, plan) in &all {
        match plan {
            Ok(plan) => writeln!(
                out,
                "{id}\t{}\t{} weeks\t{}",
                plan.title,
                plan.length_weeks(),
                plan.citation.replace('\n', " ")
            )?,
            Err(e) => writeln!(out, "{id}\t(cannot be read: {e})")?,
        }
    }
    Ok(())
}

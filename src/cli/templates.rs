//! `loadplan templates`: the built-in plan templates, one per line (id, title, weeks and
//! citation, tab-separated), or as a JSON list. A template that cannot be read is listed with
//! the reason rather than failing the whole list.

use std::io::Write;

use crate::io::PlanFileError;
use crate::model::Plan;

use super::CliError;
use super::output::{Format, write_json};

/// One template of `templates --json`: its title, length and citation, or why it cannot be
/// read.
#[derive(Debug, serde::Serialize)]
struct TemplateJson<'a> {
    id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl<'a> TemplateJson<'a> {
    fn new(id: &'static str, plan: &'a Result<Plan, PlanFileError>) -> Self {
        match plan {
            Ok(plan) => TemplateJson {
                id,
                title: Some(&plan.title),
                weeks: Some(plan.length_weeks()),
                citation: Some(&plan.citation),
                error: None,
            },
            Err(e) => TemplateJson {
                id,
                title: None,
                weeks: None,
                citation: None,
                error: Some(e.to_string()),
            },
        }
    }
}

/// Lists the templates.
pub(super) fn run(format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let all: Vec<(&'static str, Result<Plan, PlanFileError>)> = crate::templates::ids()
        .filter_map(|id| crate::templates::load(id).map(|plan| (id, plan)))
        .collect();
    if format == Format::Json {
        let list: Vec<TemplateJson<'_>> = all
            .iter()
            .map(|(id, plan)| TemplateJson::new(id, plan))
            .collect();
        return Ok(write_json(out, &list)?);
    }
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

//! `loadplan new`: a plan file made from a built-in template, with the athlete's name and start
//! date filled in. It never overwrites a file unless asked to (`--force`), and never writes
//! through a symbolic link.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::io::save_new_plan;

use super::CliError;
use super::args::parse_date;
use super::output::{Format, write_json};

/// `loadplan new`: which template, and where to write the plan.
#[derive(Debug, Clone, clap::Args)]
pub struct NewArgs {
    /// Template id (see `loadplan templates`).
    #[arg(long)]
    pub template: String,
    /// First day of the plan, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub start: Option<NaiveDate>,
    /// Athlete's name.
    #[arg(long)]
    pub athlete: Option<String>,
    /// Where to write the plan.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Overwrite the output file if it exists (never the file a symbolic link points to).
    #[arg(long)]
    pub force: bool,
}

/// What `new --json` prints: the file written and the plan in it.
#[derive(Debug, serde::Serialize)]
struct NewJson<'a> {
    written: &'a Path,
    template: &'a str,
    title: &'a str,
    weeks: u32,
    athlete: &'a str,
    start_date: Option<NaiveDate>,
}

/// Writes the plan and says what it wrote.
pub(super) fn run(args: &NewArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let mut plan = match crate::templates::load(&args.template) {
        Some(r) => r?,
        None => {
            return Err(CliError::UnknownTemplate {
                id: args.template.clone(),
                known: crate::templates::ids().collect(),
            });
        }
    };
    // `symlink_metadata`: a link to nowhere is there too.
    if std::fs::symlink_metadata(&args.output).is_ok() && !args.force {
        return Err(CliError::OutputExists {
            path: args.output.clone(),
        });
    }
    if args.start.is_some() {
        plan.start_date = args.start;
    }
    if let Some(name) = &args.athlete {
        plan.athlete.clone_from(name);
    }
    save_new_plan(&plan, &args.output)?;
    if format == Format::Json {
        let done = NewJson {
            written: &args.output,
            template: &args.template,
            title: &plan.title,
            weeks: plan.length_weeks(),
            athlete: &plan.athlete,
            start_date: plan.start_date,
        };
        return Ok(write_json(out, &done)?);
    }
    writeln!(
        out,
        "wrote {} ({}, {} weeks)",
        args.output.display(),
        plan.title,
        plan.length_weeks()
    )?;
    Ok(())
}

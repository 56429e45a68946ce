//! `loadplan library`: search the built-in exercise library by text and muscle, printed as
//! a table (id, name, category, muscles) or as the exercises in JSON, every field.

use std::io::Write;

use crate::model::Exercise;

use super::CliError;
use super::output::{Format, write_json};

/// `loadplan library`: what to look for.
#[derive(Debug, Clone, clap::Args)]
pub struct LibraryArgs {
    /// Text to find in names, aliases and muscles.
    #[arg(long)]
    pub search: Option<String>,
    /// Muscle worked (e.g. "gluteus medius").
    #[arg(long)]
    pub muscle: Option<String>,
}

/// Prints the exercises found.
pub(super) fn run(args: &LibraryArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let lib = crate::library::builtin()?;
    let found = lib.search(args.search.as_deref().unwrap_or(""), args.muscle.as_deref());
    match format {
        Format::Json => write_json(out, &found)?,
        Format::Text => print_library(&found, out)?,
    }
    Ok(())
}

fn print_library(found: &[&Exercise], out: &mut dyn Write) -> std::io::Result<()> {
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

//! `loadplan library`: search the exercise library (built-in, yours and imported) by text and
//! muscle, printed as a table (id, name, category, origin, muscles) or as the exercises in JSON,
//! every field; `library import FILE` adds the exercises of a free-exercise-db JSON (or a fork),
//! a CSV or a library file to your library; `library export FILE` writes your library.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::library::{Candidate, Merged, PersonalLibrary, Query};
use crate::model::Exercise;

use super::CliError;
use super::output::{Format, write_json};

/// `loadplan library`: what to look for, or what to do with your library.
#[derive(Debug, Clone, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LibraryArgs {
    /// Import into or export your library (none: search it).
    #[command(subcommand)]
    pub action: Option<LibraryAction>,
    /// Text to find in names, aliases and muscles (case and accents do not matter).
    #[arg(long)]
    pub search: Option<String>,
    /// Muscle worked (e.g. "gluteus medius").
    #[arg(long)]
    pub muscle: Option<String>,
    /// The folder your exercise library is kept in (exercises.ron), instead of loadplan's data
    /// folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub library_dir: Option<PathBuf>,
}

/// What to do with your library.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum LibraryAction {
    /// Add the exercises of FILE to your library: free-exercise-db JSON (or a fork of it), a
    /// CSV with a header row (name, category, muscles, equipment, instructions; other columns
    /// are listed and ignored) or a loadplan library file. Takes every entry that duplicates
    /// nothing (an exercise of the library with its id or name, or an earlier entry) unless
    /// --all is given; prints what it took and what it skipped. A file that does not read is
    /// refused whole with its line and column.
    Import(ImportArgs),
    /// Write your library (your exercises, your edits of built-in ones, imported ones) to FILE
    /// as a loadplan library file, which `library import` reads back.
    Export {
        /// The file to write (RON).
        file: PathBuf,
    },
}

/// `loadplan library import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The file to import (.json, .csv or .ron).
    pub file: PathBuf,
    /// Take every entry, duplicates too (each duplicate gets an id of its own).
    #[arg(long, conflicts_with = "skip_duplicates")]
    pub all: bool,
    /// Take only the entries that duplicate nothing (the default; say it to be explicit).
    #[arg(long)]
    pub skip_duplicates: bool,
}

/// Runs `library`: a search, an import or an export.
pub(super) fn run(args: &LibraryArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let folder = match &args.library_dir {
        Some(dir) => Some(dir.clone()),
        None => crate::io::default_data_folder(),
    };
    match &args.action {
        None => search(args, folder.as_deref(), format, out),
        Some(LibraryAction::Import(import)) => {
            let folder = folder.ok_or_else(no_folder)?;
            run_import(import, &folder, format, out)
        }
        Some(LibraryAction::Export { file }) => {
            let folder = folder.ok_or_else(no_folder)?;
            let personal = crate::io::load_personal(&folder)?;
            crate::io::write_personal(file, &personal)?;
            let summary = ExportSummary {
                file: file.display().to_string(),
                exercises: personal.exercises.len(),
                imported: personal.imported.len(),
            };
            match format {
                Format::Json => write_json(out, &summary)?,
                Format::Text => writeln!(
                    out,
                    "wrote {} of yours and {} imported to {}",
                    crate::engine::words::counted(summary.exercises, "exercise"),
                    summary.imported,
                    summary.file
                )?,
            }
            Ok(())
        }
    }
}

fn no_folder() -> CliError {
    CliError::ImportText(
        "this system names no data folder for your exercise library; give one with --library-dir DIR"
            .to_owned(),
    )
}

/// The library with yours merged in (none kept yet: the built-in one).
fn merged(folder: Option<&Path>) -> Result<Merged, CliError> {
    let personal = match folder {
        Some(folder) => crate::io::load_personal(folder)?,
        None => PersonalLibrary::default(),
    };
    Ok(Merged::new(crate::library::builtin()?, personal))
}

fn search(
    args: &LibraryArgs,
    folder: Option<&Path>,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lib = merged(folder)?;
    let query = Query::new(args.search.as_deref().unwrap_or(""), args.muscle.as_deref());
    let found = lib.search_with_origin(&query);
    match format {
        Format::Json => {
            let exercises: Vec<&Exercise> = found.iter().map(|(e, _)| *e).collect();
            write_json(out, &exercises)?;
        }
        Format::Text => {
            for (e, origin) in &found {
                writeln!(
                    out,
                    "{:<28} {:<40} {:<12} {:<10} {}",
                    e.id,
                    e.name,
                    e.category.label(),
                    origin.label(),
                    e.muscles.join(", ")
                )?;
            }
            writeln!(out, "{} exercises", found.len())?;
        }
    }
    Ok(())
}

/// What an import took and skipped, as `--json` prints it.
#[derive(serde::Serialize)]
struct ImportSummary {
    file: String,
    kind: &'static str,
    library: String,
    took: Vec<Took>,
    skipped: Vec<Skipped>,
    ignored_columns: Vec<String>,
}

#[derive(serde::Serialize)]
struct Took {
    id: String,
    name: String,
    category: &'static str,
}

#[derive(serde::Serialize)]
struct Skipped {
    name: String,
    reason: String,
}

#[derive(serde::Serialize)]
struct ExportSummary {
    file: String,
    exercises: usize,
    imported: usize,
}

fn run_import(
    args: &ImportArgs,
    folder: &Path,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let text = crate::io::read_import_text(&args.file).map_err(CliError::ImportText)?;
    let file = crate::library::read_import(&args.file.display().to_string(), &text)?;
    let library = merged(Some(folder))?;
    let candidates = crate::library::preview(&library, &file);
    let (chosen, skipped): (Vec<&Candidate>, Vec<&Candidate>) = candidates
        .iter()
        .partition(|c| args.all || c.duplicate.is_none());
    let took = crate::library::take(&library, chosen);
    let mut personal = library.personal().clone();
    personal.imported.extend(took.iter().cloned());
    let path = if took.is_empty() {
        crate::io::personal_path(folder)
    } else {
        crate::io::save_personal(folder, &personal)?
    };
    let summary = ImportSummary {
        file: args.file.display().to_string(),
        kind: file.kind.label(),
        library: path.display().to_string(),
        took: took
            .iter()
            .map(|e| Took {
                id: e.id.clone(),
                name: e.name.clone(),
                category: e.category.label(),
            })
            .collect(),
        skipped: skipped
            .iter()
            .map(|c| Skipped {
                name: c.entry.exercise.name.clone(),
                reason: c
                    .duplicate
                    .as_ref()
                    .map_or_else(String::new, crate::library::Duplicate::describe),
            })
            .collect(),
        ignored_columns: file.ignored_columns.clone(),
    };
    match format {
        Format::Json => write_json(out, &summary)?,
        Format::Text => print_import(&summary, out)?,
    }
    Ok(())
}

fn print_import(s: &ImportSummary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({}): took {}, skipped {}",
        s.file,
        s.kind,
        crate::engine::words::counted(s.took.len(), "exercise"),
        s.skipped.len()
    )?;
    for t in &s.took {
        writeln!(out, "  took    {:<36} {} ({})", t.id, t.name, t.category)?;
    }
    for k in &s.skipped {
        writeln!(out, "  skipped {} ({}; --all takes it)", k.name, k.reason)?;
    }
    if !s.ignored_columns.is_empty() {
        writeln!(out, "columns not read: {}", s.ignored_columns.join(", "))?;
    }
    if !s.took.is_empty() {
        writeln!(out, "your library: {}", s.library)?;
    }
    Ok(())
}

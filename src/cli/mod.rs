//! The command line: thin subcommands over the model, engine and io, one module each. This
//! module holds what they share at the top: the clap [`Cli`], the [`Command`] enum and the
//! dispatch ([`run`]). Errors are [`CliError`]s, which `main` prints as one line on stderr
//! with exit code 1; wrong usage gives 2 (clap's own). Output goes through a buffer that is
//! flushed once at the end ([`run_on_stdout`]).

mod args;
mod check;
mod error;
mod export;
mod library;
mod log;
mod new;
mod output;
mod show;
mod status;
mod templates;
mod words;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use self::args::PaperArg;
pub use self::check::CheckArgs;
pub use self::error::{CliError, PlannedThatDay};
pub use self::export::ExportArgs;
pub use self::library::LibraryArgs;
pub use self::log::LogArgs;
pub use self::new::NewArgs;
pub use self::output::Format;
pub use self::show::ShowArgs;
pub use self::status::StatusArgs;

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
    New(NewArgs),
    /// Show the week-by-week plan with its load.
    Show(ShowArgs),
    /// Run the guardrails: exit 0 when there is no error finding, 1 otherwise.
    Check(CheckArgs),
    /// Export a plan as a PDF handout, a CSV spreadsheet or an iCalendar file (by extension).
    Export(ExportArgs),
    /// Record a logged session: one exercise checked off, what was done and how it felt.
    Log(LogArgs),
    /// Progress so far: adherence, supervised sessions, pain, pending adjustments, flags.
    Status(StatusArgs),
    /// Search the built-in exercise library.
    Library(LibraryArgs),
}

/// Runs a subcommand, printing to `out`. Returns the process exit code: success, except for
/// `check` with an error finding (1).
pub fn run(command: &Command, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let json = Format::from_json_flag;
    match command {
        Command::Templates => templates::run(out)?,
        Command::New(args) => new::run(args, out)?,
        Command::Show(args) => show::run(args, json(args.json), out)?,
        Command::Check(args) => return check::run(args, json(args.json), out),
        Command::Export(args) => export::run(args, out)?,
        Command::Log(args) => log::run(args, out)?,
        Command::Status(args) => status::run(args, json(args.json), out)?,
        Command::Library(args) => library::run(args, json(args.json), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// [`run`] on standard output, through one buffer flushed at the end; a failed flush is an
/// error like a failed write.
pub fn run_on_stdout(command: &Command) -> Result<ExitCode, CliError> {
    output::buffered(std::io::stdout().lock(), |out| run(command, out))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn paper_is_a_value_enum() {
        let args = ["loadplan", "export", "p.ron", "-o", "p.pdf", "--paper"];
        let cli = Cli::try_parse_from(args.into_iter().chain(["Letter"])).expect("parses");
        let Some(Command::Export(export)) = cli.command else {
            panic!("export");
        };
        assert_eq!(export.paper, PaperArg::Letter);
        let e = Cli::try_parse_from(args.into_iter().chain(["a3"])).expect_err("a3");
        assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue);
    }
}

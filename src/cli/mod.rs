//! The command line: thin subcommands over the model, engine and io, one module each. This
//! module holds what they share at the top: the clap [`Cli`], the [`Command`] enum and the
//! dispatch ([`run`]). Errors are [`CliError`]s, which `main` prints as one line on stderr
//! with exit code 1; wrong usage gives 2 (clap's own). Output goes through a buffer that is
//! flushed once at the end ([`run_on_stdout`]).

mod args;
mod check;
mod error;
mod export;
mod fit;
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

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

pub use self::args::PaperArg;
pub use self::check::CheckArgs;
pub use self::error::{CliError, PlannedThatDay};
pub use self::export::ExportArgs;
pub use self::fit::FitArgs;
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
    override_usage = "loadplan [FILE]\n       loadplan [--json] <COMMAND>"
)]
pub struct Cli {
    /// Plan file to open in the window (the sample plan when none is given).
    pub file: Option<PathBuf>,
    /// Print the result as JSON instead of text (every subcommand).
    #[arg(long, global = true)]
    pub json: bool,
    /// The subcommand to run; none opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the process's arguments as [`Parser::parse`] does, then refuses what clap alone
    /// cannot (see [`Cli::check_usage`]): wrong usage prints clap's message and exits with 2.
    pub fn parse_checked() -> Cli {
        let cli = Cli::parse();
        if let Err(e) = cli.check_usage() {
            e.exit();
        }
        cli
    }

    /// Refuses a plan file given with a subcommand (the file is the window's), and `--json`
    /// without a subcommand. (Clap's `args_conflicts_with_subcommands` would refuse the first,
    /// but also a global `--json` before the subcommand.)
    pub fn check_usage(&self) -> Result<(), clap::Error> {
        let mut cmd = Cli::command();
        match (&self.file, &self.command, self.json) {
            (Some(file), Some(_), _) => Err(cmd.error(
                ErrorKind::ArgumentConflict,
                format!(
                    "a plan file before the subcommand opens the window; give it after the \
                     subcommand instead, e.g. `loadplan show {}`",
                    file.display()
                ),
            )),
            (_, None, true) => Err(cmd.error(
                ErrorKind::MissingSubcommand,
                "--json needs a subcommand: the window has no JSON output",
            )),
            _ => Ok(()),
        }
    }
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
    // Boxed: its many options would make every command as large.
    Log(Box<LogArgs>),
    /// Progress so far: adherence, supervised sessions, pain, pending adjustments, flags.
    Status(StatusArgs),
    /// Fit one prescription's progression to the weekly threshold (double progression on the
    /// equipment's load steps), shown beside the current one; --write saves it.
    Fit(FitArgs),
    /// Search the exercise library (built-in, yours, imported), import exercises into yours,
    /// or export yours.
    Library(LibraryArgs),
}

/// Runs a subcommand, printing to `out` as `format` says. Returns the process exit code:
/// success, except for `check` with an error finding (1).
pub fn run(command: &Command, format: Format, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match command {
        Command::Templates => templates::run(format, out)?,
        Command::New(args) => new::run(args, format, out)?,
        Command::Show(args) => show::run(args, format, out)?,
        Command::Check(args) => return check::run(args, format, out),
        Command::Export(args) => export::run(args, format, out)?,
        Command::Log(args) => log::run(args, format, out)?,
        Command::Status(args) => status::run(args, format, out)?,
        Command::Fit(args) => fit::run(args, format, out)?,
        Command::Library(args) => library::run(args, format, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// [`run`] on standard output, through one buffer flushed at the end; a failed flush is an
/// error like a failed write.
pub fn run_on_stdout(command: &Command, format: Format) -> Result<ExitCode, CliError> {
    output::buffered(std::io::stdout().lock(), |out| run(command, format, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("loadplan").chain(args.iter().copied()))?;
        cli.check_usage()?;
        Ok(cli)
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn json_goes_before_or_after_the_subcommand() {
        for args in [["--json", "check", "p.ron"], ["check", "p.ron", "--json"]] {
            let cli = parse(&args).expect("parses");
            assert!(cli.json && matches!(cli.command, Some(Command::Check(_))));
        }
        assert!(!parse(&["check", "p.ron"]).expect("parses").json);
    }

    #[test]
    fn a_file_with_a_subcommand_or_json_without_one_is_wrong_usage() {
        let e = parse(&["p.ron", "show", "p.ron"]).expect_err("file and subcommand");
        assert_eq!(e.kind(), ErrorKind::ArgumentConflict);
        let e = parse(&["--json"]).expect_err("json alone");
        assert_eq!(e.kind(), ErrorKind::MissingSubcommand);
        assert!(parse(&["p.ron"]).is_ok_and(|c| c.file.is_some() && c.command.is_none()));
    }

    #[test]
    fn paper_is_a_value_enum() {
        let cli = parse(&["export", "p.ron", "-o", "p.pdf", "--paper", "Letter"]).expect("parses");
        let Some(Command::Export(args)) = cli.command else {
            panic!("export");
        };
        assert_eq!(args.paper, PaperArg::Letter);
        let e = parse(&["export", "p.ron", "-o", "p.pdf", "--paper", "a3"]).expect_err("a3");
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
    }
}

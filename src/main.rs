//! The `loadplan` binary: subcommands run on the command line; no subcommand opens the window.

use std::process::ExitCode;

use loadplan::cli::{Cli, Format, run_on_stdout};

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    match cli.command {
        Some(command) => match run_on_stdout(&command, Format::from_json_flag(cli.json)) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("loadplan: error: {e}");
                ExitCode::from(1)
            }
        },
        None => match loadplan::app::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("loadplan: error: {message}");
                ExitCode::from(1)
            }
        },
    }
}

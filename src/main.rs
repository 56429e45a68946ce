//! The `loadplan` binary: subcommands run on the command line; no subcommand opens the window.

use std::process::ExitCode;

use clap::Parser;
use loadplan::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match run(&command, &mut stdout) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("loadplan: error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        None => match loadplan::app::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("loadplan: error: {message}");
                ExitCode::from(1)
            }
        },
    }
}

//! Plan files and the command line: reading, writing and validating plan files (line:column
//! errors, round trips, the log) and the `loadplan` binary run as a user runs it: what `log`
//! accepts and says, and writers at the same time.

#[path = "../common/mod.rs"]
mod common;

mod cli;
#[cfg(unix)]
mod kills;
mod library_cli;
mod limits;
mod log_file;
mod log_rules;
mod max_plan;
mod plan_file;
mod writers;

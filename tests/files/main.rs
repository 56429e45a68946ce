//! Plan files and the command line: reading, writing and validating plan files (line:column
//! errors, round trips, the log) and the `loadplan` binary run as a user runs it.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod log_file;
mod plan_file;
mod writers;

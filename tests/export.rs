//! Exports read back: the PDF handout through text extraction (names, weeks, pages, log rows),
//! the CSV through the csv crate, the calendar through an iCalendar parser, and `export_to` and
//! the command line's `export` as a user runs them.

#[path = "export/cli.rs"]
mod cli;
#[path = "export/files.rs"]
mod files;
#[path = "export/handout.rs"]
mod handout;
#[path = "export/plans.rs"]
mod plans;

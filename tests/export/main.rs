//! Exports read back: the PDF handout through text extraction (names, weeks, pages, log rows),
//! the CSV through the csv crate, the calendar through an iCalendar parser, and `export_to` and
//! the command line's `export` as a user runs them.

mod check;
mod cli;
mod files;
mod handout;
mod plans;
mod report;

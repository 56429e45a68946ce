//! How subcommands print: text or JSON ([`Format`], chosen by `--json`), and the JSON writer
//! they share.

use std::io::Write;

/// What a subcommand prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Lines for a person to read (the default).
    #[default]
    Text,
    /// One JSON document for a program to read (`--json`).
    Json,
}

impl Format {
    /// `Json` when `--json` was given, else `Text`.
    pub fn from_json_flag(json: bool) -> Format {
        if json { Format::Json } else { Format::Text }
    }
}

/// Writes `value` as pretty JSON followed by a newline.
pub(super) fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

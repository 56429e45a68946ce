//! How subcommands print: text or JSON ([`Format`], chosen by the global `--json` flag), the
//! JSON writer they share, and the buffer standard output goes through, so that a long report
//! is a few large writes rather than one system call per line, and a failed flush is reported.

use std::io::{BufWriter, Write};

use super::CliError;

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

/// Buffer size for standard output: a whole `show --json` of a year's plan is a handful of
/// writes.
const BUFFER_BYTES: usize = 64 * 1024;

/// Runs `f` with `inner` behind a buffer, then flushes it. The flush happens also when `f`
/// fails, so that what was printed before the error still shows; `f`'s error comes first,
/// then a failed flush.
pub(super) fn buffered<W: Write, T>(
    inner: W,
    f: impl FnOnce(&mut dyn Write) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let mut out = BufWriter::with_capacity(BUFFER_BYTES, inner);
    let result = f(&mut out);
    let flushed = out.flush();
    let value = result?;
    flushed?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts writes into its buffer but fails to pass them on.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_flush_is_an_output_error() {
        let r = buffered(Full, |out| Ok(writeln!(out, "one line")?));
        let e = r.expect_err("the flush fails");
        assert!(matches!(e, CliError::Output(_)), "{e:?}");
        assert_eq!(e.to_string(), "cannot write output: disk full");
    }

    #[test]
    fn the_command_error_comes_before_the_flush_error() {
        let r: Result<(), CliError> = buffered(Full, |out| {
            writeln!(out, "partial")?;
            Err(CliError::NotRecorded)
        });
        assert!(matches!(r, Err(CliError::NotRecorded)));
    }

    #[test]
    fn output_is_passed_on_in_one_piece() {
        let mut seen = Vec::new();
        buffered(&mut seen, |out| {
            for n in 0..100 {
                writeln!(out, "line {n}")?;
            }
            write_json(out, &[1, 2])?;
            Ok(())
        })
        .expect("written");
        let text = String::from_utf8(seen).expect("utf-8");
        assert!(text.starts_with("line 0\n") && text.ends_with("[\n  1,\n  2\n]\n"));
    }
}

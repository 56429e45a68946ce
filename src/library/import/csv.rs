//! Reading exercises from a CSV with a header row: `name` and `category` are needed;
//! `muscles`, `equipment` and `instructions` are read when present (any case, in any order);
//! every other column is listed as not read. Muscles and equipment are separated by `;` or
//! `,` within their cell, instructions by line breaks. Cells may be quoted (with `""` for a
//! quote). The separator is a comma, or a semicolon or tab when the header row uses that.
//! Any bad row refuses the whole file, naming its line and column.

use super::{Entry, ImportError, ImportFile, ImportKind};

/// Prefix of the ids of exercises imported from a CSV.
const ID_PREFIX: &str = "csv_";

/// The columns read, in the order of their index in [`Columns`].
const READ: [&str; 5] = ["name", "category", "muscles", "equipment", "instructions"];

/// Where each column read is (0-based), when present.
#[derive(Default)]
struct Columns([Option<usize>; 5]);

impl Columns {
    fn cell<'r>(&self, record: &'r csv::StringRecord, which: usize) -> &'r str {
        self.0[which]
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
    }
}

/// Reads the CSV text of the file named `file`.
pub(super) fn read(text: &str, file: &str) -> Result<ImportFile, ImportError> {
    let error = |line: usize, column: usize, message: String| ImportError {
        file: file.to_owned(),
        line,
        column,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&e, file))?.clone();
    let mut columns = Columns::default();
    let mut ignored = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim().to_lowercase();
        match READ.iter().position(|r| *r == name) {
            Some(k) if columns.0[k].is_none() => columns.0[k] = Some(i),
            _ => ignored.push(h.trim().to_owned()),
        }
    }
    for (k, needed) in READ.iter().enumerate().take(2) {
        if columns.0[k].is_none() {
            return Err(error(
                1,
                1,
                format!(
                    "the header row has no \"{needed}\" column (it needs name and category; \
                     muscles, equipment and instructions are read when present)"
                ),
            ));
        }
    }
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, file))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let column = |k: usize| columns.0[k].map_or(1, |i| i + 1);
        let name = columns.cell(&record, 0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if name.is_empty() {
            return Err(error(line, column(0), "the name is empty".to_owned()));
        }
        let from_category = columns.cell(&record, 1).to_owned();
        let Some(category) = super::category(&from_category) else {
            return Err(error(
                line,
                column(1),
                format!(
                    "category \"{from_category}\" of {name} is not one loadplan can map (it takes {})",
                    super::CATEGORY_WORDS
                ),
            ));
        };
        let list = |k: usize| -> Vec<String> {
            columns
                .cell(&record, k)
                .split([';', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let cues = columns
            .cell(&record, 4)
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let exercise = super::exercise(super::Parts {
            id: format!("{ID_PREFIX}{}", super::slug(name)),
            name: name.to_owned(),
            category,
            static_hold: false,
            primary: list(2),
            secondary: Vec::new(),
            equipment: list(3)
                .into_iter()
                .filter(|e| !e.eq_ignore_ascii_case("body only") && !e.eq_ignore_ascii_case("none"))
                .collect(),
            cues,
            source: format!("imported from {}", base_name(file)),
        });
        entries.push(Entry {
            exercise,
            from_category,
        });
    }
    Ok(ImportFile {
        kind: ImportKind::Csv,
        entries,
        ignored_columns: ignored,
    })
}

/// The separator the header row uses most: comma, semicolon or tab.
fn delimiter(text: &str) -> u8 {
    let header_line = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// The file name without its folders.
fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// A CSV reader's error at its line and column.
fn csv_error(e: &csv::Error, file: &str) -> ImportError {
    let (line, column, message) = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => (
            pos.as_ref().map_or(0, |p| p.line() as usize),
            (*len.min(expected_len) as usize) + 1,
            format!(
                "this row has {len} cells where the header row has {expected_len} (a cell with a \
                 comma or line break must be quoted: \"like, this\")"
            ),
        ),
        csv::ErrorKind::Utf8 { pos, err } => (
            pos.as_ref().map_or(0, |p| p.line() as usize),
            err.field() + 1,
            "this cell is not UTF-8 text: save the file as UTF-8".to_owned(),
        ),
        _ => (
            e.position().map_or(0, |p| p.line() as usize),
            1,
            e.to_string(),
        ),
    };
    ImportError {
        file: file.to_owned(),
        line,
        column,
        message,
    }
}

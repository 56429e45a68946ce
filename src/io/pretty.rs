//! Tidies ron's pretty output for people. ron puts every element on its own line, so a week
//! range takes four lines and a per-set rep list five. This pass joins a bracketed group onto
//! one line when that line stays short and the group holds only simple values: a list of
//! numbers, names or short texts (`[12, 10, 8]`, `[Mon, Thu]`), or a small struct of numbers
//! and names (`(first: 1, last: 4)`, a dose, a table row). Anything with nested lists, and any
//! struct with text in it (a prescription, a phase, an exercise), keeps one field per line, so
//! the file stays easy to edit and to compare.
//!
//! Only whitespace between tokens changes, so the result reads back to the same value. It
//! relies on ron's pretty layout: strings escaped onto one line, an opening bracket last on
//! its line, a closing bracket first on its own line.

/// Longest line, in characters, that joining may produce.
const MAX_WIDTH: usize = 100;

/// A bracketed group being read: its opening line and the lines of each element.
struct Group {
    header: String,
    items: Vec<Vec<String>>,
}

/// Joins short, simple groups of ron pretty `text` onto one line.
pub(crate) fn compact(text: &str) -> String {
    let mut stack: Vec<Group> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let lines = if trimmed.starts_with([')', ']'])
            && let Some(group) = stack.pop()
        {
            close(group, line)
        } else if line.ends_with(['(', '[']) {
            stack.push(Group {
                header: line.to_owned(),
                items: Vec::new(),
            });
            continue;
        } else {
            vec![line.to_owned()]
        };
        match stack.last_mut() {
            Some(parent) => parent.items.push(lines),
            None => out.extend(lines),
        }
    }
    // Groups never closed (not ron output after all) are written back unchanged.
    for group in stack {
        out.push(group.header);
        out.extend(group.items.into_iter().flatten());
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// The lines of a finished group: one line when it may be joined, otherwise as it was.
fn close(group: Group, closing: &str) -> Vec<String> {
    if let Some(line) = joined(&group, closing) {
        return vec![line];
    }
    let mut lines = vec![group.header];
    lines.extend(group.items.into_iter().flatten());
    lines.push(closing.to_owned());
    lines
}

fn joined(group: &Group, closing: &str) -> Option<String> {
    let is_list = group.header.ends_with('[');
    let mut parts = Vec::with_capacity(group.items.len());
    for item in &group.items {
        let [line] = item.as_slice() else {
            return None;
        };
        let part = line.trim();
        let part = part.strip_suffix(',').unwrap_or(part);
        let code = without_strings(part);
        let simple = if is_list {
            !code.contains(['(', '[', '{'])
        } else {
            code.len() == part.len() && !code.contains("//")
        };
        if !simple {
            return None;
        }
        parts.push(part);
    }
    let line = format!(
        "{}{}{}",
        group.header,
        parts.join(", "),
        closing.trim_start()
    );
    (line.chars().count() <= MAX_WIDTH).then_some(line)
}

/// `part` with every string literal left out (ron writes strings escaped, on one line).
fn without_strings(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in part.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_short_simple_groups_only() {
        let text = "(\n    title: \"x (\",\n    weeks: (\n        first: 1,\n        last: 4,\n    ),\n    reps: PerSet([\n        12,\n        10,\n    ]),\n    rows: [\n        (\n            week: 1,\n        ),\n    ],\n)\n";
        let expected = "(\n    title: \"x (\",\n    weeks: (first: 1, last: 4),\n    reps: PerSet([12, 10]),\n    rows: [\n        (week: 1),\n    ],\n)\n";
        assert_eq!(compact(text), expected);
        let text = "[\n    \"a (b) [c]\",\n    \"\\\"(\",\n]";
        assert_eq!(compact(text), "[\"a (b) [c]\", \"\\\"(\"]");
    }

    #[test]
    fn keeps_long_groups() {
        let long = "a".repeat(100);
        let text = format!("[\n    \"{long}\",\n    \"b\",\n]");
        assert_eq!(compact(&text), text);
    }
}

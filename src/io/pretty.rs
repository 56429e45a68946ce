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

/// A bracketed group being read: where its opening line sits in the output, and whether an
/// element spans several lines (a nested group that stayed open), which forbids joining.
struct Group {
    start: usize,
    multi_line_item: bool,
}

/// Joins short, simple groups of ron pretty `text` onto one line.
pub(crate) fn compact(text: &str) -> String {
    use std::borrow::Cow;
    let mut stack: Vec<Group> = Vec::new();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(text.len() / 16);
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with([')', ']'])
            && let Some(group) = stack.pop()
        {
            let joined = (!group.multi_line_item)
                .then(|| joined(&out[group.start], &out[group.start + 1..], line))
                .flatten();
            let expanded = match joined {
                Some(one) => {
                    out.truncate(group.start);
                    out.push(Cow::Owned(one));
                    false
                }
                None => {
                    out.push(Cow::Borrowed(line));
                    true
                }
            };
            if expanded && let Some(parent) = stack.last_mut() {
                parent.multi_line_item = true;
            }
        } else if line.ends_with(['(', '[']) {
            stack.push(Group {
                start: out.len(),
                multi_line_item: false,
            });
            out.push(Cow::Borrowed(line));
        } else {
            out.push(Cow::Borrowed(line));
        }
    }
    let mut joined = String::with_capacity(text.len());
    for (i, line) in out.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
        }
        joined.push_str(line);
    }
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// The group as one line, when every element is simple and the line stays short.
fn joined(header: &str, items: &[std::borrow::Cow<'_, str>], closing: &str) -> Option<String> {
    let is_list = header.ends_with('[');
    let mut line = String::with_capacity(MAX_WIDTH + 8);
    line.push_str(header);
    for (i, item) in items.iter().enumerate() {
        let part = item.trim();
        let part = part.strip_suffix(',').unwrap_or(part);
        let (has_string, code_has_bracket, code_has_comment) = scan(part);
        let simple = if is_list {
            !code_has_bracket
        } else {
            !has_string && !code_has_comment
        };
        if !simple {
            return None;
        }
        if i > 0 {
            line.push_str(", ");
        }
        line.push_str(part);
        if line.len() > MAX_WIDTH * 4 {
            return None;
        }
    }
    line.push_str(closing.trim_start());
    (line.chars().count() <= MAX_WIDTH).then_some(line)
}

/// Looks at `part` outside its string literals (ron writes strings escaped, on one line):
/// (holds a string, has a bracket outside strings, has `//` outside strings).
fn scan(part: &str) -> (bool, bool, bool) {
    let (mut has_string, mut bracket, mut comment) = (false, false, false);
    let mut in_string = false;
    let mut escaped = false;
    let mut prev_slash = false;
    for c in part.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                has_string = true;
            }
            '(' | '[' | '{' => bracket = true,
            '/' if prev_slash => comment = true,
            _ => {}
        }
        prev_slash = c == '/';
    }
    (has_string, bracket, comment)
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

//! A small, forgiving scanner for RON text. It does not parse values; it finds where things
//! are, so error messages can point at a line and column: the key of a top-level field, the
//! n-th entry of a list such as `prescriptions`, the field a parse error happened in.

pub(crate) use super::lex::{Kind, Token, tokenize, unescape};

/// Index of the bracket closing the group opened at `open`, or `None` when it never closes.
pub(crate) fn matching_close(tokens: &[Token<'_>], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        if t.is_open() {
            depth += 1;
        } else if t.is_close() {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// Indices of the first token of each entry of the group opened at `open` (entries are
/// separated by commas at the group's own level; a trailing comma adds no entry).
pub(crate) fn entries(tokens: &[Token<'_>], open: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut expecting_entry = true;
    for (i, t) in tokens.iter().enumerate().skip(open + 1) {
        if depth == 0 {
            if t.is_close() {
                break;
            }
            if t.is_punct(',') {
                expecting_entry = true;
                continue;
            }
            if expecting_entry {
                out.push(i);
                expecting_entry = false;
            }
        }
        if t.is_open() {
            depth += 1;
        } else if t.is_close() {
            depth -= 1;
        }
    }
    out
}

/// The opening bracket of a struct-like value starting at `start` (`(` or `Name(`).
fn struct_open(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let t = tokens.get(start)?;
    if t.is_punct('(') {
        return Some(start);
    }
    if t.kind == Kind::Ident && tokens.get(start + 1)?.is_punct('(') {
        return Some(start + 1);
    }
    None
}

/// The opening bracket of the whole document's value, after any `#![...]` attributes.
pub(crate) fn root_open(tokens: &[Token<'_>]) -> Option<usize> {
    let mut i = 0;
    while tokens.get(i)?.is_punct('#') {
        let bracket = i + tokens[i..].iter().position(|t| t.is_punct('['))?;
        i = matching_close(tokens, bracket)? + 1;
    }
    struct_open(tokens, i)
}

/// Index of the key token `name` among the fields of the struct opened at `open`.
pub(crate) fn field_key(tokens: &[Token<'_>], open: usize, name: &str) -> Option<usize> {
    entries(tokens, open).into_iter().find(|&i| {
        tokens[i].kind == Kind::Ident
            && tokens[i].text.trim_start_matches("r#") == name
            && tokens.get(i + 1).is_some_and(|t| t.is_punct(':'))
    })
}

/// Index of the first token of field `name`'s value in the struct opened at `open`.
pub(crate) fn field_value(tokens: &[Token<'_>], open: usize, name: &str) -> Option<usize> {
    let key = field_key(tokens, open, name)?;
    (key + 2 < tokens.len()).then_some(key + 2)
}

/// First tokens of the entries of list field `name` of the struct opened at `open`.
pub(crate) fn list_entries(tokens: &[Token<'_>], open: usize, name: &str) -> Option<Vec<usize>> {
    let value = field_value(tokens, open, name)?;
    tokens[value].is_punct('[').then(|| entries(tokens, value))
}

/// The string value of field `name` of the struct-like entry starting at `entry`.
pub(crate) fn entry_string(tokens: &[Token<'_>], entry: usize, name: &str) -> Option<String> {
    let open = struct_open(tokens, entry)?;
    let value = field_value(tokens, open, name)?;
    let t = tokens[value];
    (t.kind == Kind::Str).then(|| unescape(t.text)).flatten()
}

/// The opening bracket of the struct-like entry starting at `entry`.
pub(crate) fn entry_open(tokens: &[Token<'_>], entry: usize) -> Option<usize> {
    struct_open(tokens, entry)
}

/// The innermost field name whose value contains byte `offset`: the field a parse error at
/// `offset` happened in. `None` between fields (after a comma, before the next key).
pub(crate) fn field_at(tokens: &[Token<'_>], offset: usize) -> Option<String> {
    let mut stack: Vec<Option<&str>> = vec![None];
    for (i, t) in tokens.iter().enumerate() {
        if t.offset >= offset {
            break;
        }
        if t.is_open() {
            stack.push(None);
        } else if t.is_close() {
            if stack.len() > 1 {
                stack.pop();
            }
        } else if t.is_punct(',') {
            if let Some(top) = stack.last_mut() {
                *top = None;
            }
        } else if t.kind == Kind::Ident
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_punct(':') && n.offset < offset)
            && let Some(top) = stack.last_mut()
        {
            *top = Some(t.text.trim_start_matches("r#"));
        }
    }
    stack.iter().rev().find_map(|k| k.map(str::to_owned))
}

/// Index of the token covering or following byte `offset`.
pub(crate) fn token_at(tokens: &[Token<'_>], offset: usize) -> Option<usize> {
    tokens.iter().position(|t| t.offset + t.text.len() > offset)
}

/// Byte offset of 1-based `line` and character `column` in `text`; a column past the end of
/// its line gives the end of that line, a line past the end gives the end of the text.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let (mut current_line, mut current_column) = (1, 1);
    for (i, c) in text.char_indices() {
        if current_line == line && (current_column >= column || c == '\n') {
            return i;
        }
        if c == '\n' {
            current_line += 1;
            current_column = 1;
        } else {
            current_column += 1;
        }
    }
    text.len()
}

/// 1-based line and character column of byte `offset` in `text`.
pub(crate) fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}
#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"#![enable(implicit_some)]
// a comment with "quotes" and (brackets
(
    title: "A (tricky) \"title\", [with] brackets",
    /* block /* nested */ comment ) ] */
    prescriptions: [
        (exercise: "nordic", dose: (reps: PerSet([12, 10, 8]), rom: r#"raw "(" text"#)),
        Prescription(
            exercise: "glute_bridge",
            rules: [Table(rows: [(week: 1, reps: Range(6, 8))])],
        ),
        (exercise: 'x'),
    ],
)
"##;

    #[test]
    fn finds_top_level_fields_and_list_entries() {
        let tokens = tokenize(SAMPLE);
        let root = root_open(&tokens).expect("root found");
        assert_eq!(tokens[root].line, 3);
        let key = field_key(&tokens, root, "prescriptions").expect("key found");
        assert_eq!((tokens[key].line, tokens[key].column), (6, 5));
        let list = list_entries(&tokens, root, "prescriptions").expect("list found");
        let lines: Vec<usize> = list.iter().map(|&i| tokens[i].line).collect();
        assert_eq!(lines, [7, 8, 12]);
        assert_eq!(
            entry_string(&tokens, list[0], "exercise").expect("entry string found"),
            "nordic"
        );
        assert_eq!(
            entry_string(&tokens, list[1], "exercise").expect("entry string found"),
            "glute_bridge"
        );
        assert!(field_key(&tokens, root, "exercise").is_none());
    }

    #[test]
    fn field_at_names_the_innermost_field() {
        let text = "(a: 1, dose: (sets: \"three\", reps: Fixed(x)), b: ";
        let tokens = tokenize(text);
        let at = |needle: &str| field_at(&tokens, text.find(needle).expect("needle in text"));
        assert_eq!(at("\"three").as_deref(), Some("sets"));
        assert_eq!(at("x)").as_deref(), Some("reps"));
        assert_eq!(at("reps").as_deref(), Some("dose"));
        assert_eq!(field_at(&tokens, text.len()).as_deref(), Some("b"));
    }

    #[test]
    fn survives_unterminated_text() {
        for text in [
            "(title: \"abc",
            "(a: /* open",
            "(a: r#\"x",
            "'",
            "(a: [(",
            "#![",
            "",
        ] {
            let tokens = tokenize(text);
            let _ = root_open(&tokens);
            let _ = field_at(&tokens, text.len());
        }
    }

    #[test]
    fn positions_round_trip() {
        let text = "ab\ncdé\nf";
        for offset in [0, 1, 3, 5, 7, 8] {
            let (line, col) = position_of(text, offset);
            assert_eq!(offset_of(text, line, col), offset);
        }
    }
}

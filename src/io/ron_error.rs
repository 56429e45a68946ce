//! Turns ron's parse errors into one line a physio can act on. ron reports what its parser
//! expected (`Expected integer`, `Found invalid std identifier "10"`); this module adds which
//! field it was, what was found there, and how to write the value instead, and moves the
//! position from the whitespace before a value onto the value itself.

use ron::error::{Error, SpannedError};

use super::scan::{self, Kind, Token};
use crate::model::quote::{shown, shown_up_to};

/// The longest message of a parse error, in characters.
const MAX_MESSAGE_CHARS: usize = 600;

/// A parse error explained: where (1-based line and column) and what.
pub(crate) struct Explained {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Explains `err`, a failure to read `text`.
pub(crate) fn explain(text: &str, err: &SpannedError) -> Explained {
    let tokens = scan::tokenize(text);
    let mut offset = scan::offset_of(text, err.span.start.line, err.span.start.col);
    // ron often points at the whitespace before the value it could not read.
    offset += text[offset..].len() - text[offset..].trim_start().len();
    let ends_early = err.code == Error::Eof || offset == text.len();
    if ends_early {
        // Nothing follows: show the end of the last line with text on it.
        offset = text.trim_end().len();
    }
    let token = scan::token_at(&tokens, offset).map(|i| tokens[i]);
    // ron reads the `3` of `3.5` as a whole number, then stops at the `.` wanting a comma.
    let number_cut = err.code == Error::ExpectedComma
        && token.is_some_and(|t| t.kind == Kind::Num && t.offset < offset);
    // ron may point inside a token (into a string, or after `3` of `3.5`): show its start.
    if !ends_early && let Some(t) = token.filter(|t| t.offset < offset) {
        offset = t.offset;
    }
    // A list past its maximum (`model::limits::at_most`) is reported where ron stopped, at
    // its end: point at the first entry past the maximum instead.
    if let Error::Message(text) = &err.code
        && let Some(entry) = first_past_the_maximum(&tokens, offset, text)
    {
        offset = tokens[entry].offset;
    }
    let field = scan::field_at(&tokens, offset);
    let message = if text.trim().is_empty() {
        "the file is empty; open a saved plan or start from a template".to_owned()
    } else if ends_early {
        describe(&Error::Eof, None, None)
    } else if number_cut && let Some(t) = token {
        let for_field = field.map(|f| format!(" for `{f}`")).unwrap_or_default();
        format!(
            "expected a whole number{for_field}, found {}",
            shown(t.text)
        )
    } else {
        describe(&err.code, field.as_deref(), token)
    };
    let (line, column) = scan::position_of(text, offset);
    Explained {
        line,
        column,
        // One line of readable length, whatever the file held (the parts taken from it are
        // cut already; this is the backstop).
        message: shown_up_to(&message, MAX_MESSAGE_CHARS),
    }
}

/// The first entry past the maximum of the list whose closing bracket is at or after byte
/// `offset`, when `message` says a list has more than its maximum of entries.
fn first_past_the_maximum(tokens: &[Token<'_>], offset: usize, message: &str) -> Option<usize> {
    let max: usize = message
        .strip_prefix("more than the ")?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    let close = scan::token_at(tokens, offset)?;
    if !tokens[close].is_punct(']') {
        return None;
    }
    let mut depth = 0_usize;
    let open = (0..close).rev().find(|&i| {
        if tokens[i].is_close() {
            depth += 1;
        } else if tokens[i].is_open() {
            if depth == 0 {
                return true;
            }
            depth -= 1;
        }
        false
    })?;
    (tokens[open].is_punct('[') && scan::matching_close(tokens, open) == Some(close))
        .then(|| scan::entries(tokens, open).get(max).copied())
        .flatten()
}

/// The message for ron error `code` inside field `field`, where `token` starts at or covers
/// the error.
fn describe(code: &Error, field: Option<&str>, token: Option<Token<'_>>) -> String {
    let for_field = field.map(|f| format!(" for `{f}`")).unwrap_or_default();
    let found = token
        .map(|t| format!(", found {}", show_token(t)))
        .unwrap_or_default();
    let hint = field
        .and_then(hint_for)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    if let Some(message) = describe_names(code, &for_field) {
        return message;
    }
    match code {
        Error::Eof => "the file ends too early: a closing `)` or `]` is missing, or the file \
                       was cut off; compare it with the backup (.bak) or a saved plan"
            .to_owned(),
        Error::ExpectedComma => format!(
            "a comma is missing before {}; separate entries with `,`",
            token.map_or_else(|| "this".to_owned(), show_token)
        ),
        Error::ExpectedInteger => format!("expected a whole number{for_field}{found}{hint}"),
        Error::ExpectedFloat => {
            format!("expected a number (like 4.5){for_field}{found}{hint}")
        }
        Error::ExpectedString => {
            format!("expected text in double quotes (like \"text\"){for_field}{found}{hint}")
        }
        Error::ExpectedBoolean => format!("expected true or false{for_field}{found}"),
        Error::ExpectedArray => {
            format!("expected a list in square brackets `[...]`{for_field}{found}{hint}")
        }
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            format!("expected `(`{for_field}{found}{hint}")
        }
        Error::ExpectedArrayEnd => {
            format!("expected `]` to close the list{found}; is a comma or a bracket missing?")
        }
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => format!(
            "expected `)` to close the brackets{found}; is a comma missing, or a bracket extra?"
        ),
        Error::ExpectedMapColon => format!("expected `:` after the field name{found}"),
        Error::ExpectedMapEnd => format!("expected `}}` to close the map{found}"),
        Error::ExpectedStringEnd => {
            "this text has no closing double quote `\"`; add one at its end".to_owned()
        }
        Error::InvalidEscape(what) => format!(
            "{}{for_field}; write a backslash inside text as `\\\\` and a quote as `\\\"`",
            what.to_lowercase()
        ),
        Error::IntegerOutOfBounds => {
            format!("number out of range{for_field}{found}; use a whole number, 0 or more")
        }
        Error::InvalidIntegerDigit { .. }
        | Error::UnderscoreAtBeginning
        | Error::FloatUnderscore => {
            format!("malformed number{for_field}{found}")
        }
        Error::UnexpectedChar(c) => format!(
            "unexpected character `{}`{for_field}{hint}",
            shown(c.encode_utf8(&mut [0; 4]))
        ),
        Error::TrailingCharacters => format!(
            "unexpected text after the end of the plan{found}; remove it, or look for an extra \
             `)` or `]` before it"
        ),
        Error::ExpectedDifferentLength {
            expected,
            found: count,
        } => match variant_arity(expected) {
            Some((variant, n)) => {
                format!("`{variant}` takes {n} values{for_field}, found {count}{hint}")
            }
            None => format!("expected {expected}{for_field}, found {count}{hint}"),
        },
        Error::InvalidValueForType { expected, found } => {
            format!(
                "expected {expected}{for_field}, found {}{hint}",
                shown(found)
            )
        }
        Error::Message(text) => match field {
            Some(f) => format!("invalid value for `{f}`: {}{hint}", shown_up_to(text, 300)),
            None => shown_up_to(text, 300),
        },
        Error::SuggestRawIdentifier(_) | Error::ExpectedIdentifier => {
            format!("expected a name{for_field}{found}{hint}")
        }
        Error::UnclosedBlockComment => {
            "a comment starting with `/*` is never closed; add `*/` where it ends".to_owned()
        }
        Error::ExceededRecursionLimit => {
            "brackets are nested too deeply; is a closing bracket missing?".to_owned()
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            format!("{}{}{for_field}", first.unwrap_or_default(), chars.as_str())
        }
    }
}

/// Messages for names the file got wrong: an unknown variant or field, a missing or repeated
/// field.
fn describe_names(code: &Error, for_field: &str) -> Option<String> {
    Some(match code {
        Error::NoSuchEnumVariant {
            expected,
            found: name,
            outer,
        } => {
            let what = outer.as_deref().map_or_else(|| "value".to_owned(), words);
            format!(
                "unknown {what} `{}`{for_field}{}; use one of {}",
                shown(name),
                did_you_mean(name, expected),
                list(expected, "or")
            )
        }
        Error::NoSuchStructField {
            expected,
            found: name,
            outer,
        } => format!(
            "unknown field `{}`{}{}; the fields are {}",
            shown(name),
            in_struct(outer.as_deref()),
            did_you_mean(name, expected),
            list(expected, "and")
        ),
        Error::MissingStructField { field: name, outer } => format!(
            "missing field `{name}`{}; add `{name}: ...` before the closing `)`{}",
            in_struct(outer.as_deref()),
            hint_for(name)
                .map(|h| format!(" ({h})"))
                .unwrap_or_default()
        ),
        Error::DuplicateStructField { field: name, outer } => format!(
            "`{name}` is given twice{}; keep only one",
            in_struct(outer.as_deref())
        ),
        _ => return None,
    })
}

/// `("Range", 2)` from serde's `tuple variant Reps::Range with 2 elements`.
fn variant_arity(expected: &str) -> Option<(&str, &str)> {
    let rest = expected.strip_prefix("tuple variant ")?;
    let (path, count) = rest.split_once(" with ")?;
    let variant = path.rsplit("::").next()?;
    Some((variant, count.strip_suffix(" elements")?))
}

/// How to write the value of a field whose shape is not obvious.
fn hint_for(field: &str) -> Option<&'static str> {
    Some(match field {
        "reps" => "write `Fixed(10)`, `Range(6, 8)` or `PerSet([12, 10, 8])`",
        "load" => {
            "write `BodyWeight`, `Kg(4.5)`, `Band(2)`, `PercentOneRm(70.0)`, `Rpe(7.0)`, \
             `Rir(2)` or `None`"
        }
        "schedule" => {
            "write `PerWeek(3)`, `Weekdays([Mon, Thu])`, `TimesPerDay(2)` or `EveryNDays(2)`"
        }
        "amount" => "write `Absolute(2.5)` or `Percent(5.0)`",
        "start_date" => "write the date as \"2026-01-05\" (year-month-day)",
        "tempo" => "write `(eccentric_secs: 3.0, pause_secs: 0.0, concentric_secs: 3.0)`",
        _ => return None,
    })
}

/// A token as shown in a message: text in quotes as written, a number bare, a name in
/// backticks; cut short when long.
fn show_token(t: Token<'_>) -> String {
    let text = shown_up_to(t.text, 40);
    match t.kind {
        Kind::Str | Kind::Num => text,
        Kind::Ident | Kind::Punct => format!("`{text}`"),
    }
}

/// ` in prescription` for struct `Prescription`.
fn in_struct(outer: Option<&str>) -> String {
    outer
        .map(|o| format!(" in {}", words(o)))
        .unwrap_or_default()
}

/// `TableRow` -> `table row`.
fn words(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `A, B or C` (or `and`, as `conjunction` says).
fn list(names: &[&str], conjunction: &str) -> String {
    match names {
        [] => "none".to_owned(),
        [one] => format!("`{one}`"),
        [init @ .., last] => format!(
            "{} {conjunction} `{last}`",
            init.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// ` (did you mean `sets`?)` when one expected name is close to `found`.
fn did_you_mean(found: &str, expected: &[&str]) -> String {
    let lower = found.to_lowercase();
    expected
        .iter()
        .map(|e| (edit_distance(&lower, &e.to_lowercase()), e))
        .filter(|(d, e)| *d <= 2.max(e.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| format!(" (did you mean `{e}`?)"))
        .unwrap_or_default()
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(edit_distance("tues", "tue"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            did_you_mean("Tues", &["Mon", "Tue"]),
            " (did you mean `Tue`?)"
        );
        assert_eq!(
            did_you_mean("each", &["Both", "Each"]),
            " (did you mean `Each`?)"
        );
        assert_eq!(did_you_mean("Fortnightly", &["PerWeek", "Weekdays"]), "");
    }

    /// The model ignores unknown fields today; a struct that refuses them shows the message
    /// a typo would get.
    #[test]
    fn unknown_field_suggests_the_right_one() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Dose {
            sets: u32,
            reps: u32,
        }
        let text = "(\n    set: 3,\n)";
        let err = ron::from_str::<Dose>(text).expect_err("`set` is unknown");
        let explained = explain(text, &err);
        assert_eq!((explained.line, explained.column), (2, 5));
        assert_eq!(
            explained.message,
            "unknown field `set` in dose (did you mean `sets`?); the fields are `sets` and `reps`"
        );
    }

    #[test]
    fn names_read_as_words() {
        assert_eq!(words("TableRow"), "table row");
        assert_eq!(list(&["A", "B", "C"], "or"), "`A`, `B` or `C`");
    }
}

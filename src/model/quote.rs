//! User text inside a message, shown safely. A message is one line a person reads on a
//! terminal or in the status bar; the text it quotes comes from a plan file or a command line
//! and may be anything: a million characters, a line break, a NUL, a byte-order mark, or the
//! invisible characters that turn the rest of a line around. Every message that quotes such
//! text goes through here, so it stays one line, shows what is really there (`\n`, `\0`,
//! `\u{feff}`) and is cut to a readable length.

use std::path::Path;

/// The most characters of user text a message shows; longer text is cut and ends in `…`.
pub const MAX_SHOWN_CHARS: usize = 60;

/// `text` with every control or invisible character written as an escape (`\n`, `\t`, `\0`,
/// `\u{feff}`), whole: for file names, which must not be cut.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text.chars(), false);
    out
}

/// `text` as a message shows it: escaped (see [`escaped`]) and cut to [`MAX_SHOWN_CHARS`]
/// characters with `…`. For names in backticks and other text shown bare.
pub fn shown(text: &str) -> String {
    shown_up_to(text, MAX_SHOWN_CHARS)
}

/// [`shown`] cut to `max` characters instead: for a whole message made of several parts.
pub fn shown_up_to(text: &str, max: usize) -> String {
    let mut out = String::new();
    push_escaped(&mut out, text.chars().take(max), false);
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// `"text"`: [`shown`] in double quotes, a quote or backslash inside escaped as in a plan
/// file (`\"`, `\\`).
pub fn quote(text: &str) -> String {
    let mut out = String::from('"');
    push_escaped(&mut out, text.chars().take(MAX_SHOWN_CHARS), true);
    if text.chars().nth(MAX_SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// A file's name as a message shows it: whole, escaped (a name may hold a line break).
pub fn path(path: &Path) -> String {
    escaped(&path.display().to_string())
}

fn push_escaped(out: &mut String, chars: impl Iterator<Item = char>, quotes: bool) {
    for c in chars {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '"' | '\\' if quotes => {
                out.push('\\');
                out.push(c);
            }
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
}

/// Characters a message never prints as they are: control characters, the byte-order mark,
/// zero-width and invisible formatting characters, line and paragraph separators and the
/// bidirectional controls that reorder the text around them.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_invisible_characters_are_escaped() {
        assert_eq!(shown("a\nb\r\tc\0"), "a\\nb\\r\\tc\\0");
        assert_eq!(shown("\u{feff}plan"), "\\u{feff}plan");
        assert_eq!(shown("x\u{202e}y\u{1b}[31m"), "x\\u{202e}y\\u{1b}[31m");
        assert_eq!(shown("été 漢字 😀"), "été 漢字 😀");
        assert_eq!(quote("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
        assert_eq!(shown("say \"hi\""), "say \"hi\"");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let long = "é".repeat(200);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(
            shown(&"a".repeat(MAX_SHOWN_CHARS)),
            "a".repeat(MAX_SHOWN_CHARS)
        );
        assert_eq!(quote(&"a".repeat(100)).chars().count(), MAX_SHOWN_CHARS + 3);
        assert_eq!(escaped(&"a\n".repeat(100)).len(), 300);
    }

    #[test]
    fn a_file_name_with_a_line_break_stays_on_one_line() {
        assert_eq!(path(Path::new("dir/a\nb.ron")), "dir/a\\nb.ron");
    }
}

//! The tokenizer behind [`super::scan`]: splits RON text into names, numbers, strings and
//! punctuation with their line and column, skipping whitespace and comments. It never fails:
//! an unterminated string or comment simply runs to the end of the text.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A name: a field, an enum variant, `true`, `inf`.
    Ident,
    /// A string literal, quotes included (`"..."`, `r#"..."#`, `b"..."`); also a char literal.
    Str,
    /// A number (`3`, `-4.5`, `1e3`, `0x1F`).
    Num,
    /// Any other single character: brackets, `:`, `,`, `#`, `!`.
    Punct,
}

/// One token with its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offset of the first character.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters (as ron counts them).
    pub column: usize,
}

impl Token<'_> {
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    pub(crate) fn is_open(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "(" | "[" | "{")
    }

    pub(crate) fn is_close(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, ")" | "]" | "}")
    }
}

/// Splits `text` into tokens, skipping whitespace and comments.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut cursor = Cursor {
        text,
        chars: text.char_indices().peekable(),
        line: 1,
        column: 1,
    };
    let mut tokens = Vec::new();
    while let Some((offset, c)) = cursor.peek() {
        let (line, column) = (cursor.line, cursor.column);
        let kind = if c.is_whitespace() {
            cursor.bump();
            continue;
        } else if c == '/' && matches!(cursor.peek_second(), Some('/' | '*')) {
            cursor.skip_comment();
            continue;
        } else if let Some(kind) = cursor.literal_start() {
            kind
        } else if c.is_ascii_digit()
            || (matches!(c, '-' | '+' | '.')
                && cursor.peek_second().is_some_and(|d| d.is_ascii_digit()))
        {
            cursor.bump();
            cursor.take_number();
            Kind::Num
        } else if c == '_' || c.is_alphabetic() {
            cursor.take_while(|c| c == '_' || c.is_alphanumeric());
            Kind::Ident
        } else {
            cursor.bump();
            Kind::Punct
        };
        let end = cursor.offset();
        tokens.push(Token {
            kind,
            text: &text[offset..end],
            offset,
            line,
            column,
        });
    }
    tokens
}

struct Cursor<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<(usize, char)> {
        self.chars.peek().copied()
    }

    fn peek_second(&self) -> Option<char> {
        let mut it = self.chars.clone();
        it.next();
        it.next().map(|(_, c)| c)
    }

    fn offset(&mut self) -> usize {
        self.peek().map_or(self.text.len(), |(i, _)| i)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(|(_, c)| keep(c)) {
            self.bump();
        }
    }

    fn take_number(&mut self) {
        let mut prev = ' ';
        while let Some((_, c)) = self.peek() {
            let exponent_sign = matches!(c, '+' | '-') && matches!(prev, 'e' | 'E');
            if !(c.is_alphanumeric() || c == '_' || c == '.' || exponent_sign) {
                break;
            }
            prev = c;
            self.bump();
        }
    }

    /// Skips a `//` comment to the end of its line, or a (nested) `/* */` comment.
    fn skip_comment(&mut self) {
        self.bump();
        if self.bump() == Some('/') {
            self.take_while(|c| c != '\n');
            return;
        }
        let mut depth = 1usize;
        while depth > 0 {
            match self.bump() {
                None => return,
                Some('*') if self.peek().is_some_and(|(_, c)| c == '/') => {
                    self.bump();
                    depth -= 1;
                }
                Some('/') if self.peek().is_some_and(|(_, c)| c == '*') => {
                    self.bump();
                    depth += 1;
                }
                Some(_) => {}
            }
        }
    }

    /// Consumes a string, raw string, byte string or char literal starting here.
    fn literal_start(&mut self) -> Option<Kind> {
        let (start, c) = self.peek()?;
        let rest = &self.text[start..];
        let after_b = rest.strip_prefix('b').unwrap_or(rest);
        if let Some(raw) = after_b.strip_prefix('r') {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            if raw[hashes..].starts_with('"') {
                let skip = (rest.len() - raw.len()) + hashes + 1;
                for _ in 0..skip {
                    self.bump();
                }
                let closing = format!("\"{}", "#".repeat(hashes));
                self.skip_raw_until(&closing);
                return Some(Kind::Str);
            }
        }
        if after_b.starts_with('"') {
            if c == 'b' {
                self.bump();
            }
            self.bump();
            self.skip_escaped_until('"');
            return Some(Kind::Str);
        }
        if c == '\'' && is_char_literal(rest) {
            self.bump();
            self.skip_escaped_until('\'');
            return Some(Kind::Str);
        }
        None
    }

    fn skip_escaped_until(&mut self, close: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == close {
                return;
            }
        }
    }

    fn skip_raw_until(&mut self, closing: &str) {
        while let Some((i, _)) = self.peek() {
            if self.text[i..].starts_with(closing) {
                for _ in 0..closing.chars().count() {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }
}

/// True when `rest` (starting with `'`) begins a char literal such as `'a'` or `'\n'`.
fn is_char_literal(rest: &str) -> bool {
    let mut chars = rest.chars().skip(1);
    match chars.next() {
        Some('\\') => rest.chars().skip(3).take(10).any(|c| c == '\''),
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}

/// The content of a string token with its escapes resolved; `None` for a malformed one.
pub(crate) fn unescape(token: &str) -> Option<String> {
    let body = token.strip_prefix('b').unwrap_or(token);
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = raw.get(hashes + 1..raw.len().checked_sub(hashes + 1)?)?;
        return Some(inner.to_owned());
    }
    let inner = body.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
            }
            'u' => {
                if chars.next()? != '{' {
                    return None;
                }
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            '\n' => {
                // A backslash at the end of a line continues the string without the newline
                // and the next line's indentation.
                let rest: String = chars.collect();
                out.push_str(&unescape(&format!("\"{}\"", rest.trim_start()))?);
                return Some(out);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_strings() {
        assert_eq!(
            unescape(r#""a \"b\" \\ \n \u{e9}""#).expect("valid literal"),
            "a \"b\" \\ \n é"
        );
        assert_eq!(
            unescape(r###"r#"raw "x""#"###).expect("valid literal"),
            "raw \"x\""
        );
        assert!(unescape("\"open").is_none());
    }

    #[test]
    fn tokens_carry_lines_and_columns() {
        let tokens = tokenize("(a: \"é\", // note\n  b: -4.5e-1, c: r#\"x\"#)");
        let seen: Vec<(&str, usize, usize)> =
            tokens.iter().map(|t| (t.text, t.line, t.column)).collect();
        assert_eq!(seen[3], ("\"é\"", 1, 5));
        assert_eq!(seen[5], ("b", 2, 3));
        assert_eq!(seen[7], ("-4.5e-1", 2, 6));
        assert_eq!(seen[11], ("r#\"x\"#", 2, 18));
    }
}

//! Folding text for search: lower case, accents and other marks taken off, hyphens and
//! underscores read as spaces. "Nordic" finds "nordic", "e" finds "é", "single leg" finds
//! "Single-leg" and "sl_deadlift". Letters of every script stay what they are (Cyrillic,
//! Greek, ...); only their marks go ("ё" folds to "е").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the folded form of `text` to `out`.
pub fn fold_into(out: &mut String, text: &str) {
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '-' | '_' | '\u{2010}'..='\u{2015}' => out.push(' '),
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// The words of a search text, folded: every one must occur in what is searched.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_separators() {
        assert_eq!(fold("Nordic"), "nordic");
        assert_eq!(fold("Élévation du bassin"), "elevation du bassin");
        assert_eq!(fold("Single-leg sl_deadlift"), "single leg sl deadlift");
        assert_eq!(fold("Straße Øre"), "strasse ore");
        assert_eq!(fold("Приседания Ёлка"), "приседания елка");
        assert_eq!(fold("Affondo con manubri"), "affondo con manubri");
        assert_eq!(words("  Nordic   CURL "), ["nordic", "curl"]);
    }
}

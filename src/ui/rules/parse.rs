//! Text forms of the values typed into the rule editors and the per-week table: week lists
//! ("4, 8, 12"), repetitions ("10", "6-8", "12/10/8") and optional numbers (empty = not set).
//! Each parser returns a message a physio can act on when the text does not fit, so the
//! editor can show it in red and leave the plan unchanged.

use crate::model::{MAX_WEEKS, Reps, fmt_num};

/// Reads a list of plan weeks such as `4, 8, 12` (commas, semicolons or spaces between them).
/// The result is sorted and each week appears once; empty text is an empty list.
pub fn parse_weeks(text: &str) -> Result<Vec<u32>, String> {
    let mut weeks = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let week: u32 = part
            .parse()
            .map_err(|_| format!("\"{part}\" is not a week number; write weeks like 4, 8, 12"))?;
        if week == 0 || week > MAX_WEEKS {
            return Err(format!("week {week} is out of range; use 1 to {MAX_WEEKS}"));
        }
        weeks.push(week);
    }
    weeks.sort_unstable();
    weeks.dedup();
    Ok(weeks)
}

/// Text of a week list: `4, 8, 12`.
pub fn weeks_text(weeks: &[u32]) -> String {
    weeks
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads repetitions: `10` (a number), `6-8` (a range, lowest first) or `12/10/8` (one number
/// per set; commas work too). Empty text is `None` (not set).
pub fn parse_reps(text: &str) -> Result<Option<Reps>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| -> Result<u32, String> {
        let s = s.trim();
        match s.parse::<u32>() {
            Ok(n) if n <= 1000 => Ok(n),
            Ok(_) => Err(format!("{s} reps is too many; use at most 1000")),
            Err(_) => Err(format!(
                "\"{s}\" is not a number of reps; write 10, 6-8 or 12/10/8"
            )),
        }
    };
    if text.contains('/') || text.contains(',') {
        let list = text
            .split(['/', ','])
            .map(number)
            .collect::<Result<Vec<u32>, String>>()?;
        return Ok(Some(Reps::PerSet(list)));
    }
    if let Some((a, b)) = text.split_once(['-', '\u{2013}']) {
        let (a, b) = (number(a)?, number(b)?);
        if a > b {
            return Err(format!(
                "the range {a}-{b} goes down; write the lower number first"
            ));
        }
        return Ok(Some(Reps::Range(a, b)));
    }
    Ok(Some(Reps::Fixed(number(text)?)))
}

/// Text of optional repetitions: empty, `10`, `6-8` or `12/10/8`.
pub fn reps_text(reps: Option<&Reps>) -> String {
    reps.map(Reps::label).unwrap_or_default()
}

/// Reads an optional whole number up to `max`; empty text is `None`.
pub fn parse_opt_u32(text: &str, max: u32) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= max => Ok(Some(n)),
        Ok(n) => Err(format!("{n} is too large; use 0 to {max}")),
        Err(_) => Err(format!("\"{text}\" is not a whole number")),
    }
}

/// Reads an optional number that is not negative (a decimal comma is accepted); empty text
/// is `None`.
pub fn parse_opt_f64(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
        Ok(_) => Err(format!("{text} is not allowed; use a number of 0 or more")),
        Err(_) => Err(format!("\"{text}\" is not a number")),
    }
}

/// Text of an optional number: empty or the number without trailing zeros.
pub fn opt_num_text(value: Option<f64>) -> String {
    value.map(fmt_num).unwrap_or_default()
}

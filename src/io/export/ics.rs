//! The dated sessions as an iCalendar file (RFC 5545) that calendar programs import: one
//! all-day event per session, titled "Rehab: <plan title>", with the exercises and their doses
//! in the description. UIDs are stable (plan title, day and slot), so importing a re-exported
//! plan updates the events instead of doubling them.

use chrono::{Datelike, Days, Utc};
use icalendar::{Calendar, Component, EventLike, Property};

use crate::engine::Projection;
use crate::model::Plan;
use crate::model::limits::year_allowed;

use super::{ExportError, item_of, stable_hash};

/// The calendar text (CRLF line endings, folded lines, escaped text). Fails with
/// [`ExportError::Undated`] when the plan has no start date, [`ExportError::StartDate`] when
/// it starts before 1900 or after 2200.
pub fn ics_string(plan: &Plan, projection: &Projection) -> Result<String, ExportError> {
    let Some(start) = plan.start_date else {
        return Err(ExportError::Undated);
    };
    // A calendar program reads four-digit years; a plan's dates are 1900 to 2200 (a plan
    // file past that does not open, but a plan in memory may be anything).
    if !year_allowed(start.year()) {
        return Err(ExportError::StartDate { start });
    }
    let title = if plan.title.trim().is_empty() {
        "Rehabilitation plan"
    } else {
        plan.title.trim()
    };
    let uid_base = format!("{:016x}", stable_hash(&plan.title));
    let stamp = Utc::now();
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("PRODID", "-//loadplan//loadplan export//EN"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.name(&clean(title));
    let mut per_day: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for s in &projection.sessions {
        *per_day.entry(s.day).or_default() += 1;
    }
    for session in &projection.sessions {
        let Some(date) = session.date else {
            continue;
        };
        let mut lines = Vec::with_capacity(session.items.len() + 2);
        let mut heading = format!("Week {}", session.week);
        if let Some(phase) = projection
            .week(session.week)
            .and_then(|w| w.phase.as_deref())
        {
            heading.push_str(&format!(" - {phase}"));
        }
        let slots = per_day.get(&session.day).copied().unwrap_or(1);
        if slots > 1 {
            heading.push_str(&format!(" - session {} of {slots} today", session.slot + 1));
        }
        if session.supervised {
            heading.push_str(" - supervised");
        }
        lines.push(heading);
        for si in &session.items {
            match item_of(projection, session, si.prescription_id) {
                Some(item) => lines.push(format!(
                    "{}: {}",
                    item.exercise_name,
                    item.dose.label_with(plan.unit, plan.injured_side)
                )),
                None => lines.push(si.exercise_id.to_string()),
            }
        }
        lines.push(format!(
            "Pain during up to {}/10 is acceptable if it settles by the next morning.",
            plan.pain_limits.acceptable_max
        ));
        let mut event = icalendar::Event::new();
        event
            .uid(&format!(
                "loadplan-{uid_base}-d{}-s{}@loadplan",
                session.day, session.slot
            ))
            .timestamp(stamp)
            .summary(&format!("Rehab: {}", clean(title)))
            .description(&clean(&lines.join("\n")))
            .starts(date)
            .ends(date.checked_add_days(Days::new(1)).unwrap_or(date))
            .append_property(Property::new("TRANSP", "TRANSPARENT"));
        calendar.push(event.done());
    }
    Ok(refold(&calendar.done().to_string()))
}

/// Content lines folded at 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character.
/// The calendar crate folds before escaping, so an escaped line can come out a little long:
/// unfold and fold again.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 64);
    for line in unfolded.split_terminator("\r\n") {
        let mut width = 0;
        let mut limit = 75;
        for c in line.chars() {
            if width + c.len_utf8() > limit {
                out.push_str("\r\n ");
                // A continuation line starts with the space: 74 octets of text fit.
                width = 1;
                limit = 75;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

/// Text without carriage returns or other control characters (newlines stay, escaped later).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod fold_tests {
    use super::refold;

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_to_the_same_text() {
        let long = format!("DESCRIPTION:{}é{}", "a".repeat(70), "b".repeat(100));
        let text = format!("BEGIN:VEVENT\r\n{long}\r\nEND:VEVENT\r\n");
        let folded = refold(&text);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), text);
        // Already folded text (by someone else, too long) comes out right as well.
        let badly = text.replacen("aaaa", "aaaa\r\n ", 1);
        assert_eq!(refold(&badly), folded);
    }
}

//! The CSV and the calendar read back with their own parsers.

use loadplan::io::export::{CSV_COLUMNS, ExportError, csv_string, ics_string};

use crate::plans::{resolved, sample};

#[test]
fn csv_has_one_row_per_session_and_exercise() {
    let plan = sample();
    let (projection, _) = resolved(&plan);
    let text = csv_string(&plan, &projection).expect("CSV");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let expected: usize = projection.sessions.iter().map(|s| s.items.len()).sum();
    assert_eq!(rows.len(), expected);
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).expect("column");
    for row in &rows {
        assert_eq!(row.len(), CSV_COLUMNS.len());
        chrono::NaiveDate::parse_from_str(&row[col("date")], "%Y-%m-%d").expect("ISO date");
        assert!(row[col("done")].is_empty() && row[col("rpe")].is_empty());
    }
    let sldl = rows
        .iter()
        .find(|r| &r[col("exercise_id")] == "sl_deadlift_db")
        .expect("single-leg deadlift row");
    assert_eq!(&sldl[col("sets")], "3");
    assert_eq!(&sldl[col("reps")], "10");
    assert_eq!(&sldl[col("load_kg")], "6");
    assert_eq!(&sldl[col("tempo")], "3-0-2");
    assert_eq!(&sldl[col("rest_secs")], "90");
    assert_eq!(&sldl[col("supervised")], "yes");
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn csv_quotes_names_with_commas_and_quotes() {
    let mut plan = sample();
    let tricky = "Bridge, \"long lever\"; slow";
    plan.exercises[0].name = tricky.to_owned();
    let id = plan.exercises[0].id.clone();
    let (projection, _) = resolved(&plan);
    let text = csv_string(&plan, &projection).expect("CSV");
    assert!(
        text.contains("\"Bridge, \"\"long lever\"\"; slow\""),
        "RFC 4180 quoting"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| r[4] == *id)
        .map(|r| r[5].to_owned())
        .collect();
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n == tricky));
}

#[test]
fn undated_csv_leaves_dates_empty() {
    let mut plan = sample();
    plan.start_date = None;
    let (projection, _) = resolved(&plan);
    let text = csv_string(&plan, &projection).expect("CSV");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert!(reader.records().all(|r| r.expect("row")[0].is_empty()));
}

/// The calendar text unfolded (RFC 5545 section 3.1).
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

#[test]
fn calendar_has_one_event_per_dated_session() {
    let mut plan = sample();
    plan.title =
        "Alex, hamstring; glute \\ rehab with a title long enough to need folding at 75 octets"
            .to_owned();
    let (projection, _) = resolved(&plan);
    let text = ics_string(&plan, &projection).expect("calendar");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line endings only"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
    }
    let events = text.matches("BEGIN:VEVENT").count();
    assert_eq!(
        events,
        projection
            .sessions
            .iter()
            .filter(|s| s.date.is_some())
            .count()
    );
    let unfolded = unfold(&text);
    assert!(unfolded.contains("SUMMARY:Rehab: Alex\\, hamstring\\; glute \\\\ rehab with a title"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20260105"));
    assert!(unfolded.contains("Single-leg deadlift with dumbbell: 3 x 10 @ 6 kg each side"));
    let uids: std::collections::HashSet<&str> =
        unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), events, "UIDs are unique");
    // Stable: the same plan gives the same UIDs.
    let again = unfold(&ics_string(&plan, &projection).expect("calendar"));
    let uids_again: std::collections::HashSet<&str> =
        again.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids, uids_again);
    // A calendar parser reads it back.
    let parsed: icalendar::Calendar = text.parse().expect("iCalendar parses");
    use icalendar::Component;
    let summaries: Vec<String> = parsed
        .events()
        .map(|e| e.get_summary().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(summaries.len(), events);
    assert!(
        summaries.iter().all(|s| s.starts_with("Rehab: Alex")),
        "{:?}",
        summaries.first()
    );
}

#[test]
fn undated_plan_has_no_calendar() {
    let mut plan = sample();
    plan.start_date = None;
    let (projection, _) = resolved(&plan);
    let err = ics_string(&plan, &projection).expect_err("needs dates");
    assert!(matches!(err, ExportError::Undated));
    assert!(err.to_string().contains("set a start date first"));
}

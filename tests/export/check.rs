//! What every handout must show and must not, checked on the PDF read back; the handout and
//! report of a plan; a hand-made picture for the cards.

use loadplan::engine::Projection;
use loadplan::figure::{Drawing, Shape, Tone};
use loadplan::io::export::{Paper, PdfOptions, pdf_document};
use loadplan::model::Plan;

use crate::plans::{font_sizes, pdf_pages, resolved};

/// The document of `plan` with `options`: its bytes and the text of each page.
pub fn document(plan: &Plan, options: &PdfOptions) -> (Vec<u8>, Vec<String>) {
    let (projection, findings) = resolved(plan);
    let doc = pdf_document(plan, &projection, &findings, options).expect("PDF renders");
    let pages = pdf_pages(&doc.bytes);
    assert_eq!(
        pages.len(),
        doc.pages,
        "page count reported = pages in the file"
    );
    (doc.bytes, pages)
}

/// The handout of `plan` on `paper`.
pub fn handout(plan: &Plan, paper: Paper) -> (Vec<u8>, Vec<String>) {
    document(
        plan,
        &PdfOptions {
            paper,
            ..PdfOptions::default()
        },
    )
}

/// Numbers n of the "#n" row markers in `text`, in order.
pub fn row_markers(text: &str) -> Vec<usize> {
    text.split('#')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// Every exercise name the plan's weeks use.
pub fn used_names(projection: &Projection) -> Vec<String> {
    let mut names: Vec<String> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The guardrails' finding codes: none may reach a patient.
const CODES: [&str; 25] = [
    "acwr-high",
    "empty-weeks",
    "few-supervised-sessions",
    "flat-plan",
    "hold-on-reps-exercise",
    "injured-side-unknown",
    "load-rule-without-load",
    "missing-hold",
    "missing-reps",
    "negative-load",
    "no-eccentric",
    "no-hip-trunk",
    "no-start-date",
    "over-one-rm",
    "past-plan-end",
    "plan-too-short",
    "plan-two-week-increase",
    "plan-weekly-increase",
    "rpe-out-of-range",
    "several-variables",
    "two-week-increase",
    "weekly-increase",
    "zero-hold",
    "zero-reps",
    "zero-sets",
];

/// The text of the log sheets: from their title to the references.
pub fn log_text(pages: &[String]) -> String {
    let start = pages
        .iter()
        .position(|p| p.contains("Your log sheets"))
        .expect("log sheets");
    let end = pages
        .iter()
        .rposition(|p| p.contains("References"))
        .expect("references");
    pages[start..end].join(" ")
}

/// Checks what every handout must show, and what it must not.
pub fn check_handout(plan: &Plan, bytes: &[u8], pages: &[String]) {
    let (projection, findings) = resolved(plan);
    let all = pages.join(" ");
    let m = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {m}", i + 1)),
            "page {} has no number:\n{page}",
            i + 1
        );
    }
    assert!(all.contains(&plan.athlete), "athlete missing");
    for name in used_names(&projection) {
        assert!(all.contains(&name), "exercise {name} missing");
    }
    let weeks = projection.weeks.len();
    for w in (1..=weeks).filter(|w| projection.weeks[w - 1].items.iter().any(|i| i.sessions > 0)) {
        assert!(
            all.contains(&format!("Week {w} ")),
            "{}: schedule week {w} missing",
            plan.title
        );
    }
    assert!(
        !all.contains(&format!("Week {} ", weeks + 1)),
        "a week past the plan's end"
    );
    for section in [
        "Your week",
        "Your exercises",
        "How to judge pain",
        "Your plan, week by week",
        "Your log sheets",
        "References",
    ] {
        assert!(all.contains(section), "section {section} missing");
    }
    let rows = row_markers(&log_text(pages));
    let expected: Vec<usize> = (1..=projection.sessions.len()).collect();
    assert_eq!(rows, expected, "one numbered session in the log, in order");
    // Nothing internal: no findings, codes, rules of thumb or files of ours.
    for word in [
        "CLINICAL",
        ".md",
        "heuristic",
        "Heuristic",
        "guardrail",
        "Guardrail",
        "loadplan:",
        "Projected load",
    ] {
        assert!(
            !all.contains(word),
            "the handout of {} says {word:?}",
            plan.title
        );
    }
    for code in CODES {
        assert!(!all.contains(code), "{}: finding code {code}", plan.title);
    }
    for f in &findings {
        assert!(
            !all.contains(&f.message),
            "{}: a finding reached the handout: {}",
            plan.title,
            f.message
        );
    }
    // Body text at least 11 pt, tables (and the footer) at least 10 pt: no size in between.
    let sizes = font_sizes(bytes);
    assert!(!sizes.is_empty());
    let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
    assert!(smallest >= 10.0, "{}: text at {smallest} pt", plan.title);
    assert!(
        sizes.iter().all(|s| *s == 10.0 || *s >= 11.0),
        "{}: sizes {sizes:?}",
        plan.title
    );
    assert!(sizes.contains(&11.0), "body text at 11 pt");
}

/// A hand-made picture: a floor, a head, two limbs and an arrow.
pub fn drawing() -> Drawing {
    Drawing {
        width: 2.0,
        height: 1.2,
        shapes: vec![
            Shape::Line {
                points: vec![[0.0, 0.0], [2.0, 0.0]],
                width: 0.02,
                tone: Tone::Prop,
            },
            Shape::Capsule {
                a: [0.5, 0.1],
                b: [1.1, 0.5],
                radius: 0.06,
                tone: Tone::Far,
            },
            Shape::Capsule {
                a: [0.5, 0.1],
                b: [1.2, 0.45],
                radius: 0.06,
                tone: Tone::Near,
            },
            Shape::Circle {
                centre: [0.35, 0.15],
                radius: 0.1,
                tone: Tone::Near,
                filled: true,
            },
            Shape::ArrowHead {
                tip: [1.0, 0.9],
                direction: [0.0, 1.0],
                size: 0.08,
                tone: Tone::Mark,
            },
        ],
    }
}

/// The exercise ids the plan's weeks use.
pub fn used_ids(projection: &Projection) -> Vec<String> {
    let mut ids: Vec<String> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

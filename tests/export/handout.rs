//! The PDF handout read back: names, weeks, page numbers, log rows, page size, images.

use std::path::Path;

use loadplan::engine::Projection;
use loadplan::io::export::{Paper, PdfOptions, pdf_document};
use loadplan::model::Plan;

use crate::plans::{long_plan, pdf_pages, resolved, sample, template};

/// The handout of `plan` on `paper`: its bytes and the text of each page.
fn handout(plan: &Plan, paper: Paper) -> (Vec<u8>, Vec<String>) {
    let (projection, findings) = resolved(plan);
    let options = PdfOptions {
        paper,
        ..PdfOptions::default()
    };
    let doc = pdf_document(plan, &projection, &findings, &options).expect("PDF renders");
    let pages = pdf_pages(&doc.bytes);
    assert_eq!(
        pages.len(),
        doc.pages,
        "page count reported = pages in the file"
    );
    (doc.bytes, pages)
}

/// Numbers n of the "#n" row markers in `text`, in order.
fn row_markers(text: &str) -> Vec<usize> {
    text.split('#')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// Every exercise name the plan's weeks use.
fn used_names(projection: &Projection) -> Vec<String> {
    let mut names: Vec<String> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Checks what every handout must show.
fn check_handout(plan: &Plan, pages: &[String]) {
    let (projection, _) = resolved(plan);
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
    for w in 1..=weeks {
        assert!(
            all.contains(&format!("Week {w} ")),
            "schedule week {w} missing"
        );
    }
    assert!(
        !all.contains(&format!("Week {} ", weeks + 1)),
        "a week past the plan's end"
    );
    for section in [
        "Projected load",
        "Guardrail findings",
        "Schedule, week by week",
        "Your exercises",
        "How to judge pain",
        "Log sheets",
        "Sources",
    ] {
        assert!(all.contains(section), "section {section} missing");
    }
    let rows = row_markers(&all);
    let expected: Vec<usize> = (1..=projection.sessions.len()).collect();
    assert_eq!(rows, expected, "one log row per session, in order");
    // Sources name papers, never a file the reader does not have.
    for file_word in ["CLINICAL", ".md"] {
        assert!(
            !all.contains(file_word),
            "the handout of {} says {file_word:?}",
            plan.title
        );
    }
}

#[test]
fn sample_handout_shows_the_whole_plan() {
    let plan = sample();
    let (bytes, pages) = handout(&plan, Paper::A4);
    check_handout(&plan, &pages);
    assert!((10..=30).contains(&pages.len()), "{} pages", pages.len());
    let cover = &pages[0];
    for text in [
        plan.title.as_str(),
        &plan.clinician,
        &plan.condition,
        "Mon 5 Jan 2026",
        "Sun 26 Apr 2026",
        "16 weeks",
    ] {
        assert!(cover.contains(text), "cover lacks {text}:\n{cover}");
    }
    for phase in &plan.phases {
        assert!(
            cover.contains(&phase.name),
            "phase {} not on the cover",
            phase.name
        );
    }
    let chart = &pages[1];
    assert!(
        chart.contains("Volume load (kg)")
            && chart.contains("Only exercises with an external load in kg")
    );
    let all = pages.join(" ");
    assert!(all.contains("Green: pain 0-2") && all.contains("Red: pain above 5"));
    // Real text in an embedded font, and the A4 page size.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("FontFile2"), "font not embedded");
    assert!(raw.contains("MediaBox[0 0 595.28 841.89]"));
}

#[test]
fn a_twelve_week_plan_has_twelve_schedule_weeks() {
    let plan = template("nordic_hamstring");
    let (projection, _) = resolved(&plan);
    assert_eq!(
        projection.weeks.len(),
        12,
        "the test expects a 12-week template"
    );
    let (_, pages) = handout(&plan, Paper::A4);
    check_handout(&plan, &pages);
    let all = pages.join(" ");
    assert!(all.contains("Week 12 ") && !all.contains("Week 13"));
    assert!(
        all.contains(plan.citation.split_whitespace().next().unwrap_or("")),
        "citation missing"
    );
}

#[test]
fn every_template_renders_on_letter_paper() {
    for id in loadplan::templates::ids() {
        let mut plan = template(id);
        if id == "askling_l_protocol" {
            plan.start_date = None; // an undated plan renders too
        }
        let (bytes, pages) = handout(&plan, Paper::Letter);
        check_handout(&plan, &pages);
        assert!(
            String::from_utf8_lossy(&bytes).contains("MediaBox[0 0 612 792]"),
            "{id}"
        );
        let all = pages.join(" ");
        assert!(
            all.contains("Sources") && all.contains("Silbernagel"),
            "{id}: the sources page"
        );
        assert!(
            !all.contains("CLINICAL") && !all.contains(".md"),
            "{id}: the handout names a file"
        );
    }
}

#[test]
fn a_long_plan_with_twenty_prescriptions_fits_its_pages() {
    let plan = long_plan();
    assert_eq!(plan.prescriptions.len(), 20);
    for paper in Paper::ALL {
        let (_, pages) = handout(&plan, paper);
        check_handout(&plan, &pages);
        assert!(
            (30..=250).contains(&pages.len()),
            "{} pages on {paper:?}",
            pages.len()
        );
    }
}

#[test]
fn an_empty_plan_still_gives_a_handout() {
    let plan = Plan::default();
    let (_, pages) = handout(&plan, Paper::A4);
    assert!(pages[0].contains("Rehabilitation plan"));
    assert!(pages.join(" ").contains("The plan has no exercises yet."));
}

#[test]
fn an_illustration_found_on_disk_is_embedded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("bridge.png");
    let file = std::fs::File::create(&png).expect("png file");
    let mut encoder = png::Encoder::new(file, 40, 30);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("png header");
    let pixels: Vec<u8> = (0..40 * 30 * 3).map(|i| (i * 7 % 256) as u8).collect();
    writer.write_image_data(&pixels).expect("png data");
    writer.finish().expect("png done");

    let mut plan = sample();
    let (projection, findings) = resolved(&plan);
    let without = pdf_document(&plan, &projection, &findings, &PdfOptions::default()).expect("PDF");
    for e in &mut plan.exercises {
        e.illustration = Some("bridge.png".to_owned());
    }
    let options = PdfOptions {
        image_dir: Some(dir.path().to_path_buf()),
        ..PdfOptions::default()
    };
    let with = pdf_document(&plan, &projection, &findings, &options).expect("PDF");
    let raw = String::from_utf8_lossy(&with.bytes);
    assert!(raw.contains("/Subtype/Image"), "no image object");
    assert!(!String::from_utf8_lossy(&without.bytes).contains("/Subtype/Image"));
    // A missing file is left out, not an error.
    let missing = PdfOptions::default();
    pdf_document(&plan, &projection, &findings, &missing).expect("PDF without the files");
}

/// Writes the handouts of the sample and the long plan for looking at (not run by default):
/// `LOADPLAN_REVIEW_DIR=/tmp cargo test --test export -- --ignored`.
#[test]
#[ignore]
fn write_handouts_for_review() {
    let dir = std::env::var("LOADPLAN_REVIEW_DIR").unwrap_or_else(|_| "/tmp".to_owned());
    for (name, plan) in [
        ("sample", sample()),
        ("long", long_plan()),
        ("nordic", template("nordic_hamstring")),
    ] {
        for paper in Paper::ALL {
            let (bytes, _) = handout(&plan, paper);
            let path = Path::new(&dir).join(format!("{name}-{}.pdf", paper.label()));
            std::fs::write(&path, bytes).expect("write");
        }
    }
}

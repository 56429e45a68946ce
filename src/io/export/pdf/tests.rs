//! Layout tests: for the shipped plans, a 52-week plan with 20 prescriptions and plans with
//! absurdly long words, in the handout (with and without pictures) and in the clinician report,
//! every text, line, path and image stays inside the page's margins and no two pieces of text
//! overlap.

use chrono::{Datelike, NaiveDate};

use super::canvas::{Canvas, Geometry, Op};
use super::fonts::Fonts;
use super::{Paper, PdfKind, PdfOptions, layout};
use crate::engine;
use crate::model::{
    Dose, Load, Phase, Plan, Prescription, Reps, Rule, Schedule, WeekRange, Weekday,
};

/// (left, top, right, bottom) of a piece of text.
type Box4 = (f32, f32, f32, f32);

/// Everything drawn outside the margins, and every pair of overlapping texts.
fn problems(canvas: &Canvas, fonts: &Fonts) -> Vec<String> {
    let g = canvas.geo;
    let inside = |x: f32, y: f32| {
        x >= g.left - 1.5 && x <= g.right + 1.5 && y >= g.top - 1.5 && y <= g.bottom + 1.5
    };
    let mut out = Vec::new();
    for (p, ops) in canvas.pages().iter().enumerate() {
        let mut boxes: Vec<(Box4, &str)> = Vec::new();
        for op in ops {
            match op {
                Op::Text { x, y, style, text } => {
                    let w = fonts.width_styled(text, style.size, style.bold);
                    let b = (*x, y - style.size * 0.75, x + w, y + style.size * 0.2);
                    if !inside(b.0, b.1) || !inside(b.2, b.3) {
                        out.push(format!(
                            "page {}: text {text:?} at {b:?} leaves the margins",
                            p + 1
                        ));
                    }
                    boxes.push((b, text));
                }
                Op::Shape { points, .. } => {
                    if let Some((x, y)) = points.iter().find(|(x, y)| !inside(*x, *y)) {
                        out.push(format!(
                            "page {}: shape point ({x}, {y}) leaves the margins",
                            p + 1
                        ));
                    }
                }
                Op::Path { els, .. } => {
                    let points = els.iter().flat_map(super::canvas::El::points);
                    if let Some((x, y)) = points.into_iter().find(|(x, y)| !inside(*x, *y)) {
                        out.push(format!(
                            "page {}: path point ({x}, {y}) leaves the margins",
                            p + 1
                        ));
                    }
                }
                Op::Image { x, y, w, h, .. } => {
                    if !inside(*x, *y) || !inside(x + w, y + h) {
                        out.push(format!("page {}: image leaves the margins", p + 1));
                    }
                }
            }
        }
        boxes.sort_by(|a, b| a.0.1.total_cmp(&b.0.1));
        for (i, (a, ta)) in boxes.iter().enumerate() {
            for (b, tb) in &boxes[i + 1..] {
                if b.1 >= a.3 - 0.3 {
                    break;
                }
                let h = a.2.min(b.2) - a.0.max(b.0);
                if h > 0.3 {
                    out.push(format!("page {}: {ta:?} overlaps {tb:?}", p + 1));
                }
            }
        }
    }
    out
}

/// A picture for every exercise the plan uses (so cards lay out with their figures).
fn pictures(projection: &engine::Projection) -> Vec<(String, crate::figure::Drawing)> {
    let mut ids: Vec<String> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .map(|id| (id, super::figure::tests::bridge()))
        .collect()
}

/// Lays out the handout (without and with pictures) and the report of `plan` on both papers
/// and checks every page; returns the handout's pages (without pictures, on Letter).
fn check(plan: &Plan) -> usize {
    let fonts = Fonts::load().expect("fonts");
    let projection = engine::project(plan);
    let findings = engine::check(plan, &projection);
    let mut pages = 0;
    for paper in Paper::ALL {
        for (kind, figures) in [
            (PdfKind::Report, Vec::new()),
            (PdfKind::Handout, pictures(&projection)),
            (PdfKind::Handout, Vec::new()),
        ] {
            let options = PdfOptions {
                paper,
                kind,
                figures,
                today: chrono::NaiveDate::from_ymd_opt(2026, 2, 1),
                ..PdfOptions::default()
            };
            let canvas = layout(plan, &projection, &findings, &options, &fonts);
            assert_eq!(canvas.geo, Geometry::for_paper(paper));
            let found = problems(&canvas, &fonts);
            assert!(
                found.is_empty(),
                "{} ({kind:?}) on {paper:?}:\n{}",
                plan.title,
                found.join("\n")
            );
            pages = canvas.page_count();
        }
    }
    pages
}

/// 52 weeks, 20 prescriptions on every kind of schedule, ladders and deloads.
fn long_plan() -> Plan {
    let lib = crate::library::builtin().expect("library");
    let ids = [
        "nordic_band_assisted",
        "sl_deadlift_supported",
        "side_plank_bench",
        "glute_bridge",
        "askling_extender",
        "bridge_hold_isometric",
        "leg_curl_isometric",
        "romanian_deadlift",
        "clams",
        "side_lying_hip_abduction",
        "split_squat",
        "walking_lunge",
        "sciatic_nerve_glide",
        "leg_swings",
        "dead_bug",
        "hip_flexor_strengthening",
        "slider_curl_eccentric",
        "calf_raise",
        "run_walk_intervals",
        "copenhagen_plank_short",
    ];
    let mut plan = Plan {
        title: "A fifty-two week plan with twenty prescriptions".to_owned(),
        athlete: "Test Athlete".to_owned(),
        start_date: NaiveDate::from_ymd_opt(2026, 1, 5),
        weeks: 52,
        ..Plan::default()
    };
    for i in 0..6_u32 {
        let first = i * 9 + 1;
        plan.phases.push(Phase {
            id: i + 1,
            name: format!(
                "Phase {} with a rather long name to test band labels",
                i + 1
            ),
            weeks: WeekRange::new(first, if i == 5 { 52 } else { first + 8 }),
            goal: "Progress gradually.".to_owned(),
            criteria: vec!["Pain settled by the next morning".to_owned()],
        });
    }
    for (i, id) in ids.iter().enumerate() {
        let i = i as u32;
        let schedule = match i % 4 {
            0 => Schedule::PerWeek(3),
            1 => Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]),
            2 => Schedule::TimesPerDay(2),
            _ => Schedule::EveryNDays(3),
        };
        let mut rules = vec![Rule::Deload {
            every_weeks: Some(5),
            weeks: vec![],
            volume_pct: 40.0,
            load_pct: 0.0,
        }];
        if i < 4 {
            rules.push(Rule::NextVariation {
                after_weeks: 12,
                reset_dose: false,
            });
        }
        plan.prescriptions.push(Prescription {
            id: i + 1,
            exercise: (*id).to_owned(),
            weeks: WeekRange::new(1 + i % 5, 52),
            schedule,
            supervised_per_week: i % 2,
            dose: Dose {
                sets: 4,
                reps: Some(Reps::PerSet(vec![12, 10, 8, 6])),
                hold_secs: Some(5.0),
                load: Load::Kg(12.5),
                ..Dose::default()
            },
            rules,
            notes: "Slow and controlled.".to_owned(),
        });
    }
    crate::library::fill_missing(&mut plan, lib);
    plan
}

#[test]
fn shipped_plans_stay_inside_their_pages() {
    let sample = crate::templates::sample().expect("sample");
    assert!(check(&sample) >= 10);
    for id in crate::templates::ids() {
        let plan = crate::templates::load(id)
            .expect("template")
            .expect("reads");
        check(&plan);
    }
}

#[test]
fn a_long_plan_stays_inside_its_pages() {
    let pages = check(&long_plan());
    assert!(pages > 30, "{pages}");
}

#[test]
fn long_words_and_names_are_cut_or_wrapped() {
    let mut plan = crate::templates::sample().expect("sample");
    let word = "Supercalifragilisticexpialidocious".repeat(4);
    plan.title = format!("{word} {word}");
    plan.athlete = word.clone();
    plan.goal = format!("{word} ").repeat(6);
    plan.disclaimer = "Not a protocol. ".repeat(60);
    plan.exercises[0].name = word.clone();
    plan.exercises[0].cues = vec![word.clone(); 3];
    plan.phases[0].name = word.clone();
    plan.prescriptions[0].notes = format!("{word} ").repeat(12);
    check(&plan);
}

#[test]
fn an_empty_plan_lays_out() {
    assert!(check(&Plan::default()) >= 7);
}

#[test]
fn a_logged_plan_lays_out_its_report() {
    let mut plan = crate::templates::sample().expect("sample");
    let projection = engine::project(&plan);
    for s in projection.sessions.iter().take(12) {
        let Some(date) = s.date else { continue };
        let log = plan.session_log_mut(date, s.slot);
        for (i, item) in s.items.iter().enumerate() {
            let e = log.exercise_mut(item.prescription_id, &item.exercise_id);
            e.done = i % 3 != 2;
            e.pain_during = Some((date.day0() % 8) as u8);
        }
    }
    plan.proms.push(crate::model::PromScore {
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"),
        measure: crate::model::Prom::HagosPain,
        score: 40.0,
    });
    plan.proms.push(crate::model::PromScore {
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 26).expect("date"),
        measure: crate::model::Prom::HagosPain,
        score: 62.5,
    });
    check(&plan);
}

#[test]
fn the_checker_sees_overflow_and_overlap() {
    let fonts = Fonts::load().expect("fonts");
    let mut canvas = Canvas::new(Geometry::for_paper(Paper::A4));
    let style = super::canvas::TextStyle::plain(10.0);
    canvas.new_page();
    canvas.text(100.0, 100.0, style, "one piece of text");
    canvas.text(120.0, 104.0, style, "another piece");
    canvas.text(500.0, 200.0, style, "runs off the right edge of the page");
    assert_eq!(
        problems(&canvas, &fonts).len(),
        2,
        "{:?}",
        problems(&canvas, &fonts)
    );
}

/// Wrapping as it was done before it was made linear (each cut copied the rest of the word
/// and measured it whole): the reference the linear wrapping must match line for line.
fn wrap_reference(fonts: &Fonts, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
    let max_width = max_width.max(size);
    let space = fonts.width_styled(" ", size, bold);
    let char_w = |c: char| fonts.width_styled(c.encode_utf8(&mut [0; 4]), size, bold);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split_whitespace() {
            let mut word_w = fonts.width_styled(word, size, bold);
            let mut word = word.to_owned();
            if !line.is_empty() && line_w + space + word_w <= max_width {
                line.push(' ');
                line.push_str(&word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            while word_w > max_width {
                let (mut used, mut cut) = (0.0, word.len());
                for (i, c) in word.char_indices() {
                    if used + char_w(c) > max_width && i > 0 {
                        cut = i;
                        break;
                    }
                    used += char_w(c);
                }
                let tail = word[cut..].to_owned();
                lines.push(word[..cut].to_owned());
                word = tail;
                word_w = fonts.width_styled(&word, size, bold);
            }
            line = word;
            line_w = word_w;
        }
        lines.push(line);
    }
    lines
}

#[test]
fn wrapping_matches_the_reference_line_for_line() {
    let fonts = Fonts::load().expect("fonts");
    let word = "Supercalifragilisticexpialidocious";
    let texts = [
        String::new(),
        "Slow and controlled.".to_owned(),
        format!("{word} ").repeat(12),
        word.repeat(9),
        format!(
            "short {} then more words\nand a second paragraph",
            word.repeat(5)
        ),
        "12/10/8/".repeat(300),
        "Ünïcödé ← → ✓ 漢字 mixed with fallback glyphs ".repeat(20),
        "a".repeat(2_000),
        "  leading and   inner  spaces \n\n blank paragraphs ".to_owned(),
    ];
    for text in &texts {
        for (size, bold) in [(11.0, false), (10.0, true), (16.0, true), (8.5, false)] {
            for max_width in [5.0, 40.0, 61.3, 130.0, 511.28] {
                assert_eq!(
                    fonts.wrap(text, size, bold, max_width),
                    wrap_reference(&fonts, text, size, bold, max_width),
                    "{text:?} at {size} pt, bold {bold}, {max_width} pt wide"
                );
            }
        }
    }
}

#[test]
fn a_long_unbroken_word_wraps_into_lines_that_fit_and_keep_every_character() {
    let fonts = Fonts::load().expect("fonts");
    let word = "8/".repeat(50_000);
    let lines = fonts.wrap(&word, 10.0, false, 60.0);
    assert!(lines.len() > 1_000, "{}", lines.len());
    assert_eq!(lines.concat(), word);
    for line in &lines {
        assert!(fonts.width(line, 10.0) <= 60.0, "{line:?}");
    }
}

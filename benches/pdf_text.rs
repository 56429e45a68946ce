//! PDF text layout benchmarks (issue 13): the handout of a plan whose prescription carries a
//! very long clinician's note (one paragraph of words, and one unbroken "word"), and one whose
//! exercise has a very long list of cues and a very long per-set list. The layout must take
//! time linear in the length of the text; compare the sizes (10x the text should cost about
//! 10x the time). The plans are built through the library API: files cap such texts on load.

#[path = "../tests/export/plans.rs"]
mod plans;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use loadplan::engine::{check, project};
use loadplan::io::export::{PdfKind, PdfOptions, pdf_bytes};
use loadplan::model::{Amount, Plan, Reps, Rule, Target};

fn handout(plan: &Plan) -> usize {
    pdf(plan, PdfKind::Handout)
}

fn report(plan: &Plan) -> usize {
    pdf(plan, PdfKind::Report)
}

fn pdf(plan: &Plan, kind: PdfKind) -> usize {
    let projection = project(plan);
    let findings = check(plan, &projection);
    let options = PdfOptions {
        kind,
        ..PdfOptions::default()
    };
    pdf_bytes(plan, &projection, &findings, &options)
        .expect("PDF")
        .len()
}

/// The 12-week template with a note of about `chars` characters on its first prescription:
/// words of ordinary length when `words`, otherwise one word without a space.
fn long_note(chars: usize, words: bool) -> Plan {
    let mut plan = plans::template("nordic_hamstring");
    let unit = if words { "slowly and " } else { "slowlyand" };
    plan.prescriptions[0].notes = unit.repeat(chars / unit.len());
    plan
}

/// The 12-week template whose first exercise has `entries` cues and whose first prescription
/// has a per-set list of `entries` numbers (its progression a hold growing each week, so the
/// list shows in the card's week-by-week table too).
fn long_lists(entries: usize) -> Plan {
    let mut plan = plans::template("nordic_hamstring");
    let id = plan.prescriptions[0].exercise.clone();
    if let Some(e) = plan.exercises.iter_mut().find(|e| e.id == id) {
        e.cues = (0..entries)
            .map(|i| format!("Cue {i}: keep the hips level."))
            .collect();
    }
    let rx = &mut plan.prescriptions[0];
    // One number per set: as many sets as entries.
    rx.dose.sets = u32::try_from(entries).unwrap_or(u32::MAX);
    rx.dose.reps = Some(Reps::PerSet(vec![8; entries]));
    // Hold seconds growing every week: the card's week-by-week table shows the list in a
    // narrow column, every week.
    rx.dose.hold_secs = Some(3.0);
    rx.rules = vec![Rule::Add {
        target: Target::Hold,
        amount: Amount::Absolute(1.0),
        every_weeks: 1,
        cap: None,
        round_to: None,
        from_week: None,
        until_week: None,
    }];
    plan
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf_text");
    group.sample_size(10);
    for chars in [10_000, 100_000, 1_000_000] {
        let plan = long_note(chars, true);
        group.bench_with_input(BenchmarkId::new("note_words", chars), &plan, |b, p| {
            b.iter(|| handout(black_box(p)))
        });
        let plan = long_note(chars, false);
        group.bench_with_input(BenchmarkId::new("note_one_word", chars), &plan, |b, p| {
            b.iter(|| handout(black_box(p)))
        });
    }
    for entries in [1_000, 10_000, 100_000] {
        let plan = long_lists(entries);
        group.bench_with_input(BenchmarkId::new("lists", entries), &plan, |b, p| {
            b.iter(|| handout(black_box(p)))
        });
        group.bench_with_input(BenchmarkId::new("report_lists", entries), &plan, |b, p| {
            b.iter(|| report(black_box(p)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

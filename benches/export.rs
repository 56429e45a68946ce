//! Export benchmarks (issue 5): the PDF handout of a 12-week plan (aim: under 0.3 s) and of a
//! 52-week plan with 20 prescriptions (aim: under 1.5 s), the clinician report of the long plan,
//! plus the CSV and calendar of the long plan. Each includes projecting and checking the plan,
//! as an export does.

#[path = "../tests/export/plans.rs"]
mod plans;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use loadplan::engine::{check, project};
use loadplan::io::export::{PdfKind, PdfOptions, csv_string, ics_string, pdf_bytes};
use loadplan::model::Plan;

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

fn handout(plan: &Plan) -> usize {
    pdf(plan, PdfKind::Handout)
}

fn bench(c: &mut Criterion) {
    let short = plans::template("nordic_hamstring");
    let long = plans::long_plan();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("pdf_12_weeks", |b| b.iter(|| handout(black_box(&short))));
    group.bench_function("pdf_52_weeks_20_prescriptions", |b| {
        b.iter(|| handout(black_box(&long)))
    });
    group.bench_function("report_52_weeks_20_prescriptions", |b| {
        b.iter(|| pdf(black_box(&long), PdfKind::Report))
    });
    let projection = project(&long);
    group.bench_function("csv_52_weeks", |b| {
        b.iter(|| {
            csv_string(black_box(&long), &projection)
                .expect("CSV")
                .len()
        })
    });
    group.bench_function("ics_52_weeks", |b| {
        b.iter(|| {
            ics_string(black_box(&long), &projection)
                .expect("ICS")
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

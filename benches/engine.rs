//! Benchmarks: projecting a large plan, the log's adjustments and status on it, fitting one of
//! its prescriptions to the weekly threshold, and loading and saving a plan file of about 1 MB.
//! Aims (issue 2): project a 104-week, 40-prescription plan in under 1 ms; load and save a
//! ~1 MB plan file in under 20 ms each; fit one prescription of that plan in under 5 ms.

use std::hint::black_box;

use common::big_plan;
use criterion::{Criterion, criterion_group, criterion_main};
use loadplan::engine::{adjustments, check, fit, project, status};
use loadplan::io::{parse_plan, plan_to_string, save_plan};
use loadplan::model::{NextMorning, Plan, Rule};

mod common;

fn bench_project(c: &mut Criterion) {
    let plan = big_plan(false);
    c.bench_function("project 104 weeks x 40 prescriptions", |b| {
        b.iter(|| project(black_box(&plan)))
    });
    let projection = project(&plan);
    c.bench_function("check 104 weeks x 40 prescriptions", |b| {
        b.iter(|| check(black_box(&plan), black_box(&projection)))
    });
}

/// The big plan with its first 52 weeks logged: every session done, pain cycling through
/// green, amber and red, next morning settled or not.
fn logged_big_plan() -> Plan {
    let mut plan = big_plan(false);
    let projection = project(&plan);
    let mut n: u8 = 0;
    for s in projection.sessions.iter().filter(|s| s.week <= 52) {
        let Some(date) = s.date else { continue };
        let log = plan.session_log_mut(date, s.slot);
        for item in &s.items {
            let e = log.exercise_mut(item.prescription_id, &item.exercise_id);
            e.done = true;
            n = (n + 1) % 8;
            e.pain_during = Some(n);
            e.pain_next_morning = Some(if n.is_multiple_of(3) {
                NextMorning::Pain(n)
            } else {
                NextMorning::Settled
            });
        }
        log.rpe = Some(5.0);
        log.minutes = Some(40.0);
    }
    plan
}

fn bench_log(c: &mut Criterion) {
    let plan = logged_big_plan();
    let projection = project(&plan);
    eprintln!("logged sessions: {}", plan.log.len());
    c.bench_function("adjustments, 104 x 40 plan with 52 weeks logged", |b| {
        b.iter(|| adjustments(black_box(&plan), black_box(&projection)))
    });
    let adj = adjustments(&plan, &projection);
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
    c.bench_function("status, 104 x 40 plan with 52 weeks logged", |b| {
        b.iter(|| {
            status(
                black_box(&plan),
                black_box(&projection),
                black_box(&adj),
                today,
            )
        })
    });
}

/// Fitting the first prescription of the big plan (3 x 8-10 @ 10 kg, +2.5 % load and +1 rep a
/// week, deload every 5th week, three hold weeks, 104 weeks) to 10 % a week. Its next-variation
/// rule is taken out: the fit does not span two exercises.
fn bench_fit(c: &mut Criterion) {
    let mut plan = big_plan(false);
    plan.prescriptions[0]
        .rules
        .retain(|r| !matches!(r, Rule::NextVariation { .. }));
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    eprintln!("fit: {}", fitted.summary);
    c.bench_function("fit one prescription of a 104-week plan", |b| {
        b.iter(|| fit(black_box(&plan), 1, 10.0))
    });
}

fn bench_files(c: &mut Criterion) {
    let plan = big_plan(true);
    let text = plan_to_string(&plan).expect("serialise");
    eprintln!("plan file size: {} bytes", text.len());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    c.bench_function("load ~1 MB plan file", |b| {
        b.iter(|| parse_plan(black_box(&text), &path).expect("parse"))
    });
    c.bench_function("save ~1 MB plan file (serialise + atomic write)", |b| {
        b.iter(|| save_plan(black_box(&plan), &path).expect("save"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench_project, bench_log, bench_fit, bench_files
}
criterion_main!(benches);

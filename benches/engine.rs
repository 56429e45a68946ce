//! Benchmarks: projecting a large plan, and loading and saving a plan file of about 1 MB.
//! Aims (issue 2): project a 104-week, 40-prescription plan in under 1 ms; load and save a
//! ~1 MB plan file in under 20 ms each.

use std::hint::black_box;

use common::big_plan;
use criterion::{Criterion, criterion_group, criterion_main};
use loadplan::engine::{check, project};
use loadplan::io::{parse_plan, plan_to_string, save_plan};

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
    targets = bench_project, bench_files
}
criterion_main!(benches);

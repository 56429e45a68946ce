//! Benchmark: a plan at every documented maximum (tests/files/max_plan.rs: 520 weeks, 200
//! prescriptions of 50 sets, tables of a row a week, 25,000 logged sessions, 197,600
//! scheduled exercise sessions; a file of about 35 MB) read from its file, projected and
//! checked. Aim (issue 13): under 1 s and 200 MB together. Also prints the memory the three
//! steps take at their peak (Linux: the process's peak resident size, reset before them).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use loadplan::engine::{check, project};
use loadplan::io::{load_plan, plan_to_string};

#[path = "../tests/files/max_plan.rs"]
mod max_plan;

/// Reads, projects and checks the plan at `path`; the number of findings.
fn load_project_check(path: &Path) -> usize {
    let plan = load_plan(path).expect("the plan at every maximum loads");
    let projection = project(&plan);
    check(&plan, &projection).len()
}

/// A line of /proc/self/status in kB (`VmHWM`, `VmRSS`), where there is one.
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The process's resident memory before one load, projection and check, and at their peak,
/// in MB (Linux only: the peak is reset through /proc/self/clear_refs).
fn peak_mb(path: &Path) -> Option<(f64, f64)> {
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let before = status_kb("VmRSS:")?;
    black_box(load_project_check(path));
    let peak = status_kb("VmHWM:")?;
    Some((before as f64 / 1024.0, peak as f64 / 1024.0))
}

fn bench_max_plan(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("max.ron");
    let text = plan_to_string(&max_plan::max_plan()).expect("serialise");
    std::fs::write(&path, &text).expect("write");
    eprintln!(
        "plan at every maximum: {:.1} MB file",
        text.len() as f64 / 1e6
    );
    drop(text);
    if let Some((before, peak)) = peak_mb(&path) {
        eprintln!(
            "load + project + check: the process's resident memory {before:.0} MB before, \
             {peak:.0} MB at the peak ({:.0} MB more)",
            peak - before
        );
    }
    let plan = load_plan(&path).expect("loads");
    let projection = project(&plan);
    let mut group = c.benchmark_group("plan at every maximum");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("load + project + check", |b| {
        b.iter(|| load_project_check(black_box(&path)))
    });
    group.bench_function("load (read, parse, validate)", |b| {
        b.iter(|| load_plan(black_box(&path)))
    });
    group.bench_function("project", |b| b.iter(|| project(black_box(&plan))));
    group.bench_function("check (guardrails)", |b| {
        b.iter(|| check(black_box(&plan), black_box(&projection)))
    });
    group.finish();
}

criterion_group!(benches, bench_max_plan);
criterion_main!(benches);

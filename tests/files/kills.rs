//! `loadplan log` killed in the middle of its write (SIGKILL at a random moment, 30 times):
//! the plan is each time either as it was or with the new entry, never half written; its
//! backup reads; and the next write that completes leaves none of the temporary files a
//! killed write left behind.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use loadplan::io::load_plan;
use loadplan::model::Plan;

use crate::cli::{log_ok, runner_plan, temp_dir};
use crate::writers::planned;

/// (date, exercise, pain during) of every logged exercise, sorted.
fn entries(plan: &Plan) -> Vec<(String, String, Option<u8>)> {
    let mut out: Vec<_> = plan
        .log
        .iter()
        .flat_map(|s| {
            s.exercises
                .iter()
                .map(move |e| (s.date.to_string(), e.exercise.clone(), e.pain_during))
        })
        .collect();
    out.sort();
    out
}

/// The temporary files of `runner.ron` in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("folder lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".runner.ron.") && n.ends_with(".tmp"))
        .collect()
}

/// A small pseudo-random generator (xorshift), seeded from the clock; the seed is in every
/// failure message.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_log_killed_while_writing_leaves_the_old_plan_or_the_new_one() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let path = Path::new(&f);
    let bak = dir.path().join("runner.ron.bak");
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut rng = Rng(seed);
    let pairs = planned(&f);
    assert!(pairs.len() >= 30, "{} planned", pairs.len());
    let (mut killed_before, mut killed_after, mut left_temporaries) = (0, 0, 0);
    for (i, (date, exercise)) in pairs.iter().take(30).enumerate() {
        let before = load_plan(path).expect("the plan reads");
        let delay = Duration::from_micros(rng.next() % 30_000);
        let mut child = Command::new(env!("CARGO_BIN_EXE_loadplan"))
            .args(["log", &f, "--date", date, "--exercise", exercise])
            .args(["--pain-during", "1", "--today", "2026-06-30"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("run loadplan");
        std::thread::sleep(delay);
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let status = child.wait().expect("loadplan ends");
        let why = format!("run {i}, killed after {delay:?} (seed {seed}, status {status})");

        let after = load_plan(path).unwrap_or_else(|e| panic!("{why}: the plan reads: {e}"));
        let mut with_entry = entries(&before);
        with_entry.push((date.clone(), exercise.clone(), Some(1)));
        with_entry.sort();
        if after == before {
            killed_before += 1;
        } else {
            assert_eq!(entries(&after), with_entry, "{why}: the new plan");
            killed_after += 1;
        }
        if bak.exists() {
            load_plan(&bak).unwrap_or_else(|e| panic!("{why}: the backup reads: {e}"));
        }

        if !temporaries(dir.path()).is_empty() {
            left_temporaries += 1;
        }
        // The next write that completes (a change of the same entry, so it writes) removes
        // what the killed one left.
        log_ok(
            &f,
            &["--date", date, "--exercise", exercise, "--pain-during", "2"],
        );
        let done = load_plan(path).expect("the plan reads");
        assert!(
            entries(&done).contains(&(date.clone(), exercise.clone(), Some(2))),
            "{why}: the entry after the next log"
        );
        assert_eq!(temporaries(dir.path()), Vec::<String>::new(), "{why}");
        load_plan(&bak).unwrap_or_else(|e| panic!("{why}: the backup reads: {e}"));
    }
    // Both outcomes are legitimate; the counts say where the kills landed.
    eprintln!(
        "killed before the write: {killed_before}, after it: {killed_after}; \
         temporary files left: {left_temporaries} times"
    );
}

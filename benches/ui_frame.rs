//! Headless frame time of the planner window with a 104-week, 40-prescription plan: an idle
//! frame, and a frame that applies an edit (re-projection, findings, chart data, layout).
//! Aim: well under 16 ms of CPU per frame. Runs the real app through egui_kittest, no GPU.
//!
//! egui_kittest always turns AccessKit on (and updates its own copy of the tree each frame),
//! which the window does only while a screen reader or other assistive tool is listening. So
//! the same frames are also timed on a plain `egui::Context`: without AccessKit (what the
//! window costs normally), with AccessKit (the accessibility tree's own share), and without
//! AccessKit plus tessellation into triangles (what eframe does next with the frame's shapes).
//!
//! Saving runs on the app's file thread: "ui frame, longest while saving" times every frame on a
//! plain context from the one that sends the save of a ~1 MB plan to the one that gets its
//! result, and reports the longest (criterion: the longest frame of each save, averaged; the
//! longest of all is printed after it), with the time `save_plan` takes on its own for
//! comparison (what one frame took when saving ran on the frame thread).
//!
//! `LOADPLAN_PROFILE_FRAMES=N cargo bench --bench ui_frame` runs N idle and N edit frames on a
//! plain context (AccessKit on when `LOADPLAN_PROFILE_ACCESSKIT=1`; only one kind with
//! `LOADPLAN_PROFILE_KIND=idle` or `edit`) and exits: a workload for a profiler such as
//! callgrind or perf. `LOADPLAN_SAVE_PLAN=FILE` writes the benchmark's plan to FILE instead.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use egui_kittest::Harness;
use loadplan::app::LoadplanApp;
use loadplan::app::document::Origin;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, Edit};

mod common;

const SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

fn app() -> LoadplanApp {
    app_with(common::big_plan(false))
}

fn app_with(plan: loadplan::model::Plan) -> LoadplanApp {
    LoadplanApp::with_document(Prefs::default(), plan, Origin::Unsaved("bench".to_owned()))
}

fn harness() -> Harness<'static, LoadplanApp> {
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app());
    h.run();
    h
}

/// Sends an edit that changes the plan (3 and 4 sets in turn on the first prescription).
fn edit(app: &mut LoadplanApp, ctx: &egui::Context, sets: &mut u32) {
    let Some(doc) = app.document() else {
        return;
    };
    let mut rx = doc.plan().prescriptions[0].clone();
    *sets = if *sets == 3 { 4 } else { 3 };
    rx.dose.sets = *sets;
    app.send(Command::Edit(Edit::UpdatePrescription(rx)), ctx);
}

/// The app on a plain egui context, the way eframe runs it (without the kittest harness).
struct Plain {
    ctx: egui::Context,
    app: LoadplanApp,
    input: egui::RawInput,
}

impl Plain {
    fn new(accesskit: bool) -> Plain {
        Plain::with_app(app(), accesskit)
    }

    fn with_app(app: LoadplanApp, accesskit: bool) -> Plain {
        let ctx = egui::Context::default();
        if accesskit {
            ctx.enable_accesskit();
        }
        let mut plain = Plain {
            ctx,
            app,
            input: egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
                ..Default::default()
            },
        };
        // Let areas size themselves and fonts load.
        for _ in 0..4 {
            plain.frame();
        }
        plain
    }

    fn frame(&mut self) -> egui::FullOutput {
        let (ctx, app) = (&self.ctx, &mut self.app);
        ctx.run_ui(self.input.clone(), |ui| app.show(ui))
    }

    /// A frame, then its shapes tessellated into meshes as eframe does before painting.
    fn frame_and_tessellate(&mut self) -> usize {
        let out = self.frame();
        self.ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }

    fn edit(&mut self, sets: &mut u32) {
        edit(&mut self.app, &self.ctx, sets);
    }

    /// Saves the plan to `path`: the frame that sends the save, then frames (1 ms apart, as
    /// if the user kept moving the mouse) until the save reported back. Returns the longest
    /// frame and the number of frames.
    fn save(&mut self, path: &std::path::Path) -> (Duration, usize) {
        let start = Instant::now();
        self.app
            .send(Command::SaveTo(path.to_path_buf()), &self.ctx);
        self.frame();
        let mut longest = start.elapsed();
        let mut frames = 1;
        while self.app.is_busy() {
            std::thread::sleep(Duration::from_millis(1));
            let start = Instant::now();
            self.frame();
            longest = longest.max(start.elapsed());
            frames += 1;
        }
        (longest, frames)
    }
}

fn bench_frames(c: &mut Criterion) {
    let mut h = harness();
    c.bench_function("ui frame, idle (104 weeks x 40 prescriptions)", |b| {
        b.iter(|| h.step())
    });
    let mut h = harness();
    let mut sets = 3;
    c.bench_function("ui frame with an edit (reproject, recheck, redraw)", |b| {
        b.iter(|| {
            let ctx = h.ctx.clone();
            edit(h.state_mut(), &ctx, &mut sets);
            h.step();
        })
    });
}

/// Idle frames of the other views: the week view, and the editor of a selected prescription.
fn bench_views(c: &mut Criterion) {
    use egui_kittest::kittest::Queryable;
    let mut h = harness();
    h.get_by_label("Week view").click();
    h.run();
    c.bench_function("ui frame, idle, week view", |b| b.iter(|| h.step()));
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().send(
        Command::Select {
            prescription: Some(1),
            week: Some(30),
        },
        &ctx,
    );
    h.run();
    c.bench_function("ui frame, idle, prescription editor open", |b| {
        b.iter(|| h.step())
    });
    // The library's details with the exercise's picture (drawn from pose data every frame).
    let mut h = harness();
    h.get_by_label("A-skips").click();
    h.run();
    assert!(
        h.query_by_label("Picture of A-skips").is_some(),
        "the picture is shown"
    );
    c.bench_function("ui frame, idle, library details with a picture", |b| {
        b.iter(|| h.step())
    });
}

fn bench_plain(c: &mut Criterion) {
    for (accesskit, name) in [(false, "no AccessKit"), (true, "AccessKit on")] {
        let mut p = Plain::new(accesskit);
        c.bench_function(&format!("plain context, {name}: idle frame"), |b| {
            b.iter(|| p.frame())
        });
        let mut sets = 3;
        c.bench_function(&format!("plain context, {name}: frame with an edit"), |b| {
            b.iter(|| {
                p.edit(&mut sets);
                p.frame()
            })
        });
    }
    let mut p = Plain::new(false);
    c.bench_function(
        "plain context, no AccessKit: idle frame + tessellation",
        |b| b.iter(|| p.frame_and_tessellate()),
    );
}

/// The longest frame while a ~1 MB plan is being saved (on the file thread).
fn bench_saving(c: &mut Criterion) {
    let mut plan = common::big_plan(true);
    // Longer notes: a plan file of over 1 MB (`big_plan(true)` writes about 0.9 MB).
    for rx in &mut plan.prescriptions {
        rx.notes
            .push_str(&"Rest a day when the tendon is stiff the next morning. ".repeat(60));
    }
    let bytes = loadplan::io::plan_to_string(&plan).map_or(0, |text| text.len());
    assert!(bytes > 1_000_000, "the plan file has {bytes} bytes");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.ron");
    // For comparison: the save on the calling thread (what a frame took before).
    let mut direct = (0..5)
        .map(|_| {
            let start = Instant::now();
            loadplan::io::save_plan(&plan, &path).expect("save");
            start.elapsed()
        })
        .collect::<Vec<_>>();
    direct.sort();
    let mut p = Plain::with_app(app_with(plan), false);
    let (mut longest, mut saves, mut frames) = (Duration::ZERO, 0, 0);
    let name = format!(
        "ui frame, longest while saving a {:.2} MB plan",
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("saving");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function(&name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let (max, n) = p.save(&path);
                total += max;
                longest = longest.max(max);
                saves += 1;
                frames += n;
            }
            total
        })
    });
    group.finish();
    if saves > 0 {
        println!(
            "{name}: longest frame of all {longest:.2?} ({saves} saves, {frames} frames); \
             save_plan alone takes {:.2?} (median of 5)",
            direct[direct.len() / 2]
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench_frames, bench_views, bench_plain, bench_saving
}

/// Runs `n` idle frames and `n` frames with an edit on a plain context, for a profiler
/// (only the idle ones with `LOADPLAN_PROFILE_KIND=idle`, only the edits with `edit`).
fn profile(n: usize) {
    let var = |name| std::env::var(name).unwrap_or_default();
    let accesskit = var("LOADPLAN_PROFILE_ACCESSKIT") == "1";
    let kind = var("LOADPLAN_PROFILE_KIND");
    let mut p = Plain::new(accesskit);
    let mut meshes = 0;
    if kind != "edit" {
        for _ in 0..n {
            meshes += p.frame_and_tessellate();
        }
    }
    let mut sets = 3;
    if kind != "idle" {
        for _ in 0..n {
            p.edit(&mut sets);
            meshes += p.frame_and_tessellate();
        }
    }
    println!("{meshes} meshes");
}

fn main() {
    if let Some(path) = std::env::var_os("LOADPLAN_SAVE_PLAN") {
        // The benchmark's plan as a file, to open in the window.
        let plan = common::big_plan(false);
        if let Err(e) = loadplan::io::save_plan(&plan, std::path::Path::new(&path)) {
            eprintln!("{e}");
        }
        return;
    }
    if let Some(n) = std::env::var("LOADPLAN_PROFILE_FRAMES")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        profile(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

//! Headless frame time of the planner window with a 104-week, 40-prescription plan: an idle
//! frame, and a frame that applies an edit (re-projection, findings, chart data, layout).
//! Aim: well under 16 ms of CPU per frame. Runs the real app through egui_kittest, no GPU.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use loadplan::app::LoadplanApp;
use loadplan::app::command::{Command, Edit};
use loadplan::app::document::Origin;
use loadplan::app::prefs::Prefs;

mod common;

fn harness() -> Harness<'static, LoadplanApp> {
    let plan = common::big_plan(false);
    let app =
        LoadplanApp::with_document(Prefs::default(), plan, Origin::Unsaved("bench".to_owned()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app);
    h.run();
    h
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
            let Some(doc) = h.state().document() else {
                return;
            };
            let mut rx = doc.plan().prescriptions[0].clone();
            sets = if sets == 3 { 4 } else { 3 };
            rx.dose.sets = sets;
            let ctx = h.ctx.clone();
            h.state_mut()
                .send(Command::Edit(Edit::UpdatePrescription(rx)), &ctx);
            h.step();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench_frames
}
criterion_main!(benches);

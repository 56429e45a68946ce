//! The window, driven headless through egui_kittest by role and label as a person (or a screen
//! reader) would: each panel on its own, the whole app, and the image snapshots of the main
//! screens rendered on the CPU.

#[path = "../common/mod.rs"]
mod common;

mod app;
mod chart;
mod chart_bounds;
mod details;
mod exercise_library;
mod file_changes;
mod first_hour;
mod fit;
mod library;
mod log;
mod phases;
mod photos;
mod prescriptions;
mod progress;
mod recovery;
mod small_screen;
mod snapshots;
mod support;
mod week;

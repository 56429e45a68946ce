//! Model, engine, library and data files: plain Rust tests and properties, no window and no
//! program run. One test binary (each binary links the whole crate, so fewer build faster).

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod data_files;
mod engine;
mod engine_log;
mod engine_props;
mod figures;
mod fit;
mod guardrail_props;
mod guardrails;
mod library;
mod personal_library;
mod pounds;
mod standalone;
mod templates;

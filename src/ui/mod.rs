//! Panels and widgets. Each reads the plan and its projection by reference and holds only its
//! own UI state (selection, metric choice); none touches files or threads.

pub mod chart;
pub mod findings;
pub mod week;

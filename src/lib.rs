//! loadplan: plan progressive loading rehabilitation.
//!
//! Data flows one way: file text -> [`io`] -> [`model::Plan`] (validated) ->
//! [`engine::Projection`] (derived) -> the command line or the window draws it.

pub mod app;
pub mod cli;
pub mod command;
pub mod engine;
pub mod figure;
pub mod io;
pub mod library;
pub mod model;
pub mod templates;
pub mod ui;

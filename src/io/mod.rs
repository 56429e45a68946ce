//! Files on disk. Plans are stored as versioned, hand-editable RON documents
//! ([`load_plan`], [`save_plan`]); reading one checks it completely and explains any
//! problem as `FILE:LINE:COLUMN: what is wrong; what to do`. Every write, plan or export,
//! goes through [`write_atomic`], so a failed save never damages the previous file.

mod atomic;
pub mod export;
mod lex;
mod photo;
mod plan_file;
mod pretty;
mod ron_error;
mod scan;

pub use atomic::write_atomic;
pub use photo::{MAX_SIDE_PX, PhotoError, import_photo, photo_pixels};
pub use plan_file::{
    PlanFileError, TextPosition, load_plan, parse_plan, plan_to_string, save_plan,
};

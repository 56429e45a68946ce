//! Files on disk. Plans are stored as versioned, hand-editable RON documents
//! ([`load_plan`], [`save_plan`]); reading one checks it completely and explains any
//! problem as `FILE:LINE:COLUMN: what is wrong; what to do`. Every write, plan or export,
//! goes through [`write_atomic`], so a failed save never damages the previous file; every
//! change of a plan file holds the file's lock and reads it again first ([`update_plan`],
//! [`save_plan_from`]), so writers at the same time never drop each other's changes.

mod atomic;
pub mod export;
mod lex;
mod lock;
mod personal;
mod photo;
mod plan_file;
mod pretty;
mod recovery;
mod ron_error;
mod save;
mod scan;

pub use atomic::{Links, Refused, STALE_TEMP_AGE, same_file, write_atomic, write_atomic_with};
pub use lock::LOCK_WAIT;
pub use personal::{
    DATA_DIR_VAR, PERSONAL_FILE, PersonalError, PersonalSaved, default_data_folder, load_personal,
    personal_path, read_import_text, save_personal, save_personal_over, write_personal,
};
pub use photo::{MAX_SIDE_PX, PhotoError, import_photo, photo_pixels};
pub use plan_file::{PlanFileError, TextPosition, load_plan, parse_plan, plan_to_string};
pub use recovery::{
    Found, RECOVERY_DIR_VAR, Recovered, RecoveryError, RecoverySlot, Unreadable, discard_recovery,
    find_recovery, recovery_dir,
};
pub use save::{
    FileBase, SaveOutcome, SaveReport, Updated, comments_note, open_plan, save_new_plan, save_plan,
    save_plan_from, update_plan,
};

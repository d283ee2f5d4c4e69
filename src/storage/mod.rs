//! Session files on disk: one pretty RON file per session in an archive
//! folder, saved atomically, read back with errors a person can act on.
//!
//! What the app calls, and when:
//! - **start**: `Archive::resolve(flag)`, then [`pending_recoveries`] on its
//!   folder: for each, [`load`] the saved file and [`read_recovery`], show
//!   `domain::differences(&saved, &recovered)`, and on "restore" [`save`] the
//!   recovered session then [`discard_recovery`]; on "discard",
//!   [`discard_recovery`].
//! - **open a session**: [`lock`]`(path, now)` and keep the [`SessionLock`]
//!   while it is open (dropping it releases the lock). On `Err(LockError)`
//!   show its message (and `hint()`) and open the session read-only.
//! - **as you type** (debounced, a second or two): [`write_recovery`].
//! - **autosave / save**: [`save_over`] (or [`save`]), then
//!   [`discard_recovery`]. On `StorageError::NotSaved` keep the session in
//!   memory, show the message and hint, and offer Save as.
//! - **save as**: [`save_as`]`(new_path, &session)` (never replaces a file);
//!   then lock the new path and drop the old lock.
//! - **panic hook**: [`write_recovery`] for the open session, falling back
//!   to [`write_panic_recovery`]`(archive_dir, &session)`; print the path.
//! - **home screen**: `Archive::list`; a broken file's `Entry::session` holds
//!   the reason (`StorageError` Display + `hint()`).
//!
//! New files are created owner-only (0600) and new folders 0700 on Unix.
//! Files from older Roundtables are upgraded as they load (see `migrate`);
//! files from newer ones are refused and never written over.

mod archive;
mod atomic;
mod cache;
mod catalog;
mod diagnose;
mod error;
mod extract;
mod extract_read;
mod extract_table;
mod fast_ron;
mod file;
mod find;
mod format;
mod keys;
mod lock;
mod migrate;
mod paths;
mod recovery;
pub mod sample;
mod schema;
mod settings;
mod special;
mod trash;
mod unknown;
mod watch;
mod whoami;

pub use archive::{Archive, Entry};
pub use atomic::{clean_leftovers, write_atomic};
pub use cache::{CACHE_ENV, Cache, Messages};
pub use catalog::{Known, Listed, Stamp, cards, check, known, same_files, with_messages};
pub use error::{FIX_HINT, StorageError, newer_format};
pub use extract::{Extracts, Remembered, ToRemember};
pub use extract_read::{
    Depth, Extracted, Remembering, Unread, extracted, extracted_later, extracted_with, settled,
};
pub use extract_table::{Listing, Tables, stamps_in};
pub use file::{load, load_all, save, save_as, save_over};
#[doc(hidden)]
pub use format::{quick_clean, ron_clean};
pub use format::{to_ron, try_to_ron};
pub use lock::{Holder, LockError, SessionLock, break_lock, holder, is_locked, lock, lock_path, release_own};
pub use paths::{DIR_ENV, archive_dir, is_session_file};
pub use recovery::{
    discard_recovery, pending_recoveries, read_recovery, recovery_path, write_panic_recovery, write_recovery,
};
pub use settings::{AppState, STATE_ENV, read_state, remembered_audience, state_file, write_state};
pub use trash::{TRASH, TrashError};
pub use watch::FileWatch;

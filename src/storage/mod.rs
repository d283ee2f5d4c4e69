//! Session files on disk: one pretty RON file per session in an archive
//! folder, saved atomically, read back with errors a person can act on.

mod archive;
mod atomic;
mod diagnose;
mod error;
mod file;
mod find;
mod format;
mod lock;
mod migrate;
mod paths;
mod recovery;
mod schema;
mod unknown;
mod whoami;

pub use archive::{Archive, Entry};
pub use atomic::write_atomic;
pub use error::{FIX_HINT, StorageError, newer_format};
pub use file::{load, load_all, save, save_as, save_over};
pub use format::{to_ron, try_to_ron};
pub use lock::{Holder, LockError, SessionLock, lock, lock_path};
pub use paths::{DIR_ENV, archive_dir};
pub use recovery::{
    discard_recovery, pending_recoveries, read_recovery, recovery_path, write_panic_recovery, write_recovery,
};

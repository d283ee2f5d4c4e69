//! Writing a sign-off move (circulated, approved, amended) into the session
//! file it concerns, for `roundtable minutes` and for approving the last
//! minutes from the next session: the file is read afresh under its lock,
//! the move is checked by the domain and saved only if nobody changed the
//! file in between.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::domain::{Refusal, Session};
use crate::storage::{LockError, StorageError, load, lock, save_over};

#[derive(Debug)]
pub enum SignOffError {
    Storage(StorageError),
    /// The move is not possible at this stage, and why.
    Refused(Refusal),
    /// Someone has the session open; changing it under them could lose work.
    Locked(LockError),
}

impl fmt::Display for SignOffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignOffError::Storage(e) => e.fmt(f),
            SignOffError::Refused(r) => r.fmt(f),
            SignOffError::Locked(e) => write!(
                f,
                "not changed: {}. Record it there, or try again once it is closed",
                e.who()
            ),
        }
    }
}

/// Applies `make` (a sign-off move) to the session saved at `path` and
/// saves it; returns the session as saved.
pub fn sign_off(
    path: &Path,
    now: DateTime<Utc>,
    make: impl FnOnce(&mut Session) -> Result<(), Refusal>,
) -> Result<Session, SignOffError> {
    // Held until the change is saved, so nobody opens the session meanwhile.
    let _lock = lock(path, now).map_err(SignOffError::Locked)?;
    let on_disk = load(path).map_err(SignOffError::Storage)?;
    let mut session = on_disk.clone();
    make(&mut session).map_err(SignOffError::Refused)?;
    session.touch(now);
    save_over(path, &session, &on_disk).map_err(SignOffError::Storage)?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Circulation, SignOffMove};
    use crate::storage::save;

    #[test]
    fn a_refused_move_leaves_the_file_as_it_was_and_an_allowed_one_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let s = Session::for_tests("T", "P", "2026-09-16");
        save(&path, &s).unwrap();
        let before = std::fs::read(&path).unwrap();
        let nov = Session::for_tests("N", "P", "2026-11-11");
        let err = sign_off(&path, s.created, |s| {
            s.approve_minutes_at(&nov, crate::domain::ApprovedBy::Consent)
        })
        .unwrap_err();
        assert!(err.to_string().contains("circulate them first"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let circulation = Circulation {
            to: "all partners".into(),
            on: NaiveDate::from_ymd_opt(2026, 9, 20).unwrap_or_default(),
        };
        sign_off(&path, s.created, |s| {
            s.minutes.apply(SignOffMove::Circulate(circulation))
        })
        .unwrap();
        assert_eq!(load(&path).unwrap().minutes.circulated.len(), 1);
    }
}

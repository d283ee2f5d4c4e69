//! The shipped example archive, loaded the way the app loads it.

use std::path::Path;

use roundtable::domain::Session;

/// Every session in `workshops/`, oldest file first, or newest first when
/// `newest_first` (as the archive lists them), so no test relies on the
/// order the folder happens to give.
pub fn workshops(newest_first: bool) -> Vec<Session> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("workshops/ is readable")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    paths.sort();
    if newest_first {
        paths.reverse();
    }
    paths
        .iter()
        .map(|p| roundtable::storage::load(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

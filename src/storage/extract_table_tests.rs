//! The action listing remembered beside the extract: trusted only for the
//! very files it came from.

use super::*;
use crate::domain::{ActionItem, Flag, TableRow};
use crate::storage::Cache;

fn session() -> Session {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
    let mut s = Session::new("Monthly", "Level Ground", date, chrono::Utc::now());
    s.actions.push(ActionItem {
        id: "a-1".into(),
        text: "Book the hall".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
        ..ActionItem::default()
    });
    s
}

fn table() -> ActionTable {
    ActionTable {
        rows: vec![TableRow {
            session: 1,
            item: 0,
            first_session: 0,
            flags: vec![Flag::Carried(2), Flag::OrganisationLeft("Aid".into())],
            open: true,
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
        }],
    }
}

fn stamp(secs: u64) -> Stamp {
    Stamp {
        size: 10,
        secs,
        nanos: 0,
    }
}

fn named(list: &[(&str, u64)]) -> Vec<(String, Stamp)> {
    list.iter().map(|(n, s)| (n.to_string(), stamp(*s))).collect()
}

#[test]
fn the_listing_is_trusted_only_while_the_folder_holds_the_same_files() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(tmp.path(), tmp.path());
    let tables = Tables::beside(&Extracts::beside(&cache, tmp.path()));
    let files = named(&[("a.ron", 100), ("b.ron", 200)]);
    let unread = vec![("bad.ron".to_string(), Some(stamp(50)))];
    let folder = named(&[("bad.ron", 50), ("b.ron", 200), ("a.ron", 100)]);
    let (a, b) = (session(), session());
    assert_eq!(
        tables.read(|| Some(folder.to_vec())),
        None,
        "nothing remembered yet"
    );
    let looked = std::cell::Cell::new(false);
    let look = || {
        looked.set(true);
        Some(folder.to_vec())
    };
    assert_eq!(tables.read(look), None);
    assert!(
        !looked.get(),
        "the folder is not looked at when nothing is remembered"
    );
    tables.write(&files, &unread, &[&a, &b], &table());
    let listing = tables
        .read(|| Some(folder.to_vec()))
        .unwrap_or_else(|| panic!("remembered"));
    assert_eq!(
        listing.files, files,
        "in the order read, whatever the folder's order"
    );
    assert_eq!(listing.unread, 1);
    assert_eq!(listing.table.rows.len(), 1);
    let held = &listing.sessions[1].actions;
    assert_eq!((held.len(), held[0].text.as_ref()), (1, "Book the hall"));
    assert!(
        listing.sessions[0].actions.is_empty(),
        "only the copies the rows point to"
    );
    let mut changed = folder.clone();
    changed[1].1.nanos = 1;
    assert_eq!(tables.read(|| Some(changed.to_vec())), None, "a file changed");
    assert_eq!(tables.read(|| Some(folder[1..].to_vec())), None, "a file gone");
    let mut more = folder.clone();
    more.push(("c.ron".into(), stamp(300)));
    assert_eq!(tables.read(|| Some(more.to_vec())), None, "a file added");
    let mut fixed = folder.clone();
    fixed[0].1.secs = 60;
    assert_eq!(
        tables.read(|| Some(fixed.to_vec())),
        None,
        "a file that could not be read changed"
    );
    let renamed = named(&[("bad.ron", 50), ("b.ron", 200), ("z.ron", 100)]);
    assert_eq!(tables.read(|| Some(renamed.to_vec())), None, "a file renamed");
}

#[test]
fn nothing_is_remembered_from_files_that_had_not_settled_or_had_no_stamp() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(tmp.path(), tmp.path());
    let tables = Tables::beside(&Extracts::beside(&cache, tmp.path()));
    let files = named(&[("a.ron", 100), ("b.ron", 200)]);
    let (a, b) = (session(), session());
    tables.write(&files, &[], &[&a, &b], &table());
    let fresh = named(&[("a.ron", settled_now())]);
    tables.write(&fresh, &[], &[&a], &ActionTable::default());
    assert_eq!(
        tables.read(|| Some(fresh.to_vec())),
        None,
        "a file changed just now is not trusted"
    );
    tables.write(
        &files[..1],
        &[("link.ron".into(), None)],
        &[&a],
        &ActionTable::default(),
    );
    let before = tables.read(|| Some(files.to_vec())).map(|l| l.table);
    assert_eq!(before, Some(table()), "and the listing before stays");
}

fn settled_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

//! The key tables a config file may change, under stable names, and the
//! check that turns requested overrides into a [`Layer`]: unknown tables,
//! unknown actions, unreadable keys and keys that would clash with another
//! action of the same table are refused one by one, each with what to do,
//! and everything else applies.

use std::any::TypeId;
use std::fmt::Debug;

use super::key_layer::{Layer, action_name};
use super::keys::{Binding, Key};

/// One table as the config file names it.
pub struct Table {
    /// The name in the config file: `keys: {"session": {…}}`.
    pub name: &'static str,
    /// Where its keys work, for `roundtable config --keys`.
    pub about: &'static str,
    type_id: TypeId,
    pub actions: Vec<ActionKeys>,
}

/// One action of a table and its built-in keys.
pub struct ActionKeys {
    pub name: String,
    pub keys: Vec<Key>,
    pub help: &'static str,
}

fn table<A: Copy + Debug + 'static>(
    name: &'static str,
    about: &'static str,
    bindings: &'static [Binding<A>],
) -> Table {
    let mut actions: Vec<ActionKeys> = Vec::new();
    for b in bindings {
        let name = action_name(&b.action);
        if !actions.iter().any(|a| a.name == name) {
            actions.push(ActionKeys {
                name,
                keys: b.keys.to_vec(),
                help: b.help,
            });
        }
    }
    Table {
        name,
        about,
        type_id: TypeId::of::<A>(),
        actions,
    }
}

/// Every table a config may change. Screens where keys are typed as text
/// (forms, search, the item editor) are left out: a letter there is text.
pub fn tables() -> Vec<Table> {
    use super::{help, home, measures_view, presenter, session, trash_view};
    vec![
        table("home", "the list of sessions", home::KEYS),
        table(
            "session",
            "a session, moving between items",
            session::keys::BROWSE,
        ),
        table("plan", "the plan of a session (P)", session::plan_view::KEYS),
        table("presenter", "the presenter view (S)", presenter::KEYS),
        table("measures", "measures over time (M)", measures_view::KEYS),
        table("trash", "the trash", trash_view::KEYS),
        table("help", "this help (?)", help::KEYS),
    ]
}

/// New keys asked for one action; `at` says where (for messages).
pub struct Request<L> {
    pub table: String,
    pub action: String,
    pub keys: Vec<String>,
    pub at: L,
}

/// A request refused: where, what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused<L> {
    pub at: L,
    pub message: String,
    pub hint: String,
}

struct Accepted<L> {
    table: usize,
    action: String,
    keys: Vec<Key>,
    at: L,
}

/// The overrides that hold, and those refused (which keep built-in keys).
pub fn build<L: Clone>(requests: Vec<Request<L>>) -> (Layer, Vec<Refused<L>>) {
    let tables = tables();
    let mut refused = Vec::new();
    let mut accepted: Vec<Accepted<L>> = Vec::new();
    for r in requests {
        match accept(&tables, &r) {
            Ok((table, keys)) => accepted.push(Accepted {
                table,
                action: r.action,
                keys,
                at: r.at,
            }),
            Err((message, hint)) => refused.push(Refused {
                at: r.at,
                message,
                hint,
            }),
        }
    }
    // Refusing one override gives its action its built-in keys back, which
    // may clash with another override: check again until nothing changes.
    while let Some(i) = (0..accepted.len()).find(|&i| clash(&tables, &accepted, i).is_some()) {
        let (other, key) = clash(&tables, &accepted, i).unwrap_or_default();
        let a = accepted.remove(i);
        let name = tables[a.table].name;
        refused.push(Refused {
            at: a.at,
            message: format!(
                "{key} is already the key for {other} in \"{name}\", so {} keeps its own keys",
                a.action
            ),
            hint: format!(
                "choose a key no other action of \"{name}\" uses, or give {other} another key as well"
            ),
        });
    }
    let mut layer = Layer::default();
    for a in accepted {
        layer.set(tables[a.table].type_id, &a.action, a.keys);
    }
    (layer, refused)
}

/// The table's index and the parsed keys, or why not.
fn accept<L>(tables: &[Table], r: &Request<L>) -> Result<(usize, Vec<Key>), (String, String)> {
    let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    let Some(index) = tables.iter().position(|t| t.name == r.table) else {
        return Err((
            format!(
                "there is no key table \"{}\"{}",
                r.table,
                nearest(&r.table, &names)
            ),
            format!("the tables are {}", names.join(", ")),
        ));
    };
    let table = &tables[index];
    let actions: Vec<&str> = table.actions.iter().map(|a| a.name.as_str()).collect();
    if !actions.contains(&r.action.as_str()) {
        return Err((
            format!(
                "\"{}\" has no action \"{}\"{}",
                r.table,
                r.action,
                nearest(&r.action, &actions)
            ),
            "`roundtable config --keys` lists every action and its keys".into(),
        ));
    }
    if r.keys.is_empty() {
        return Err((
            format!("no key given for {}", r.action),
            "give at least one key, e.g. \"n\" or [\"n\", \"F2\"]".into(),
        ));
    }
    let keys = r
        .keys
        .iter()
        .map(|k| Key::parse(k))
        .collect::<Result<Vec<Key>, String>>()
        .map_err(|e| {
            (
                e,
                "write keys as the footer shows them, e.g. \"n\", \"Ctrl-S\", \"F5\"".to_string(),
            )
        })?;
    Ok((index, keys))
}

/// Another action of the same table that would answer to one of
/// `accepted[i]`'s keys once the overrides apply: its name and the key.
fn clash<L>(tables: &[Table], accepted: &[Accepted<L>], i: usize) -> Option<(String, String)> {
    let mine = &accepted[i];
    let table = &tables[mine.table];
    let keys_of = |action: &str| -> Vec<Key> {
        accepted
            .iter()
            .find(|a| a.table == mine.table && a.action == action)
            .map(|a| a.keys.clone())
            .or_else(|| {
                table
                    .actions
                    .iter()
                    .find(|a| a.name == action)
                    .map(|a| a.keys.clone())
            })
            .unwrap_or_default()
    };
    // Two keys in one override that are the same key are no clash.
    for other in table.actions.iter().filter(|a| a.name != mine.action) {
        for key in keys_of(&other.name) {
            if mine.keys.iter().any(|k| k.same(&key)) {
                return Some((other.name.clone(), key.label()));
            }
        }
    }
    None
}

/// ` (did you mean "x"?)` when one of `names` is close to `word`.
fn nearest(word: &str, names: &[&str]) -> String {
    names
        .iter()
        .map(|n| (strsim::jaro_winkler(word, n), n))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| format!(" (did you mean \"{n}\"?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::key_layer::install;
    use crate::app::keys::{describe, lookup};
    use crate::app::session::keys::{BROWSE, BrowseAction};

    fn req(table: &str, action: &str, keys: &[&str]) -> Request<u32> {
        Request {
            table: table.into(),
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            at: 0,
        }
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn every_table_has_distinct_action_names() {
        for t in tables() {
            assert!(!t.actions.is_empty(), "{}", t.name);
            let mut names: Vec<&str> = t.actions.iter().map(|a| a.name.as_str()).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), t.actions.len(), "{}", t.name);
        }
    }

    #[test]
    fn an_override_changes_the_key_that_works_and_the_key_shown() {
        let (layer, refused) = build(vec![req("session", "notes", &["F2"])]);
        assert!(refused.is_empty(), "{refused:?}");
        install(layer);
        let f2 = KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE);
        assert_eq!(lookup(BROWSE, &f2), Some(BrowseAction::Notes));
        assert_eq!(lookup(BROWSE, &press('n')), None);
        let notes = describe(BROWSE).into_iter().find(|k| k.label == "notes").unwrap();
        assert_eq!(notes.keys, "F2");
        install(Layer::default());
        assert_eq!(lookup(BROWSE, &press('n')), Some(BrowseAction::Notes));
    }

    #[test]
    fn swapping_two_keys_is_no_clash_but_taking_one_is() {
        let (_, refused) = build(vec![
            req("home", "new", &["N"]),
            req("home", "next_session", &["n"]),
        ]);
        assert!(refused.is_empty(), "{refused:?}");
        let (_, refused) = build(vec![req("home", "new", &["N"])]);
        assert_eq!(refused.len(), 1);
        assert!(
            refused[0]
                .message
                .contains("N is already the key for next_session"),
            "{:?}",
            refused[0]
        );
    }

    #[test]
    fn unknown_tables_actions_and_keys_are_refused_with_a_suggestion() {
        let (layer, refused) = build(vec![
            req("sesion", "notes", &["n"]),
            req("session", "note", &["n"]),
            req("session", "notes", &["Hyper-n"]),
            req("session", "notes", &[]),
        ]);
        assert!(layer.is_empty());
        let messages: Vec<&str> = refused.iter().map(|r| r.message.as_str()).collect();
        assert!(messages[0].contains("did you mean \"session\""), "{messages:?}");
        assert!(messages[1].contains("did you mean \"notes\""), "{messages:?}");
        assert!(messages[2].contains("is not a key"), "{messages:?}");
        assert!(messages[3].contains("no key given"), "{messages:?}");
    }
}

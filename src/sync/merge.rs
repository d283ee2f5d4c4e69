//! Merging two versions of one session, section by section: for each the
//! person takes mine, theirs, or (for lists) both, the union by item id.
//! Works on the session's serialised fields, so every field belongs to a
//! section and a field added later still merges (under "Other").

use serde_json::{Map, Value};

use crate::domain::Session;

/// Which version of a section to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both lists' items, matched by id (or name, or text).
    Both,
}

impl Choice {
    pub fn label(self) -> &'static str {
        match self {
            Choice::Mine => "mine",
            Choice::Theirs => "theirs",
            Choice::Both => "both",
        }
    }
}

/// One part of a session as the merge screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    /// The session's fields (as in the file) this section covers.
    pub fields: Vec<String>,
    /// Whether "both" means something here (lists and notes).
    pub both: bool,
    pub mine: Vec<String>,
    pub theirs: Vec<String>,
}

impl Section {
    pub fn differs(&self) -> bool {
        self.mine != self.theirs
    }
}

/// Fields that are the file's bookkeeping, not anyone's words.
const BOOKKEEPING: &[&str] = &["format_version", "id", "created", "updated"];

/// The sections in the order of a session file; `true` where both can be
/// kept.
const KNOWN: &[(&str, &[&str], bool)] = &[
    (
        "Header",
        &[
            "title",
            "partnership",
            "date",
            "start_time",
            "location",
            "facilitator",
            "status",
            "previous",
            "shown_in_minutes",
            "shown_to",
        ],
        false,
    ),
    ("Participants", &["participants"], true),
    ("Goals", &["goals"], true),
    ("Vision", &["vision"], false),
    ("Activities and measures", &["activities"], true),
    ("Roles", &["roles"], false),
    ("Awareness", &["awareness"], true),
    ("Data and next steps", &["review"], false),
    ("Notes", &["notes"], true),
    ("Decisions", &["decisions"], true),
    ("Actions", &["actions"], true),
    ("Parking lot", &["parking_lot"], true),
    (
        "Rounds, votes and consent checks",
        &["rounds", "votes", "consent_checks"],
        true,
    ),
    ("Time plan", &["plan"], false),
    ("Minutes sign-off", &["minutes"], false),
    ("Health check", &["health"], false),
];

/// Both versions, section by section.
pub fn sections(mine: &Session, theirs: &Session) -> Vec<Section> {
    let (m, t) = (fields(mine), fields(theirs));
    let (mine_text, theirs_text) = (blocks(mine), blocks(theirs));
    let mut known: Vec<&str> = BOOKKEEPING.to_vec();
    let mut out = Vec::new();
    let section = |name: &str, keys: Vec<String>, both: bool| Section {
        name: name.to_string(),
        mine: show(&keys, &mine_text),
        theirs: show(&keys, &theirs_text),
        fields: keys,
        both,
    };
    for (name, keys, both) in KNOWN {
        known.extend(keys.iter());
        out.push(section(name, keys.iter().map(|k| k.to_string()).collect(), *both));
    }
    let mut other: Vec<String> = m
        .keys()
        .chain(t.keys())
        .filter(|k| !known.contains(&k.as_str()))
        .cloned()
        .collect();
    other.sort();
    other.dedup();
    if !other.is_empty() {
        out.push(section("Other", other, false));
    }
    out
}

/// The session's fields as in its file (absent fields left out).
fn fields(session: &Session) -> Map<String, Value> {
    match serde_json::to_value(session) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Each top-level field's lines as the session file writes them (so the
/// screen reads like the file a person may know from git), indented by two
/// spaces a level rather than four to fit side by side.
fn blocks(session: &Session) -> Vec<(String, Vec<String>)> {
    let text = crate::storage::to_ron(session);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let body = line.strip_prefix("    ").unwrap_or(line);
        if body.len() == line.len() {
            continue; // The opening and closing brackets.
        }
        let indent = body.len() - body.trim_start().len();
        let shown = format!("{}{}", " ".repeat(indent / 2), body.trim_start());
        match body.split_once(':') {
            Some((key, _)) if indent == 0 && !key.contains(' ') => out.push((key.to_string(), vec![shown])),
            _ => {
                if let Some((_, lines)) = out.last_mut() {
                    lines.push(shown);
                }
            }
        }
    }
    out
}

/// A section as lines of the file, its empty fields left out.
fn show(keys: &[String], blocks: &[(String, Vec<String>)]) -> Vec<String> {
    let empty = |lines: &[String]| {
        lines.len() == 1
            && ["[],", "{},", "\"\",", "None,", "(),"]
                .iter()
                .any(|e| lines[0].ends_with(&format!(": {e}")))
    };
    let lines: Vec<String> = keys
        .iter()
        .filter_map(|k| blocks.iter().find(|(key, _)| key == k))
        .filter(|(_, lines)| !empty(lines))
        .flat_map(|(_, lines)| lines.iter().cloned())
        .collect();
    if lines.is_empty() {
        vec!["(nothing)".into()]
    } else {
        lines
    }
}

/// The merged session: `choices[i]` for `sections[i]` (as [`sections`]
/// gives them); sections without a choice keep mine. The bookkeeping is
/// mine, but `updated` is the later of the two.
pub fn merge(
    mine: &Session,
    theirs: &Session,
    sections: &[Section],
    choices: &[Choice],
) -> Result<Session, String> {
    let (m, t) = (fields(mine), fields(theirs));
    let mut out = m.clone();
    for (section, choice) in sections.iter().zip(choices) {
        for key in &section.fields {
            let value = match choice {
                Choice::Mine => continue,
                Choice::Theirs => t.get(key).cloned(),
                Choice::Both => Some(union(m.get(key), t.get(key))),
            };
            match value {
                Some(v) => out.insert(key.clone(), v),
                None => out.remove(key),
            };
        }
    }
    let mut merged: Session = serde_json::from_value(Value::Object(out)).map_err(|e| e.to_string())?;
    merged.updated = mine.updated.max(theirs.updated);
    Ok(merged)
}

/// Both values kept: lists joined by item id, maps by key, and two
/// different texts one after the other.
fn union(mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    match (mine, theirs) {
        (None, None) => Value::Null,
        (Some(v), None) | (None, Some(v)) => v.clone(),
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            let mut items = a.clone();
            for item in b {
                if !a.iter().any(|x| same_item(x, item)) {
                    items.push(item.clone());
                }
            }
            Value::Array(items)
        }
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut map = a.clone();
            for (k, v) in b {
                let joined = union(a.get(k), Some(v));
                map.insert(k.clone(), joined);
            }
            Value::Object(map)
        }
        (Some(Value::String(a)), Some(Value::String(b))) if !a.is_empty() && !b.is_empty() && a != b => {
            Value::String(format!("{a}\n\n{b}"))
        }
        (Some(Value::String(a)), Some(b)) if a.is_empty() => b.clone(),
        (Some(a), _) => a.clone(),
    }
}

/// Whether two list items are the same item: same id, else same name, else
/// same text, else equal.
fn same_item(a: &Value, b: &Value) -> bool {
    for key in ["id", "name", "text"] {
        let (x, y) = (
            a.get(key).and_then(Value::as_str),
            b.get(key).and_then(Value::as_str),
        );
        if let (Some(x), Some(y)) = (x, y)
            && !x.is_empty()
            && !y.is_empty()
        {
            return x == y;
        }
    }
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionItem, Participant};

    fn pair() -> (Session, Session) {
        let base = Session::for_tests("Kick-off", "Eastside", "2026-12-03");
        (base.clone(), base)
    }

    fn choose(mine: &Session, theirs: &Session, pick: &[(&str, Choice)]) -> Session {
        let sections = sections(mine, theirs);
        let choices: Vec<Choice> = sections
            .iter()
            .map(|s| {
                pick.iter()
                    .find(|(n, _)| *n == s.name)
                    .map_or(Choice::Mine, |(_, c)| *c)
            })
            .collect();
        merge(mine, theirs, &sections, &choices).unwrap()
    }

    fn action(id: &str, text: &str) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_the_changed_sections_differ() {
        let (mut mine, mut theirs) = pair();
        mine.location = "Hall A".into();
        theirs.location = "Hall B".into();
        theirs.actions.push(action("a1", "Book the venue"));
        let sections = sections(&mine, &theirs);
        let differing: Vec<&str> = sections
            .iter()
            .filter(|s| s.differs())
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(differing, ["Header", "Actions"]);
        let header = &sections[0];
        assert!(
            header.mine.contains(&"location: \"Hall A\",".to_string()),
            "{:?}",
            header.mine
        );
        assert!(header.theirs.contains(&"location: \"Hall B\",".to_string()));
        assert_eq!(
            sections.iter().find(|s| s.name == "Actions").unwrap().mine,
            ["(nothing)"]
        );
    }

    #[test]
    fn mine_theirs_and_both_by_section() {
        let (mut mine, mut theirs) = pair();
        mine.location = "Hall A".into();
        theirs.location = "Hall B".into();
        mine.actions = vec![action("a1", "Book the venue"), action("a2", "Share the survey")];
        theirs.actions = vec![
            action("a1", "Book the venue (edited)"),
            action("a3", "Write to the council"),
        ];
        theirs.participants.push(Participant {
            name: "Ann Okafor".into(),
            ..Default::default()
        });

        let kept = choose(&mine, &theirs, &[]);
        assert_eq!(kept, mine);

        let merged = choose(
            &mine,
            &theirs,
            &[
                ("Header", Choice::Theirs),
                ("Actions", Choice::Both),
                ("Participants", Choice::Both),
            ],
        );
        assert_eq!(merged.location, "Hall B");
        let texts: Vec<&str> = merged.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Book the venue", "Share the survey", "Write to the council"]
        );
        assert_eq!(merged.participants.len(), 1);

        let theirs_all = choose(
            &mine,
            &theirs,
            &[
                ("Header", Choice::Theirs),
                ("Actions", Choice::Theirs),
                ("Participants", Choice::Theirs),
            ],
        );
        assert_eq!(theirs_all, theirs);
    }

    #[test]
    fn both_keeps_each_side_of_a_note() {
        let (mut mine, mut theirs) = pair();
        mine.notes.insert(crate::domain::Step::Goals, "Mine".into());
        theirs.notes.insert(crate::domain::Step::Goals, "Theirs".into());
        theirs
            .notes
            .insert(crate::domain::Step::Vision, "Only theirs".into());
        let merged = choose(&mine, &theirs, &[("Notes", Choice::Both)]);
        assert_eq!(merged.notes[&crate::domain::Step::Goals], "Mine\n\nTheirs");
        assert_eq!(merged.notes[&crate::domain::Step::Vision], "Only theirs");
    }

    #[test]
    fn every_field_of_a_full_session_is_in_a_section() {
        let text = std::fs::read_to_string("tests/fixtures/export/riverside-carers-votes.ron").unwrap();
        let full = crate::storage::load(std::path::Path::new(
            "tests/fixtures/export/riverside-carers-votes.ron",
        ))
        .unwrap_or_else(|e| panic!("{e} {}", text.len()));
        let mut other = Session::for_tests("Other", "P", "2026-01-01");
        other.updated = full.updated;
        let sections = sections(&full, &other);
        assert!(sections.iter().all(|s| s.name != "Other"));
        let names: Vec<(&str, Choice)> = sections
            .iter()
            .map(|s| (s.name.as_str(), Choice::Theirs))
            .collect();
        let mut merged = choose(&full, &other, &names);
        merged.id = other.id.clone();
        merged.created = other.created;
        assert_eq!(merged, other);
        assert_eq!(choose(&full, &other, &[]), full);
    }
}

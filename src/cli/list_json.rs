//! `roundtable list --json`: one object per file, for scripts. Fields keep
//! a fixed reading order; a broken file has only `path`, `error` and, for
//! parse errors, `line` and `col`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Card, Severity};
use crate::storage::{Listed, StorageError};

/// One element of the array.
#[derive(Serialize)]
pub(super) struct JsonEntry<'a> {
    path: String,
    #[serde(flatten)]
    session: Option<JsonSession<'a>>,
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    col: Option<usize>,
}

#[derive(Serialize)]
struct JsonSession<'a> {
    id: &'a str,
    title: &'a str,
    partnership: &'a str,
    date: NaiveDate,
    start_time: Option<String>,
    /// `draft`, `in-progress` or `final`.
    status: &'static str,
    /// Where the minutes stand: `draft`, `circulated` or `approved`
    /// (`roundtable minutes SESSION status --json` gives the details).
    minutes: &'static str,
    counts: Counts,
    /// How many items are marked for each audience (see `export --audience`).
    shown_to: ShownTo,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct ShownTo {
    trustees: usize,
    partners: usize,
    public: usize,
}

#[derive(Serialize)]
struct Counts {
    participants: usize,
    present: usize,
    decisions: usize,
    actions: usize,
    open_actions: usize,
}

#[derive(Serialize)]
struct JsonProblem {
    severity: &'static str,
    message: String,
}

impl<'a> From<&'a Listed> for JsonEntry<'a> {
    fn from(entry: &'a Listed) -> JsonEntry<'a> {
        let path = entry.path.display().to_string();
        match entry.card.as_ref().map_err(|e| &**e) {
            Ok(s) => JsonEntry {
                path,
                session: Some(session_json(s)),
                error: None,
                line: None,
                col: None,
            },
            Err(StorageError::Parse {
                line, col, message, ..
            }) => JsonEntry {
                path,
                session: None,
                error: Some(message.clone()),
                line: Some(*line),
                col: Some(*col),
            },
            Err(other) => JsonEntry {
                path,
                session: None,
                error: Some(other.to_string()),
                line: None,
                col: None,
            },
        }
    }
}

fn session_json(s: &Card) -> JsonSession<'_> {
    let problems = s
        .problems
        .iter()
        .map(|p| JsonProblem {
            severity: if p.severity == Severity::Error {
                "error"
            } else {
                "warning"
            },
            message: p.message.clone(),
        })
        .collect();
    let [trustees, partners, public] = s.shown_to;
    JsonSession {
        id: &s.id,
        title: &s.title,
        partnership: &s.partnership,
        date: s.date,
        start_time: s.start_time.map(|t| t.format("%H:%M").to_string()),
        status: s.status.key(),
        minutes: s.minutes.label(),
        counts: Counts {
            participants: s.participants,
            present: s.present,
            decisions: s.decisions,
            actions: s.actions,
            open_actions: s.open_actions,
        },
        shown_to: ShownTo {
            trustees,
            partners,
            public,
        },
        problems,
    }
}

//! The actions view: every action across the archive as it stands now,
//! filtered by partnership, owner, status or overdue, soonest due first.
//! It opens on what still needs doing (open or in progress).
//! Marking one done (or changing its status) writes back to the session
//! file holding its latest copy, then the archive is read again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::across::{Back, Loaded, go_back};
use super::action_edit::{self, ActionEdit};
use super::keys::{KeyHelp, describe, lookup};
use super::library_sessions::Reading;
use super::message::Message;
use super::write_back::{Changed, change_action};
use super::{App, Screen};
use crate::domain::{ActionChange, ActionFilter, ActionItem, ActionRecord, ActionStatus, ActionTable, Flag};

mod keys;

pub use keys::{Action, KEYS, TYPING_KEYS};

pub struct ActionsState {
    pub loaded: Loaded,
    /// While the archive is read: files read, of how many.
    pub reading: Option<(usize, usize)>,
    /// The library generation `loaded` was read at.
    seen: Option<u64>,
    /// `filter.status` is one status, or none for all; `to_do` (which
    /// leaves it none) shows open and in progress together.
    pub filter: ActionFilter,
    pub to_do: bool,
    /// Typing into the owner filter.
    pub typing_owner: bool,
    /// The owner and due date form, when open.
    pub editing: Option<ActionEdit>,
    pub selected: usize,
    pub back: Back,
    /// The rows of the loaded sessions' action table that the filters let
    /// through, in order, and what they were worked out for: moving the
    /// selection or redrawing works nothing out again.
    shown: Shown,
}

#[derive(Default)]
struct Shown {
    rows: Vec<u32>,
    overdue: usize,
    flagged: usize,
    table: Arc<ActionTable>,
    filter: ActionFilter,
    to_do: bool,
    today: Option<NaiveDate>,
}

impl ActionsState {
    /// "Reading sessions: N of M…" while the archive is read.
    pub fn reading_words(&self) -> Option<String> {
        Reading::words(self.reading, self.seen.is_some())
    }

    pub fn new(reading: Reading, back: Back, today: NaiveDate) -> ActionsState {
        let mut state = ActionsState {
            loaded: Loaded::default(),
            reading: None,
            seen: None,
            filter: ActionFilter::default(),
            to_do: true,
            typing_owner: false,
            editing: None,
            selected: 0,
            back,
            shown: Shown::default(),
        };
        state.fill(reading);
        state.select_by(0, today);
        state
    }

    /// Takes in the sessions as last read, when newer than those shown.
    pub fn fill(&mut self, reading: Reading) {
        self.reading = reading.progress;
        if let Some(loaded) = reading.newer(&mut self.seen) {
            self.loaded = loaded;
        }
    }

    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        if self.editing.is_some() {
            return Some(Action::Form(action_edit::action_for(key)));
        }
        if self.typing_owner {
            return Some(lookup(TYPING_KEYS, key).unwrap_or(Action::Type(*key)));
        }
        lookup(KEYS, key)
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        if let Some(form) = &self.editing {
            form.keys()
        } else if self.typing_owner {
            describe(TYPING_KEYS)
        } else {
            describe(KEYS)
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        if let Some(form) = &mut self.editing {
            form.paste(text);
        }
    }

    /// How many actions are shown; of them, how many are overdue and how
    /// many flagged.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.shown.rows.len(), self.shown.overdue, self.shown.flagged)
    }

    /// The `n`th action shown (soonest due first), with its flags.
    pub fn shown(&self, n: usize) -> Option<(ActionRecord<'_>, &[Flag])> {
        let row = self.shown.table.rows.get(*self.shown.rows.get(n)? as usize)?;
        let record = self.shown.table.record(&self.loaded.sessions, row)?;
        Some((record, &row.flags))
    }

    /// Every action shown, soonest due first (for tests and tools: the
    /// screen takes only the rows it draws).
    pub fn records(&self) -> Vec<ActionRecord<'_>> {
        (0..self.shown.rows.len())
            .filter_map(|n| Some(self.shown(n)?.0))
            .collect()
    }

    /// Works out again which actions are shown, when the sessions, the
    /// filters or the day changed since.
    fn refilter(&mut self, today: NaiveDate) {
        let table = self.loaded.action_table();
        let s = &self.shown;
        if Arc::ptr_eq(&s.table, &table)
            && s.filter == self.filter
            && s.to_do == self.to_do
            && s.today == Some(today)
        {
            return;
        }
        let rows = table.matching(&self.loaded.sessions, &self.filter, self.to_do, today);
        let row = |&i: &u32| &table.rows[i as usize];
        let overdue = rows.iter().filter(|&i| row(i).is_overdue(today)).count();
        let flagged = rows.iter().filter(|&i| !row(i).flags.is_empty()).count();
        self.shown = Shown {
            rows,
            overdue,
            flagged,
            table,
            filter: self.filter.clone(),
            to_do: self.to_do,
            today: Some(today),
        };
    }

    /// The status filter as the filter line shows it.
    pub fn status_label(&self) -> &'static str {
        match self.filter.status {
            _ if self.to_do => "to do",
            Some(s) => s.label(),
            None => "all",
        }
    }

    /// The partnerships to cycle through, as their series name them.
    fn partnerships(&self) -> Vec<String> {
        let history = self.loaded.history();
        history
            .series()
            .iter()
            .map(|s| s.name.clone())
            .filter(|n| !n.is_empty())
            .collect()
    }

    fn cycle_partnership(&mut self) {
        let names = self.partnerships();
        let at = self
            .filter
            .partnership
            .as_ref()
            .and_then(|p| names.iter().position(|n| n == p));
        self.filter.partnership = match at {
            None => names.first().cloned(),
            Some(i) => names.get(i + 1).cloned(),
        };
    }

    /// To do, then each status, then all, then to do again.
    fn cycle_status(&mut self) {
        let all = ActionStatus::ALL;
        let (to_do, status) = match self.filter.status {
            _ if self.to_do => (false, Some(all[0])),
            None => (true, None),
            Some(s) => {
                let next = all.iter().position(|x| *x == s).and_then(|i| all.get(i + 1));
                (false, next.copied())
            }
        };
        self.to_do = to_do;
        self.filter.status = status;
    }

    fn type_owner(&mut self, key: KeyEvent) {
        let mut owner = self.filter.owner.take().unwrap_or_default();
        match key.code {
            KeyCode::Backspace => {
                owner.pop();
            }
            KeyCode::Char(c) if !c.is_control() => owner.push(c),
            _ => {}
        }
        self.filter.owner = (!owner.is_empty()).then_some(owner);
    }

    fn select_by(&mut self, delta: isize, today: NaiveDate) {
        self.refilter(today);
        let last = self.shown.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let today = app.today;
    let Screen::Actions(state) = &mut app.screen else {
        return;
    };
    match action {
        Action::Up => state.select_by(-1, today),
        Action::Down => state.select_by(1, today),
        Action::Partnership => state.cycle_partnership(),
        Action::Owner => state.typing_owner = !state.typing_owner,
        Action::Type(key) => state.type_owner(key),
        Action::Status => state.cycle_status(),
        Action::Overdue => state.filter.overdue = !state.filter.overdue,
        Action::Help => app.open_help(),
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
            return;
        }
        Action::Change => open_form(app),
        Action::Form(a) => form(app, a, now),
        Action::Done => change_selected(app, now, |_| ActionStatus::Done),
        Action::NextStatus => change_selected(app, now, |s| {
            let all = ActionStatus::ALL;
            let i = all.iter().position(|x| *x == s).unwrap_or(0);
            all[(i + 1) % all.len()]
        }),
    }
    if let Screen::Actions(state) = &mut app.screen {
        state.select_by(0, today);
    }
}

/// Keeps the selection on an action shown, after the list changed.
pub(super) fn keep_selection(state: &mut ActionsState, today: NaiveDate) {
    state.select_by(0, today);
}

/// Sets the selected action's status to `to(current)` in its session file.
fn change_selected(app: &mut App, now: DateTime<Utc>, to: impl Fn(ActionStatus) -> ActionStatus) {
    if let Some((action, path)) = selected(app) {
        let change = ActionChange {
            status: Some(to(action.status)),
            ..ActionChange::default()
        };
        save(app, now, &action.id, &path, &change);
    }
}

/// The selected action's id and file, or a message saying why it cannot
/// be changed from here.
fn selected(app: &mut App) -> Option<(ActionItem, PathBuf)> {
    let Screen::Actions(state) = &app.screen else {
        return None;
    };
    let (record, _) = state.shown(state.selected)?;
    if record.action.id.trim().is_empty() {
        app.message = Some(Message::error(
            "This action has no ID, so it cannot be followed between sessions. Open its session to change it.",
        ));
        return None;
    }
    Some((record.action.clone(), state.loaded.paths[record.session].clone()))
}

fn open_form(app: &mut App) {
    if let Some((action, path)) = selected(app)
        && let Screen::Actions(state) = &mut app.screen
    {
        state.editing = Some(ActionEdit::new(&action, path));
    }
}

fn form(app: &mut App, action: action_edit::Action, now: DateTime<Utc>) {
    let Screen::Actions(state) = &mut app.screen else {
        return;
    };
    let Some(form) = &mut state.editing else {
        return;
    };
    match action {
        action_edit::Action::Enter if !form.on_last_field() => form.next(),
        action_edit::Action::Next => form.next(),
        action_edit::Action::Undo => form.undo(),
        action_edit::Action::Edit(key) => form.edit(key),
        action_edit::Action::Cancel => state.editing = None,
        action_edit::Action::Enter | action_edit::Action::Save => {
            let Some(change) = form.change() else {
                return;
            };
            let (id, path) = (form.id.clone(), form.path.clone());
            if save(app, now, &id, &path, &change)
                && let Screen::Actions(state) = &mut app.screen
            {
                state.editing = None;
            }
        }
    }
}

/// Writes `change` to the action `id` in `path`, reads the archive again
/// and says what happened; false when it could not be saved.
fn save(app: &mut App, now: DateTime<Utc>, id: &str, path: &Path, change: &ActionChange) -> bool {
    let today = app.today;
    let result = change_action(path, id, change, now);
    let Screen::Actions(state) = &mut app.screen else {
        return false;
    };
    // Read that file again, whatever happened (it may have changed): the
    // list shows it as it now is, and the others as they were.
    app.library.reread(path);
    state.loaded = app.library.across_saved(&state.loaded, path);
    state.seen = Some(app.library.generation);
    let saved = result.is_ok();
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    app.message = Some(match result {
        Ok(Changed { before, after }) if before == after => {
            Message::info("Nothing changed: the action was already like that.")
        }
        Ok(Changed { after, .. }) => Message::success(format!(
            "{}: “{}”{}{}. Saved in {file}.",
            after.status.label(),
            after.text.split_whitespace().collect::<Vec<_>>().join(" "),
            if after.owner.is_empty() {
                String::new()
            } else {
                format!(", owner {}", after.owner)
            },
            after.due.map(|d| format!(", due {d}")).unwrap_or_default(),
        )),
        Err(e) => Message::error(format!(
            "Could not change the action: {}. Nothing was lost; the list shows the files as they are now.",
            app.shown(&e.to_string())
        )),
    });
    // Stay on the same action when it is still shown.
    if let Screen::Actions(state) = &mut app.screen {
        state.refilter(today);
        let at =
            (0..state.shown.rows.len()).find(|&n| state.shown(n).is_some_and(|(r, _)| r.action.id == id));
        if let Some(at) = at {
            state.selected = at;
        }
    }
    saved
}

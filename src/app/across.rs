//! The screens that look across sessions (search, actions, measures, the
//! next session) and the trustee report: what they share, and the home
//! screen's doors into them.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::actions_view::ActionsState;
use super::measures_view::MeasuresState;
use super::message::Message;
use super::next_session::NextState;
use super::search::SearchState;
use super::timeline::Group;
use super::{App, Screen, files};
use crate::domain::{History, Session, Shape, slug};
use crate::export::{Period, trustee_pack};
use crate::storage::{Archive, Entry, load};

/// Every readable session of the archive with its file, side by side, so a
/// result naming a session by index also names the file to change. Shared
/// between screens and the library, never copied.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub paths: Arc<Vec<PathBuf>>,
    pub sessions: Arc<Vec<Session>>,
    /// How the sessions hang together, worked out on first use and kept:
    /// the actions and measures screens draw from it every frame.
    shape: Arc<OnceLock<Arc<Shape>>>,
}

impl Loaded {
    pub fn from_entries(entries: &[Entry]) -> Loaded {
        let (paths, sessions) = entries
            .iter()
            .filter_map(|e| Some((e.path.clone(), e.session.as_ref().ok()?.clone())))
            .unzip();
        Loaded::new(paths, sessions)
    }

    /// Reads the sessions in `paths`, in that order, on every core; a file
    /// that no longer reads is left out.
    pub fn read_paths<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> Loaded {
        let paths: Vec<&PathBuf> = paths.collect();
        let (paths, sessions) = paths
            .into_par_iter()
            .filter_map(|p| Some((p.clone(), load(p).ok()?)))
            .collect::<Vec<_>>()
            .into_iter()
            .unzip();
        Loaded::new(paths, sessions)
    }

    fn new(paths: Vec<PathBuf>, sessions: Vec<Session>) -> Loaded {
        Loaded {
            paths: Arc::new(paths),
            sessions: Arc::new(sessions),
            shape: Arc::default(),
        }
    }

    /// Reads the archive afresh, e.g. after a change was saved.
    pub fn read(archive: &Archive) -> Loaded {
        Loaded::from_entries(&archive.list())
    }

    pub fn history(&self) -> History<'_> {
        let shape = self.shape.get_or_init(|| History::new(&self.sessions).shape());
        History::with_shape(&self.sessions, shape)
    }

    pub fn index_of(&self, path: &std::path::Path) -> Option<usize> {
        self.paths.iter().position(|p| p == path)
    }
}

/// What the home screen looked like, to go back to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Back {
    pub selected: Option<PathBuf>,
    pub grouped: bool,
}

/// Returns to the home screen as it was left.
pub fn go_back(app: &mut App, back: &Back) {
    app.go_home(back.selected.as_deref());
    if let Screen::Home(home) = &mut app.screen {
        home.grouped = back.grouped;
    }
}

/// The home screen's archive, selection and selected group, if on it.
fn from_home(app: &mut App) -> Option<(Loaded, Back, Option<Group>)> {
    let home = app.home()?;
    let back = Back {
        selected: home.selected_entry().map(|e| e.path.clone()),
        grouped: home.grouped,
    };
    let group = home.selected_group().filter(|g| !g.unreadable).cloned();
    Some((app.library.sessions(), back, group))
}

pub(super) fn open_search(app: &mut App) {
    if let Some((loaded, back, _)) = from_home(app) {
        app.screen = Screen::Search(Box::new(SearchState::new(loaded, back)));
        app.message = None;
    }
}

pub(super) fn open_actions(app: &mut App) {
    if let Some((loaded, back, _)) = from_home(app) {
        app.screen = Screen::Actions(Box::new(ActionsState::new(loaded, back)));
        app.message = None;
    }
}

/// The selected session's group, or a message saying to pick one.
fn partnership(app: &mut App, what: &str) -> Option<(Loaded, Back, Group)> {
    let (loaded, back, group) = from_home(app)?;
    match group {
        Some(group) => Some((loaded, back, group)),
        None => {
            app.message = Some(Message::error(format!(
                "Select a session of a partnership first (↑↓), then press the key for {what} again."
            )));
            None
        }
    }
}

pub(super) fn open_measures(app: &mut App) {
    let Some((loaded, back, group)) = partnership(app, "its measures") else {
        return;
    };
    let first = group.entries.first().and_then(|&i| app.home()?.entries.get(i));
    let index = first.and_then(|e| loaded.index_of(&e.path)).unwrap_or(0);
    app.screen = Screen::Measures(Box::new(MeasuresState::new(loaded, index, back)));
    app.message = None;
}

pub(super) fn open_next_session(app: &mut App) {
    let Some((loaded, back, group)) = partnership(app, "the next session") else {
        return;
    };
    let latest = group.entries.first().and_then(|&i| app.home()?.entries.get(i));
    let Some(index) = latest.and_then(|e| loaded.index_of(&e.path)) else {
        return;
    };
    let state = NextState::new(&loaded, index, app.today, back);
    app.screen = Screen::NextSession(Box::new(state));
    app.message = None;
}

/// Writes the trustee report of the selected partnership, every session in
/// order, as `<partnership>-report.md` in the archive folder.
pub(super) fn write_report(app: &mut App) {
    let Some((loaded, _, group)) = partnership(app, "its report") else {
        return;
    };
    let history = loaded.history();
    let Some(series) = group
        .entries
        .first()
        .and_then(|&i| app.home()?.entries.get(i))
        .and_then(|e| loaded.index_of(&e.path))
        .and_then(|i| history.series_of(i))
    else {
        return;
    };
    let period = Period { from: None, to: None };
    let Some(text) = trustee_pack(&history, series, period, app.today) else {
        return;
    };
    let name = if series.name.is_empty() {
        "sessions".to_string()
    } else {
        slug(&series.name)
    };
    let path = app.archive.dir().join(format!("{name}-report.md"));
    app.message = Some(match files::write_atomic(&path, &text) {
        Ok(()) => Message::success(format!(
            "Report for trustees written to {}",
            app.shown(&path.display().to_string())
        )),
        Err(e) => Message::error(format!("Could not write the report: {}", app.shown(&e))),
    });
}

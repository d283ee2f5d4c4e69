//! The screens that look across sessions (search, actions, measures, the
//! next session) and the trustee report: what they share, and the home
//! screen's doors into them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::actions_view::{self, ActionsState};
use super::measures_view::MeasuresState;
use super::message::Message;
use super::next_session::NextState;
use super::search::SearchState;
use super::timeline::Group;
use super::{App, Screen, files};
use crate::domain::{ActionTable, History, SearchIndex, Session, Shape, slug};
use crate::export::{Period, trustee_pack};
use crate::storage::{Archive, load};

/// Every readable session of the archive with its file, side by side, so a
/// result naming a session by index also names the file to change. Shared
/// between screens and the library, never copied: each session is held in
/// its own `Arc`, so a change to one file makes a new `Loaded` that shares
/// every other session.
///
/// The library holds sessions [`lean`](crate::domain::lean) with their
/// search index made as they were read; [`Loaded::read`] holds them whole
/// (and builds the index from them when first asked).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub paths: Arc<Vec<PathBuf>>,
    pub sessions: Arc<Vec<Arc<Session>>>,
    /// Where the index comes from after files changed, until it is asked for.
    patch: Option<Arc<Patch>>,
    /// How the sessions hang together, worked out on first use and kept:
    /// the actions and measures screens draw from it every frame.
    shape: Arc<OnceLock<Arc<Shape>>>,
    /// The search index, built on first use (the library's worker builds
    /// it before handing a `Loaded` over) and shared by search screens.
    index: Arc<OnceLock<Arc<SearchIndex>>>,
    /// Every action in the actions screen's order with its flags, likewise.
    actions: Arc<OnceLock<Arc<ActionTable>>>,
}

/// An index before some files changed, and each changed session's own
/// index, by its place in the sessions: the index of the sessions now is
/// built from them only when search asks for it (a change made on the
/// actions screen costs nothing until then).
#[derive(Debug, Clone)]
struct Patch {
    base: Arc<SearchIndex>,
    changed: Vec<(usize, Arc<SearchIndex>)>,
}

/// One partnership's sessions, read whole: the files the library lists
/// under that name (the screens that look across every session hold them
/// cut down). Costs the partnership's files, not the archive's.
pub fn read_partnership(library: &super::library::Library, partnership: &str) -> Loaded {
    let wanted = crate::domain::comparable(partnership);
    let paths: Vec<PathBuf> = library
        .listed
        .iter()
        .filter(|l| {
            l.card
                .as_ref()
                .is_ok_and(|c| crate::domain::comparable(&c.partnership) == wanted)
        })
        .map(|l| l.path.clone())
        .collect();
    Loaded::read_paths(paths.iter())
}

impl Loaded {
    /// Reads the sessions in `paths` whole, in that order, on every core;
    /// a file that no longer reads is left out.
    pub fn read_paths<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> Loaded {
        let paths: Vec<&PathBuf> = paths.collect();
        let (paths, sessions) = paths
            .into_par_iter()
            .filter_map(|p| Some((p.clone(), Arc::new(load(p).ok()?))))
            .collect::<Vec<_>>()
            .into_iter()
            .unzip();
        Loaded::new(paths, sessions)
    }

    /// Whole sessions, side by side with `paths`.
    pub fn new(paths: Vec<PathBuf>, sessions: Vec<Arc<Session>>) -> Loaded {
        Loaded {
            paths: Arc::new(paths),
            sessions: Arc::new(sessions),
            patch: None,
            shape: Arc::default(),
            index: Arc::default(),
            actions: Arc::default(),
        }
    }

    /// Reads the whole archive now, every session whole.
    pub fn read(archive: &Archive) -> Loaded {
        let entries = archive.list();
        let (paths, sessions) = entries
            .into_iter()
            .filter_map(|e| Some((e.path, Arc::new(e.session.ok()?))))
            .unzip();
        Loaded::new(paths, sessions)
    }

    /// Sessions whole or lean, side by side with `paths`, with their index.
    pub fn indexed_by(paths: Vec<PathBuf>, sessions: Vec<Arc<Session>>, index: Arc<SearchIndex>) -> Loaded {
        let loaded = Loaded::new(paths, sessions);
        let _ = loaded.index.set(index);
        loaded
    }

    pub fn history(&self) -> History<'_> {
        let refs = || self.sessions.iter().map(|s| s.as_ref()).collect();
        let shape = self.shape.get_or_init(|| History::from_refs(refs()).shape());
        History::with_shape_refs(refs(), shape)
    }

    /// Every action of these sessions as the actions screen lists them,
    /// worked out the first time.
    pub fn action_table(&self) -> Arc<ActionTable> {
        Arc::clone(
            self.actions
                .get_or_init(|| Arc::new(ActionTable::of(&self.history()))),
        )
    }

    /// The search index of these sessions, built the first time.
    pub fn index(&self) -> Arc<SearchIndex> {
        let index = self.index.get_or_init(|| {
            Arc::new(match &self.patch {
                Some(patch) => {
                    let changed: Vec<(usize, &SearchIndex)> =
                        patch.changed.iter().map(|(s, one)| (*s, one.as_ref())).collect();
                    patch.base.patched(&self.sessions, &changed)
                }
                None => SearchIndex::new(&self.sessions),
            })
        });
        Arc::clone(index)
    }

    /// Whether the search index is built (so opening search is instant).
    pub fn indexed(&self) -> bool {
        self.index.get().is_some()
    }

    /// The same sessions with the one at `path` replaced (or added), whole
    /// or lean, with `one`, the search index of that session alone; the
    /// shape and index are worked out again when asked for.
    pub fn with_file(&self, path: &Path, session: Arc<Session>, one: Arc<SearchIndex>) -> Loaded {
        let mut paths = self.paths.as_ref().clone();
        let mut sessions = self.sessions.as_ref().clone();
        let slot = match self.index_of(path) {
            Some(i) => {
                sessions[i] = session;
                i
            }
            None => {
                paths.push(path.to_path_buf());
                sessions.push(session);
                sessions.len() - 1
            }
        };
        let patch = match (&self.patch, self.index.get()) {
            (Some(patch), None) => {
                let mut patch = patch.as_ref().clone();
                patch.changed.retain(|(s, _)| *s != slot);
                patch.changed.push((slot, one));
                patch
            }
            _ => Patch {
                base: self.index(),
                changed: vec![(slot, one)],
            },
        };
        Loaded {
            patch: Some(Arc::new(patch)),
            ..Loaded::new(paths, sessions)
        }
    }

    pub fn index_of(&self, path: &Path) -> Option<usize> {
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

/// The home screen's selection and selected group, if on it.
fn from_home(app: &mut App) -> Option<(Back, Option<Group>)> {
    let home = app.home()?;
    let back = Back {
        selected: home.selected_entry().map(|e| e.path.clone()),
        grouped: home.grouped,
    };
    let group = home.selected_group().filter(|g| !g.unreadable).cloned();
    Some((back, group))
}

pub(super) fn open_search(app: &mut App) {
    if let Some((back, _)) = from_home(app) {
        let reading = app.library.across();
        app.screen = Screen::Search(Box::new(SearchState::new(reading, back)));
        app.message = None;
    }
}

pub(super) fn open_actions(app: &mut App) {
    if let Some((back, _)) = from_home(app) {
        let reading = app.library.across();
        app.screen = Screen::Actions(Box::new(ActionsState::new(reading, back, app.today)));
        app.message = None;
    }
}

/// Keeps the screen looking across sessions up to date with the library's
/// read of them: progress as it goes, the sessions when read, and a new
/// read when the folder changed (a save here, another Roundtable, a sync).
pub(super) fn poll(app: &mut App) {
    let wanted = matches!(
        app.screen,
        Screen::Search(_) | Screen::Actions(_) | Screen::Measures(_)
    );
    if !app.library.poll_across(wanted) || !wanted {
        return;
    }
    let reading = app.library.across();
    match &mut app.screen {
        Screen::Search(state) => state.fill(reading),
        Screen::Actions(state) => {
            state.fill(reading);
            let today = app.today;
            actions_view::keep_selection(state, today);
        }
        Screen::Measures(state) => state.fill(reading),
        _ => {}
    }
}

/// The selected session's group, or a message saying to pick one.
fn partnership(app: &mut App, what: &str) -> Option<(Back, Group)> {
    let (back, group) = from_home(app)?;
    match group {
        Some(group) => Some((back, group)),
        None => {
            app.message = Some(Message::error(format!(
                "Select a session of a partnership first (↑↓), then press the key for {what} again."
            )));
            None
        }
    }
}

/// The files of `group`'s sessions, newest first.
fn paths_of(app: &App, group: &Group) -> Vec<PathBuf> {
    let Some(home) = app.home() else {
        return Vec::new();
    };
    group
        .entries
        .iter()
        .filter_map(|&i| home.entries.get(i).map(|e| e.path.clone()))
        .collect()
}

pub(super) fn open_measures(app: &mut App) {
    let Some((back, group)) = partnership(app, "its measures") else {
        return;
    };
    let first = paths_of(app, &group).into_iter().next();
    let reading = app.library.across();
    app.screen = Screen::Measures(Box::new(MeasuresState::new(reading, first, back)));
    app.message = None;
}

/// The next session starts from the latest one, read whole from its file
/// (the library holds sessions cut down to what the cross-session views read).
pub(super) fn open_next_session(app: &mut App) {
    let Some((back, group)) = partnership(app, "the next session") else {
        return;
    };
    let Some(latest) = paths_of(app, &group).into_iter().next() else {
        return;
    };
    let loaded = Loaded::read_paths(std::iter::once(&latest));
    if loaded.sessions.is_empty() {
        app.message = Some(Message::error(format!(
            "Could not read {}: press r to check the archive again.",
            app.shown(&latest.display().to_string())
        )));
        return;
    }
    let state = NextState::new(&loaded, 0, app.today, back);
    app.screen = Screen::NextSession(Box::new(state));
    app.message = None;
}

/// Writes the trustee report of the selected partnership, every session in
/// order, as `<partnership>-report.md` in the archive folder.
pub(super) fn write_report(app: &mut App) {
    let Some((_, group)) = partnership(app, "its report") else {
        return;
    };
    // The partnership's sessions alone, read whole.
    let paths = paths_of(app, &group);
    let loaded = Loaded::read_paths(paths.iter());
    let history = loaded.history();
    let Some(series) = paths
        .first()
        .and_then(|p| loaded.index_of(p))
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

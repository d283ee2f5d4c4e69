//! The measures view: one partnership's measures over time, each followed
//! by its id through every session, with its readings, baseline, target and
//! whether it is on track; Enter shows one measure as a chart.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;

use super::across::{Back, Loaded, go_back};
use super::keys::{Binding, Key, KeyHelp, describe, help_binding};
use super::library_sessions::Reading;
use super::{App, Screen};
use crate::domain::{MeasureHistory, Series};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Chart,
    Partnership,
    Back,
    Help,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::Up,
        label: "up",
        help: "Select the measure above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::Down,
        label: "down",
        help: "Select the measure below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Chart,
        label: "chart",
        help: "Show the selected measure as a chart, or the table again",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('p')],
        action: Action::Partnership,
        label: "next partnership",
        help: "Show the next partnership's measures",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        label: "back",
        help: "Back (from the chart to the table, from the table to the sessions)",
        in_footer: true,
    },
    help_binding(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Action::Help),
];

pub struct MeasuresState {
    pub loaded: Loaded,
    /// While the archive is read: files read, of how many.
    pub reading: Option<(usize, usize)>,
    /// The library generation `loaded` was read at.
    seen: Option<u64>,
    /// The session whose partnership is shown first.
    first: Option<PathBuf>,
    /// The partnership shown, as an index into the history's series.
    pub series: usize,
    pub selected: usize,
    /// The selected measure is shown as a chart.
    pub chart: bool,
    pub back: Back,
}

impl MeasuresState {
    /// "Reading sessions: N of M…" while the archive is read for the
    /// first time (a later read leaves the table in view until done).
    pub fn reading_words(&self) -> Option<String> {
        Reading::words(self.reading.filter(|_| self.seen.is_none()), false)
    }

    /// Shows the partnership of the session in the file `first`.
    pub fn new(reading: Reading, first: Option<PathBuf>, back: Back) -> MeasuresState {
        let mut state = MeasuresState {
            loaded: Loaded::default(),
            reading: None,
            seen: None,
            first,
            series: 0,
            selected: 0,
            chart: false,
            back,
        };
        state.fill(reading);
        state
    }

    /// Takes in the sessions as last read, when newer than those shown;
    /// the first time, shows the partnership asked for.
    pub fn fill(&mut self, reading: Reading) {
        self.reading = reading.progress;
        let first_time = self.seen.is_none();
        let Some(loaded) = reading.newer(&mut self.seen) else {
            return;
        };
        self.loaded = loaded;
        let history = self.loaded.history();
        if first_time {
            let session = self
                .first
                .as_deref()
                .and_then(|p| self.loaded.index_of(p))
                .unwrap_or(0);
            self.series = history
                .series_of(session)
                .and_then(|s| history.series().iter().position(|x| x == s))
                .unwrap_or(0);
        }
        let n = history.series().len().max(1);
        self.series = self.series.min(n - 1);
        self.selected = self.selected.min(self.count().saturating_sub(1));
    }

    /// The partnership shown and its measures.
    pub fn measures(&self) -> Option<(Series, Vec<MeasureHistory<'_>>)> {
        let history = self.loaded.history();
        let series = history.series().get(self.series)?.clone();
        let measures = history.measures(&series);
        Some((series, measures))
    }

    /// The date a session of the archive met, for reading columns.
    pub fn session_date(&self, index: usize) -> Option<chrono::NaiveDate> {
        self.loaded.sessions.get(index).map(|s| s.date)
    }

    /// The keys for footer and help: no chart without measures, and the
    /// chart's Enter goes back to the table.
    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(KEYS);
        let any = self.count() > 0;
        for (help, binding) in keys.iter_mut().zip(KEYS) {
            match binding.action {
                Action::Chart if !any => help.in_footer = false,
                Action::Chart if self.chart => help.label = "table",
                _ => {}
            }
        }
        keys
    }

    fn count(&self) -> usize {
        self.measures().map_or(0, |(_, m)| m.len())
    }
}

pub(super) fn update(app: &mut App, action: Action) {
    let Screen::Measures(state) = &mut app.screen else {
        return;
    };
    let last = state.count().saturating_sub(1);
    match action {
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Down => state.selected = (state.selected + 1).min(last),
        Action::Chart => state.chart = !state.chart && state.count() > 0,
        Action::Partnership => {
            let n = state.loaded.history().series().len().max(1);
            state.series = (state.series + 1) % n;
            state.selected = 0;
            state.chart = false;
        }
        Action::Help => app.open_help(),
        Action::Back if state.chart => state.chart = false,
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
        }
    }
}

//! The partnership screen: one partnership over the years. Three tabs:
//! attendance and contributions per organisation (with warnings when one
//! stops coming or goes quiet), who does what (goals by organisation), and
//! the health check's trend per principle. Everything shown is worked out
//! when the screen opens, or when the archive changes, never per redraw.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use super::across::{Back, Loaded, go_back};
use super::keys::{Binding, Key, KeyHelp, describe, help_binding};
use super::message::Message;
use super::{App, Screen, files};
use crate::domain::slug;
use crate::domain::{Engagement, Grid, HealthTrend};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    NextTab,
    PreviousTab,
    Attendance,
    WhoDoesWhat,
    Health,
    Partnership,
    /// Draft the partnering agreement from this partnership's sessions
    /// into the archive folder.
    DraftAgreement,
    Back,
    Help,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::Up,
        label: "up",
        help: "Select the row above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::Down,
        label: "down",
        help: "Select the row below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::Right)],
        action: Action::NextTab,
        label: "next tab",
        help: "Show the next tab: attendance, who does what, health",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::BackTab), Key::plain(KeyCode::Left)],
        action: Action::PreviousTab,
        label: "previous tab",
        help: "Show the tab before",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('1')],
        action: Action::Attendance,
        label: "attendance",
        help: "Attendance and contributions per organisation, with warnings",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('2')],
        action: Action::WhoDoesWhat,
        label: "who does what",
        help: "The agreed goals by organisation: overlaps and goals nobody works on",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('3')],
        action: Action::Health,
        label: "health",
        help: "The health check's scores per principle across sessions",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('p')],
        action: Action::Partnership,
        label: "next partnership",
        help: "Show the next partnership",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('g')],
        action: Action::DraftAgreement,
        label: "draft agreement",
        help: "Draft the partnering agreement from what has been agreed, into the archive folder",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        label: "back",
        help: "Back to the sessions",
        in_footer: true,
    },
    help_binding(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Action::Help),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Attendance,
    WhoDoesWhat,
    Health,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Attendance, Tab::WhoDoesWhat, Tab::Health];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Attendance => "Attendance & contributions",
            Tab::WhoDoesWhat => "Who does what",
            Tab::Health => "Health",
        }
    }

    fn step(self, by: isize) -> Tab {
        let at = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Tab::ALL[(at as isize + by).rem_euclid(Tab::ALL.len() as isize) as usize]
    }
}

/// What the screen shows of one partnership, worked out once.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub name: String,
    pub sessions: usize,
    pub engagement: Engagement,
    pub grid: Grid,
    pub health: HealthTrend,
}

impl Figures {
    /// The figures of the `series`-th partnership of `loaded`, as of `today`.
    pub fn of(loaded: &Loaded, series: usize, today: NaiveDate) -> Option<Figures> {
        let history = loaded.history();
        let s = history.series().get(series)?;
        Some(Figures {
            name: s.name.clone(),
            sessions: s.sessions.len(),
            engagement: Engagement::of(&history, s, today),
            grid: Grid::of(&history, s),
            health: HealthTrend::of(&history, s),
        })
    }
}

pub struct PartnershipState {
    loaded: Loaded,
    /// The partnership shown, as an index into the history's series.
    series: usize,
    pub figures: Figures,
    pub tab: Tab,
    /// The selected row of the tab shown.
    pub selected: usize,
    pub back: Back,
    /// The library's generation the figures were worked out from.
    generation: u64,
}

impl PartnershipState {
    /// Shows the partnership of the session at `session` in `loaded`.
    pub fn new(loaded: Loaded, session: usize, today: NaiveDate, back: Back, generation: u64) -> Self {
        let history = loaded.history();
        let series = history
            .series_of(session)
            .and_then(|s| history.series().iter().position(|x| x == s))
            .unwrap_or(0);
        let figures = Figures::of(&loaded, series, today).unwrap_or_default();
        PartnershipState {
            loaded,
            series,
            figures,
            tab: Tab::default(),
            selected: 0,
            back,
            generation,
        }
    }

    /// How many rows the tab shown can select.
    pub fn rows(&self) -> usize {
        match self.tab {
            Tab::Attendance => self.figures.engagement.organisations.len(),
            Tab::WhoDoesWhat => self.figures.grid.goals.len(),
            Tab::Health => crate::domain::Principle::ALL.len(),
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        describe(KEYS)
    }

    fn show(&mut self, tab: Tab) {
        self.tab = tab;
        self.selected = 0;
    }
}

/// Opens the screen on the partnership of the session selected at home.
pub(super) fn open(app: &mut App) {
    let Some(home) = app.home() else {
        return;
    };
    let back = Back {
        selected: home.selected_entry().map(|e| e.path.clone()),
        grouped: home.grouped,
    };
    let path = home
        .selected_group()
        .filter(|g| !g.unreadable)
        .and_then(|g| g.entries.first())
        .and_then(|&i| home.entries.get(i))
        .map(|e| e.path.clone());
    let Some(path) = path else {
        app.message = Some(Message::error(
            "Select a session of a partnership first (↑↓), then press P again for its partnership screen.",
        ));
        return;
    };
    let loaded = app.library.sessions();
    let Some(index) = loaded.index_of(&path) else {
        app.message = Some(Message::error(format!(
            "{} could not be read, so its partnership cannot be shown: run `roundtable check` on it.",
            app.shown(&path.display().to_string())
        )));
        return;
    };
    let state = PartnershipState::new(loaded, index, app.today, back, app.library.generation);
    app.screen = Screen::Partnership(Box::new(state));
    app.message = None;
}

/// Works the figures out again when the archive changed while the screen
/// was open (another Roundtable, a sync, an editor), keeping the tab.
pub(super) fn renew(app: &mut App) {
    let generation = app.library.generation;
    let Screen::Partnership(state) = &app.screen else {
        return;
    };
    if state.generation == generation {
        return;
    }
    let name = crate::domain::comparable(&state.figures.name);
    let loaded = app.library.sessions();
    let today = app.today;
    let Screen::Partnership(state) = &mut app.screen else {
        return;
    };
    let history = loaded.history();
    let series = history
        .series()
        .iter()
        .position(|s| crate::domain::comparable(&s.name) == name)
        .unwrap_or(0);
    drop(history);
    state.figures = Figures::of(&loaded, series, today).unwrap_or_default();
    state.series = series;
    state.loaded = loaded;
    state.generation = generation;
    state.selected = state.selected.min(state.rows().saturating_sub(1));
}

pub(super) fn update(app: &mut App, action: Action) {
    let today = app.today;
    let Screen::Partnership(state) = &mut app.screen else {
        return;
    };
    let last = state.rows().saturating_sub(1);
    match action {
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Down => state.selected = (state.selected + 1).min(last),
        Action::NextTab => state.show(state.tab.step(1)),
        Action::PreviousTab => state.show(state.tab.step(-1)),
        Action::Attendance => state.show(Tab::Attendance),
        Action::WhoDoesWhat => state.show(Tab::WhoDoesWhat),
        Action::Health => state.show(Tab::Health),
        Action::Partnership => {
            let n = state.loaded.history().series().len().max(1);
            state.series = (state.series + 1) % n;
            state.figures = Figures::of(&state.loaded, state.series, today).unwrap_or_default();
            state.selected = 0;
        }
        Action::DraftAgreement => draft_agreement(app),
        Action::Help => app.open_help(),
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
        }
    }
}

/// Writes the partnering agreement drafted from the partnership shown
/// (`g`) into the archive folder, beside the trustee report, where the
/// secretariat can edit and circulate it.
fn draft_agreement(app: &mut App) {
    let Screen::Partnership(state) = &app.screen else {
        return;
    };
    let history = state.loaded.history();
    let Some(series) = history.series().get(state.series) else {
        app.message = Some(Message::info(
            "There is no partnership to draft an agreement for yet.",
        ));
        return;
    };
    let sessions: Vec<_> = series
        .sessions
        .iter()
        .filter_map(|&i| history.session(i))
        .collect();
    let text = crate::export::agreement::draft(&series.name, &sessions, app.today);
    let name = if series.name.is_empty() {
        "sessions".to_string()
    } else {
        slug(&series.name)
    };
    let path = app.archive.dir().join(format!("{name}-agreement.md"));
    app.message = Some(match files::write_atomic(&path, &text) {
        Ok(()) => Message::success(format!(
            "Partnering agreement drafted in {}: parts nobody has agreed yet say \"To be agreed\"",
            app.shown(&path.display().to_string())
        )),
        Err(e) => Message::error(format!("Could not write the agreement: {}", app.shown(&e))),
    });
}

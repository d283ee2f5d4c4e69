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
    /// This partnership's sessions alone, read whole from their files (the
    /// library holds sessions cut down for the other cross-session views).
    loaded: Loaded,
    /// The home screen's group shown, by name, so that it is found again
    /// when the archive changes.
    group: String,
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
    pub fn new(
        loaded: Loaded,
        session: usize,
        group: String,
        today: NaiveDate,
        back: Back,
        generation: u64,
    ) -> Self {
        let history = loaded.history();
        let series = history
            .series_of(session)
            .and_then(|s| history.series().iter().position(|x| x == s))
            .unwrap_or(0);
        let figures = Figures::of(&loaded, series, today).unwrap_or_default();
        PartnershipState {
            loaded,
            group,
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
    let Some(group) = home
        .selected_group()
        .filter(|g| !g.unreadable)
        .map(|g| g.name.clone())
    else {
        app.message = Some(Message::error(
            "Select a session of a partnership first (↑↓), then press P again for its partnership screen.",
        ));
        return;
    };
    let Some((loaded, index)) = read_group(app, &group) else {
        app.message = Some(Message::error(format!(
            "The sessions of {group} could not be read, so its partnership cannot be shown: run `roundtable check`."
        )));
        return;
    };
    let state = PartnershipState::new(loaded, index, group, app.today, back, app.library.generation);
    app.screen = Screen::Partnership(Box::new(state));
    app.message = None;
}

/// The sessions of the library's group called `name`, read whole, and the
/// index of its newest readable one.
fn read_group(app: &App, name: &str) -> Option<(Loaded, usize)> {
    let wanted = crate::domain::comparable(name);
    let group = app
        .library
        .groups
        .iter()
        .find(|g| !g.unreadable && crate::domain::comparable(&g.name) == wanted)?;
    let paths: Vec<_> = group
        .entries
        .iter()
        .filter_map(|&i| app.library.listed.get(i).map(|e| e.path.clone()))
        .collect();
    let loaded = Loaded::read_paths(paths.iter());
    let index = paths.iter().find_map(|p| loaded.index_of(p))?;
    Some((loaded, index))
}

/// The name of the readable group after `name` in the library, wrapping.
fn next_group(app: &App, name: &str) -> Option<String> {
    let names: Vec<&str> = app
        .library
        .groups
        .iter()
        .filter(|g| !g.unreadable)
        .map(|g| g.name.as_str())
        .collect();
    let wanted = crate::domain::comparable(name);
    let at = names.iter().position(|n| crate::domain::comparable(n) == wanted);
    let next = at.map_or(0, |i| (i + 1) % names.len().max(1));
    names.get(next).map(|n| n.to_string())
}

/// Shows the group called `name` (or, when it has gone, the first one),
/// read afresh, keeping the tab.
fn show_group(app: &mut App, name: &str) {
    let found = read_group(app, name).map(|f| (f, name.to_string())).or_else(|| {
        let first = next_group(app, "")?;
        read_group(app, &first).map(|f| (f, first))
    });
    let today = app.today;
    let generation = app.library.generation;
    let Screen::Partnership(state) = &mut app.screen else {
        return;
    };
    state.generation = generation;
    let Some(((loaded, index), group)) = found else {
        state.figures = Figures::default();
        return;
    };
    let history = loaded.history();
    let series = history
        .series_of(index)
        .and_then(|s| history.series().iter().position(|x| x == s))
        .unwrap_or(0);
    drop(history);
    state.figures = Figures::of(&loaded, series, today).unwrap_or_default();
    state.series = series;
    state.loaded = loaded;
    if crate::domain::comparable(&state.group) != crate::domain::comparable(&group) {
        state.selected = 0;
    }
    state.group = group;
    state.selected = state.selected.min(state.rows().saturating_sub(1));
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
    let group = state.group.clone();
    show_group(app, &group);
}

pub(super) fn update(app: &mut App, action: Action) {
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
            let current = state.group.clone();
            if let Some(next) = next_group(app, &current) {
                show_group(app, &next);
            }
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

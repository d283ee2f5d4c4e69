//! `roundtable present SESSION`: a second, read-only window for the
//! projector or an extended display. It shows the presenter view and
//! follows the session file as the facilitator's app saves it (about two
//! seconds after typing stops); it never locks or writes anything.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};

use super::CliError;
use crate::app::keys::{Binding, Key, STEP_KEYS, describe, lookup};
use crate::app::presenter::{self, Presenter};
use crate::domain::{Session, Step};
use crate::storage::{FileWatch, load};
use crate::ui::theme::{Palette, Theme};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session: a title (or part of one), a file name, or a path
    session: String,
    /// Show this step (1–6) rather than the furthest one with anything in it
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=6))]
    step: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Do {
    Quit,
    Private,
    Step,
}

const KEYS: &[Binding<Do>] = &[
    Binding {
        keys: &[Key::ch('q'), Key::plain(KeyCode::Esc), Key::ctrl('c')],
        action: Do::Quit,
        label: "close",
        help: "Close this window (the session is not touched)",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('p')],
        action: Do::Private,
        label: "private",
        help: "Show or hide private notes and who dissented",
        in_footer: true,
    },
    Binding {
        keys: STEP_KEYS,
        action: Do::Step,
        label: "step",
        help: "Show step 1 to 6",
        in_footer: false,
    },
];

/// What the window shows and where it comes from.
struct Window {
    path: PathBuf,
    session: Session,
    /// A step chosen with --step or 1–6; else the session's own.
    step: Option<Step>,
    show: Presenter,
    /// The last time the file could not be read, and why.
    problem: Option<String>,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let path = super::export::find(&args.session, dir)?;
    let session = load(&path)?;
    let watch = FileWatch::new(&path).map_err(|e| {
        CliError::new(format!("cannot follow {}: {e}", path.display()))
            .with_hint("check the folder can be read; `roundtable export` shows the session once")
    })?;
    let mut window = Window {
        path,
        session,
        step: args.step.and_then(|n| Step::ALL.get(usize::from(n) - 1).copied()),
        show: Presenter::default(),
        problem: None,
    };
    let mut terminal = ratatui::try_init().map_err(terminal_failed)?;
    let result = follow(&mut terminal, &mut window, &watch);
    ratatui::restore();
    result.map_err(terminal_failed)?;
    Ok(ExitCode::SUCCESS)
}

fn terminal_failed(e: io::Error) -> CliError {
    CliError::new(format!(
        "the presenter window stopped because the terminal failed: {e}"
    ))
    .with_hint("run `roundtable present` again; the session was not touched")
}

fn follow(terminal: &mut DefaultTerminal, window: &mut Window, watch: &FileWatch) -> io::Result<()> {
    let theme = Theme::new(Palette::HighContrast);
    let keys = describe(KEYS);
    // What the last drawing showed; `None` forces one (at the start and
    // after a resize). An idle window draws nothing: only a key, a change
    // to the file or the clock's displayed second leads to a drawing.
    let mut drawn: Option<Shown> = None;
    loop {
        let shown = shown(window, chrono::Utc::now());
        if drawn.as_ref() != Some(&shown) {
            terminal.draw(|frame| {
                crate::ui::presenter::draw(frame, frame.area(), &shown.slide, &keys, &shown.status, &theme);
            })?;
            drawn = Some(shown);
        }
        if event::poll(Duration::from_millis(100))? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => match lookup(KEYS, &key) {
                    Some(Do::Quit) => return Ok(()),
                    Some(Do::Private) => window.show.private = !window.show.private,
                    Some(Do::Step) => window.step = presenter::step_for(key.code).or(window.step),
                    None => {}
                },
                Event::Resize(..) => drawn = None,
                _ => {}
            }
        }
        if watch.changed(Duration::from_millis(100)) {
            reload(window);
        }
    }
}

/// Everything the window draws, compared to know when to draw again.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    slide: presenter::Slide,
    status: String,
}

fn shown(window: &Window, now: chrono::DateTime<chrono::Utc>) -> Shown {
    let step = window
        .step
        .unwrap_or_else(|| presenter::likely_step(&window.session));
    let status = match &window.problem {
        Some(problem) => problem.clone(),
        None => format!("read-only · {}", file_name(&window.path)),
    };
    Shown {
        slide: presenter::slide(&window.session, step, window.show, now),
        status,
    }
}

/// Reads the file again; a half-written or broken file keeps the last good
/// copy on screen and says so.
fn reload(window: &mut Window) {
    match load(&window.path) {
        Ok(session) => {
            window.session = session;
            window.problem = None;
        }
        Err(e) => {
            window.problem = Some(format!(
                "Showing the last good copy: {} cannot be read ({e})",
                file_name(&window.path)
            ))
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    fn window(session: Session) -> Window {
        Window {
            path: PathBuf::from("s.ron"),
            session,
            step: None,
            show: Presenter::default(),
            problem: None,
        }
    }

    /// The loop draws only when `shown` changes: an idle window with no
    /// clock running draws nothing, a running clock once a second.
    #[test]
    fn an_idle_window_has_nothing_new_to_draw_until_the_clock_moves() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        let mut session = Session::new("Spring partners", "P", date, at(0));
        session.plan = crate::domain::Plan::parse("opening 10\ngoals 20\n").unwrap_or_default();
        let mut window = window(session);
        assert_eq!(
            shown(&window, at(1)),
            shown(&window, at(500)),
            "paused: nothing moves"
        );
        window.session.plan.start(at(0));
        assert_eq!(shown(&window, at(64)), shown(&window, at(64)));
        assert_ne!(
            shown(&window, at(64)),
            shown(&window, at(65)),
            "the clock's second moved"
        );
        let before = shown(&window, at(64));
        window.show.private = true;
        assert_ne!(
            shown(&window, at(64)),
            before,
            "a key that changes the view draws"
        );
    }
}

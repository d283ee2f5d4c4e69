//! The terminal: set it up, run the app's event loop, and always restore it,
//! also after an error, a signal or a panic, saving the open session first.

use std::io::{self, IsTerminal, stdout};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{Local, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::app::guard::{self, Shared};
use crate::app::library::Library;
use crate::app::{Action, App, Effect, recovery};
use crate::storage::Archive;
use crate::ui::{self, theme::Theme};

/// How often the loop wakes without input: for autosave, the recovery
/// journal, signals, and the meeting clock. Waking costs next to nothing;
/// drawing is done only when what is on screen changed.
const TICK: Duration = Duration::from_millis(250);

/// Runs the interactive app on `archive` until the user quits. Returns
/// whether everything was saved: `false` when the open session could not be
/// (what happened and where the work is kept is printed).
pub fn run(archive: Archive, setup: impl FnOnce(&mut App)) -> io::Result<bool> {
    let now = Utc::now();
    let dir = archive.dir().to_path_buf();
    // The list is drawn from the cards remembered last time; the folder is
    // checked in the background (see `app::library`).
    let library = Library::remembered(&archive);
    let mut app =
        App::with_library(archive, library, Theme::from_env(), now).with_offset(*Local::now().offset(), now);
    setup(&mut app);
    app.guard.write_in_background();
    crate::app::sharing::check_in_background(&mut app);
    // Ours first, so ratatui's hook (installed by `try_init`) restores the
    // screen before this one runs and the panic message is printed.
    install_panic_hook(app.guard.shared(), dir.clone());
    let stop = stop_on_signals()?;
    let finished = Arc::new(AtomicBool::new(false));
    watchdog(
        Arc::clone(&stop),
        Arc::clone(&finished),
        app.guard.shared(),
        dir.clone(),
    );
    let mut terminal = ratatui::try_init()?;
    // The list first: checking the folder and looking for unsaved work
    // read all of it.
    let _ = terminal.draw(|frame| ui::view(&app, frame));
    app.library.refresh();
    recovery::offer_pending(&mut app);
    let result = enter_extras().and_then(|()| event_loop(&mut terminal, &mut app, &stop));
    // However the loop ended (quit, a signal, the terminal gone), the open
    // session is saved or kept in a recovery file before anything else.
    let note = guard::shutdown(&mut app, Utc::now());
    finished.store(true, Ordering::Relaxed);
    leave_extras();
    ratatui::restore();
    let saved = note.is_none();
    if let Some(note) = note {
        tell(&note);
    }
    result.map(|()| saved)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let had_terminal = io::stdin().is_terminal();
    // What the last drawing showed that can change without a key; `None`
    // forces a drawing (at the start and after every input).
    let mut drawn: Option<crate::app::clock::OnScreen> = None;
    while !app.quit {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // A terminal that hung up without a SIGHUP reaching us (its window
        // closed under a shell that does not pass it on) reads as endless
        // end-of-file; it is no longer a terminal, so stop as for SIGHUP.
        if had_terminal && !io::stdin().is_terminal() {
            return Ok(());
        }
        let step = (|| {
            // Only when something changed: an input, or a tick that saved,
            // showed a message or moved the clock's displayed second.
            let now = app.on_screen(app.now);
            if drawn.as_ref() != Some(&now) {
                terminal.draw(|frame| ui::view(app, frame))?;
                drawn = Some(now);
            }
            // A resize is an event too and leads to a redraw at the new size.
            if event::poll(TICK)? {
                let event = event::read()?;
                app.handle_event(&event, Utc::now());
                carry_out(terminal, app)?;
                drawn = None;
            }
            Ok(())
        })();
        match step {
            // A signal can interrupt a read; the flag says what to do.
            Err(_) if stop.load(Ordering::Relaxed) => return Ok(()),
            Err(e) => return Err(e),
            Ok(()) => app.update(Action::Tick, Utc::now()),
        }
    }
    Ok(())
}

/// Bracketed paste (pasted text arrives as text) and the mouse, on top of
/// what ratatui sets up.
fn enter_extras() -> io::Result<()> {
    execute!(stdout(), EnableBracketedPaste, EnableMouseCapture)
}

/// Undoes `enter_extras`; on the way out, so errors change nothing.
fn leave_extras() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// Does what the app asked for in its last update (see `app::Effect`).
fn carry_out(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    use std::io::Write;
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(sequence) => {
                let mut out = stdout();
                out.write_all(sequence.as_bytes())?;
                out.flush()?;
            }
            Effect::Edit(text) => {
                let result = suspended(terminal, || crate::app::editor::run(&text))?;
                app.update(Action::Edited(result), Utc::now());
            }
        }
    }
    Ok(())
}

/// Runs `job` with the terminal as the shell had it (main screen, cooked
/// mode, no mouse), for a program that needs the whole terminal, then takes
/// the terminal back and redraws everything.
fn suspended<T>(terminal: &mut DefaultTerminal, job: impl FnOnce() -> T) -> io::Result<T> {
    leave_extras();
    execute!(stdout(), LeaveAlternateScreen)?;
    disable_raw_mode()?;
    let _ = terminal.show_cursor();
    let out = job();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    enter_extras()?;
    // The screen is blank now, not what ratatui last drew: a blank frame
    // makes them agree, so the next drawing is complete. (Not
    // `Terminal::clear`, which asks the terminal where its cursor is.)
    execute!(stdout(), Clear(ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(out)
}

/// SIGTERM, SIGHUP (the terminal window was closed) and SIGINT set a flag
/// the loop checks, so the session is saved and the terminal restored. A
/// second signal while that is under way changes nothing: the save is
/// finished first (and the watchdog ends a loop that cannot finish).
fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Finishes from outside the loop when it cannot: a terminal that went away
/// under a read can leave the loop stuck in it for good. When a signal came
/// (or the terminal is gone) and the loop has not finished three seconds
/// later, the open session is finished from here by the same rules (never
/// over another program's edit, the lock released) and the process ends.
fn watchdog(stop: Arc<AtomicBool>, finished: Arc<AtomicBool>, shared: Shared, dir: PathBuf) {
    let had_terminal = io::stdin().is_terminal();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if stop.load(Ordering::Relaxed) || (had_terminal && !io::stdin().is_terminal()) {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        std::thread::sleep(Duration::from_secs(3));
        if finished.load(Ordering::Relaxed) {
            return;
        }
        // Waits for the loop when it is finishing the session itself.
        if let Some(note) = guard::finish_outside(&shared, &dir, Utc::now()) {
            tell(&note);
        }
        std::process::exit(1);
    });
}

/// After the terminal is restored and the panic reported, writes the
/// unsaved session to a recovery file and says where it is.
fn install_panic_hook(shared: Shared, dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_extras();
        previous(info);
        // try_lock: the panic may have happened while the loop held it.
        if let Some((path, session)) = shared.unsaved() {
            tell(&rescue(&dir, &path, &session));
        }
    }));
}

fn rescue(dir: &Path, path: &Path, session: &crate::domain::Session) -> String {
    guard::keep(dir, path, session, "Roundtable stopped because of a bug.")
}

/// Prints a closing note to stderr. Unlike `eprintln!`, a terminal that is
/// gone (its window closed) is no reason to panic on the way out. Notes name
/// files and sessions, which anyone could have filled with escape codes, so
/// they pass through the same cleaning as everything else printed.
fn tell(note: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{}", crate::domain::clean_lines(note));
}

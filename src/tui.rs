//! The terminal: set it up, run the app's event loop, and always restore it,
//! also after an error or a panic.

use std::io::stdout;
use std::time::Duration;

use chrono::{Local, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::storage::Archive;
use crate::ui::{self, theme::Theme};

const TICK: Duration = Duration::from_secs(1);

/// Runs the interactive app on `archive` until the user quits.
pub fn run(archive: Archive) -> std::io::Result<()> {
    // Ours first, so ratatui's hook (installed by `try_init`) restores the
    // screen before this one runs and the panic message is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(stdout(), EnableBracketedPaste).and_then(|()| event_loop(&mut terminal, archive));
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, archive: Archive) -> std::io::Result<()> {
    let now = Utc::now();
    let mut app = App::new(archive, Theme::from_env(), now).with_offset(*Local::now().offset(), now);
    while !app.quit {
        terminal.draw(|frame| ui::view(&app, frame))?;
        // Redraw at least every second so clocks on screen move; a resize
        // is an event too and leads to a redraw at the new size.
        if event::poll(TICK)? {
            let event = event::read()?;
            app.handle_event(&event, Utc::now());
        }
    }
    Ok(())
}

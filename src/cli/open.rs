//! `roundtable` with no command: open the interactive app on the archive,
//! in the theme chosen, or on a read-only copy of the example sessions.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use crate::app::examples;
use crate::storage::{Archive, read_state, state_file};
use crate::ui::theme::{self, Palette, THEME_ENV, Theme};

#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Colours for a dark or light terminal, or high contrast for a
    /// projector; also $ROUNDTABLE_THEME [default: the last one chosen with
    /// t in the app, else the config file's, else dark]
    #[arg(long, value_name = "THEME", value_parser = ["dark", "light", "high-contrast"])]
    theme: Option<String>,

    /// Look at the example sessions: a temporary, read-only copy that never
    /// touches your archive
    #[arg(long)]
    examples: bool,
}

impl Args {
    /// `--theme` and `--examples` are about the app, which a command does
    /// not open: say so rather than ignore them.
    pub fn only_without_command(&self) -> Result<(), CliError> {
        if self.theme.is_none() && !self.examples {
            return Ok(());
        }
        Err(
            CliError::new("--theme and --examples choose how the app opens, and a command does not open it")
                .with_hint("run `roundtable --examples` or `roundtable --theme light` on its own"),
        )
    }
}

pub fn run(args: Args, dir: Option<&Path>, config: &crate::config::Loaded) -> Result<ExitCode, CliError> {
    let state_file = state_file();
    let remembered = state_file.as_deref().map(read_state).and_then(|s| s.theme);
    // The theme chosen in the app (remembered) is the later choice, so it
    // wins over the config file's.
    let remembered = remembered.or_else(|| config.config.theme.map(|t| t.name().to_string()));
    let env = std::env::var(THEME_ENV).ok();
    let palette: Palette = theme::choose(args.theme.as_deref(), env.as_deref(), remembered.as_deref())
        .map_err(|e| CliError::new(e).with_hint(format!("unset {THEME_ENV}, or choose with --theme")))?;
    let archive = Archive::resolve(dir)?;
    let setup = |app: &mut crate::app::App| {
        app.theme = Theme::new(palette);
        app.state_file = state_file;
        if let Some(problem) = config.home_message() {
            app.message = Some(crate::app::message::Message::error(problem));
        }
        if args.examples {
            examples::toggle(app);
        }
    };
    let saved = crate::tui::run(archive, setup).map_err(|e| {
        CliError::new(format!("the app stopped because the terminal failed: {e}"))
            .with_hint("your sessions are saved; run `roundtable` again, or use `roundtable list`")
    })?;
    // A session that could not be saved is an error for scripts too.
    Ok(if saved {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

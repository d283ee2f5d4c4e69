//! The config file: what a person sets once for every run, in RON like the
//! sessions, in the platform's config folder (e.g.
//! `~/.config/roundtable/config.ron`; `$ROUNDTABLE_CONFIG` names another).
//!
//! Roundtable only ever reads it. Each field is read on its own, so one
//! mistake (a typo, a wrong type, an unknown action, a key that clashes)
//! costs only that part: the rest applies, the bad part keeps its built-in
//! default, and every problem is reported as `file:line:col` with what to
//! do — on the home screen at start, and by `roundtable config`.
//!
//! Precedence, highest first: a command-line flag, an environment
//! variable, this file, the built-in default.

mod example;
mod locate;
mod parse;

use std::cell::RefCell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use example::{EXAMPLE, keys_reference};

use crate::app::key_layer::{self, Layer};
use crate::domain::{Audience, MAX_MINUTES, Part, Plan};
use crate::ui::theme::Palette;

/// The environment variable that names the config file instead.
pub const CONFIG_ENV: &str = "ROUNDTABLE_CONFIG";

const FILE: &str = "config.ron";

/// What the file sets; `None` or empty for what it leaves to the default.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub archive: Option<PathBuf>,
    pub theme: Option<Palette>,
    pub audience: Option<Audience>,
    /// Minutes for parts of new sessions' plans.
    pub time_boxes: Vec<(Part, u32)>,
    pub keys: Layer,
    /// How many key overrides apply.
    pub key_count: usize,
}

/// One thing wrong in the file, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

/// The config as read at start: where from, what applies, what did not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Where the file is (or would be); none without a home folder.
    pub path: Option<PathBuf>,
    pub exists: bool,
    pub config: Config,
    pub problems: Vec<Problem>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl Loaded {
    /// Each problem as `file:line:col: message` then `  hint: …`.
    pub fn report(&self) -> Vec<String> {
        let file = self.file_name();
        self.problems
            .iter()
            .map(|p| format!("{file}:{p}\n  hint: {}", p.hint))
            .collect()
    }

    /// The one line for the home screen at start, when something is wrong.
    pub fn home_message(&self) -> Option<String> {
        let first = self.problems.first()?;
        let more = match self.problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        Some(format!(
            "Config {}:{first}{more}. That part uses the default; run `roundtable config` for what to do.",
            self.file_name()
        ))
    }

    fn file_name(&self) -> String {
        self.path
            .as_deref()
            .map_or_else(|| FILE.to_string(), |p| p.display().to_string())
    }
}

/// Where the config file is: `$ROUNDTABLE_CONFIG`, else `config.ron` in the
/// platform's config folder.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        Some(path) => Some(PathBuf::from(path)),
        None => directories::ProjectDirs::from("org", "Roundtable", "roundtable")
            .map(|p| p.config_dir().join(FILE)),
    }
}

/// Reads the config file; a missing one is no problem (built-in defaults).
pub fn load() -> Loaded {
    match path() {
        Some(path) => load_from(&path),
        None => Loaded::default(),
    }
}

pub fn load_from(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        path: Some(path.to_path_buf()),
        ..Loaded::default()
    };
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => loaded.problems.push(Problem {
            line: 1,
            col: 1,
            message: format!("could not be read: {e}"),
            hint: format!(
                "check the file's permissions, or unset {CONFIG_ENV}; Roundtable runs on its defaults"
            ),
        }),
        Ok(bytes) => {
            loaded.exists = true;
            match String::from_utf8(bytes) {
                Ok(text) => (loaded.config, loaded.problems) = parse::parse(&text),
                Err(_) => loaded.problems.push(Problem {
                    line: 1,
                    col: 1,
                    message: "is not text (UTF-8)".into(),
                    hint: "save it as UTF-8 text; `roundtable config --example` prints one to start from"
                        .into(),
                }),
            }
        }
    }
    loaded
}

thread_local! {
    static CURRENT: RefCell<Rc<Config>> = RefCell::new(Rc::new(Config::default()));
}

/// Puts `config` in force on this thread (the one that handles input):
/// its keys, time boxes and default audience.
pub fn install(config: &Config) {
    key_layer::install(config.keys.clone());
    CURRENT.with(|c| *c.borrow_mut() = Rc::new(config.clone()));
}

/// The default audience of minutes from the config in force, if it sets one.
pub fn audience() -> Option<Audience> {
    CURRENT.with(|c| c.borrow().audience)
}

/// `plan` with the config's time boxes in force (for a new session).
pub fn with_time_boxes(mut plan: Plan) -> Plan {
    CURRENT.with(|c| apply_time_boxes(&mut plan, &c.borrow().time_boxes));
    plan
}

fn apply_time_boxes(plan: &mut Plan, boxes: &[(Part, u32)]) {
    for slot in &mut plan.slots {
        if let Some((_, minutes)) = boxes.iter().find(|(part, _)| *part == slot.part) {
            slot.minutes = (*minutes).min(MAX_MINUTES);
        }
    }
}

#[cfg(test)]
mod tests;

//! `roundtable config`: where the config file is, whether it reads, and
//! what it sets; `--example` prints a commented file to start from,
//! `--keys` every key table and action. It never writes the file.

use std::process::ExitCode;

use super::CliError;
use super::output::{print, warn};
use crate::config::{self, CONFIG_ENV, EXAMPLE, Loaded, keys_reference};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Start one: roundtable config --example > \"$(roundtable config --path)\"
(only when there is none yet: Roundtable never writes over it)."
)]
pub struct Args {
    /// Print only the file's path
    #[arg(long, conflicts_with_all = ["example", "keys"])]
    path: bool,
    /// Print a config file with every setting, commented
    #[arg(long, conflicts_with = "keys")]
    example: bool,
    /// List the key tables and actions `keys` may change, with their keys
    #[arg(long)]
    keys: bool,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    if args.example {
        print(EXAMPLE)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.keys {
        print(&keys_reference())?;
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = config::load();
    let Some(path) = loaded.path.as_deref() else {
        return Err(
            CliError::new("there is no config folder for this user (no home folder)")
                .with_hint(format!("set {CONFIG_ENV} to the file to use")),
        );
    };
    if args.path {
        print(&format!("{}\n", path.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&summary(&loaded))?;
    for line in loaded.report() {
        warn(&line);
    }
    Ok(if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Where the file is and what it sets, one line each.
fn summary(loaded: &Loaded) -> String {
    let path = loaded
        .path
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if !loaded.exists {
        return format!(
            "Config file: {path} (not there: Roundtable runs on its built-in defaults)\n\
             Start one with: roundtable config --example > \"{path}\"\n"
        );
    }
    let c = &loaded.config;
    let or_default = |v: Option<String>| v.unwrap_or_else(|| "the default".into());
    let boxes: Vec<String> = c
        .time_boxes
        .iter()
        .map(|(part, minutes)| format!("{} {minutes} min", part.label()))
        .collect();
    let mut out = format!("Config file: {path}\n");
    out += &format!(
        "  archive:    {}\n",
        or_default(c.archive.as_ref().map(|p| p.display().to_string()))
    );
    out += &format!(
        "  theme:      {}\n",
        or_default(c.theme.map(|t| t.name().to_string()))
    );
    out += &format!(
        "  audience:   {}\n",
        or_default(c.audience.map(|a| a.name().to_string()))
    );
    out += &format!(
        "  time boxes: {}\n",
        if boxes.is_empty() {
            "the shipped plans'".into()
        } else {
            boxes.join(", ")
        }
    );
    out += &format!("  keys:       {} changed\n", c.key_count);
    out += &match loaded.problems.len() {
        0 => "It reads without a problem.\n".to_string(),
        n => format!(
            "{n} problem{} (below): {} the default until fixed.\n",
            if n == 1 { "" } else { "s" },
            if n == 1 {
                "that part uses"
            } else {
                "those parts use"
            }
        ),
    };
    out
}

//! `roundtable completions SHELL`: the shell's completion script, generated
//! from the same clap definitions that parse the command line, so it can
//! never offer a subcommand or flag that does not exist.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, CliError};

#[derive(Debug, clap::Args)]
#[command(after_help = "Install, for example:
  bash:  roundtable completions bash > ~/.local/share/bash-completion/completions/roundtable
  zsh:   roundtable completions zsh > ~/.zfunc/_roundtable   (with fpath+=~/.zfunc before compinit)
  fish:  roundtable completions fish > ~/.config/fish/completions/roundtable.fish")]
pub struct Args {
    /// The shell to complete for
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "roundtable", &mut script);
    write_raw(&script)
}

/// Writes generated text as it is: scripts and roff are ours, built from our
/// own definitions, and cleaning would break their escapes. A closed pipe is
/// not an error.
pub(super) fn write_raw(bytes: &[u8]) -> Result<ExitCode, CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("could not write the output: {e}")))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

//! `roundtable man`: the manual page (roff), generated from the clap
//! definitions with clap_mangen: the main page, then one section per
//! subcommand, so `man` and `--help` say the same thing.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::Man;

use super::completions::write_raw;
use super::{Cli, CliError};

#[derive(Debug, clap::Args)]
#[command(after_help = "Install, for example:
  roundtable man > ~/.local/share/man/man1/roundtable.1   (then: man roundtable)
Read it without installing: roundtable man | man -l -")]
pub struct Args {}

pub fn run(_args: Args) -> Result<ExitCode, CliError> {
    let page = render().map_err(|e| CliError::new(format!("could not write the manual page: {e}")))?;
    write_raw(&page)
}

/// The whole page: `roundtable` itself, then each subcommand under its own
/// heading (clap_mangen writes one command per page; one file is easier to
/// install).
fn render() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    Man::new(cmd.clone()).render(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name();
        out.extend_from_slice(format!(".SH \"ROUNDTABLE {}\"\n", name.to_uppercase()).as_bytes());
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        out.extend_from_slice(format!("{}\n", escape(&about)).as_bytes());
        let mut section = Vec::new();
        Man::new(sub.clone()).render_synopsis_section(&mut section)?;
        Man::new(sub.clone()).render_options_section(&mut section)?;
        // Each part comes with its own `.SH` heading; lower them to `.SS`
        // so they sit under this subcommand's heading.
        let text = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
        out.extend_from_slice(text.as_bytes());
    }
    Ok(out)
}

/// Text safe in roff: a leading dot or quote would start a request, and a
/// backslash an escape.
fn escape(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e");
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_a_title_and_every_subcommand() {
        let page = String::from_utf8(render().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH roundtable"),
            "{}",
            &page[..200]
        );
        for sub in Cli::command().get_subcommands() {
            if sub.get_name() != "help" {
                assert!(page.contains(&format!("ROUNDTABLE {}", sub.get_name().to_uppercase())));
            }
        }
        assert_eq!(escape(".x\n'y\\z"), "\\&.x\n\\&'y\\ez");
    }
}

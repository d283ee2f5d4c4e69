//! Word and PDF through pandoc, when it is installed: Roundtable writes the
//! Markdown, pandoc turns it into the document, written next to where it
//! goes and renamed into place only once complete.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::CliError;

/// What to install when pandoc is missing, and what works without it.
const INSTALL_PANDOC: &str = "install pandoc (Debian/Ubuntu: `sudo apt install pandoc`, \
macOS: `brew install pandoc`, Windows: `winget install pandoc`, or https://pandoc.org/installing.html); \
or write --format html and print it from a browser";

/// PDF engines pandoc can use, in the order tried: the HTML ones honour
/// our page layout best; the LaTeX ones need a TeX installation, and
/// pdflatex is last as it stumbles on characters outside Latin-1.
const PDF_ENGINES: &[&str] = &[
    "weasyprint",
    "wkhtmltopdf",
    "typst",
    "xelatex",
    "lualatex",
    "tectonic",
    "pdflatex",
];

/// The minutes as pandoc should read them: CommonMark with the tables we
/// write, and never raw HTML (ours escapes it; this says so twice).
const FROM: &str = "commonmark+pipe_tables+strikeout-raw_html";

/// Which document pandoc writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Pdf,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Docx => "docx",
            Kind::Pdf => "pdf",
        }
    }
}

/// Writes `markdown` to `out` as `kind` through pandoc.
pub fn convert(markdown: &str, kind: Kind, out: &Path) -> Result<(), CliError> {
    let pandoc = on_path("pandoc").ok_or_else(|| {
        CliError::new(format!(
            "cannot write {}: {} needs pandoc, which is not installed (not found on PATH)",
            out.display(),
            kind.name()
        ))
        .with_hint(INSTALL_PANDOC)
    })?;
    let mut args: Vec<OsString> = vec!["--from".into(), FROM.into(), "--to".into(), kind.name().into()];
    if kind == Kind::Pdf {
        let engine = PDF_ENGINES.iter().find_map(|e| on_path(e)).ok_or_else(|| {
            CliError::new(format!(
                "cannot write {}: pandoc needs a PDF engine, and none is installed ({})",
                out.display(),
                PDF_ENGINES.join(", ")
            ))
            .with_hint(
                "install one (Debian/Ubuntu: `sudo apt install weasyprint`, or `texlive-xetex`); \
                 or write --format html and print it to PDF from a browser",
            )
        })?;
        args.push("--pdf-engine".into());
        args.push(engine.into_os_string());
        // LaTeX engines otherwise leave the page margins very wide.
        args.push("--variable=geometry:margin=2cm".into());
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".roundtable-export-")
        .suffix(&format!(".{}", kind.name()))
        .tempfile_in(dir)
        .map_err(|e| CliError::new(format!("cannot write in {}: {e}", dir.display())))?;
    args.push("--output".into());
    args.push(temp.path().as_os_str().to_owned());
    run(&pandoc, &args, markdown)?;
    // Like the Markdown: new files readable by this user only (what was
    // said in the room stays private); a file replaced keeps its own.
    if let Ok(meta) = std::fs::metadata(out) {
        let _ = std::fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(out)
        .map_err(|e| CliError::new(format!("cannot write {}: {}", out.display(), e.error)))?;
    Ok(())
}

/// Runs pandoc with `markdown` on its standard input.
fn run(pandoc: &Path, args: &[OsString], markdown: &str) -> Result<(), CliError> {
    let mut child = Command::new(pandoc)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            CliError::new(format!("cannot run {}: {e}", pandoc.display())).with_hint(INSTALL_PANDOC)
        })?;
    if let Some(mut input) = child.stdin.take() {
        // A pandoc that stops reading early says why on stderr, read below.
        let _ = input.write_all(markdown.as_bytes());
    }
    let done = child
        .wait_with_output()
        .map_err(|e| CliError::new(format!("pandoc did not finish: {e}")))?;
    if done.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&done.stderr);
    let said = said.trim();
    Err(CliError::new(format!(
        "pandoc failed ({}){}",
        done.status,
        if said.is_empty() {
            String::new()
        } else {
            format!(": {said}")
        }
    ))
    .with_hint("nothing was written; --format html gives the same minutes without pandoc"))
}

/// Where `program` is on PATH, if anywhere.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let names: Vec<String> = if cfg!(windows) {
        vec![
            format!("{program}.exe"),
            format!("{program}.cmd"),
            program.to_string(),
        ]
    } else {
        vec![program.to_string()]
    };
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|candidate| is_program(candidate))
}

#[cfg(unix)]
fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(path: &Path) -> bool {
    path.is_file()
}

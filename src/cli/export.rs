//! `roundtable export`: a session's minutes for trustees, as Markdown, one
//! printable HTML page, or Word and PDF through pandoc.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use crate::domain::Audience;
use crate::storage::{load, remembered_audience, state_file, write_atomic};

/// What `roundtable export SESSION` needs; the command line itself is
/// defined in `pack.rs`, which also offers the partnership report.
#[derive(Debug)]
pub struct Args {
    pub session: String,
    pub output: Option<PathBuf>,
    /// Who the minutes are for; when not given, the audience remembered for
    /// the session's partnership (chosen in the app), else partners.
    pub audience: Option<Audience>,
    /// As what; when not given, from the output file's extension, else
    /// Markdown.
    pub format: Option<Document>,
}

/// The documents the minutes (or a report) can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl Document {
    /// What an output file's name asks for, if anything.
    fn from_file(out: &Path) -> Option<Document> {
        let ext = out.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Document::Html),
            "docx" => Some(Document::Docx),
            "pdf" => Some(Document::Pdf),
            _ => None,
        }
    }

    /// `format` if given, else what `out`'s name says, else Markdown.
    pub fn choose(format: Option<Document>, out: Option<&Path>) -> Document {
        format
            .or_else(|| out.and_then(Document::from_file))
            .unwrap_or(Document::Markdown)
    }
}

/// Writes `markdown` as `document`: to `out` (atomically) when given, else
/// to stdout. Word and PDF are files, so they need `out`.
pub(super) fn deliver(markdown: &str, document: Document, out: Option<&Path>) -> Result<(), CliError> {
    let kind = match document {
        Document::Markdown | Document::Html => {
            let text = match document {
                Document::Html => crate::export::html_document(markdown),
                _ => markdown.to_string(),
            };
            return match out {
                Some(out) => Ok(write_atomic(out, text.as_bytes())?),
                None => print(&text),
            };
        }
        Document::Docx => super::pandoc::Kind::Docx,
        Document::Pdf => super::pandoc::Kind::Pdf,
    };
    let name = if kind == super::pandoc::Kind::Docx {
        "docx"
    } else {
        "pdf"
    };
    let out = out.ok_or_else(|| {
        CliError::new(format!("a {name} file cannot be shown on the screen"))
            .with_hint(format!("name the file to write, e.g. -o minutes.{name}"))
    })?;
    super::pandoc::convert(markdown, kind, out)
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    if let Some(out) = &args.output
        && out.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Err(CliError::new(format!(
            "{} looks like a session file; minutes are Markdown",
            out.display()
        ))
        .with_hint("write them to a .md file, e.g. -o minutes.md"));
    }
    let path = find(&args.session, dir)?;
    let session = load(&path)?;
    let audience = args
        .audience
        .unwrap_or_else(|| remembered_audience(state_file().as_deref(), &session.partnership));
    let minutes = crate::app::files::minutes_with_progress(&path, &session, audience);
    let document = Document::choose(args.format, args.output.as_deref());
    deliver(&minutes, document, args.output.as_deref())?;
    if let Some(out) = &args.output {
        print(&format!(
            "Minutes written to {} (for {})\n",
            out.display(),
            audience.name()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A path to an existing file is used as is, without touching the archive.
pub(super) fn find(session: &str, dir: Option<&Path>) -> Result<PathBuf, CliError> {
    let direct = Path::new(session);
    if direct.is_file() {
        return Ok(direct.to_path_buf());
    }
    match super::folder::existing(dir)? {
        Ok(archive) => Ok(archive.find(session)?),
        Err(missing) => {
            let what = format!("no session called \"{}\"", session.trim());
            Err(super::folder::missing(&what, &missing))
        }
    }
}

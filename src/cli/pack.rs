//! `roundtable export --partnership P`: the trustee pack for a partnership
//! (or its actions or measures as CSV), and reading the whole archive for
//! the commands that look across sessions.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};

use super::CliError;
use super::export::Document;
use super::output::{print, warn};
use crate::domain::{Audience, History, Series, Session, Texts, parse_date};
use crate::export::{Period, actions_csv, measures_csv, trustee_pack_for};
use crate::storage::{
    Archive, Depth, Extracts, Remembering, Stamp, StorageError, Unread, extracted_later, write_atomic,
};

/// `roundtable export`: one session's minutes, or a partnership's pack.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session: a file path, or a file name, id or title from the archive
    #[arg(required_unless_present = "partnership", conflicts_with = "partnership")]
    session: Option<String>,
    /// Write to this file instead of the screen
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write a report on every session of this partnership instead (part of its name is enough)
    #[arg(long, value_name = "NAME")]
    partnership: Option<String>,
    /// With --partnership: leave out sessions before this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// With --partnership: leave out sessions after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// What to write: md (the default), html, docx or pdf (docx and pdf
    /// need pandoc); with --partnership also actions-csv or measures-csv.
    /// When not given, from the -o file's extension
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Who it is for: public, partners or trustees. Minutes default to the
    /// audience remembered for the partnership (else partners); the report
    /// defaults to trustees
    #[arg(long, value_name = "WHO", value_parser = parse_audience)]
    audience: Option<Audience>,
}

impl Format {
    /// The document this format asks for; none for the CSV files.
    fn document(self) -> Option<Document> {
        match self {
            Format::Md | Format::Report => Some(Document::Markdown),
            Format::Html => Some(Document::Html),
            Format::Docx => Some(Document::Docx),
            Format::Pdf => Some(Document::Pdf),
            Format::ActionsCsv | Format::MeasuresCsv => None,
        }
    }
}

fn parse_audience(text: &str) -> Result<Audience, String> {
    Audience::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not an audience: use public, partners or trustees"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Markdown
    Md,
    /// One HTML page, ready to print
    Html,
    /// Word, through pandoc
    Docx,
    /// PDF, through pandoc and a PDF engine
    Pdf,
    /// With --partnership: the trustee pack, as Markdown (the same as md)
    Report,
    /// Every action in its latest state, as CSV for a spreadsheet
    ActionsCsv,
    /// Every measure and its readings, as CSV for a spreadsheet
    MeasuresCsv,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let (Some(partnership), None) = (&args.partnership, &args.session) else {
        let csv = matches!(
            args.format,
            Some(Format::Report | Format::ActionsCsv | Format::MeasuresCsv)
        );
        if args.from.is_some() || args.to.is_some() || csv {
            return Err(CliError::new(
                "--from, --to and --format report or csv are for a partnership's report",
            )
            .with_hint("add --partnership NAME, or leave them out to export one session's minutes"));
        }
        let session = args.session.unwrap_or_default();
        return super::export::run(
            super::export::Args {
                session,
                output: args.output,
                audience: args.audience,
                format: args.format.and_then(Format::document),
            },
            dir,
        );
    };
    if let Some(out) = &args.output
        && out.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Err(CliError::new(format!(
            "{} looks like a session file; a report is Markdown or CSV",
            out.display()
        ))
        .with_hint("write it to a .md or .csv file, e.g. -o report.md"));
    }
    let loaded = Loaded::read(dir)?;
    if loaded.missing {
        let what = format!("no partnership called \"{}\"", partnership.trim());
        return Err(super::folder::missing(&what, &loaded.dir));
    }
    let history = History::new(&loaded.sessions);
    let series = find_series(&history, partnership, &loaded.dir)?;
    let period = Period {
        from: args.from,
        to: args.to,
    };
    if let (Some(from), Some(to)) = (period.from, period.to)
        && from > to
    {
        return Err(CliError::new(format!("--from {from} is after --to {to}"))
            .with_hint("give the earlier date with --from"));
    }
    let document = Document::choose(args.format.and_then(Format::document), args.output.as_deref());
    let text = match args.format.unwrap_or(Format::Report) {
        Format::Report | Format::Md | Format::Html | Format::Docx | Format::Pdf => {
            let audience = args.audience.unwrap_or(Audience::Trustees);
            trustee_pack_for(&history, series, period, Local::now().date_naive(), audience).ok_or_else(
                || {
                    CliError::new(format!("no session of {} falls in that period", series.name))
                        .with_hint("widen --from and --to, or leave them out")
                },
            )?
        }
        Format::ActionsCsv => {
            let within = within(&history, series, period);
            let h = History::from_refs(within);
            actions_csv(&h, &h.actions(), Local::now().date_naive())
        }
        Format::MeasuresCsv => {
            let h = History::from_refs(within(&history, series, period));
            let measures = h.series().first().map(|s| h.measures(s)).unwrap_or_default();
            measures_csv(&h, &series.name, &measures)
        }
    };
    loaded.warn_about_broken();
    let csv = matches!(args.format, Some(Format::ActionsCsv | Format::MeasuresCsv));
    match &args.output {
        Some(out) if csv => write_atomic(out, text.as_bytes())?,
        None if csv => print(&text)?,
        out => super::export::deliver(&text, document, out.as_deref())?,
    }
    if let Some(out) = &args.output {
        print(&format!("Written to {}\n", out.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn within<'a>(history: &History<'a>, series: &Series, period: Period) -> Vec<&'a Session> {
    series
        .sessions
        .iter()
        .filter_map(|&i| history.session(i))
        .filter(|s| period.contains(s.date))
        .collect()
}

/// The series named by what was typed, or an error listing the choices.
pub(super) fn find_series<'h>(
    history: &'h History,
    partnership: &str,
    dir: &Path,
) -> Result<&'h Series, CliError> {
    history.find_series(partnership).map_err(|many| {
        let names = |list: Vec<String>| list.join("\n  ");
        if many.is_empty() {
            let all: Vec<String> = history.series().iter().map(|s| s.name.clone()).collect();
            CliError::new(format!(
                "no partnership called \"{}\" in {}",
                partnership.trim(),
                dir.display()
            ))
            .with_hint(format!("partnerships in the archive:\n  {}", names(all)))
        } else {
            CliError::new(format!(
                "\"{}\" matches more than one partnership",
                partnership.trim()
            ))
            .with_hint(format!("give more of the name:\n  {}", names(many)))
        }
    })
}

/// Every session in an archive that could be read, with its file; files
/// that could not be read are counted so the person can be told. A missing
/// archive folder reads as an empty one, and is not created.
pub(super) struct Loaded {
    pub paths: Vec<PathBuf>,
    pub sessions: Vec<Session>,
    /// Each session's search texts, when read with [`Loaded::extracted`].
    pub texts: Vec<Texts>,
    /// Each file's stamp as read, when read with [`Loaded::extracted`].
    pub stamps: Vec<Stamp>,
    /// The extract to write again (see [`Loaded::remember`]).
    remembering: Option<Remembering>,
    pub broken: usize,
    /// Each file that could not be read, when read with
    /// [`Loaded::extracted`].
    pub unread: Vec<Unread>,
    /// The archive folder, for messages.
    pub dir: PathBuf,
    /// The folder does not exist.
    pub missing: bool,
}

impl Loaded {
    /// Every session whole, each file parsed now.
    pub fn read(dir: Option<&Path>) -> Result<Loaded, CliError> {
        Loaded::open(dir, |archive, loaded| {
            for entry in archive.scan()? {
                match entry.session {
                    Ok(s) => {
                        loaded.paths.push(entry.path);
                        loaded.sessions.push(s);
                    }
                    Err(_) => loaded.broken += 1,
                }
            }
            Ok(())
        })
    }

    /// Every session to `depth` with its search texts, from the extract
    /// remembered from the last run where the files are unchanged. The
    /// extract is written again, when anything changed, by
    /// [`Loaded::remember`].
    pub fn extracted(dir: Option<&Path>, depth: Depth) -> Result<Loaded, CliError> {
        Loaded::open(dir, |archive, loaded| {
            let read = extracted_later(archive, Extracts::of(archive.dir()).as_ref(), depth)?;
            loaded.remembering = read.remembering;
            loaded.paths = read.paths;
            loaded.sessions = read.sessions;
            loaded.texts = read.texts;
            loaded.stamps = read.stamps;
            loaded.broken = read.unread.len();
            loaded.unread = read.unread;
            Ok(())
        })
    }

    fn open(
        dir: Option<&Path>,
        fill: impl FnOnce(&Archive, &mut Loaded) -> Result<(), StorageError>,
    ) -> Result<Loaded, CliError> {
        let (archive, dir) = match super::folder::existing(dir)? {
            Ok(archive) => {
                let dir = archive.dir().to_path_buf();
                (Some(archive), dir)
            }
            Err(missing) => (None, missing),
        };
        let mut loaded = Loaded {
            paths: Vec::new(),
            sessions: Vec::new(),
            texts: Vec::new(),
            stamps: Vec::new(),
            remembering: None,
            broken: 0,
            unread: Vec::new(),
            missing: archive.is_none(),
            dir,
        };
        if let Some(archive) = archive {
            fill(&archive, &mut loaded)?;
        }
        Ok(loaded)
    }

    /// Writes the extract again when anything changed since it was read:
    /// on a thread of its own while the command works out what to print
    /// (see [`Loaded::while_remembering`]).
    fn remember(&self) {
        if let Some(remembering) = &self.remembering {
            remembering.write(&self.paths, &self.sessions, &self.texts, &self.stamps);
        }
    }

    /// Runs `work` while the extract is written again on another core,
    /// and returns once both are done. Both run in the pool that parsed
    /// the files, so no more threads than cores compete for them (a thread
    /// of its own for the extract made a first run slower on two cores).
    pub fn while_remembering<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        if self.remembering.is_none() {
            return work();
        }
        rayon::join(|| self.remember(), work).1
    }

    /// The command is done with the sessions and the process ends: they
    /// are left for it to free at once, as freeing a thousand sessions one
    /// piece at a time takes longer than some commands' whole work.
    pub fn finish(self) {
        std::mem::forget(self);
    }

    /// A note on stderr, so results on stdout stay clean for scripts.
    pub fn warn_about_broken(&self) {
        if self.missing {
            warn(&super::folder::missing_note(&self.dir));
        }
        warn_about_unread(self.broken);
    }
}

/// Runs `f` on one of the pool's threads while this one waits asleep. A
/// command that reads the archive in parallel works between its parallel
/// steps too: done on this thread, that made one thread more than a
/// two-core machine has cores, and the pool's threads, spinning a moment
/// for more work after each parallel step, slowed the steps between.
pub(super) fn on_the_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    rayon::scope(|_| f())
}

/// A note on stderr that `count` files could not be read, when any.
pub(super) fn warn_about_unread(count: usize) {
    match count {
        0 => {}
        1 => warn("note: 1 file could not be read and was left out: run `roundtable check` for details"),
        n => warn(&format!(
            "note: {n} files could not be read and were left out: run `roundtable check` for details"
        )),
    }
}

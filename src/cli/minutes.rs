//! `roundtable minutes SESSION ...`: where a session's minutes stand on
//! their way to approval, and the moves that take them there: circulate,
//! approve (at a later session), amend (after approval).

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate, SubsecRound, Utc};
use serde::Serialize;

use super::CliError;
use super::export::find;
use super::output::print;
use crate::app::sign_off_write::{SignOffError, sign_off};
use crate::domain::{Amendment, ApprovedBy, Circulation, Refusal, Session, SignOffMove as Move, parse_date};
use crate::storage::load;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session: a file path, or a file name, id or title from the archive
    session: String,
    #[command(subcommand)]
    step: Step,
}

#[derive(Debug, clap::Subcommand)]
enum Step {
    /// Say where the minutes stand: draft, circulated, approved, amendments
    Status {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Record that the minutes were sent round, and to whom
    Circulate {
        /// Who they went to, e.g. "all partners"
        #[arg(long, value_name = "WHO")]
        to: String,
        /// When (YYYY-MM-DD); today if left out
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Record that a later session approved the minutes
    Approve {
        /// The session that approved them (file, id or title)
        #[arg(long, value_name = "SESSION")]
        at: String,
        /// "consent" when nobody objected
        #[arg(long, value_name = "consent", conflicts_with_all = ["proposer", "seconder"])]
        by: Option<String>,
        /// Who proposed approving them (with --seconder)
        #[arg(long, value_name = "NAME", requires = "seconder")]
        proposer: Option<String>,
        /// Who seconded (with --proposer)
        #[arg(long, value_name = "NAME", requires = "proposer")]
        seconder: Option<String>,
    },
    /// Record a correction to approved minutes: who, and what changes
    Amend {
        /// Who asked for the correction
        #[arg(long, value_name = "NAME")]
        by: String,
        /// The correction in full
        #[arg(long, value_name = "TEXT")]
        text: String,
        /// When (YYYY-MM-DD); today if left out
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let path = find(&args.session, dir)?;
    let today = Local::now().date_naive();
    let now = Utc::now().trunc_subsecs(0);
    let saved = match args.step {
        Step::Status { json } => {
            let session = load(&path)?;
            let text = if json {
                status_json(&session, &path)?
            } else {
                status_text(&session)
            };
            print(&text)?;
            return Ok(ExitCode::SUCCESS);
        }
        Step::Circulate { to, on } => {
            let mv = Move::Circulate(Circulation {
                to,
                on: on.unwrap_or(today),
            });
            sign_off(&path, now, |s| s.minutes.apply(mv))
        }
        Step::Approve {
            at,
            by,
            proposer,
            seconder,
        } => {
            let how = approved_by(by, proposer, seconder)?;
            let at_path = find(&at, dir)?;
            let later = load(&at_path)?;
            sign_off(&path, now, |s| s.approve_minutes_at(&later, how))
        }
        Step::Amend { by, text, on } => {
            let mv = Move::Amend(Amendment {
                by,
                on: on.unwrap_or(today),
                text,
            });
            sign_off(&path, now, |s| s.minutes.apply(mv))
        }
    };
    let session = saved.map_err(|e| refused(e, &args.session))?;
    print(&format!(
        "Minutes of \"{}\": {}.\nSaved in {}\n",
        session.title.trim(),
        session.minutes.summary(),
        path.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn approved_by(
    by: Option<String>,
    proposer: Option<String>,
    seconder: Option<String>,
) -> Result<ApprovedBy, CliError> {
    match (by, proposer, seconder) {
        (Some(by), _, _) if by.trim().eq_ignore_ascii_case("consent") => Ok(ApprovedBy::Consent),
        (Some(by), _, _) => Err(CliError::new(format!(
            "\"{}\" is not a way of approving minutes",
            by.trim()
        ))
        .with_hint("use --by consent, or name who moved it with --proposer NAME --seconder NAME")),
        (None, Some(proposer), Some(seconder)) => Ok(ApprovedBy::Proposed { proposer, seconder }),
        _ => Err(CliError::new("say how the minutes were approved")
            .with_hint("use --by consent, or --proposer NAME --seconder NAME")),
    }
}

/// A refusal says what to do next in the command line's own words.
fn refused(e: SignOffError, session: &str) -> CliError {
    let hint = match &e {
        SignOffError::Storage(_) => None,
        SignOffError::Refused(Refusal::NeverCirculated) => Some(format!(
            "run `roundtable minutes \"{session}\" circulate --to WHO` first"
        )),
        SignOffError::Refused(Refusal::AlreadyApproved(_) | Refusal::Locked(_)) => Some(format!(
            "run `roundtable minutes \"{session}\" amend --by NAME --text \"...\"` to record a correction"
        )),
        SignOffError::Refused(Refusal::NotLater) => {
            Some("name the session at which they were approved, dated after this one, with --at".into())
        }
        SignOffError::Refused(Refusal::NotApproved) => {
            Some("open the session in Roundtable and correct the minutes there".into())
        }
        SignOffError::Refused(Refusal::Missing(_)) => Some("fill it in and run the command again".into()),
        SignOffError::Locked(_) => Some("close it there, or record the step from that computer".into()),
    };
    match (e, hint) {
        (SignOffError::Storage(s), _) => CliError::from(s),
        (e, Some(hint)) => CliError::new(e.to_string()).with_hint(hint),
        (e, None) => CliError::new(e.to_string()),
    }
}

fn status_text(session: &Session) -> String {
    let m = &session.minutes;
    let mut out = format!(
        "Minutes of \"{}\" ({}): {}\n",
        session.title.trim(),
        session.date,
        m.stage().label()
    );
    for c in &m.circulated {
        out += &format!("  circulated on {} to {}\n", c.on, c.to);
    }
    if let Some(a) = &m.approved {
        out += &format!("  approved on {} at {}, {}\n", a.on, a.at, a.how.words());
    }
    for a in &m.amendments {
        out += &format!("  amended on {} by {}: {}\n", a.on, a.by, a.text);
    }
    out
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    session_id: &'a str,
    title: &'a str,
    date: NaiveDate,
    path: String,
    /// `draft`, `circulated` or `approved` (approved minutes are locked).
    stage: &'static str,
    locked: bool,
    summary: String,
    circulated: &'a [Circulation],
    approved: Option<JsonApproval<'a>>,
    amendments: &'a [Amendment],
}

#[derive(Serialize)]
struct JsonApproval<'a> {
    /// The id of the session that approved them.
    at: &'a str,
    on: NaiveDate,
    /// `consent` or `proposed`.
    how: &'static str,
    proposer: Option<&'a str>,
    seconder: Option<&'a str>,
}

fn status_json(session: &Session, path: &Path) -> Result<String, CliError> {
    let m = &session.minutes;
    let approved = m.approved.as_ref().map(|a| {
        let (how, proposer, seconder) = match &a.how {
            ApprovedBy::Consent => ("consent", None, None),
            ApprovedBy::Proposed { proposer, seconder } => {
                ("proposed", Some(proposer.as_str()), Some(seconder.as_str()))
            }
        };
        JsonApproval {
            at: &a.at,
            on: a.on,
            how,
            proposer,
            seconder,
        }
    });
    super::output::json(&JsonStatus {
        session_id: &session.id,
        title: &session.title,
        date: session.date,
        path: path.display().to_string(),
        stage: m.stage().label(),
        locked: m.is_locked(),
        summary: m.summary(),
        circulated: &m.circulated,
        approved,
        amendments: &m.amendments,
    })
}

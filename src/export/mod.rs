//! Turning sessions into documents people read: Markdown minutes (with
//! progress since the last session when the archive is at hand), the
//! trustee pack for a partnership, and CSV for spreadsheets.
//! Pure: no terminal, no file system, no clock.

pub mod agreement;
mod audience;
mod blocks;
mod decide;
mod engagement;
mod escape;
mod follow;
mod header;
mod health;
mod html;
mod pack;
mod participation;
mod plan;
mod progress;
mod records;
mod review;
mod signoff;
mod spreadsheet;
mod steps;
mod table;
mod timing;

use crate::domain::{Audience, History, Session, Step, for_audience};

pub use engagement::partnership_sections;
pub use html::html_document;
pub use pack::{Period, trustee_pack, trustee_pack_for};
pub use spreadsheet::{actions_csv, measures_csv};

/// The line that closes the minutes. No date or time, so the same session
/// always gives the same minutes.
const FOOTER: &str = "*Minutes prepared with Roundtable.*";

/// The minutes of a session as CommonMark with GFM tables, ready to send to
/// trustees as they are. Sections with nothing in them are left out. For
/// partners, the default audience (see `minutes_for`).
pub fn minutes(session: &Session) -> String {
    minutes_for(session, Audience::default())
}

/// The minutes as `audience` may read them: written from a copy of the
/// session holding only what they may see, and saying who they are for.
pub fn minutes_for(session: &Session, audience: Audience) -> String {
    let session = &for_audience(session, audience);
    document(session, None, follow::reviewed_at(session, None), audience)
}

/// The minutes with a "Progress since the last session" section after the
/// attendance, when `history` (the archive) holds an earlier session of the
/// same partnership. `session` may be an edited copy of one in `history`:
/// its own contents are used, and later sessions are ignored.
///
/// Each fact has one home: the actions carried over are listed under
/// Actions, each new reading under step 6 beside the one before it, and the
/// progress section only counts them and says where to look.
pub fn minutes_with_history(session: &Session, history: &History) -> String {
    minutes_with_history_for(session, history, Audience::default())
}

/// `minutes_with_history` as `audience` may read it: the earlier sessions
/// too are read as that audience would, so progress shows nothing more.
pub fn minutes_with_history_for(session: &Session, history: &History, audience: Audience) -> String {
    let copies = audience::history_for(history.sessions(), audience, session);
    let history = History::new(&copies);
    let session = &for_audience(session, audience);
    let (then, me) = history.as_of(session);
    // `then` holds `session` itself, so its readings are found by identity.
    let earlier = progress::Earlier::new(&then, me);
    let mut follow = follow::for_session(&then, me);
    follow.extend(follow::reviewed_at(session, Some(&then)));
    document(session, earlier.as_ref(), follow, audience)
}

/// `session` is already the copy for `audience`; `follow` is the
/// follow-through section, worked out from the archive.
fn document(
    session: &Session,
    earlier: Option<&progress::Earlier>,
    follow: Vec<String>,
    audience: Audience,
) -> String {
    let title = if session.title.trim().is_empty() {
        "Untitled session"
    } else {
        session.title.as_str()
    };
    let mut blocks = vec![blocks::heading(1, title)];
    blocks.extend(header::details(session, audience));
    blocks.extend(audience::attendance(session, audience));
    blocks.extend(timing::plan_against_time(session));
    // Approving the last minutes is a follow-up meeting's first item.
    if let Some(e) = earlier {
        blocks.extend(signoff::last_minutes(session, e.prev));
    }
    blocks.extend(progress::progress(session, earlier));
    blocks.extend(follow);
    for step in Step::ALL {
        blocks.extend(steps::step_section(session, step, earlier));
    }
    blocks.extend(records::decisions(session));
    blocks.extend(decide::elsewhere(session));
    blocks.extend(participation::summary(session));
    blocks.extend(health::section_for(session));
    blocks.extend(records::actions(session, earlier));
    blocks.extend(records::parking_lot(session));
    blocks.extend(signoff::amendments(session));
    blocks.push(FOOTER.to_string());
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    #[test]
    fn a_new_session_gives_short_minutes_with_no_empty_sections() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let s = Session::new(
            "First # session",
            "Eastside",
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            now,
        );
        assert_eq!(
            minutes(&s),
            "# First # session\n\n- **Partnership:** Eastside\n- **Date:** Thursday 3 December 2026\n\
             - **Status:** Draft minutes\n\
             - **Audience:** Partners: for the organisations in the partnership, not for publication\n\n*Minutes prepared with Roundtable.*\n"
        );
    }
}

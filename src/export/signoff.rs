//! Where the minutes stand on their way to approval, as the minutes and the
//! trustee pack say it: circulated to whom and when, approved at which
//! meeting and how, and every amendment since, in full.

use crate::domain::{Session, SignOff};

use super::blocks::{bullets, numbered, prose_date, section, short_date};
use super::escape;

/// The "Minutes:" line under the title, or nothing for draft minutes nobody
/// has been sent (the Status line already says they are a draft).
pub fn status_line(minutes: &SignOff) -> String {
    let mut out = match (&minutes.approved, minutes.circulated.last()) {
        (Some(a), _) => format!(
            "Approved at the meeting of {}, {}",
            prose_date(a.on),
            a.how.words()
        ),
        (None, Some(c)) => format!(
            "Circulated on {} to {}; not yet approved",
            prose_date(c.on),
            c.to.trim()
        ),
        (None, None) => return String::new(),
    };
    match minutes.amendments.len() {
        0 => {}
        1 => out.push_str("; amended once since (see Amendments)"),
        n => out.push_str(&format!("; amended {n} times since (see Amendments)")),
    }
    out
}

/// Each amendment in full, with who recorded it and when, so a correction
/// after approval is never silent.
pub fn amendments(session: &Session) -> Vec<String> {
    let items: Vec<String> = session
        .minutes
        .amendments
        .iter()
        .map(|m| {
            let who = escape::line(&format!("Recorded by {} on {}.", m.by.trim(), prose_date(m.on)));
            format!(
                "{}\n{}",
                escape::list_item(&m.text),
                bullets(&[who]).unwrap_or_default()
            )
        })
        .collect();
    let intro = "Corrections made after the minutes were approved. The minutes above stand as approved.";
    match numbered(&items) {
        Some(list) => section(2, "Amendments", [intro.to_string(), list]),
        None => Vec::new(),
    }
}

/// The first item of a follow-up meeting: were the last minutes approved,
/// here or before, or are they still waiting?
pub fn last_minutes(session: &Session, prev: &Session) -> Vec<String> {
    let m = &prev.minutes;
    let whose = format!(
        "The minutes of \"{}\" on {}",
        prev.title.trim(),
        prose_date(prev.date)
    );
    let text = match (&m.approved, m.circulated.last()) {
        (Some(a), _) if a.at == session.id => {
            format!("{whose} were approved at this session, {}.", a.how.words())
        }
        (Some(a), _) => format!(
            "{whose} were approved at the meeting of {}, {}.",
            prose_date(a.on),
            a.how.words()
        ),
        (None, Some(c)) => format!(
            "{whose} were circulated on {} to {} and are still to be approved.",
            prose_date(c.on),
            c.to.trim()
        ),
        (None, None) => format!("{whose} have not been circulated yet, so they are still to be approved."),
    };
    section(2, "Minutes of the last session", [escape::line(&text)])
}

/// A short word for a table cell: "Approved 11 Nov 2026", "Draft".
pub fn cell(minutes: &SignOff) -> String {
    let mut out = match (&minutes.approved, minutes.circulated.last()) {
        (Some(a), _) => format!("Approved {}", short_date(Some(a.on))),
        (None, Some(c)) => format!("Circulated {}", short_date(Some(c.on))),
        (None, None) => "Draft".to_string(),
    };
    match minutes.amendments.len() {
        0 => {}
        1 => out.push_str(", 1 amendment"),
        n => out.push_str(&format!(", {n} amendments")),
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Amendment, ApprovedBy, Circulation, SignOffMove as Move};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn the_minutes_say_where_they_stand_and_list_amendments_in_full() {
        let mut sept = Session::for_tests("September", "Level Ground", "2026-09-16");
        let nov = Session::for_tests("November", "Level Ground", "2026-11-11");
        assert_eq!(status_line(&sept.minutes), "");
        assert_eq!(cell(&sept.minutes), "Draft");
        assert_eq!(
            last_minutes(&nov, &sept).join("\n\n"),
            "## Minutes of the last session\n\nThe minutes of \"September\" on 16 September 2026 have not been circulated yet, so they are still to be approved."
        );
        let circulation = Circulation {
            to: "all partners".into(),
            on: day(9, 20),
        };
        sept.minutes.apply(Move::Circulate(circulation)).unwrap();
        assert_eq!(
            status_line(&sept.minutes),
            "Circulated on 20 September 2026 to all partners; not yet approved"
        );
        let how = ApprovedBy::Proposed {
            proposer: "Ann".into(),
            seconder: "Bo".into(),
        };
        sept.approve_minutes_at(&nov, how).unwrap();
        assert_eq!(
            last_minutes(&nov, &sept)[1],
            "The minutes of \"September\" on 16 September 2026 were approved at this session, proposed by Ann, seconded by Bo."
        );
        assert!(amendments(&sept).is_empty());
        let fix = Amendment {
            by: "Priti".into(),
            on: day(11, 20),
            text: "Item *3*: £5,000".into(),
        };
        sept.minutes.apply(Move::Amend(fix)).unwrap();
        assert_eq!(
            status_line(&sept.minutes),
            "Approved at the meeting of 11 November 2026, proposed by Ann, seconded by Bo; amended once since (see Amendments)"
        );
        assert_eq!(cell(&sept.minutes), "Approved 11 Nov 2026, 1 amendment");
        assert_eq!(
            amendments(&sept).join("\n\n"),
            "## Amendments\n\nCorrections made after the minutes were approved. The minutes above stand as approved.\n\n\
             1. Item \\*3\\*: £5,000\n   - Recorded by Priti on 20 November 2026."
        );
    }
}

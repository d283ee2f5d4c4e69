//! The top of the minutes: when and where the meeting was, and who came.

use crate::domain::{Attendance, Audience, Participant, Session, SessionStatus};

use super::blocks::{bullets, join_present, long_date, section};
use super::escape;

/// The memo-style details under the title, one "Label: value" list item
/// each, so they read line by line both raw and converted.
pub fn details(session: &Session, audience: Audience) -> Vec<String> {
    let mut lines: Vec<(&str, String)> = Vec::new();
    let mut add = |label, value: &str| {
        let value = escape::line(value);
        if !value.is_empty() {
            lines.push((label, value));
        }
    };
    add("Partnership", &session.partnership);
    add("Date", &long_date(session.date));
    add(
        "Time",
        &session
            .start_time
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
    );
    add("Place", &session.location);
    add("Facilitator", &session.facilitator);
    add("Status", status_note(session.status));
    add("Audience", audience.minutes_note());
    add("Minutes", &super::signoff::status_line(&session.minutes));
    let items: Vec<String> = lines
        .iter()
        .map(|(label, value)| format!("**{label}:** {value}"))
        .collect();
    bullets(&items).into_iter().collect()
}

fn status_note(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::Final => "",
        SessionStatus::Draft => "Draft minutes",
        SessionStatus::InProgress => "Draft minutes, written while the session was in progress",
    }
}

/// Who was present, grouped by organisation, then apologies and absences.
pub fn attendance(session: &Session) -> Vec<String> {
    let mut body = section(3, "Present", present_by_organisation(session));
    for status in [Attendance::Apologies, Attendance::Absent] {
        let people: Vec<String> = session
            .participants
            .iter()
            .filter(|p| p.attendance == status)
            .map(|p| escape::line(&person(session, p, &p.organisation)))
            .collect();
        body.extend(section(3, status.label(), bullets(&people)));
    }
    section(2, "Attendance", body)
}

/// One line per organisation in the order they first appear, with people
/// who gave no organisation listed last on their own.
fn present_by_organisation(session: &Session) -> Option<String> {
    let mut orgs: Vec<&str> = Vec::new();
    for p in session.present() {
        let org = p.organisation.trim();
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    // People without an organisation are listed by name alone, after the rest.
    if let Some(pos) = orgs.iter().position(|o| o.is_empty()) {
        let none = orgs.remove(pos);
        orgs.push(none);
    }
    let items: Vec<String> = orgs
        .iter()
        .map(|org| {
            let people: Vec<String> = session
                .present()
                .filter(|p| p.organisation.trim() == *org)
                .map(|p| person(session, p, ""))
                .collect();
            let people = escape::line(&people.join("; "));
            if org.is_empty() {
                people
            } else {
                format!("**{}:** {people}", escape::line(org))
            }
        })
        .collect();
    bullets(&items)
}

/// "Ann Smith, Chief executive, `organisation`", as raw text; the
/// organisation is left out where the list is grouped by it. "(lived
/// experience)" follows only when the session records that it may be shown.
fn person(session: &Session, p: &Participant, organisation: &str) -> String {
    let name = if p.name.trim().is_empty() {
        "Unnamed participant"
    } else {
        p.name.as_str()
    };
    let who = join_present(&[name, &p.role, organisation], ", ");
    if p.lived_experience && session.shown_in_minutes.lived_experience {
        format!("{who} (lived experience)")
    } else {
        who
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn session() -> Session {
        Session::for_tests("T", "Eastside", "2026-12-03")
    }

    fn add(s: &mut Session, name: &str, org: &str, attendance: Attendance, lived: bool) {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            role: "Lead".into(),
            lived_experience: lived,
            attendance,
            ..Default::default()
        });
    }

    #[test]
    fn details_skip_blanks_and_show_draft_status() {
        let d = details(&session(), Audience::Partners).join("\n");
        assert_eq!(
            d,
            "- **Partnership:** Eastside\n- **Date:** Thursday 3 December 2026\n- **Status:** Draft minutes\n\
             - **Audience:** Partners: for the organisations in the partnership, not for publication"
        );
    }

    #[test]
    fn present_people_are_grouped_by_first_appearance() {
        let mut s = session();
        s.shown_in_minutes.lived_experience = true;
        add(&mut s, "Ann", "Trust", Attendance::Present, false);
        add(&mut s, "Loner", "", Attendance::Present, false);
        add(&mut s, "Bo", "Aid", Attendance::Present, true);
        add(&mut s, "Cy", "Trust", Attendance::Present, false);
        add(&mut s, "Di", "Council", Attendance::Apologies, false);
        let a = attendance(&s).join("\n\n");
        assert!(a.contains(
            "- **Trust:** Ann, Lead; Cy, Lead\n- **Aid:** Bo, Lead (lived experience)\n- Loner, Lead"
        ));
        assert!(a.contains("### Apologies\n\n- Di, Lead, Council"));
        assert!(!a.contains("Absent"));
    }

    #[test]
    fn lived_experience_is_shown_only_when_the_session_says_so() {
        let mut s = session();
        add(&mut s, "Bo", "Aid", Attendance::Present, true);
        add(&mut s, "Di", "Council", Attendance::Apologies, true);
        let hidden = attendance(&s).join("\n\n");
        assert!(!hidden.contains("lived experience"), "{hidden}");
        assert!(hidden.contains("- **Aid:** Bo, Lead\n"), "{hidden}");
        s.shown_in_minutes.lived_experience = true;
        let shown = attendance(&s).join("\n\n");
        assert!(
            shown.contains("- Di, Lead, Council (lived experience)"),
            "{shown}"
        );
    }

    #[test]
    fn no_participants_no_attendance_section() {
        assert!(attendance(&session()).is_empty());
    }
}

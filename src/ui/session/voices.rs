//! Who is in the room and whose voice has not been heard yet, so the
//! facilitator can invite quieter people and lived experience in; and the
//! balance of voices by organisation and by sector.

use ratatui::text::{Line, Span};

use super::wrap::{limit, wrap};
use crate::domain::{Attendance, Session, participation};
use crate::ui::theme::Theme;

/// Attendance and lived experience heard; organisations heard and
/// contributions by sector; the names not heard yet.
pub fn summary(s: &Session, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if s.participants.is_empty() {
        return Vec::new();
    }
    let heard = participation(s);
    let count = |a: Attendance| s.participants.iter().filter(|p| p.attendance == a).count();
    let mut parts: Vec<String> = [
        (count(Attendance::Present), "present"),
        (count(Attendance::Apologies), "sent apologies"),
        (count(Attendance::Absent), "absent"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let lived = &heard.lived_experience;
    if lived.present > 0 {
        parts.push(format!(
            "lived experience: {} of {} heard",
            lived.spoke, lived.present
        ));
    }
    if heard.is_recorded() && !heard.organisations.is_empty() {
        parts.push(format!(
            "organisations: {} of {} heard",
            heard.organisations_heard(),
            heard.organisations.len()
        ));
    }
    let mut lines = limit(
        wrap(&[Span::styled(parts.join(" · "), theme.muted())], width),
        2,
        width,
    );
    let voices = if heard.not_heard.is_empty() {
        Span::styled("Everyone present has spoken.", theme.success())
    } else {
        Span::styled(
            format!("Not heard yet: {}", heard.not_heard.join(", ")),
            theme.warning(),
        )
    };
    lines.extend(limit(wrap(&[voices], width), 2, width));
    if heard.is_recorded() {
        let sectors: Vec<String> = heard
            .sectors
            .iter()
            .map(|(sector, h)| format!("{} {}", sector.label(), h.contributions))
            .collect();
        let balance = format!("Contributions by sector: {}", sectors.join(", "));
        lines.extend(wrap(&[Span::styled(balance, theme.muted())], width));
    }
    limit(lines, 5, width)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::Participant;

    #[test]
    fn quiet_voices_are_named() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut s = Session::new("T", "P", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), now);
        let text = |s: &Session| {
            summary(s, 100, &Theme::plain())
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
        };
        assert!(text(&s).is_empty());
        s.participants.push(Participant {
            name: "Ann".into(),
            lived_experience: true,
            ..Default::default()
        });
        s.participants.push(Participant {
            name: "Bo".into(),
            organisation: "Council".into(),
            sector: crate::domain::Sector::Public,
            contributions: 2,
            ..Default::default()
        });
        s.participants.push(Participant {
            name: "Cy".into(),
            attendance: Attendance::Apologies,
            ..Default::default()
        });
        assert_eq!(
            text(&s),
            [
                "2 present · 1 sent apologies · lived experience: 0 of 1 heard · organisations: 1 of 1 heard",
                "Not heard yet: Ann",
                "Contributions by sector: Voluntary 0, Public 2",
            ]
        );
        s.participants[0].contributions = 1;
        assert_eq!(text(&s)[1], "Everyone present has spoken.");
    }
}

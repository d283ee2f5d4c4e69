//! Who is in the room and whose voice has not been heard yet, so the
//! facilitator can invite quieter people and lived experience in.

use ratatui::text::{Line, Span};

use super::wrap::{limit, wrap};
use crate::domain::{Attendance, Session};
use crate::ui::theme::Theme;

/// Attendance, lived experience heard, and the names not heard yet.
pub fn summary(s: &Session, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if s.participants.is_empty() {
        return Vec::new();
    }
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
    let lived: Vec<_> = s.present().filter(|p| p.lived_experience).collect();
    if !lived.is_empty() {
        let heard = lived.iter().filter(|p| p.contributions > 0).count();
        parts.push(format!("lived experience: {heard} of {} heard", lived.len()));
    }
    let quiet: Vec<&str> = s
        .present()
        .filter(|p| p.contributions == 0)
        .map(|p| p.name.as_str())
        .collect();
    let mut lines = wrap(&[Span::styled(parts.join(" · "), theme.muted())], width);
    let voices = if quiet.is_empty() {
        Span::styled("Everyone present has spoken.", theme.success())
    } else {
        Span::styled(format!("Not heard yet: {}", quiet.join(", ")), theme.warning())
    };
    lines.extend(wrap(&[voices], width));
    limit(lines, 3, width)
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
            summary(s, 80, &Theme::plain())
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
                "2 present · 1 sent apologies · lived experience: 0 of 1 heard",
                "Not heard yet: Ann"
            ]
        );
        s.participants[0].contributions = 1;
        assert_eq!(text(&s)[1], "Everyone present has spoken.");
    }
}

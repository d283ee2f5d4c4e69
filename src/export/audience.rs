//! What changes in the minutes with their audience, beyond the items taken
//! out (`domain::for_audience` does that): public minutes list who came by
//! organisation, without people's names, and earlier sessions read for
//! progress are read as the same audience would.

use crate::domain::{Attendance, Audience, Session, for_audience};

use super::blocks::{bullets, plural, section};
use super::escape;

/// The attendance section: people by name for partners and trustees (see
/// `header::attendance`), organisations with how many came for the public.
pub fn attendance(session: &Session, audience: Audience) -> Vec<String> {
    if audience != Audience::Public {
        return super::header::attendance(session);
    }
    let mut body = Vec::new();
    for status in Attendance::ALL {
        let items: Vec<String> = session
            .organisations()
            .into_iter()
            .filter_map(|org| {
                let n = session
                    .participants
                    .iter()
                    .filter(|p| p.attendance == status && p.organisation.trim() == org)
                    .count();
                let n = u32::try_from(n).unwrap_or(u32::MAX);
                let org = if org.is_empty() {
                    "No organisation given"
                } else {
                    org
                };
                (n > 0).then(|| format!("{} ({})", escape::line(org), plural(n, "person", "people")))
            })
            .collect();
        body.extend(section(3, status.label(), bullets(&items)));
    }
    section(2, "Attendance", body)
}

/// Copies of `sessions`, in the same order, as `audience` may read them.
pub fn sessions_for(sessions: &[&Session], audience: Audience) -> Vec<Session> {
    sessions.iter().map(|s| for_audience(s, audience)).collect()
}

/// Like `sessions_for`, for the minutes of `current`: an action or measure
/// it marks is read as marked in earlier sessions too, so keeping an action
/// back today also keeps back its earlier copies in "progress".
pub fn history_for(sessions: &[&Session], audience: Audience, current: &Session) -> Vec<Session> {
    let mark = |id: &str, of: &mut Audience, marks: &[(&str, Audience)]| {
        if let Some((_, m)) = marks.iter().find(|(i, _)| !id.is_empty() && *i == id) {
            *of = *m;
        }
    };
    let actions: Vec<(&str, Audience)> = current
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a.shown_to))
        .collect();
    let measures: Vec<(&str, Audience)> = current
        .activities
        .iter()
        .flat_map(|a| &a.measures)
        .map(|m| (m.id.as_str(), m.shown_to))
        .collect();
    sessions
        .iter()
        .map(|s| {
            let mut s = (*s).clone();
            for a in &mut s.actions {
                mark(&a.id, &mut a.shown_to, &actions);
            }
            for m in s.activities.iter_mut().flat_map(|a| &mut a.measures) {
                mark(&m.id, &mut m.shown_to, &measures);
            }
            for_audience(&s, audience)
        })
        .collect()
}

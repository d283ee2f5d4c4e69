//! The partnership's engagement, who does what and health trends as
//! Markdown: sections of the trustee pack, and what `roundtable
//! partnership` prints. Pure, like the rest of `export`.

use chrono::NaiveDate;

use super::blocks::{bullets, prose_date, section, short_date};
use super::escape;
use super::table::table;
use crate::domain::engagement::Engagement;
use crate::domain::grid::Grid;
use crate::domain::health_trend::HealthTrend;
use crate::domain::{History, Principle, Series};

/// At most this many sessions' columns in a table; earlier ones are
/// counted in "Came" and "Spoke" all the same.
const COLUMNS: usize = 6;

/// The three sections for `series` as of `today`.
pub fn partnership_sections(history: &History, series: &Series, today: NaiveDate) -> Vec<String> {
    let mut out = engagement(&Engagement::of(history, series, today));
    out.extend(who_does_what(&Grid::of(history, series)));
    out.extend(health(&HealthTrend::of(history, series)));
    out
}

/// The pack's sections: engagement and health within the period (`within`),
/// and who does what as it stood at its end (`upto`: every session of the
/// series up to then, as goals agreed before the period still hold).
pub fn for_pack(within: &History, upto: &History, as_of: NaiveDate) -> Vec<String> {
    let Some(series) = within.series().first() else {
        return Vec::new();
    };
    let mut out = engagement(&Engagement::of(within, series, as_of));
    if let Some(all) = upto.series().first() {
        out.extend(who_does_what(&Grid::of(upto, all)));
    }
    out.extend(health(&HealthTrend::of(within, series)));
    out
}

/// "Engagement": warnings first, then attendance and contributions.
pub fn engagement(e: &Engagement) -> Vec<String> {
    if e.meetings.is_empty() || e.organisations.is_empty() {
        return Vec::new();
    }
    let mut body = Vec::new();
    let warnings: Vec<String> = e.warnings.iter().map(|w| escape::line(&w.words())).collect();
    match bullets(&warnings) {
        Some(list) => body.push(list),
        None => {
            body.push("No warnings: no organisation has missed its last two sessions or gone quiet.".into())
        }
    }
    let first = e.meetings.len().saturating_sub(COLUMNS);
    let columns = &e.meetings[first..];
    let mut headers = vec!["Organisation".to_string()];
    headers.extend(columns.iter().map(|m| short_date(Some(m.date))));
    headers.extend(["Came".into(), "Spoke".into()]);
    let rows: Vec<Vec<String>> = e
        .organisations
        .iter()
        .map(|o| {
            let name = if o.left {
                format!("{} (left)", o.name)
            } else {
                o.name.clone()
            };
            let mut row = vec![name];
            row.extend(
                o.cells[first..]
                    .iter()
                    .zip(columns)
                    .map(|(c, m)| c.words(m.counted)),
            );
            row.push(format!("{} of {}", o.attended(), o.since_joining()));
            row.push(o.contributions().to_string());
            row
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    body.extend(table(&headers, &rows));
    let mut note = String::from(
        "Each cell: people present / times spoken (– where nobody's contributions were counted); \
         \"away\": on the list but nobody came; — not on the list. \"Came\": sessions attended of those held since the organisation joined.",
    );
    if first > 0 {
        note = format!(
            "Latest {} of {} sessions. {note}",
            columns.len(),
            e.meetings.len()
        );
    }
    body.push(escape::line(&note));
    section(2, "Engagement", body)
}

/// "Who does what": each agreed goal with the organisations working on it,
/// then the overlaps, the gaps and work that names no goal.
pub fn who_does_what(g: &Grid) -> Vec<String> {
    if g.goals.is_empty() {
        return Vec::new();
    }
    let mut body = Vec::new();
    if let Some((date, title)) = &g.goals_from {
        body.push(escape::line(&format!(
            "The goals agreed at \"{title}\" on {}. Workstreams and activities go under the goals they serve; other work, and any that names no goal, is placed under a goal when they share a distinctive word.",
            prose_date(*date)
        )));
    }
    let rows: Vec<Vec<String>> = g
        .goals
        .iter()
        .map(|row| {
            let orgs = row.organisations();
            let work: Vec<String> = row
                .work
                .iter()
                .map(|w| format!("{} ({})", w.text, w.via.label()))
                .collect();
            let note = match orgs.len() {
                0 => "Nobody working on it",
                1 => "",
                _ => "Overlap",
            };
            vec![
                row.goal.clone(),
                orgs.join(", "),
                work.join("; "),
                note.to_string(),
            ]
        })
        .collect();
    body.extend(table(&["Goal", "Organisations", "Work", "Note"], &rows));
    let overlaps: Vec<String> = g
        .overlaps()
        .iter()
        .map(|(row, orgs)| escape::list_item(&format!("{}: {}", row.goal, orgs.join(", "))))
        .collect();
    if let Some(list) = bullets(&overlaps) {
        body.push("**Overlaps** (two or more organisations on one goal):".into());
        body.push(list);
    }
    let gaps: Vec<String> = g.gaps().iter().map(|row| escape::list_item(&row.goal)).collect();
    if let Some(list) = bullets(&gaps) {
        body.push("**Goals nobody is working on:**".into());
        body.push(list);
    }
    let unlinked: Vec<String> = g
        .unlinked
        .iter()
        .map(|w| {
            let who = w.organisation.as_deref().unwrap_or("organisation not known");
            escape::list_item(&format!("{} ({}, {who})", w.text, w.via.label()))
        })
        .collect();
    if let Some(list) = bullets(&unlinked) {
        body.push("**Work that names no agreed goal:**".into());
        body.push(list);
    }
    section(2, "Who does what", body)
}

/// "Partnership health": each principle's scores at each check and the
/// trend between the last two.
pub fn health(t: &HealthTrend) -> Vec<String> {
    if t.checks.is_empty() {
        return Vec::new();
    }
    let first = t.checks.len().saturating_sub(COLUMNS);
    let checks = &t.checks[first..];
    let mut headers = vec!["Principle".to_string()];
    headers.extend(checks.iter().map(|c| {
        let date = short_date(Some(c.date));
        if c.anonymous {
            format!("{date} (no names)")
        } else {
            date
        }
    }));
    headers.push("Trend".into());
    let rows: Vec<Vec<String>> = Principle::ALL
        .into_iter()
        .map(|p| {
            let mut row = vec![p.label().to_string()];
            row.extend(checks.iter().map(|c| c.spread(p).words()));
            row.push(t.direction(p).map_or("—", |d| d.words()).to_string());
            row
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut body: Vec<String> = table(&headers, &rows).into_iter().collect();
    let mut note = String::from(
        "Each organisation scores the partnership from 1 to 5. Each cell: the mean, (lowest–highest, how many scored). Trend: between the last two checks.",
    );
    if first > 0 {
        note = format!("Latest {} of {} checks. {note}", checks.len(), t.checks.len());
    }
    body.push(escape::line(&note));
    section(2, "Partnership health", body)
}

//! The who-does-what tab: the agreed goals down the side, organisations
//! across (by their initials, spelt out below), how many pieces of work each
//! has under each goal, and a note for overlaps and goals nobody works on;
//! then what the selected goal's work is, and the work that names no goal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::partnership::empty;
use super::table::{self, cell, fit, scroll};
use super::theme::Theme;
use crate::app::partnership::PartnershipState;
use crate::domain::grid::{Grid, Work, initials};

/// Each organisation's column, and the note column.
const ORG: usize = 4;
const NOTE: usize = 8;
/// The goal column is never narrower than this.
const GOAL: usize = 24;

pub fn draw(frame: &mut Frame, area: Rect, state: &PartnershipState, theme: &Theme) {
    let g = &state.figures.grid;
    let inner = table::boxed(frame, area, theme);
    if g.goals.is_empty() {
        let text = "No agreed goals yet: agree goals in step 1 of a session to see who works on each.";
        return empty(frame, inner, text, theme);
    }
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if let Some((date, title)) = &g.goals_from {
        let text = format!(
            "  Goals agreed at \"{title}\" ({}). Work goes under the goals it serves, else where its words match.",
            date.format("%-d %B %Y")
        );
        lines.push(Line::styled(fit(&text, width), theme.muted()));
    }
    let room = width.saturating_sub(2 + 3 + GOAL + NOTE + 2) / (ORG + 1);
    let orgs = &g.organisations[..g.organisations.len().min(room)];
    let short = initials(&g.organisations);
    let goal_width = width.saturating_sub(2 + 3 + orgs.len() * (ORG + 1) + NOTE + 1);
    let mut header = format!("   {}", cell("Goal", goal_width));
    for s in &short[..orgs.len()] {
        header.push(' ');
        header.push_str(&cell(s, ORG));
    }
    header.push_str(&format!(" {}", cell("Note", NOTE)));
    lines.push(Line::styled(format!("  {header}"), theme.title()));
    // Rows for goals: half of what is left, the rest for the details.
    let rows = (usize::from(inner.height).saturating_sub(lines.len() + 2) / 2).max(1);
    for (i, row) in g
        .goals
        .iter()
        .enumerate()
        .skip(scroll(state.selected, rows))
        .take(rows)
    {
        let selected = i == state.selected;
        let marker = if selected { "▶ " } else { "  " };
        let mut text = format!("{marker}{:<3}{}", i + 1, cell(&row.goal, goal_width));
        for org in orgs {
            let n = row.by(org).count();
            let mark = if n == 0 { "·".to_string() } else { n.to_string() };
            text.push(' ');
            text.push_str(&cell(&mark, ORG));
        }
        let note = match row.organisations().len() {
            0 => "nobody",
            1 => "",
            _ => "overlap",
        };
        text.push_str(&format!(" {}", cell(note, NOTE)));
        let style = if selected { theme.selected() } else { Style::new() };
        lines.push(Line::styled(fit(&text, width), style));
    }
    let mut key: Vec<String> = orgs.iter().zip(&short).map(|(o, s)| format!("{s} {o}")).collect();
    if orgs.len() < g.organisations.len() {
        key.push(format!(
            "{} more listed below",
            g.organisations.len() - orgs.len()
        ));
    }
    lines.push(Line::styled(
        fit(&format!("  {}", key.join(" · ")), width),
        theme.muted(),
    ));
    lines.push(Line::raw(""));
    if let Some(row) = g.goals.get(state.selected) {
        let title = format!("  Goal {}: {}", state.selected + 1, row.goal);
        lines.push(Line::styled(fit(&title, width), theme.title()));
        if row.work.is_empty() {
            lines.push(Line::styled(
                "    Nobody is working on this goal yet.",
                theme.warning(),
            ));
        }
        lines.extend(
            row.work
                .iter()
                .map(|w| Line::raw(fit(&format!("    {}", work_words(w)), width))),
        );
    }
    lines.extend(unlinked(g, width, theme));
    let height = usize::from(inner.height);
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "Ledger Debt Advice — workstream: Screening in debt advice".
pub fn work_words(w: &Work) -> String {
    let who = w.organisation.as_deref().unwrap_or("organisation not known");
    format!("{who} — {}: {}", w.via.label(), w.text)
}

fn unlinked<'a>(g: &Grid, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    if g.unlinked.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        Line::raw(""),
        Line::styled(
            fit(
                &format!("  Work that names no agreed goal ({})", g.unlinked.len()),
                width,
            ),
            theme.title(),
        ),
    ];
    out.extend(
        g.unlinked
            .iter()
            .map(|w| Line::raw(fit(&format!("    {}", work_words(w)), width))),
    );
    out
}

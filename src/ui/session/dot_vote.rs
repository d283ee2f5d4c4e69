//! Drawing the dot vote: the grid of voices against numbered options while
//! votes are typed (dots shown as ● while hidden), then the ranked tally.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::wrap::{limit, truncate, wrap};
use crate::app::session::dot_vote::{Stage, VoteScreen};
use crate::domain::{DotVote, Tally};
use crate::ui::popup;
use crate::ui::theme::Theme;

/// Width of one option's column in the grid: " 12 ".
const CELL: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, screen: &VoteScreen, theme: &Theme) {
    let vote = &screen.vote;
    let title = format!(" Dot vote on the {} ", vote.list.label());
    // Borders and padding take four columns.
    let width = (area.width.min(100) as usize).saturating_sub(4);
    let mut lines = vec![
        Line::styled(truncate(&settings(vote), width), theme.muted()),
        Line::raw(""),
    ];
    match screen.stage {
        Stage::Entering => lines.extend(grid(screen, width, theme)),
        Stage::Tally => match vote.shown_tally() {
            Some(tally) => lines.extend(tally_lines(vote, &tally, width, theme)),
            None => lines.push(Line::raw("The tally is hidden.")),
        },
    }
    let wanted = lines.len() + usize::from(screen.error.is_some()) + 2;
    let (block, rect) = popup::open(
        frame,
        area,
        100,
        wanted as u16,
        Line::styled(title, theme.title()),
        theme.focus_border(),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = inner.height as usize;
    let error = screen
        .error
        .as_ref()
        .map(|e| Line::styled(truncate(&format!("⚠ {e}"), width), theme.error()));
    let keep = room.saturating_sub(usize::from(error.is_some()));
    lines.truncate(keep);
    if let Some(error) = error {
        lines.resize(keep, Line::raw(""));
        lines.push(error);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "One voice per organisation · 3 dots each · hidden until revealed".
fn settings(vote: &DotVote) -> String {
    let mut parts = vec![vote.counting.title().to_string()];
    if vote.by_totals() {
        parts.push("totals counted in the room".into());
    } else {
        parts.push(format!("{} dots each", vote.dots_each));
    }
    if vote.hidden {
        parts.push(if vote.revealed {
            "revealed".into()
        } else {
            "hidden until revealed".into()
        });
    }
    parts.join(" · ")
}

fn cell(text: &str, style: Style) -> Span<'static> {
    Span::styled(format!("{text:>width$} ", width = CELL - 1), style)
}

/// Voices down the side, option numbers across, the cursor's cell marked
/// with brackets (so it shows without colour), then the options' names.
fn grid(screen: &VoteScreen, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let vote = &screen.vote;
    let hidden = vote.hidden && !vote.revealed;
    let names: Vec<String> = if vote.by_totals() {
        vec!["Totals".into()]
    } else {
        vote.ballots.iter().map(|b| b.voter.clone()).collect()
    };
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(6).clamp(6, 24);
    let left_label = if vote.by_totals() { "" } else { "left" };
    let mut head = vec![Span::styled(format!("  {:name_width$} ", "Voice"), theme.muted())];
    head.extend((1..=vote.options.len()).map(|i| cell(&i.to_string(), theme.muted())));
    head.push(Span::styled(format!(" {left_label}"), theme.muted()));
    let mut out = vec![Line::from(head)];
    for (row, name) in names.iter().enumerate() {
        let here = row == screen.row;
        let marker = if here { "▸ " } else { "  " };
        let mut spans = vec![Span::styled(
            format!("{marker}{:name_width$} ", truncate(name, name_width)),
            if here { theme.title() } else { Style::new() },
        )];
        let dots: Vec<u32> = if vote.by_totals() {
            vote.totals.clone()
        } else {
            vote.ballots.get(row).map(|b| b.dots.clone()).unwrap_or_default()
        };
        for (col, d) in dots.iter().enumerate() {
            let shown = match (*d, hidden) {
                (0, _) => "·".to_string(),
                (_, true) => "●".to_string(),
                (n, false) => n.to_string(),
            };
            if here && col == screen.col {
                spans.push(Span::styled(
                    format!("{:>width$}", format!("[{shown}]"), width = CELL),
                    theme.selected(),
                ));
            } else {
                spans.push(cell(&shown, Style::new()));
            }
        }
        if !vote.by_totals() {
            let left = vote.dots_each.saturating_sub(dots.iter().sum());
            spans.push(Span::styled(format!(" {left}"), theme.muted()));
        }
        out.push(Line::from(spans));
    }
    if !vote.by_totals() && !hidden {
        let tally = vote.tally();
        let mut totals = vec![0; vote.options.len()];
        for r in &tally.rows {
            if let Some(t) = totals.get_mut(r.option) {
                *t = r.dots;
            }
        }
        let mut spans = vec![Span::styled(format!("  {:name_width$} ", "Total"), theme.muted())];
        spans.extend(totals.iter().map(|t| cell(&t.to_string(), theme.muted())));
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    for (i, option) in vote.options.iter().enumerate() {
        let style = if i == screen.col {
            theme.title()
        } else {
            Style::new()
        };
        out.push(Line::styled(
            truncate(&format!("{:>2}. {option}", i + 1), width),
            style,
        ));
    }
    out
}

/// Most dots first, with a bar of dots, ties marked in words ("=2", "tied").
fn tally_lines(vote: &DotVote, tally: &Tally, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let most = tally.rows.first().map(|r| r.dots).unwrap_or(0).max(1);
    let bar_room = 12usize.min(width / 5);
    let mut out = vec![Line::styled(
        format!(
            "{:<6}{:>4}  {:bar_room$}  Option   (= marks a tie)",
            "Rank", "Dots", ""
        ),
        theme.muted(),
    )];
    for r in &tally.rows {
        let rank = if r.tied {
            format!("={}", r.rank)
        } else {
            r.rank.to_string()
        };
        let bar = "●".repeat((r.dots as usize * bar_room).div_ceil(most as usize).min(bar_room));
        let style = if r.rank == 1 && r.dots > 0 {
            theme.title()
        } else {
            Style::new()
        };
        let text_room = width.saturating_sub(12 + bar_room + 2);
        out.push(Line::from(vec![
            Span::styled(format!("{rank:<6}{:>4}  ", r.dots), style),
            Span::styled(format!("{bar:bar_room$}  "), theme.muted()),
            Span::styled(truncate(&r.text, text_room), style),
        ]));
    }
    out.push(Line::raw(""));
    let mut summary = format!("{} dots given", tally.dots_cast);
    if !vote.by_totals() {
        summary.push_str(&format!(
            " by {} of {} {}",
            tally.voted.len(),
            vote.ballots.len(),
            vote.counting.nouns(vote.ballots.len())
        ));
        if !tally.abstained.is_empty() {
            summary.push_str(&format!("; no dots from {}", tally.abstained.join(", ")));
        }
    }
    out.extend(limit(wrap(&[Span::raw(summary)], width), 3, width));
    let next = match vote.decision_text() {
        Ok(_) => "d makes the top option a decision.".to_string(),
        Err(why) => why,
    };
    out.extend(limit(wrap(&[Span::styled(next, theme.muted())], width), 3, width));
    out
}

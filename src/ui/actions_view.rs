//! The actions view: the filters in use, every matching action in a table
//! (soonest due first, ⚠ on those overdue, the action's text the widest
//! column, led by its follow-through flags in brackets), and the selected
//! one in full with its flags in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use super::table::{self, cell, scroll, widths};
use super::theme::Theme;
use crate::app::App;
use crate::app::actions_view::ActionsState;
use crate::app::message::count;
use crate::domain::{ActionRecord, Flag};

/// From this width the partnership gets a wider column.
const WIDE: u16 = 110;

pub fn draw(frame: &mut Frame, area: Rect, state: &ActionsState, app: &App) {
    let theme = &app.theme;
    let [filters, summary, table, details] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        // The action in full, where it is, and its flags.
        Constraint::Length(6),
    ])
    .areas(area);
    let wide = area.width >= WIDE;
    frame.render_widget(Paragraph::new(filter_line(state, wide, theme)), filters);
    let (shown, overdue, flagged) = state.counts();
    let what = if state.to_do {
        " to do (open or in progress)"
    } else {
        ""
    };
    let mut text = format!(
        " {}{what}, {} overdue (⚠), {flagged} flagged […]",
        count(shown, "action", "actions"),
        overdue
    );
    // The order is said when there is room for it.
    let order = ", soonest due first";
    if text.chars().count() + order.len() < usize::from(area.width) {
        text.push_str(order);
    }
    if let Some(words) = state.reading_words() {
        text = format!(" {words}");
    }
    frame.render_widget(Paragraph::new(Line::styled(text, theme.muted())), summary);
    draw_table(frame, table, state, app);
    let selected = state.shown(state.selected);
    draw_details(frame, details, state, selected, theme);
    if let Some(form) = &state.editing {
        super::action_edit::draw(frame, area, form, theme);
    }
}

fn filter_line<'a>(state: &'a ActionsState, wide: bool, theme: &Theme) -> Line<'a> {
    let f = &state.filter;
    // Narrow screens leave the keys to the footer, so every filter fits.
    let item = |label: &'static str, value: String, key: &'static str| {
        let key = if wide { format!(" ({key})") } else { String::new() };
        vec![
            Span::styled(label, theme.muted()),
            Span::styled(value, theme.title()),
            Span::styled(format!("{key}  "), theme.muted()),
        ]
    };
    let owner = match (&f.owner, state.typing_owner) {
        (Some(o), true) => format!("{o}▏"),
        (None, true) => "▏".to_string(),
        (Some(o), false) => o.clone(),
        (None, false) => "all".into(),
    };
    let mut spans = vec![Span::raw(" ")];
    let partnership = match &f.partnership {
        Some(p) if wide => p.clone(),
        Some(p) => short(p),
        None => "all".into(),
    };
    spans.extend(item("Partnership: ", partnership, "p"));
    spans.extend(item("Owner: ", owner, "o"));
    spans.extend(item("Status: ", state.status_label().into(), "s"));
    spans.extend(item(
        "Overdue only: ",
        if f.overdue { "yes" } else { "no" }.into(),
        "!",
    ));
    Line::from(spans)
}

fn draw_table(frame: &mut Frame, area: Rect, state: &ActionsState, app: &App) {
    let (shown, _, _) = state.counts();
    let theme = &app.theme;
    let inner = table::boxed(frame, area, theme);
    let wide = area.width >= WIDE;
    // The action's text gets what is left, the most of any column; narrow
    // screens leave the partnership to the filter line and the details.
    let mut constraints = vec![
        Constraint::Length(12),
        Constraint::Length(11),
        Constraint::Length(if wide { 18 } else { 14 }),
    ];
    if wide {
        constraints.push(Constraint::Length(14));
    }
    constraints.push(Constraint::Fill(1));
    let cols = widths(&constraints, inner.width.saturating_sub(2));
    let join = |cells: [&str; 5]| {
        cells
            .iter()
            .enumerate()
            .filter(|(i, _)| wide || *i != 3)
            .map(|(_, c)| c)
            .zip(&cols)
            .map(|(c, w)| cell(c, *w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut lines = vec![Line::styled(
        format!("  {}", join(["Due", "Status", "Owner", "Partnership", "Action"])),
        theme.title(),
    )];
    if shown == 0 {
        lines.push(Line::styled(
            "  No actions match these filters. Press p, o, s or ! to change them.",
            theme.muted(),
        ));
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let offset = scroll(state.selected, height);
    // For clicks: the rows under the header line.
    app.hits.list_drawn(crate::app::mouse::Drawn {
        rows: Rect::new(inner.x, inner.y + 1, inner.width, height as u16),
        first: offset,
        per_item: 1,
        len: shown,
    });
    for (i, (r, flags)) in (offset..shown)
        .take(height)
        .filter_map(|i| Some((i, state.shown(i)?)))
    {
        let a = r.action;
        let due = match a.due {
            Some(d) if r.is_overdue(app.today) => format!("⚠ {d}"),
            Some(d) => format!("  {d}"),
            None => "  —".into(),
        };
        let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = match short_flags(flags) {
            f if !f.is_empty() => format!("[{f}] {text}"),
            _ => text,
        };
        let owner = if a.owner.trim().is_empty() {
            "—"
        } else {
            a.owner.as_str()
        };
        let row = join([&due, a.status.label(), owner, &short(r.partnership), &text]);
        let selected = i == state.selected;
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(format!("{marker}{row}"), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The flags in few words for the table: "carried 2×, owner absent".
fn short_flags(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| match f {
            Flag::Carried(n) => format!("carried {n}×"),
            Flag::NoOwner => "no owner".into(),
            Flag::OwnerAbsent => "owner absent".into(),
            Flag::OrganisationLeft(_) => "org left".into(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first two words of a partnership's name ("Level Ground"), so the
/// action's text keeps the room; the details below give it in full.
fn short(name: &str) -> String {
    name.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

fn draw_details(
    frame: &mut Frame,
    area: Rect,
    state: &ActionsState,
    record: Option<(ActionRecord, &[Flag])>,
    theme: &Theme,
) {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .padding(Padding::horizontal(1))
        .title(Line::styled(" Selected action ", theme.title()));
    let Some((r, flags)) = record else {
        frame.render_widget(block, area);
        return;
    };
    let session = state.loaded.sessions.get(r.session);
    let file = state
        .loaded
        .paths
        .get(r.session)
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let from = session.map(|s| s.title.as_str()).unwrap_or_default();
    let id = if r.action.id.is_empty() {
        "none"
    } else {
        r.action.id.as_str()
    };
    let text = vec![
        Line::raw(r.action.text.split_whitespace().collect::<Vec<_>>().join(" ")),
        Line::from(vec![
            Span::styled("ID ", theme.muted()),
            Span::raw(id.to_string()),
            Span::styled(" · ", theme.muted()),
            Span::raw(r.partnership.to_string()),
            Span::styled(" · latest in ", theme.muted()),
            Span::raw(from.to_string()),
            Span::styled(format!(" ({file})"), theme.muted()),
        ]),
    ];
    let mut text = text;
    if !flags.is_empty() {
        text.push(Line::from(vec![
            Span::styled("Follow-through: ", theme.muted()),
            Span::raw(Flag::join(flags)),
        ]));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}

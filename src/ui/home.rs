//! The home screen: the archive's sessions grouped by partnership (or as one
//! table), details of the selected one, or a welcome when the archive is
//! empty.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Row, Table, TableState, Wrap};

use unicode_width::UnicodeWidthStr;

use super::table::fit;
use super::theme::Theme;
use super::timeline;
use crate::app::App;
use crate::app::home::{self, HomeState};
use crate::app::keys::key_of;
use crate::app::message::count;
use crate::app::mouse::Drawn;
use crate::domain::{Card, clean_for_terminal};
use crate::storage::Listed;

/// From this width the table has room for a partnership column.
const WIDE: u16 = 110;

pub fn draw(frame: &mut Frame, area: Rect, home: &HomeState, app: &App) {
    if home.entries.is_empty() {
        match app.library.checking {
            // The first look at a folder not seen before: say so rather
            // than welcome someone whose sessions are on their way.
            Some(progress) => {
                let text = Line::styled(format!(" {}", checking(progress)), app.theme.muted());
                frame.render_widget(Paragraph::new(text), area);
            }
            None => welcome(frame, area, home, app),
        }
        return;
    }
    let [summary, table, details] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(6)]).areas(area);
    frame.render_widget(Paragraph::new(summary_line(home, app)), summary);
    if home.grouped {
        app.hits
            .list_drawn(timeline::draw(frame, table, home, &app.theme));
    } else {
        sessions_table(frame, table, home, app);
    }
    details_panel(frame, details, home, app);
}

fn summary_line<'a>(home: &HomeState, app: &'a App) -> Line<'a> {
    let (sessions, broken) = home.counts();
    let mut text = format!(" {} in ", count(sessions, "session", "sessions"));
    let partnerships = home.groups.iter().filter(|g| !g.unreadable).count();
    if home.grouped && partnerships > 1 {
        text = format!(
            " {} of {partnerships} partnerships in ",
            count(sessions, "session", "sessions")
        );
    }
    if broken > 0 {
        text = format!(
            " {} and {} in ",
            count(sessions, "session", "sessions"),
            count(broken, "unreadable file", "unreadable files")
        );
    }
    let mut line = Line::from(vec![
        Span::styled(text, app.theme.muted()),
        Span::raw(app.display_dir.as_str()),
    ]);
    if let Some(progress) = app.library.checking {
        line.push_span(Span::styled(
            format!("  · {}", checking(progress)),
            app.theme.muted(),
        ));
    }
    if let Some(sharing) = crate::app::sharing::status_line(app) {
        line.push_span(Span::styled(format!("  · {sharing}"), app.theme.muted()));
    }
    line
}

/// How far the check of the folder has got.
fn checking((done, total): (usize, usize)) -> String {
    format!("Checking the archive folder: {done} of {total} files…")
}

fn sessions_table(frame: &mut Frame, area: Rect, home: &HomeState, app: &App) {
    let theme = &app.theme;
    let wide = area.width >= WIDE;
    let mut header = vec!["Date", "Title"];
    let mut widths = vec![Constraint::Length(10), Constraint::Fill(3)];
    if wide {
        header.push("Partnership");
        widths.push(Constraint::Fill(2));
    }
    header.extend(["Status", "People", "Decisions", "Open actions"]);
    widths.extend([12, 6, 9, 12].map(Constraint::Length));

    // The same layout the table makes, to cut long text with "…" rather
    // than mid-word without warning. Inside the border and the "▶ " marker.
    let inner = Rect::new(0, 0, area.width.saturating_sub(4), 1);
    let columns: Vec<usize> = Layout::horizontal(widths.clone())
        .spacing(1)
        .split(inner)
        .iter()
        .map(|r| usize::from(r.width))
        .collect();
    // Only the rows in view are written out, whatever the archive's size;
    // the window moves as the table would scroll it.
    let visible = usize::from(area.height.saturating_sub(3));
    let offset = super::table::scroll(home.selected, visible);
    let rows = home
        .entries
        .iter()
        .skip(offset)
        .take(visible)
        .map(|entry| row(entry, wide, &columns, theme));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.title()))
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ")
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border()),
        );
    // For clicks: inside the border, under the header row.
    let rows = Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        visible as u16,
    );
    app.hits.list_drawn(Drawn {
        rows,
        first: offset,
        per_item: 1,
        len: home.entries.len(),
    });
    let mut state = TableState::default().with_selected(Some(home.selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
}

fn row<'a>(entry: &'a Listed, wide: bool, columns: &[usize], theme: &Theme) -> Row<'a> {
    let fit = |text: &str, column: usize| Line::from(fit(text, columns.get(column).copied().unwrap_or(0)));
    let number = |n: usize| Line::from(n.to_string()).right_aligned();
    let mut cells: Vec<Line> = Vec::new();
    match &entry.card {
        Ok(s) => {
            cells.push(Line::from(s.date.format("%Y-%m-%d").to_string()));
            cells.push(fit(&crate::sync::copies::marked_title(&entry.path, &s.title), 1));
            if wide {
                cells.push(fit(&s.partnership, 2));
            }
            cells.push(Line::from(s.status.label()));
            cells.push(number(s.participants));
            cells.push(number(s.decisions));
            cells.push(number(s.open_actions));
            Row::new(cells)
        }
        Err(_) => {
            cells.push(Line::from("?"));
            cells.push(fit(&entry.file_name(), 1));
            if wide {
                cells.push(Line::from(""));
            }
            cells.push(Line::from("⚠ Unreadable"));
            Row::new(cells).style(theme.error())
        }
    }
}

fn details_panel(frame: &mut Frame, area: Rect, home: &HomeState, app: &App) {
    let theme = &app.theme;
    let Some(entry) = home.selected_entry() else {
        return;
    };
    let (title, border, text) = match &entry.card {
        Ok(session) => (
            " Selected session ",
            theme.border(),
            details(session, entry, theme),
        ),
        Err(error) => (
            " ⚠ This file could not be read ",
            theme.error(),
            Text::from(vec![
                Line::styled(app.shown(&error.to_string()), theme.error()),
                Line::raw(format!(
                    "{} Roundtable will not change this file.",
                    crate::app::recovery::advice(error)
                )),
            ]),
        ),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .padding(Padding::horizontal(1))
        .title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}

fn details<'a>(s: &'a Card, entry: &Listed, theme: &Theme) -> Text<'a> {
    let mut when = s.date.format("%A %-d %B %Y").to_string();
    if let Some(time) = s.start_time {
        when.push_str(&time.format(", %H:%M").to_string());
    }
    if !s.location.is_empty() {
        when.push_str(&format!(", {}", clean_for_terminal(&s.location)));
    }
    let field =
        |label: &'static str, value: String| vec![Span::styled(label, theme.muted()), Span::raw(value)];
    let or_dash = |v: &str| {
        if v.trim().is_empty() {
            "—".to_string()
        } else {
            clean_for_terminal(v).into_owned()
        }
    };
    let mut people = field("Partnership: ", or_dash(&s.partnership));
    people.push(Span::raw("   "));
    people.extend(field("Facilitator: ", or_dash(&s.facilitator)));
    Text::from(vec![
        Line::styled(clean_for_terminal(&s.title), theme.title()),
        Line::from(field("When: ", when)),
        Line::from(people),
        Line::from(field("File: ", entry.file_name())),
    ])
}

fn welcome(frame: &mut Frame, area: Rect, home: &HomeState, app: &App) {
    let theme = &app.theme;
    // The keys in force, the config file's overrides included.
    let key = |a: home::Action| Span::styled(key_of(home::KEYS, a), theme.key());
    let text = vec![
        Line::styled("Welcome to Roundtable.", theme.title()),
        Line::raw(""),
        match home.trashed {
            0 => Line::raw("There are no sessions in this archive folder yet."),
            n => Line::from(vec![
                Span::raw(format!(
                    "No sessions here; {} in the trash (",
                    count(n, "removed session", "removed sessions")
                )),
                key(home::Action::Trash),
                Span::raw(")."),
            ]),
        },
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            key(home::Action::New),
            Span::raw(" to start your first session."),
        ]),
        Line::from(vec![
            Span::raw("Press "),
            key(home::Action::Examples),
            Span::raw(" to look at example sessions first, read-only."),
        ]),
        Line::raw("They stay apart from your own sessions."),
        Line::from(vec![
            Span::raw("Press "),
            key(home::Action::Theme),
            Span::raw(" for colours that suit a light terminal or a projector."),
        ]),
        Line::raw(""),
        Line::styled("Sessions are saved as files in:", theme.muted()),
        Line::raw(app.display_dir.as_str()),
    ];
    let width = 72.min(area.width);
    // A long folder path wraps onto more lines.
    let path_rows = app
        .display_dir
        .width()
        .div_ceil(usize::from(width.saturating_sub(6)).max(1));
    let height = (text.len() as u16 + 3 + path_rows.max(1) as u16).min(area.height);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .padding(Padding::new(2, 2, 1, 1));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(block), rect);
}

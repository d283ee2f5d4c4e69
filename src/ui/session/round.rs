//! The go-round as the room follows it: a strip above the section saying
//! who is speaking (with the countdown), who is next, who passed and who
//! comes back later; and the chooser `r` opens before it starts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::wrap::{limit, truncate, wrap};
use crate::app::keys::Binding;
use crate::app::session::SessionScreen;
use crate::app::session::keys::{BrowseAction, browse_key};
use crate::app::session::round::{RoundSetup, SETUP, SetupAction};
use crate::domain::{GoRound, RoundOrder, Session, countdown_words};
use crate::ui::popup;
use crate::ui::theme::Theme;

/// Draws the strip when a round is running and returns the area left for
/// the section below it.
pub fn strip(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) -> Rect {
    let Some(round) = screen.session.open_round() else {
        return area;
    };
    let width = area.width as usize;
    let lines = lines(&screen.session, round, screen, width, theme);
    let height = lines.len() as u16 + 2;
    let [top, rest] = Layout::vertical([Constraint::Length(height), Constraint::Min(1)]).areas(area);
    let title = format!(
        " Go-round · step {} · {} ",
        round.step.number(),
        match round.order {
            RoundOrder::Listed => "listed order",
            RoundOrder::VoicesFirst => "voices first",
        }
    );
    let block = Block::new()
        .borders(Borders::TOP | Borders::BOTTOM)
        .border_style(theme.focus_border())
        .title(Line::styled(truncate(&title, width), theme.title()));
    // Read-only, the round can be seen but not moved on.
    let block = match screen.read_only {
        Some(_) => block,
        None => {
            block.title_bottom(Line::styled(truncate(&keys_hint(round), width), theme.key()).right_aligned())
        }
    };
    let inner = block.inner(top);
    frame.render_widget(block, top);
    frame.render_widget(Paragraph::new(lines), inner);
    rest
}

fn lines(
    s: &Session,
    round: &GoRound,
    screen: &SessionScreen,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let org = |name: &str| {
        s.participants
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.organisation.trim())
            .filter(|o| !o.is_empty())
            .map(|o| format!(" ({o})"))
            .unwrap_or_default()
    };
    let mut first = match &round.speaking {
        Some(name) => vec![
            Span::styled("▶ Speaking: ", theme.key()),
            Span::styled(format!("{name}{}", org(name)), theme.title()),
        ],
        None => vec![Span::styled("Everyone has had a turn.", theme.success())],
    };
    if let Some(left) = round.seconds_left(screen.round.now) {
        let style = if left < 0 { theme.warning() } else { theme.muted() };
        first.push(Span::raw(" · "));
        first.push(Span::styled(countdown_words(left), style));
    }
    let mut out = limit(wrap(&first, width), 2, width);
    let mut next = match round.next_up() {
        Some(name) => {
            let more = (round.queue.len() + round.later.len()).saturating_sub(1);
            let more = if more > 0 {
                format!(", then {more} more")
            } else {
                String::new()
            };
            format!("Next: {name}{more}")
        }
        None => "Nobody left to call".to_string(),
    };
    next.push_str(&format!(" · spoke {}", round.spoke().len()));
    out.push(Line::styled(truncate(&next, width), theme.muted()));
    let mut waiting: Vec<String> = Vec::new();
    let passed = round.passed();
    if !passed.is_empty() {
        waiting.push(format!("Passed: {}", passed.join(", ")));
    }
    if !round.later.is_empty() {
        waiting.push(format!("Back later: {}", round.later.join(", ")));
    }
    if !waiting.is_empty() {
        out.push(Line::styled(truncate(&waiting.join(" · "), width), theme.muted()));
    }
    out
}

/// The round's keys, from the key table, for the strip's lower border.
fn keys_hint(round: &GoRound) -> String {
    let keys: Vec<String> = [
        BrowseAction::RoundNext,
        BrowseAction::RoundPass,
        BrowseAction::RoundLater,
        BrowseAction::Round,
    ]
    .into_iter()
    .filter(|a| round.speaking.is_some() || *a == BrowseAction::Round)
    .filter_map(browse_key)
    .map(|(key, label)| {
        let label = if label == "go-round" { "end round" } else { label };
        format!("{key} {label}")
    })
    .collect();
    format!(" {} ", keys.join(" · "))
}

/// The chooser opened by `r`, over the section.
pub fn setup(frame: &mut Frame, area: Rect, setup: &RoundSetup, theme: &Theme) {
    let width = 62.min(area.width);
    let inner_width = width.saturating_sub(4) as usize;
    let mark = |on: bool| if on { "(•)" } else { "( )" };
    let time = match setup.minutes {
        0 => "no limit".to_string(),
        m => format!("{m} min each, with a countdown"),
    };
    let key = |action: SetupAction| {
        SETUP
            .iter()
            .find(|b: &&Binding<SetupAction>| b.action == action)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
            .unwrap_or_default()
    };
    let mut lines = vec![
        Line::styled(format!("Order ({}):", key(SetupAction::Order)), theme.title()),
        Line::raw(format!("{} as listed", mark(setup.order == RoundOrder::Listed))),
    ];
    lines.extend(wrap(
        &[Span::raw(format!(
            "{} lived experience first, then smaller organisations (community or voluntary, or the only one from theirs present)",
            mark(setup.order == RoundOrder::VoicesFirst)
        ))],
        inner_width,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(
            format!("Time ({}/{}): ", key(SetupAction::Less), key(SetupAction::More)),
            theme.title(),
        ),
        Span::raw(time),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "{} start · {} cancel",
            key(SetupAction::Start),
            key(SetupAction::Cancel)
        ),
        theme.muted(),
    ));
    let title = Line::styled(
        format!(
            " Go-round on step {} · {} ",
            setup.step.number(),
            setup.step.short()
        ),
        theme.title(),
    );
    let (block, rect) = popup::open(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        title,
        theme.focus_border(),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

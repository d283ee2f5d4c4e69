//! The step guidance above the items: why the step matters, what to ask the
//! room, what to capture and what to watch for, cut to the room available
//! (`g` hides it).

use ratatui::text::{Line, Span};

use super::wrap::{limit, wrap};
use crate::assets::guide;
use crate::domain::Step;
use crate::ui::theme::Theme;

/// The guidance for `step` in at most `max` lines of `width` columns.
pub fn lines(step: Step, width: usize, max: usize, theme: &Theme) -> Vec<Line<'static>> {
    if max == 0 {
        return Vec::new();
    }
    let g = guide(step);
    let mut out = wrap(&[Span::styled(g.purpose.clone(), theme.muted())], width);
    out = limit(out, if max < 7 { 1 } else { 2 }, width);
    // Prompts come first because they are what the facilitator reads aloud.
    let mut prompts = Vec::new();
    for prompt in &g.prompts {
        let text = vec![Span::styled("Ask: ", theme.key()), Span::raw(prompt.clone())];
        prompts.push(limit(wrap(&text, width), 2, width));
    }
    let capture = vec![
        Span::styled("Capture: ", theme.key()),
        Span::styled(g.capture.join("; "), theme.muted()),
    ];
    let capture = limit(wrap(&capture, width), 2, width);
    // Fairness reminders get a line of their own once there is room for
    // purpose, a prompt and what to capture.
    let watch = if max >= 6 && !g.watch_for.is_empty() {
        let text = vec![
            Span::styled("Watch for: ", theme.key()),
            Span::styled(g.watch_for.join("; "), theme.muted()),
        ];
        limit(wrap(&text, width), 1, width)
    } else {
        Vec::new()
    };
    for prompt in prompts {
        if out.len() + prompt.len() + capture.len().min(1) + watch.len() > max {
            break;
        }
        out.extend(prompt);
    }
    let room = max.saturating_sub(out.len() + watch.len());
    out.extend(limit(capture, room.max(1), width).into_iter().take(room));
    out.extend(watch.into_iter().take(max.saturating_sub(out.len())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guidance_fits_its_budget() {
        let theme = Theme::plain();
        for step in Step::ALL {
            for max in 0..8 {
                let lines = lines(step, 30, max, &theme);
                assert!(lines.len() <= max, "{step:?} {max}: {}", lines.len());
                assert!(lines.iter().all(|l| l.width() <= 30));
            }
        }
    }
}

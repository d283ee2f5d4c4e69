//! Word wrapping and truncation of styled text by display width, so long
//! goals and names stay readable in narrow panes without ever overflowing.

use std::ops::ControlFlow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A word with the spaces after it, in one style.
struct Piece {
    text: String,
    style: Style,
    hard_break: bool,
}

/// Calls `each` with every piece of `spans` in order until it answers
/// `Break`, so a long text is cut into words only as far as it is shown.
fn pieces(spans: &[Span], mut each: impl FnMut(Piece) -> ControlFlow<()>) {
    for span in spans {
        let mut word = String::new();
        let mut after_space = false;
        for c in span.content.chars() {
            // What is measured must be what is drawn: ratatui drops tabs
            // and control characters that unicode-width counts as one column.
            let c = match c {
                '\t' => ' ',
                c if c != '\n' && crate::domain::needs_cleaning(c) => crate::domain::REPLACEMENT,
                c => c,
            };
            if c == '\n' {
                let piece = Piece {
                    text: std::mem::take(&mut word),
                    style: span.style,
                    hard_break: true,
                };
                if each(piece).is_break() {
                    return;
                }
                after_space = false;
                continue;
            }
            if after_space && !c.is_whitespace() {
                let piece = Piece {
                    text: std::mem::take(&mut word),
                    style: span.style,
                    hard_break: false,
                };
                if each(piece).is_break() {
                    return;
                }
            }
            after_space = c.is_whitespace();
            word.push(c);
        }
        if !word.is_empty() {
            let piece = Piece {
                text: word,
                style: span.style,
                hard_break: false,
            };
            if each(piece).is_break() {
                return;
            }
        }
    }
}

/// Wraps `spans` into lines at most `width` columns wide; words longer than
/// a line are split.
pub fn wrap(spans: &[Span], width: usize) -> Vec<Line<'static>> {
    wrap_upto(spans, width, usize::MAX)
}

/// The first `max` lines of `spans` wrapped to `width`, the last one ending
/// in "…" when there is more. Only what is shown is wrapped, so a note of
/// any length costs the same to draw.
pub fn wrap_limited(spans: &[Span], width: usize, max: usize) -> Vec<Line<'static>> {
    limit(wrap_upto(spans, width, max.max(1).saturating_add(1)), max, width)
}

/// `wrap`, stopping once at least `max` lines are made (the last may then
/// be missing words that would have followed on it).
pub fn wrap_upto(spans: &[Span], width: usize, max: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    pieces(spans, |piece| {
        let mut text = piece.text.as_str();
        if used > 0 && used + text.trim_end().width() > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if used == 0 {
            text = text.trim_start();
        }
        while text.trim_end().width() > width - used {
            let (head, rest) = split_at_width(text, width - used);
            if head.is_empty() && used == 0 {
                break;
            }
            line.push(Span::styled(head.to_string(), piece.style));
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
            text = rest.trim_start();
        }
        if used + text.width() > width {
            text = text.trim_end();
        }
        if !text.is_empty() {
            used += text.width();
            line.push(Span::styled(text.to_string(), piece.style));
        }
        if piece.hard_break {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if lines.len() >= max {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if (!line.is_empty() || lines.is_empty()) && lines.len() < max {
        lines.push(Line::from(line));
    }
    lines
}

/// The longest start of `text` that fits in `width` columns, and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

/// `text` cut to `width` columns, ending in "…" when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    let text = crate::domain::clean_for_terminal(text);
    let text = text.as_ref();
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, width - 1);
    format!("{head}…")
}

/// Keeps at most `max` lines, marking the last kept one with "…" when some
/// were dropped.
pub fn limit(mut lines: Vec<Line<'static>>, max: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max.max(1));
    if let Some(last) = lines.last_mut() {
        if let Some(span) = last.spans.last_mut() {
            span.content = span.content.trim_end().to_string().into();
        }
        let used: usize = last.spans.iter().map(|s| s.content.width()).sum();
        if used + 1 > width {
            if let Some(span) = last.spans.last_mut() {
                let keep = span.content.width().saturating_sub(used + 1 - width);
                span.content = truncate(&span.content, keep).into();
            }
        } else {
            let style = last.spans.last().map(|s| s.style).unwrap_or_default();
            last.spans.push(Span::styled("…", style));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_words_and_splits_long_ones() {
        let spans = [Span::raw("Halve the waiting "), Span::raw("times for everyone")];
        assert_eq!(
            text(&wrap(&spans, 10)),
            ["Halve the ", "waiting ", "times for ", "everyone"]
        );
        assert_eq!(text(&wrap(&[Span::raw("abcdefghij")], 4)), ["abcd", "efgh", "ij"]);
        assert_eq!(text(&wrap(&[Span::raw("")], 4)), [""]);
        assert_eq!(text(&wrap(&[Span::raw("one\ntwo")], 9)), ["one", "two"]);
    }

    #[test]
    fn wide_characters_count_double() {
        for line in wrap(&[Span::raw("会議の目標を決める 会議")], 6) {
            assert!(line.width() <= 6, "{line}");
        }
        assert_eq!(truncate("Participation", 6), "Parti…");
        assert_eq!(truncate("会議の目標", 5), "会議…");
    }

    #[test]
    fn wrapping_only_what_is_shown_reads_the_same() {
        let texts = [
            "one two three four five six seven eight nine ten",
            "one\ntwo\n\nthree four five six",
            "abcdefghijklmnopqrstuvwxyz abc",
            "short",
            "",
        ];
        for text in texts {
            for max in 1..6 {
                let spans = [Span::raw(text)];
                assert_eq!(
                    wrap_limited(&spans, 7, max),
                    limit(wrap(&spans, 7), max, 7),
                    "{text:?} in {max} lines"
                );
            }
        }
    }

    #[test]
    fn limited_lines_end_in_an_ellipsis() {
        let lines = wrap(&[Span::raw("one two three four")], 4);
        assert_eq!(text(&limit(lines, 2, 4)), ["one ", "two…"]);
    }
}

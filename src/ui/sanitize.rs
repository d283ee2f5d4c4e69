//! The last pass over every frame: no cell may hold a character the
//! terminal would act on instead of showing (ESC, BEL, a bidi override...).
//! One choke point for every screen, present and future, on top of the
//! cleaning done where text is shown.

use ratatui::buffer::Buffer;

use crate::domain::{REPLACEMENT, needs_cleaning};

/// Replaces every cell whose symbol holds a control or bidi character.
pub fn clean(buffer: &mut Buffer) {
    let mut replacement = [0u8; 4];
    let replacement: &str = REPLACEMENT.encode_utf8(&mut replacement);
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(needs_cleaning) {
            cell.set_symbol(replacement);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    #[test]
    fn control_and_bidi_characters_never_survive() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer[(0, 0)].set_symbol("\u{1b}");
        buffer[(1, 0)].set_symbol("a\u{202E}");
        buffer[(2, 0)].set_symbol("\u{7}");
        buffer[(3, 0)].set_symbol("é");
        clean(&mut buffer);
        let symbols: Vec<&str> = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, ["\u{FFFD}", "\u{FFFD}", "\u{FFFD}", "é", " ", " "]);
    }
}

//! A one-line text field on `TextArea`, shared by the small forms (new
//! session, next session, an action's owner and date, the search query).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

#[derive(Debug, Clone, Default)]
pub struct LineField(TextArea<'static>);

impl LineField {
    /// A field holding `text`, the cursor at its start.
    pub fn new(text: impl Into<String>) -> LineField {
        LineField(TextArea::new(vec![text.into()]))
    }

    /// A field holding `text`, the cursor after it, ready to add to.
    pub fn at_end(text: impl Into<String>) -> LineField {
        let mut field = LineField::new(text);
        field.0.move_cursor(CursorMove::End);
        field
    }

    /// What is typed, untrimmed.
    pub fn value(&self) -> String {
        self.0.lines().join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The editor, for drawing a styled copy.
    pub fn editor(&self) -> &TextArea<'static> {
        &self.0
    }

    /// Edits with `key`; whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        // Ctrl-M would start a second line.
        if key.code == KeyCode::Char('m') && key.modifiers == KeyModifiers::CONTROL {
            return false;
        }
        self.0.input(key)
    }

    /// Pastes `text` as one line: line breaks and tabs become spaces.
    pub fn paste(&mut self, text: &str) {
        let one_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.0.insert_str(one_line.trim_end());
    }

    /// As in web forms: arriving in a filled field selects its text, so
    /// typing replaces it and arrows keep it.
    pub fn arrive(&mut self) {
        self.0.cancel_selection();
        if !self.0.is_empty() {
            self.0.select_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn ctrl_m_never_starts_a_second_line() {
        let mut field = LineField::at_end("Hall");
        assert!(!field.input(key(KeyCode::Char('m'), KeyModifiers::CONTROL)));
        assert!(field.input(key(KeyCode::Char('s'), KeyModifiers::NONE)));
        assert_eq!(field.value(), "Halls");
    }

    #[test]
    fn paste_makes_one_line_and_drops_trailing_breaks() {
        let mut field = LineField::default();
        field.paste("Level\nGround\t2027\r\n");
        assert_eq!(field.value(), "Level Ground 2027");
    }

    #[test]
    fn arriving_selects_a_filled_field_so_typing_replaces_it() {
        let mut field = LineField::new("2026-12-03");
        field.arrive();
        field.input(key(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(field.value(), "x");
        let mut empty = LineField::default();
        empty.arrive();
        assert!(empty.is_empty());
    }
}

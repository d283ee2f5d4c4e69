//! A one-line text field on `TextArea`, shared by the small forms (new
//! session, next session, an action's owner and date, the search query),
//! and the typing rules every text field in the app follows.

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
        type_into(&mut self.0, key)
    }

    /// Takes back the last typing in this field (the forms' Ctrl-Z).
    pub fn undo(&mut self) -> bool {
        self.0.undo()
    }

    /// Pastes `text` as one line: line breaks and tabs become spaces.
    pub fn paste(&mut self, text: &str) {
        let one_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.0.insert_str(one_line.trim_end());
    }

    /// Arriving in a field keeps its text and puts the cursor after it, so
    /// one stray key never wipes what was there (Ctrl-U clears it on
    /// purpose, Ctrl-Z brings it back).
    pub fn arrive(&mut self) {
        self.0.cancel_selection();
        self.0.move_cursor(CursorMove::Bottom);
        self.0.move_cursor(CursorMove::End);
    }
}

/// Types `key` into `area` as a shell would: Ctrl-U deletes back to the
/// start of the line (the editor's own binding would undo instead, which
/// surprises anyone used to a terminal). Undo is Ctrl-Z, bound in each
/// form's key table so footers and help show it. Whether the text changed.
pub fn type_into(area: &mut TextArea<'static>, key: KeyEvent) -> bool {
    if key.code == KeyCode::Char('u') && key.modifiers == KeyModifiers::CONTROL {
        return area.delete_line_by_head();
    }
    area.input(key)
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
    fn arriving_keeps_a_filled_field_so_one_key_never_wipes_it() {
        let mut field = LineField::new("Spring workshop");
        field.arrive();
        field.input(key(KeyCode::Char('s'), KeyModifiers::NONE));
        assert_eq!(field.value(), "Spring workshops");
        let mut empty = LineField::default();
        empty.arrive();
        assert!(empty.is_empty());
    }

    #[test]
    fn ctrl_u_clears_as_in_a_shell_and_ctrl_z_undo_brings_it_back() {
        let mut field = LineField::at_end("2026-12-03");
        assert!(field.input(key(KeyCode::Char('u'), KeyModifiers::CONTROL)));
        assert!(field.is_empty());
        field.input(key(KeyCode::Char('4'), KeyModifiers::NONE));
        assert!(field.undo());
        assert!(field.undo());
        assert_eq!(field.value(), "2026-12-03");
    }
}

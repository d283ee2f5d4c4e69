//! The item editor: one input per field of the item being edited.

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::complete::Completion;
use super::fields::{FieldKind, FieldSpec};
use super::items::ListRef;
use super::values::Value;
use crate::app::line_field::type_into;
use crate::domain::{Step, parse_date};

/// What the editor writes to when it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Item { list: ListRef, row: usize, is_new: bool },
    Notes(Step),
}

pub enum Input {
    Text(Box<TextArea<'static>>),
    Pick { options: Vec<String>, index: usize },
    Flag(bool),
}

pub struct Field {
    pub spec: FieldSpec,
    pub input: Input,
}

pub struct Editor {
    pub target: Target,
    /// E.g. "New goal" or "Edit participant".
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A field that holds something unusable, and what is wrong with it.
    pub error: Option<(usize, String)>,
    /// Why the editor did not close when asked, and what to do, until the
    /// field at fault is changed.
    pub blocked: Option<String>,
    /// Names offered in person fields, organisations in organisation fields.
    pub names: Vec<String>,
    pub organisations: Vec<String>,
    completion: Option<Completion>,
    /// Ctrl-Z steps that make up the last change, when it was the text
    /// coming back from $EDITOR (the old text removed, the new inserted).
    replaced: usize,
    /// The values the editor opened with, to tell whether anything changed.
    original: Vec<Value>,
}

fn text_area(spec: FieldSpec, text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_cursor_line_style(Style::default());
    area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    if spec.kind == FieldKind::Long {
        area.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    // No placeholder here: the editor's own draws it one column right of
    // where typing starts; the view draws `FieldKind::placeholder` instead.
    area
}

impl Editor {
    pub fn new(target: Target, title: String, specs: &[FieldSpec], values: Vec<Value>) -> Editor {
        let original = values.clone();
        let fields = specs
            .iter()
            .zip(values)
            .map(|(spec, value)| Field {
                spec: *spec,
                input: match value {
                    Value::Text(t) => Input::Text(Box::new(text_area(*spec, &t))),
                    Value::Pick { options, index } => Input::Pick { options, index },
                    Value::Flag(on) => Input::Flag(on),
                },
            })
            .collect();
        let mut editor = Editor {
            target,
            title,
            fields,
            focus: 0,
            error: None,
            blocked: None,
            names: Vec::new(),
            organisations: Vec::new(),
            completion: None,
            replaced: 0,
            original,
        };
        editor.set_focus(0);
        editor
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_kind(&self) -> FieldKind {
        self.focused().map_or(FieldKind::Line, |f| f.spec.kind)
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    /// Moves the focus, showing the text cursor only in the focused field.
    /// Arriving keeps a field's text (one key never wipes it); leaving a
    /// date or number checks it, so a mistake shows at once.
    pub fn set_focus(&mut self, focus: usize) {
        let left = self.focus;
        self.focus = focus.min(self.fields.len().saturating_sub(1));
        self.completion = None;
        if left != self.focus
            && let Some(field) = self.fields.get(left)
            && let Err(e) = check(field.spec, self.text(left).trim())
        {
            self.error = Some((left, e));
        }
        for (i, field) in self.fields.iter_mut().enumerate() {
            if let Input::Text(area) = &mut field.input {
                area.cancel_selection();
                let cursor = if i == self.focus {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                };
                area.set_cursor_style(cursor);
            }
        }
    }

    /// Moves `delta` fields, wrapping around.
    pub fn move_focus(&mut self, delta: isize) {
        let n = self.fields.len().max(1) as isize;
        self.set_focus((self.focus as isize + delta).rem_euclid(n) as usize);
    }

    /// Cycles a choice or toggles a flag in the focused field.
    pub fn cycle(&mut self, delta: isize) {
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Pick { options, index }) => {
                let n = options.len().max(1) as isize;
                *index = (*index as isize + delta).rem_euclid(n) as usize;
            }
            Some(Input::Flag(on)) => *on = !*on,
            _ => {}
        }
    }

    /// Types a key into the focused text field.
    pub fn type_key(&mut self, key: KeyEvent) {
        self.completion = None;
        self.replaced = 0;
        self.clear_error();
        if let Some(Input::Text(area)) = self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            type_into(area, key);
        }
    }

    /// Ctrl-Z: takes back the last typing in the focused field.
    pub fn undo_typing(&mut self) {
        self.completion = None;
        self.clear_error();
        let steps = std::mem::take(&mut self.replaced).max(1);
        if let Some(Input::Text(area)) = self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            for _ in 0..steps {
                area.undo();
            }
        }
    }

    /// Replaces the focused field's text (from $EDITOR) as one change that
    /// Ctrl-Z takes back whole.
    pub fn replace_focused(&mut self, text: &str) {
        self.completion = None;
        self.clear_error();
        if let Some(Input::Text(area)) = self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            let had_text = area.lines().len() > 1 || area.lines().iter().any(|l| !l.is_empty());
            area.select_all();
            let removed = had_text && area.cut();
            area.cancel_selection();
            let inserted = area.insert_str(text);
            self.replaced = usize::from(removed) + usize::from(inserted);
        }
    }

    /// Changing the field at fault takes its error away until checked again.
    fn clear_error(&mut self) {
        if self.error.as_ref().is_some_and(|(field, _)| *field == self.focus) {
            self.error = None;
            self.blocked = None;
        }
    }

    /// Inserts pasted text; single-line fields get it on one line.
    pub fn paste(&mut self, text: &str) {
        self.completion = None;
        self.replaced = 0;
        let kind = self.focused_kind();
        if let Some(Input::Text(area)) = self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if kind == FieldKind::Long {
                area.insert_str(text);
            } else {
                area.insert_str(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }

    /// The text of field `i` ("" for choices and flags).
    pub fn text(&self, i: usize) -> String {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Text(area)) => area.lines().join("\n"),
            _ => String::new(),
        }
    }

    /// Names or organisations that match what the focused field holds.
    pub fn suggestions(&self) -> Vec<&str> {
        let pool = match self.focused_kind() {
            FieldKind::Person => &self.names,
            FieldKind::Org => &self.organisations,
            _ => return Vec::new(),
        };
        let typed = match &self.completion {
            Some(c) => c.typed.clone(),
            None => self.text(self.focus),
        };
        super::complete::matches(pool, &typed)
    }

    /// Replaces the focused field's text with the next suggestion.
    pub fn complete(&mut self) {
        let typed = match &self.completion {
            Some(c) => c.typed.clone(),
            None => self.text(self.focus).trim().to_string(),
        };
        let next = self.completion.as_ref().map_or(0, |c| c.shown + 1);
        let found: Vec<String> = self.suggestions().iter().map(|s| s.to_string()).collect();
        if found.is_empty() {
            return;
        }
        let shown = next % found.len();
        if let Some(field) = self.fields.get_mut(self.focus) {
            let mut area = text_area(field.spec, &found[shown]);
            area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
            field.input = Input::Text(Box::new(area));
        }
        self.completion = Some(Completion { typed, shown });
    }

    /// Everything typed, checked: the first unusable field and why, or the
    /// values ready to store.
    pub fn values(&self) -> Result<Vec<Value>, (usize, String)> {
        let values = self.raw_values();
        for (i, (field, value)) in self.fields.iter().zip(&values).enumerate() {
            if let Value::Text(text) = value {
                check(field.spec, text.trim()).map_err(|e| (i, e))?;
            }
        }
        Ok(values)
    }

    /// What the fields hold now, unchecked.
    fn raw_values(&self) -> Vec<Value> {
        let value = |(i, field): (usize, &Field)| match &field.input {
            Input::Text(_) => Value::Text(self.text(i)),
            Input::Pick { options, index } => Value::Pick {
                options: options.clone(),
                index: *index,
            },
            Input::Flag(on) => Value::Flag(*on),
        };
        self.fields.iter().enumerate().map(value).collect()
    }

    /// Whether anything differs from what the editor opened with.
    pub fn has_changes(&self) -> bool {
        self.raw_values() != self.original
    }

    /// Nothing typed in any text field.
    pub fn is_blank(&self) -> bool {
        (0..self.fields.len()).all(|i| self.text(i).trim().is_empty())
    }
}

fn check(spec: FieldSpec, text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    match spec.kind {
        FieldKind::Date => parse_date(text)
            .map(|_| ())
            .map_err(|e| format!("{e}, or clear it")),
        FieldKind::Number => text
            .parse::<u32>()
            .map(|_| ())
            .map_err(|_| format!("\"{text}\" is not a whole number: write it as e.g. 3")),
        FieldKind::Goals => match text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .find(|n| !n.is_empty() && n.parse::<u32>().map_or(true, |n| n == 0))
        {
            Some(bad) => Err(format!(
                "\"{bad}\" is not a goal's number: write the numbers step 1 shows, e.g. 1, 3"
            )),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

//! Keys are data: each screen declares one table of bindings, and the same
//! table drives key handling, the footer and the `?` help screen, so they
//! can never disagree.

use std::fmt::Debug;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key_layer::{effective, touches};

/// One key press pattern, e.g. `Ctrl-S` or `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// The digit keys 0 to 9, for typing a number a key at a time.
pub const DIGITS: &[Key] = &[
    Key::ch('0'),
    Key::ch('1'),
    Key::ch('2'),
    Key::ch('3'),
    Key::ch('4'),
    Key::ch('5'),
    Key::ch('6'),
    Key::ch('7'),
    Key::ch('8'),
    Key::ch('9'),
];

/// The digit keys `from` to `to`, both included: scores and counts typed
/// as one digit.
pub const fn digits(from: usize, to: usize) -> &'static [Key] {
    DIGITS.split_at(to + 1).0.split_at(from).1
}

/// The keys 1 to 6, one for each of the six steps, wherever steps are
/// chosen by number (the session, the presenter view, `roundtable present`).
pub const STEP_KEYS: &[Key] = digits(1, 6);

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    pub fn matches(&self, event: &KeyEvent) -> bool {
        // Shift is folded into the character for letters and symbols.
        let mods = event.modifiers - KeyModifiers::SHIFT;
        let want = self.mods - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && mods == want,
            // Terminals send Shift-Tab as BackTab, some with Shift still held.
            (KeyCode::BackTab, KeyCode::BackTab) => mods == want,
            (a, b) => a == b && event.modifiers == self.mods,
        }
    }

    /// How the key is written in footers and help: `Ctrl-S`, `Enter`, `n`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out + &base
    }
}

impl Key {
    /// Whether `self` and `other` are the same key press (Shift folded in
    /// as [`Key::matches`] does), so one would hide the other in a table.
    pub fn same(&self, other: &Key) -> bool {
        self.matches(&KeyEvent::new(other.code, other.mods))
    }

    /// Reads a key as the config file writes it, the way footers show it:
    /// `n`, `N`, `Ctrl-S`, `Alt-Up`, `Shift-Tab`, `Enter`, `Space`, `F5`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if (lower.starts_with("shift-") || lower.starts_with("shift+")) && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[len..];
        }
        let shift = mods.contains(KeyModifiers::SHIFT);
        mods -= KeyModifiers::SHIFT;
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if mods.contains(KeyModifiers::CONTROL) && c.is_ascii_alphabetic() && !shift => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) if shift && c.is_alphabetic() => KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
            (Some(c), None) if !shift && !c.is_control() => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c => KeyCode::Char(c),
            },
            _ => named(rest, shift).ok_or_else(|| {
                format!(
                    "{text:?} is not a key: write one character (`n`, `N`, `?`), a name (Enter, Esc, Tab, Shift-Tab, Space, Backspace, Del, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1–F12), with Ctrl- or Alt- in front if wanted"
                )
            })?,
        };
        Ok(Key { code, mods })
    }
}

/// A named key, e.g. `Enter` or `F5` (`shift` only goes with Tab).
fn named(name: &str, shift: bool) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if shift {
        return (lower == "tab").then_some(KeyCode::BackTab);
    }
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            Some(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
    };
    Some(code)
}

/// A key (or several keys) bound to an action of a screen.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub keys: &'static [Key],
    pub action: A,
    /// A word or two for the footer, e.g. "save".
    pub label: &'static str,
    /// A sentence for the help screen.
    pub help: &'static str,
    /// Whether the footer shows it (help always does).
    pub in_footer: bool,
}

/// The help screen's binding, worded the same on every screen: F1, and `?`
/// where nothing is typed.
pub const fn help_binding<A>(keys: &'static [Key], action: A) -> Binding<A> {
    Binding {
        keys,
        action,
        label: "help",
        help: "Show every key",
        in_footer: true,
    }
}

/// Undo in every form, worded the same everywhere. Ctrl-Z, because Ctrl-U
/// deletes the line in a shell (and does so in our fields too).
pub const fn undo_typing_binding<A>(action: A) -> Binding<A> {
    const CTRL_Z: &[Key] = &[Key::ctrl('z')];
    Binding {
        keys: CTRL_Z,
        action,
        label: "undo typing",
        help: "Undo the last typing in this field (Ctrl-U clears back to the start of the line)",
        in_footer: true,
    }
}

/// Tab, Shift-Tab and the arrows move to the other field of a two-field
/// form, worded the same in each; `help` names the two fields.
pub const fn other_field_binding<A>(action: A, help: &'static str) -> Binding<A> {
    const KEYS: &[Key] = &[
        Key::plain(KeyCode::Tab),
        Key::plain(KeyCode::BackTab),
        Key::plain(KeyCode::Down),
        Key::plain(KeyCode::Up),
    ];
    Binding {
        keys: KEYS,
        action,
        label: "other field",
        help,
        in_footer: false,
    }
}

impl<A> Binding<A> {
    /// All the binding's keys as one label, e.g. `↑/k`.
    /// "Ctrl-S", "↑/k"; a run of three or more digits reads "1–6".
    pub fn keys_label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(Key::label).collect();
        let digit = |l: &String| match l.as_bytes() {
            [d] if d.is_ascii_digit() => Some(*d),
            _ => None,
        };
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < labels.len() {
            let mut end = i;
            while let (Some(a), Some(b)) = (digit(&labels[end]), labels.get(end + 1).and_then(digit)) {
                if b != a + 1 {
                    break;
                }
                end += 1;
            }
            if end >= i + 2 {
                parts.push(format!("{}–{}", labels[i], labels[end]));
            } else {
                parts.extend(labels[i..=end].iter().cloned());
            }
            i = end + 1;
        }
        // A key that is itself `/` would read as a separator: use spaces.
        let sep = if labels.iter().any(|l| l == "/") { " " } else { "/" };
        parts.join(sep)
    }
}

/// The action bound to `event` in `table`, if any, with the config's
/// overrides in force.
pub fn lookup<A: Copy + Debug + 'static>(table: &[Binding<A>], event: &KeyEvent) -> Option<A> {
    let hit = |b: &Binding<A>| b.keys.iter().any(|k| k.matches(event));
    if !touches::<A>() {
        return table.iter().find(|b| hit(b)).map(|b| b.action);
    }
    table.iter().map(effective).find(hit).map(|b| b.action)
}

/// The first key in force for `action` in `table` (`""` when none), for
/// text that names a key, e.g. "Press n to start".
pub fn key_of<A: Copy + Debug + PartialEq + 'static>(table: &[Binding<A>], action: A) -> String {
    table
        .iter()
        .find(|b| b.action == action)
        .map(effective)
        .and_then(|b| b.keys.first().map(Key::label))
        .unwrap_or_default()
}

/// A key and what it does, as the footer and help screen show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHelp {
    pub keys: String,
    pub label: &'static str,
    pub help: &'static str,
    pub in_footer: bool,
}

pub fn describe<A: Copy + Debug + 'static>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    describe_where(table, |_| true)
}

/// [`describe`] for the bindings whose action `works` right now, with the
/// keys in force (the config's overrides included).
pub fn describe_where<A: Copy + Debug + 'static>(
    table: &[Binding<A>],
    works: impl Fn(&A) -> bool,
) -> Vec<KeyHelp> {
    table
        .iter()
        .filter(|b| works(&b.action))
        .map(effective)
        .map(|b| KeyHelp {
            keys: b.keys_label(),
            label: b.label,
            help: b.help,
            in_footer: b.in_footer,
        })
        .collect()
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;

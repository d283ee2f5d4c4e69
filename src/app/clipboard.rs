//! `y` on the session screen: the minutes to the clipboard through OSC 52,
//! the terminal escape sequence that sets the clipboard from a program,
//! even over ssh. The sequence is built here; the terminal loop writes it.
//! A terminal may ignore it without saying so, so the message says how to
//! get the minutes another way.

use super::message::Message;
use super::{App, Effect, Screen, files};
use crate::storage;

/// More than many terminals accept in one OSC 52 sequence (xterm's default
/// limit and tmux's are near 100 KB); larger minutes are not sent.
pub const LIMIT: usize = 100_000;

/// The OSC 52 sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Asks the terminal loop to send the open session's minutes, for the
/// audience remembered for its partnership, and says what was done.
pub(super) fn copy(app: &mut App) {
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    let audience = storage::remembered_audience(app.state_file.as_deref(), &screen.session.partnership);
    let minutes = files::minutes_with_progress(&screen.path, &screen.pending_session(), audience);
    let name = screen
        .path
        .file_name()
        .map_or_else(|| "SESSION".to_string(), |n| n.to_string_lossy().into_owned());
    let mut command = format!("roundtable export {}", quoted(&name));
    if audience != crate::domain::Audience::default() {
        command.push_str(&format!(" --audience {}", audience.name()));
    }
    let sequence = osc52(&minutes);
    let lines = minutes.lines().count();
    if sequence.len() > LIMIT {
        app.message = Some(Message::error(format!(
            "The minutes are too long for the clipboard ({} KB, most terminals take up to {} KB): \
             nothing was copied. Write them to a file with m, or run `{command} -o minutes.md`.",
            sequence.len() / 1000,
            LIMIT / 1000
        )));
        return;
    }
    app.effects.push(Effect::Copy(sequence));
    app.message = Some(Message::success(format!(
        "Sent the minutes for {} to the clipboard ({lines} lines). If your terminal does not \
         support this, use `{command}`.",
        audience.name()
    )));
}

/// A file name as a shell would need it.
fn quoted(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        // RFC 4648 section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64("Café —".as_bytes()), "Q2Fmw6kg4oCU");
    }

    #[test]
    fn the_sequence_is_osc_52_for_the_clipboard() {
        assert_eq!(osc52("# Minutes\n"), "\u{1b}]52;c;IyBNaW51dGVzCg==\u{7}");
        // Nothing typed can end the sequence early: it is all base64.
        let evil = osc52("\u{7}\u{1b}\\\u{1b}]0;x\u{7}");
        let inside = &evil["\u{1b}]52;c;".len()..evil.len() - 1];
        assert!(
            inside
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
    }

    #[test]
    fn names_with_spaces_are_quoted_for_the_shell() {
        assert_eq!(quoted("2026-10-08-vale.ron"), "2026-10-08-vale.ron");
        assert_eq!(quoted("it's here.ron"), r"'it'\''s here.ron'");
    }
}

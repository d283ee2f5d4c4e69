//! The session screen's item editor: its fields, dates, paste and Esc.

use super::*;

#[test]
fn esc_in_the_editor_keeps_what_was_typed() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "Halve waiting times");
    press(&mut s, KeyCode::Esc);
    assert!(s.editor.is_none());
    assert_eq!(goals(&s), ["Halve waiting times"]);
    // Esc again leaves the screen.
    assert_eq!(press(&mut s, KeyCode::Esc), Outcome::Back);
}

#[test]
fn an_invalid_date_keeps_the_editor_open_with_an_error() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('d'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "Book the venue");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    typed(&mut s, "next tuesday");
    assert_eq!(press(&mut s, KeyCode::Esc), Outcome::Stay);
    let editor = s.editor.as_ref().expect("the editor stays open");
    let (field, message) = editor.error.clone().expect("an error is shown");
    assert_eq!((field, editor.focus), (2, 2));
    assert!(message.contains("YYYY-MM-DD"), "{message}");
    // Ctrl-S does not pretend to save while the date is wrong.
    assert_eq!(ctrl(&mut s, 's'), Outcome::Stay);
    for _ in 0.."next tuesday".len() {
        press(&mut s, KeyCode::Backspace);
    }
    typed(&mut s, "17/12/2026");
    assert_eq!(ctrl(&mut s, 's'), Outcome::Save);
    let action = &s.session.actions[0];
    assert_eq!(action.text, "Book the venue");
    assert_eq!(action.due, NaiveDate::from_ymd_opt(2026, 12, 17));
    assert!(action.id.starts_with("a-"));
}

#[test]
fn paste_goes_into_the_focused_field_on_one_line() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('p'));
    press(&mut s, KeyCode::Char('a'));
    s.handle_paste("Priya\r\nShah");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.participants[1].name, "Priya Shah");
}

#[test]
fn arriving_in_a_date_keeps_it_ctrl_u_clears_it_and_arrows_move_between_fields() {
    let mut s = screen();
    s.session.actions.push(ActionItem {
        text: "Book the hall".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 10),
        ..Default::default()
    });
    press(&mut s, KeyCode::Char('d'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Down);
    assert_eq!(s.editor.as_ref().map(|e| e.focus), Some(2));
    typed(&mut s, "7");
    let editor = s.editor.as_ref().unwrap();
    assert_eq!(editor.text(2), "2026-12-107", "one key never wipes the date");
    ctrl(&mut s, 'z');
    assert_eq!(
        s.editor.as_ref().unwrap().text(2),
        "2026-12-10",
        "Ctrl-Z undoes typing"
    );
    ctrl(&mut s, 'u');
    typed(&mut s, "2027-01-05");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.actions[0].due, NaiveDate::from_ymd_opt(2027, 1, 5));
}

#[test]
fn leaving_a_bad_date_marks_it_and_esc_says_why_the_editor_stays_open() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('d'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Char('a'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    typed(&mut s, "next week");
    press(&mut s, KeyCode::Tab);
    let editor = s.editor.as_ref().unwrap();
    assert_eq!(editor.focus, 3, "the cursor moves on");
    assert!(
        editor.error.as_ref().is_some_and(|(field, _)| *field == 2),
        "checked on leaving"
    );
    press(&mut s, KeyCode::Esc);
    let editor = s.editor.as_ref().expect("a bad date keeps the editor open");
    assert_eq!(editor.focus, 2);
    let why = editor.blocked.as_deref().unwrap_or_default();
    assert!(why.contains("Due") && why.contains("Ctrl-U"), "{why}");
    ctrl(&mut s, 'u');
    assert!(s.editor.as_ref().unwrap().blocked.is_none());
    press(&mut s, KeyCode::Esc);
    assert!(s.editor.is_none());
}

//! The session screen as a state machine: keys in, session and outcome out.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::section::{ListKind, Section};
use super::{Outcome, SessionScreen};
use crate::domain::{ActionItem, Activity, Goal, Participant, Session, Step};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn screen() -> SessionScreen {
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut s = Session::new("Eastside", "Eastside partnership", date, now());
    s.participants.push(Participant {
        name: "Ann Lee".into(),
        organisation: "Eastside Carers".into(),
        ..Default::default()
    });
    SessionScreen::open("/tmp/eastside.ron".into(), s)
}

fn press(screen: &mut SessionScreen, code: KeyCode) -> Outcome {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now())
}

fn ctrl(screen: &mut SessionScreen, c: char) -> Outcome {
    screen.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now())
}

fn typed(screen: &mut SessionScreen, text: &str) {
    for c in text.chars() {
        press(screen, KeyCode::Char(c));
    }
}

fn goals(screen: &SessionScreen) -> Vec<&str> {
    screen.session.goals.iter().map(|g| g.text.as_str()).collect()
}

#[test]
fn adding_a_goal_by_keys_stores_it_and_marks_the_session_dirty() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "Halve waiting times? quickly");
    press(&mut s, KeyCode::Tab);
    typed(&mut s, "Ann Lee");
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "4");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char(' '));
    assert_eq!(press(&mut s, KeyCode::Enter), Outcome::Stay);
    assert!(s.editor.is_none());
    let goal = &s.session.goals[0];
    assert_eq!(goal.text, "Halve waiting times? quickly");
    assert_eq!(
        (goal.proposed_by.as_str(), goal.support, goal.agreed),
        ("Ann Lee", 4, true)
    );
    assert!(s.is_dirty());
    s.mark_saved();
    assert!(!s.is_dirty());
}

#[test]
fn an_empty_new_item_is_dropped_and_leaves_nothing_to_undo() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('a'));
    assert!(!s.is_dirty(), "an editor with nothing typed is not a change");
    press(&mut s, KeyCode::Char('x'));
    assert!(
        s.is_dirty(),
        "typed text not yet in the session counts as unsaved"
    );
    press(&mut s, KeyCode::Backspace);
    press(&mut s, KeyCode::Esc);
    assert!(s.session.goals.is_empty());
    assert!(!s.dirty);
    assert_eq!(s.undo_depth(), 0);
}

#[test]
fn delete_then_undo_restores_the_item() {
    let mut s = screen();
    for text in ["One", "Two", "Three"] {
        s.session.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Char('x'));
    assert_eq!(goals(&s), ["One", "Three"]);
    assert!(s.dirty);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(goals(&s), ["One", "Two", "Three"]);
    assert_eq!(s.nav.row(), 1);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.message.as_deref(), Some("Nothing to undo."));
}

#[test]
fn items_move_up_and_down_and_undo_puts_them_back() {
    let mut s = screen();
    for text in ["One", "Two", "Three"] {
        s.session.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    press(&mut s, KeyCode::Char('J'));
    assert_eq!(goals(&s), ["Two", "One", "Three"]);
    assert_eq!(s.nav.row(), 1);
    s.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::ALT), now());
    assert_eq!(goals(&s), ["Two", "Three", "One"]);
    press(&mut s, KeyCode::Char('J'));
    assert_eq!(goals(&s), ["Two", "Three", "One"], "the last item stays last");
    press(&mut s, KeyCode::Char('K'));
    assert_eq!(goals(&s), ["Two", "One", "Three"]);
    press(&mut s, KeyCode::Char('u'));
    press(&mut s, KeyCode::Char('u'));
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(goals(&s), ["One", "Two", "Three"]);
}

#[test]
fn renaming_a_participant_renames_their_actions() {
    let mut s = screen();
    s.session.actions.push(ActionItem {
        text: "Send notes".into(),
        owner: "Ann Lee".into(),
        ..Default::default()
    });
    press(&mut s, KeyCode::Char('p'));
    press(&mut s, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut s, KeyCode::Backspace);
    }
    typed(&mut s, "Leigh");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.participants[0].name, "Ann Leigh");
    assert_eq!(s.session.actions[0].owner, "Ann Leigh");
}

#[test]
fn ctrl_n_fills_in_a_participant_name() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('a'));
    press(&mut s, KeyCode::Tab);
    typed(&mut s, "lee");
    ctrl(&mut s, 'n');
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.goals[0].proposed_by, "Ann Lee");
}

#[test]
fn voices_are_counted_and_can_be_taken_back() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('+'));
    assert_eq!(
        s.session.participants[0].contributions, 0,
        "+ only works on participants"
    );
    press(&mut s, KeyCode::Char('p'));
    press(&mut s, KeyCode::Char('+'));
    press(&mut s, KeyCode::Char('+'));
    press(&mut s, KeyCode::Char('-'));
    assert_eq!(s.session.participants[0].contributions, 1);
}

#[test]
fn l_on_participants_chooses_whether_minutes_show_lived_experience() {
    let mut s = screen();
    s.session.participants[0].lived_experience = true;
    press(&mut s, KeyCode::Char('L'));
    assert!(
        !s.session.shown_in_minutes.lived_experience,
        "L only works on participants"
    );
    press(&mut s, KeyCode::Char('p'));
    press(&mut s, KeyCode::Char('L'));
    assert!(s.session.shown_in_minutes.lived_experience);
    assert!(crate::export::minutes(&s.session).contains("Ann Lee (lived experience)"));
    press(&mut s, KeyCode::Char('u'));
    assert!(
        !s.session.shown_in_minutes.lived_experience,
        "u takes the choice back"
    );
    assert!(!crate::export::minutes(&s.session).contains("lived experience"));
}

#[test]
fn notes_are_written_per_step() {
    let mut s = screen();
    press(&mut s, KeyCode::Char('4'));
    press(&mut s, KeyCode::Char('n'));
    typed(&mut s, "Secretariat");
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "to be decided");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.note(Step::Roles), "Secretariat\nto be decided");
}

#[test]
fn measures_belong_to_the_selected_activity() {
    let mut s = screen();
    for title in ["Drop-in", "Helpline"] {
        s.session.activities.push(Activity {
            title: title.into(),
            ..Default::default()
        });
    }
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Tab);
    assert_eq!(s.nav.list(), ListKind::Measures);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "Calls answered");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Left);
    assert_eq!(
        s.nav.selected(ListKind::Activities),
        0,
        "← shows the first activity's measures"
    );
    press(&mut s, KeyCode::Right);
    let measure = &s.session.activities[1].measures[0];
    assert_eq!(measure.indicator, "Calls answered");
    assert_eq!(measure.kind, crate::domain::MeasureKind::HowWell);
    assert!(measure.id.starts_with("m-"));
    assert!(s.session.activities[0].measures.is_empty());
}

#[test]
fn bindings_follow_what_works_here() {
    let mut s = screen();
    let has = |s: &SessionScreen, label: &str| s.bindings().iter().any(|b| b.label == label);
    assert!(has(&s, "add") && !has(&s, "spoke") && !has(&s, "next list"));
    press(&mut s, KeyCode::Char('d'));
    assert_eq!(s.nav.section, Section::Decisions);
    assert!(has(&s, "next list") && !has(&s, "notes"));
    press(&mut s, KeyCode::Char('a'));
    assert!(has(&s, "done") && !has(&s, "add"));
    assert!(!has(&s, "next"), "Enter makes new lines in long text");
}

#[test]
fn question_mark_is_help_outside_the_editor_and_text_inside() {
    let mut s = screen();
    assert_eq!(press(&mut s, KeyCode::Char('?')), Outcome::Help);
    press(&mut s, KeyCode::Char('a'));
    assert_eq!(press(&mut s, KeyCode::Char('?')), Outcome::Stay);
    assert_eq!(ctrl(&mut s, 'q'), Outcome::Quit);
    assert_eq!(goals(&s), ["?"]);
}

#[test]
fn q_says_how_to_quit_instead_of_doing_nothing() {
    let mut s = screen();
    assert_eq!(press(&mut s, KeyCode::Char('q')), Outcome::Stay);
    assert!(s.message.as_deref().unwrap_or_default().contains("Ctrl-Q"));
}

#[test]
fn home_and_end_jump_to_the_ends_of_the_list() {
    let mut s = screen();
    for text in ["One", "Two", "Three"] {
        s.session.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    press(&mut s, KeyCode::End);
    assert_eq!(s.nav.row(), 2);
    press(&mut s, KeyCode::Home);
    assert_eq!(s.nav.row(), 0);
}

#[test]
fn a_read_only_session_refuses_every_change_but_can_be_browsed() {
    let mut open = screen();
    open.session.goals.push(Goal {
        text: "Halve waits".into(),
        ..Default::default()
    });
    let mut screen = SessionScreen::read_only(open.path, open.session, "Sam has it open on laptop-2".into());
    let before = screen.session.clone();
    typed(&mut screen, "axenuJ +");
    press(&mut screen, KeyCode::Enter);
    press(&mut screen, KeyCode::Delete);
    assert!(screen.editor.is_none());
    assert_eq!(screen.session, before);
    assert!(!screen.is_dirty());
    assert_eq!(ctrl(&mut screen, 's'), Outcome::Stay);
    assert!(
        screen
            .bindings()
            .iter()
            .all(|k| k.label != "add" && k.label != "save")
    );
    press(&mut screen, KeyCode::Char('2'));
    assert_eq!(screen.nav.section, Section::Step(Step::Vision));
}

#[test]
fn f_marks_the_minutes_final_and_u_takes_it_back() {
    let mut screen = screen();
    press(&mut screen, KeyCode::Char('F'));
    assert_eq!(screen.session.status, crate::domain::SessionStatus::Final);
    assert!(screen.is_dirty());
    assert!(screen.message.as_deref().unwrap_or("").contains("read-only"));
    press(&mut screen, KeyCode::Char('u'));
    assert_eq!(screen.session.status, crate::domain::SessionStatus::Draft);
}

#[path = "tests_editor.rs"]
mod editor;

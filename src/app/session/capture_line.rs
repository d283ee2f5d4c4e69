//! Reading a quick-capture line, the IRC MeetBot way: `#action `, `#agreed `
//! or `#park ` at the start chooses the kind; `@Name` names the owner (or who
//! raised a parked point); an action ending in `by <date>` gets that due date.
//! Anything that does not fit these rules stays in the text, so nothing
//! typed is ever lost.

use chrono::NaiveDate;

use crate::domain::parse_date;

/// What a quick capture adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Action,
    Decision,
    Parked,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Action, Kind::Decision, Kind::Parked];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Action => "Action",
            Kind::Decision => "Decision",
            Kind::Parked => "Parked point",
        }
    }

    /// The MeetBot word that chooses this kind at the start of a line.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Action => "#action",
            Kind::Decision => "#agreed",
            Kind::Parked => "#park",
        }
    }

    /// The next kind, wrapping around (Tab).
    pub fn cycle(self, delta: isize) -> Kind {
        let i = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0) as isize;
        Kind::ALL[(i + delta).rem_euclid(Kind::ALL.len() as isize) as usize]
    }

    /// Whether `@Name` means something for this kind.
    pub fn has_person(self) -> bool {
        self != Kind::Decision
    }
}

/// A line read into the parts of an item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub text: String,
    /// The owner of an action, or who raised a parked point.
    pub person: String,
    pub due: Option<NaiveDate>,
}

/// The kind chosen by a `#tag ` at the start of `line`, and the rest.
pub fn take_tag(line: &str) -> Option<(Kind, &str)> {
    let trimmed = line.trim_start();
    Kind::ALL.into_iter().find_map(|kind| {
        let rest = trimmed.get(kind.tag().len()..)?;
        let head = trimmed.get(..kind.tag().len())?;
        (head.eq_ignore_ascii_case(kind.tag()) && rest.starts_with(' ')).then(|| (kind, rest.trim_start()))
    })
}

/// Reads `line` as an item of `kind`.
pub fn parse(kind: Kind, line: &str) -> Parsed {
    let mut rest = line.trim().to_string();
    let mut due = None;
    if kind == Kind::Action
        && let Some(at) = rest.rfind(" by ")
        && let Ok(date) = parse_date(&rest[at + 4..])
    {
        due = Some(date);
        rest.truncate(at);
    }
    let mut person = String::new();
    if kind.has_person()
        && let Some(at) = owner_start(&rest)
    {
        person = rest[at + 1..].trim().to_string();
        rest.truncate(at);
    }
    Parsed {
        text: rest.trim().to_string(),
        person,
        due,
    }
}

/// Where the `@` of a trailing `@Name` is: the last `@` that starts a word,
/// so an e-mail address in the text is left alone.
pub fn owner_start(line: &str) -> Option<usize> {
    let at = line.rfind('@')?;
    let starts_word = at == 0 || line[..at].ends_with(' ');
    starts_word.then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn tags_choose_the_kind() {
        assert_eq!(
            take_tag("#action Book the hall"),
            Some((Kind::Action, "Book the hall"))
        );
        assert_eq!(
            take_tag("  #AGREED  Adopt it"),
            Some((Kind::Decision, "Adopt it"))
        );
        assert_eq!(take_tag("#park Expenses?"), Some((Kind::Parked, "Expenses?")));
        assert_eq!(take_tag("#parking"), None);
        assert_eq!(take_tag("#park"), None, "the space after the tag confirms it");
        assert_eq!(take_tag("Book #action"), None);
    }

    #[test]
    fn an_action_takes_owner_and_due_date() {
        let p = parse(Kind::Action, "Circulate the vision @Ann Lee by 10/12/2026");
        assert_eq!(p.text, "Circulate the vision");
        assert_eq!(p.person, "Ann Lee");
        assert_eq!(p.due, date(2026, 12, 10));
        let p = parse(Kind::Action, "Draft the agreement by 2027-01-20");
        assert_eq!((p.text.as_str(), p.person.as_str()), ("Draft the agreement", ""));
        assert_eq!(p.due, date(2027, 1, 20));
    }

    #[test]
    fn what_does_not_fit_stays_in_the_text() {
        let p = parse(Kind::Action, "Go by bus @Sam");
        assert_eq!(
            (p.text.as_str(), p.person.as_str(), p.due),
            ("Go by bus", "Sam", None)
        );
        let p = parse(Kind::Action, "Write to info@eastside.org");
        assert_eq!(
            (p.text.as_str(), p.person.as_str()),
            ("Write to info@eastside.org", "")
        );
        let p = parse(Kind::Decision, "Meet @ the library by 3/1/2027");
        assert_eq!(p.text, "Meet @ the library by 3/1/2027");
        let p = parse(Kind::Parked, "Can volunteers be paid? @Tomasz");
        assert_eq!(
            (p.text.as_str(), p.person.as_str()),
            ("Can volunteers be paid?", "Tomasz")
        );
    }
}

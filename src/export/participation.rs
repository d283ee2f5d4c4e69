//! The participation summary near the end of the minutes: how many of the
//! people and organisations present were heard, contributions by sector,
//! and the go-rounds held. Counts only, no names and no judgement; left out
//! when the session says so, or when nobody counted who spoke.

use crate::domain::{Sector, Session, participation};

use super::blocks::{bullets, plural, section};

pub fn summary(session: &Session) -> Vec<String> {
    let heard = participation(session);
    if session.shown_in_minutes.leave_out_participation || !heard.is_recorded() {
        return Vec::new();
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let people = &heard.people;
    let mut items = vec![format!(
        "{} of {} present spoke",
        people.spoke,
        plural(count(people.present), "person", "people")
    )];
    if let Some(first) = items.first_mut()
        && !heard.organisations.is_empty()
    {
        first.push_str(&format!(
            ", from {} of {}",
            heard.organisations_heard(),
            plural(count(heard.organisations.len()), "organisation", "organisations")
        ));
    }
    if let Some(first) = items.first_mut() {
        first.push('.');
    }
    // Who brings lived experience is personal: counted only when the
    // session records that the minutes may show it.
    let lived = &heard.lived_experience;
    if session.shown_in_minutes.lived_experience && lived.present > 0 {
        items.push(format!(
            "{} of {} with lived experience spoke.",
            lived.spoke,
            plural(count(lived.present), "person", "people")
        ));
    }
    let sectors: Vec<String> = heard
        .sectors
        .iter()
        .map(|(sector, h)| format!("{} {}", sector_words(*sector), h.contributions))
        .collect();
    items.push(format!("Contributions: {}.", sectors.join(", ")));
    if !heard.rounds.is_empty() {
        let rounds: Vec<String> = heard
            .rounds
            .iter()
            .map(|(step, n)| format!("{} on step {} ({})", n, step.number(), step.short()))
            .collect();
        items.push(format!("Go-rounds held: {}.", rounds.join(", ")));
    }
    section(2, "Participation", bullets(&items))
}

/// "community sector", as a trustee would say it; funders are not a sector.
fn sector_words(sector: Sector) -> String {
    match sector {
        Sector::Funder => "funders".into(),
        Sector::Other => "others".into(),
        s => format!("{} sector", s.label().to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Participant, RoundOrder, Step};

    fn person(name: &str, org: &str, sector: Sector, lived: bool, spoke: u32) -> Participant {
        Participant {
            name: name.into(),
            organisation: org.into(),
            sector,
            lived_experience: lived,
            contributions: spoke,
            ..Default::default()
        }
    }

    fn session() -> Session {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        s.participants = vec![
            person("Ann", "Carers", Sector::Community, true, 3),
            person("Bo", "Carers", Sector::Community, true, 0),
            person("Sam", "Council", Sector::Public, false, 2),
        ];
        s
    }

    #[test]
    fn counts_without_names_and_lived_experience_only_when_shown() {
        let mut s = session();
        s.start_round(Step::Vision, RoundOrder::Listed, None, s.created);
        assert_eq!(
            summary(&s).join("\n\n"),
            "## Participation\n\n- 2 of 3 people present spoke, from 2 of 2 organisations.\n\
             - Contributions: community sector 3, public sector 2.\n\
             - Go-rounds held: 1 on step 2 (Vision)."
        );
        s.shown_in_minutes.lived_experience = true;
        assert!(
            summary(&s)
                .join("\n")
                .contains("- 1 of 2 people with lived experience spoke.")
        );
    }

    #[test]
    fn left_out_by_choice_or_when_nothing_was_counted() {
        let mut s = session();
        s.shown_in_minutes.leave_out_participation = true;
        assert!(summary(&s).is_empty());
        let mut s = session();
        s.participants.iter_mut().for_each(|p| p.contributions = 0);
        assert!(summary(&s).is_empty());
    }
}

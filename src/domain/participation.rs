//! Who was heard: counts of the people present who spoke, by organisation,
//! by sector and for lived experience, for the voices panel and the
//! minutes. Counts only, never a judgement.

use super::{Participant, Sector, Session, Step};

/// The people present in one group and how they were heard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Heard {
    pub present: usize,
    /// Present and counted as having spoken at least once.
    pub spoke: usize,
    pub contributions: u32,
}

impl Heard {
    fn add(&mut self, p: &Participant) {
        self.present += 1;
        self.spoke += usize::from(p.contributions > 0);
        self.contributions = self.contributions.saturating_add(p.contributions);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Participation {
    pub people: Heard,
    pub lived_experience: Heard,
    /// Organisations in the order they first appear; blank ones are left out.
    pub organisations: Vec<(String, Heard)>,
    /// Sectors with someone present, in `Sector::ALL` order.
    pub sectors: Vec<(Sector, Heard)>,
    /// Go-rounds held on each step, in step order.
    pub rounds: Vec<(Step, usize)>,
    /// Present and not heard yet, as listed.
    pub not_heard: Vec<String>,
}

impl Participation {
    /// Organisations with at least one person who spoke.
    pub fn organisations_heard(&self) -> usize {
        self.organisations.iter().filter(|(_, h)| h.spoke > 0).count()
    }

    /// Whether anything was recorded about who spoke: without a count or a
    /// round, "nobody spoke" would be false, so nothing is said.
    pub fn is_recorded(&self) -> bool {
        self.people.contributions > 0 || !self.rounds.is_empty()
    }
}

pub fn participation(s: &Session) -> Participation {
    let mut out = Participation::default();
    for p in s.present() {
        out.people.add(p);
        if p.lived_experience {
            out.lived_experience.add(p);
        }
        let org = p.organisation.trim();
        if !org.is_empty() {
            match out.organisations.iter_mut().find(|(o, _)| o == org) {
                Some((_, heard)) => heard.add(p),
                None => {
                    let mut heard = Heard::default();
                    heard.add(p);
                    out.organisations.push((org.to_string(), heard));
                }
            }
        }
        if p.contributions == 0 {
            out.not_heard.push(p.name.to_string());
        }
    }
    for sector in Sector::ALL {
        let mut heard = Heard::default();
        s.present()
            .filter(|p| p.sector == sector)
            .for_each(|p| heard.add(p));
        if heard.present > 0 {
            out.sectors.push((sector, heard));
        }
    }
    for step in Step::ALL {
        let n = s.rounds.iter().filter(|r| r.step == step).count();
        if n > 0 {
            out.rounds.push((step, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Attendance, RoundOrder};

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

    #[test]
    fn counts_people_organisations_sectors_lived_experience_and_rounds() {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        let now = s.created;
        s.participants = vec![
            person("Ann", "Carers", Sector::Community, true, 3),
            person("Bo", "Carers", Sector::Community, true, 0),
            person("Sam", "Council", Sector::Public, false, 2),
            person("Jo", "", Sector::Public, false, 0),
            Participant {
                attendance: Attendance::Apologies,
                ..person("Cy", "Trust", Sector::Funder, false, 0)
            },
        ];
        let p = participation(&s);
        assert!(p.is_recorded());
        assert_eq!(
            p.people,
            Heard {
                present: 4,
                spoke: 2,
                contributions: 5
            }
        );
        assert_eq!((p.lived_experience.present, p.lived_experience.spoke), (2, 1));
        assert_eq!(p.organisations.len(), 2, "blank organisations are not counted");
        assert_eq!(p.organisations_heard(), 2);
        let sectors: Vec<(Sector, u32)> = p.sectors.iter().map(|(s, h)| (*s, h.contributions)).collect();
        assert_eq!(sectors, [(Sector::Community, 3), (Sector::Public, 2)]);
        assert_eq!(p.not_heard, ["Bo", "Jo"]);
        assert!(p.rounds.is_empty());
        s.start_round(Step::Vision, RoundOrder::Listed, None, now);
        s.start_round(Step::Vision, RoundOrder::Listed, None, now);
        s.start_round(Step::Goals, RoundOrder::Listed, None, now);
        assert_eq!(participation(&s).rounds, [(Step::Goals, 1), (Step::Vision, 2)]);
    }

    #[test]
    fn nothing_recorded_without_counts_or_rounds() {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        s.participants = vec![person("Ann", "Carers", Sector::Community, false, 0)];
        assert!(!participation(&s).is_recorded());
    }
}

//! How the partnership's health check has moved: for each session that
//! took one, per principle, the mean, lowest and highest score and how many
//! scored it; and whether each principle went up, down or stayed the same
//! between the last two checks. Anonymous slips count the same as named
//! ones. Scores outside 1–5 (a hand-edited file) are left out, never
//! clamped into a guess.

use chrono::NaiveDate;

use super::{History, Principle, SCORE_RANGE, Series, Session};

/// One principle's scores at one check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub principle: Principle,
    /// How many organisations (or anonymous slips) scored it.
    pub scored: usize,
    /// `None` when nobody scored it.
    pub mean: Option<f64>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
}

impl Spread {
    fn of(session: &Session, principle: Principle) -> Spread {
        let scores: Vec<u8> = session
            .health
            .scores
            .iter()
            .filter_map(|s| s.get(principle))
            .filter(|v| SCORE_RANGE.contains(v))
            .collect();
        let sum: u32 = scores.iter().map(|&v| u32::from(v)).sum();
        Spread {
            principle,
            scored: scores.len(),
            mean: (!scores.is_empty()).then(|| f64::from(sum) / scores.len() as f64),
            lowest: scores.iter().min().copied(),
            highest: scores.iter().max().copied(),
        }
    }

    /// "3.5 (2–5, 4 scored)", or "not scored".
    pub fn words(&self) -> String {
        match (self.mean, self.lowest, self.highest) {
            (Some(mean), Some(lo), Some(hi)) => {
                format!("{mean:.1} ({lo}–{hi}, {} scored)", self.scored)
            }
            _ => "not scored".into(),
        }
    }
}

/// One session's health check.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The session, as an index into the history.
    pub session: usize,
    pub date: NaiveDate,
    pub title: String,
    pub anonymous: bool,
    /// One per principle, in [`Principle::ALL`] order.
    pub spreads: [Spread; 4],
}

impl Check {
    pub fn spread(&self, principle: Principle) -> &Spread {
        &self.spreads[principle as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    /// A word and an arrow, so the trend reads without colour.
    pub fn words(self) -> &'static str {
        match self {
            Direction::Up => "↑ up",
            Direction::Down => "↓ down",
            Direction::Same => "→ same",
        }
    }
}

/// Every health check of a partnership, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthTrend {
    pub checks: Vec<Check>,
}

impl HealthTrend {
    pub fn of(history: &History, series: &Series) -> HealthTrend {
        let checks = series
            .sessions
            .iter()
            .filter_map(|&i| Some((i, history.session(i)?)))
            .filter(|(_, s)| !s.health.scores.is_empty())
            .map(|(i, s)| Check {
                session: i,
                date: s.date,
                title: s.title.trim().to_string(),
                anonymous: s.health.anonymous,
                spreads: Principle::ALL.map(|p| Spread::of(s, p)),
            })
            .collect();
        HealthTrend { checks }
    }

    /// The principle's mean at each check that scored it, oldest first.
    pub fn means(&self, principle: Principle) -> Vec<(&Check, f64)> {
        self.checks
            .iter()
            .filter_map(|c| Some((c, c.spread(principle).mean?)))
            .collect()
    }

    /// Up, down or the same between the last two checks that scored the
    /// principle (means compared to one decimal, as they are shown); `None`
    /// with fewer than two.
    pub fn direction(&self, principle: Principle) -> Option<Direction> {
        let means = self.means(principle);
        let [.., (_, before), (_, now)] = means.as_slice() else {
            return None;
        };
        let tenths = |m: f64| (m * 10.0).round() as i64;
        Some(match tenths(*now).cmp(&tenths(*before)) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => Direction::Same,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::HealthScore;
    use crate::domain::history::tests::meeting;

    fn score(org: &str, [e, t, m, tr]: [Option<u8>; 4]) -> HealthScore {
        HealthScore {
            organisation: org.into(),
            equity: e,
            transparency: t,
            mutual_benefit: m,
            trust: tr,
            ..Default::default()
        }
    }

    /// Three meetings: July named scores, September none, November anonymous.
    fn archive() -> Vec<Session> {
        let mut july = meeting("July", "Level Ground", 7, 8);
        july.health.scores = vec![
            score("Aid", [Some(2), Some(4), Some(3), Some(3)]),
            score("Beacon", [Some(2), Some(4), None, Some(2)]),
        ];
        let sept = meeting("Sept", "Level Ground", 9, 16);
        let mut nov = meeting("Nov", "Level Ground", 11, 11);
        nov.health.anonymous = true;
        nov.health.scores = vec![
            score("", [Some(4), Some(3), Some(9), Some(3)]),
            score("", [Some(4), Some(5), None, Some(2)]),
            score("", [Some(1), Some(4), None, None]),
        ];
        vec![july, sept, nov]
    }

    #[test]
    fn each_check_gives_mean_lowest_highest_and_how_many_scored() {
        let sessions = archive();
        let h = History::new(&sessions);
        let t = HealthTrend::of(&h, &h.series()[0]);
        let titles: Vec<&str> = t.checks.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["July", "Nov"], "a session without a check is skipped");
        let equity = t.checks[1].spread(Principle::Equity);
        assert_eq!(
            (equity.mean, equity.lowest, equity.highest, equity.scored),
            (Some(3.0), Some(1), Some(4), 3),
            "anonymous slips count the same"
        );
        assert_eq!(equity.words(), "3.0 (1–4, 3 scored)");
        let benefit = t.checks[1].spread(Principle::MutualBenefit);
        assert_eq!(benefit.scored, 0, "a 9 is out of range and left out");
        assert_eq!(benefit.words(), "not scored");
        assert_eq!(t.checks[0].spread(Principle::Trust).mean, Some(2.5));
    }

    #[test]
    fn the_trend_compares_the_last_two_checks_that_scored_a_principle() {
        let sessions = archive();
        let h = History::new(&sessions);
        let t = HealthTrend::of(&h, &h.series()[0]);
        assert_eq!(t.direction(Principle::Equity), Some(Direction::Up));
        assert_eq!(t.direction(Principle::Transparency), Some(Direction::Same));
        assert_eq!(t.direction(Principle::Trust), Some(Direction::Same));
        assert_eq!(t.direction(Principle::MutualBenefit), None, "scored once only");
        let mut fell = archive();
        fell[2].health.scores[0].trust = Some(1);
        let h = History::new(&fell);
        let t = HealthTrend::of(&h, &h.series()[0]);
        assert_eq!(t.direction(Principle::Trust), Some(Direction::Down));
        assert_eq!(Direction::Down.words(), "↓ down");
    }
}

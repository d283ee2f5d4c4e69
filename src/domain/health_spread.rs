//! How one health check's scores spread on each principle: the mean, the
//! lowest and highest, and how many gave a score. Blank scores are left
//! out, never counted as a middle value.

use super::{HealthCheck, Principle};

/// The scores given on one principle at one check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub mean: f64,
    pub lowest: u8,
    pub highest: u8,
    /// How many organisations (or slips) scored it.
    pub count: usize,
}

impl Spread {
    /// "3.4": one decimal place, as a room reads a mean aloud.
    pub fn mean_words(&self) -> String {
        format!("{:.1}", self.mean)
    }

    /// "2–5", or "4" when everyone gave the same score.
    pub fn range_words(&self) -> String {
        if self.lowest == self.highest {
            self.lowest.to_string()
        } else {
            format!("{}–{}", self.lowest, self.highest)
        }
    }
}

impl HealthCheck {
    /// The spread of the scores on `principle`; `None` when nobody scored it.
    pub fn spread(&self, principle: Principle) -> Option<Spread> {
        let scores: Vec<u8> = self.scores.iter().filter_map(|s| s.get(principle)).collect();
        let lowest = *scores.iter().min()?;
        let highest = *scores.iter().max()?;
        let total: u32 = scores.iter().map(|&s| u32::from(s)).sum();
        Some(Spread {
            mean: f64::from(total) / scores.len() as f64,
            lowest,
            highest,
            count: scores.len(),
        })
    }

    /// Whether the scores carry organisations' names (a named check with at
    /// least one organisation filled in).
    pub fn is_named(&self) -> bool {
        !self.anonymous && self.scores.iter().any(|s| !s.organisation.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::HealthScore;

    #[test]
    fn blank_scores_are_left_out_of_the_spread() {
        let slip = |e: Option<u8>, t: Option<u8>| HealthScore {
            equity: e,
            trust: t,
            ..Default::default()
        };
        let check = HealthCheck {
            anonymous: true,
            scores: vec![slip(Some(2), None), slip(Some(5), Some(3)), slip(Some(4), None)],
            note: String::new(),
        };
        let equity = check.spread(Principle::Equity).unwrap();
        assert_eq!(
            (equity.mean_words(), equity.range_words(), equity.count),
            ("3.7".into(), "2–5".into(), 3)
        );
        let trust = check.spread(Principle::Trust).unwrap();
        assert_eq!(
            (trust.mean_words(), trust.range_words(), trust.count),
            ("3.0".into(), "3".into(), 1)
        );
        assert_eq!(check.spread(Principle::Transparency), None);
        assert!(!check.is_named());
    }
}

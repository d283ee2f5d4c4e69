//! Measures over time: each measure once, followed by its stable id through
//! every session of a series, with all its readings in date order.

use chrono::NaiveDate;

use super::{History, Series};
use crate::domain::{Measure, Reading, numeric_value};

/// A measure across a series: its latest definition and every reading.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureHistory<'a> {
    pub id: &'a str,
    /// The latest definition; `None` when readings name a measure that no
    /// session of the series defines.
    pub measure: Option<&'a Measure>,
    /// The title of the activity holding the latest definition.
    pub activity: &'a str,
    /// Oldest first; the same reading copied into two sessions counts once.
    pub readings: Vec<ReadingAt<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadingAt<'a> {
    pub reading: &'a Reading,
    /// The session it was recorded in (an index into the history).
    pub session: usize,
    /// The reading's own date, or the session's when it has none.
    pub date: NaiveDate,
}

/// Where the latest reading stands between the baseline and the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnTrack {
    TargetMet,
    /// Moved from the starting point towards the target.
    Improving,
    /// Not moved, or moved away from the target.
    NotImproving,
    /// A number is missing: no reading yet, or a baseline or target in words.
    Unknown,
}

impl OnTrack {
    pub fn label(self) -> &'static str {
        match self {
            OnTrack::TargetMet => "Target met",
            OnTrack::Improving => "Improving",
            OnTrack::NotImproving => "Not improving",
            OnTrack::Unknown => "Unknown",
        }
    }
}

impl<'a> MeasureHistory<'a> {
    pub fn indicator(&self) -> &'a str {
        self.measure.map(|m| m.indicator.as_str()).unwrap_or_default()
    }

    pub fn baseline(&self) -> &'a str {
        self.measure.map(|m| m.baseline.as_str()).unwrap_or_default()
    }

    pub fn target(&self) -> &'a str {
        self.measure.map(|m| m.target.as_str()).unwrap_or_default()
    }

    pub fn latest(&self) -> Option<&ReadingAt<'a>> {
        self.readings.last()
    }

    /// The reading before the latest.
    pub fn previous(&self) -> Option<&ReadingAt<'a>> {
        self.readings.len().checked_sub(2).map(|i| &self.readings[i])
    }

    /// Compares the latest reading with the starting point (the baseline,
    /// or the first reading when the baseline holds no number) in the
    /// direction of the target.
    pub fn on_track(&self) -> OnTrack {
        let numbers: Vec<f64> = self
            .readings
            .iter()
            .filter_map(|r| numeric_value(&r.reading.value))
            .collect();
        let start =
            numeric_value(self.baseline()).or_else(|| numbers.first().copied().filter(|_| numbers.len() > 1));
        let (Some(start), Some(target), Some(&latest)) =
            (start, numeric_value(self.target()), numbers.last())
        else {
            return OnTrack::Unknown;
        };
        if target == start {
            return OnTrack::Unknown;
        }
        let progress = (latest - start) / (target - start);
        if progress >= 1.0 {
            OnTrack::TargetMet
        } else if progress > 0.0 {
            OnTrack::Improving
        } else {
            OnTrack::NotImproving
        }
    }

    /// The baseline and then each reading as numbers, `None` for words.
    pub fn values(&self) -> Vec<Option<f64>> {
        let readings = self.readings.iter().map(|r| numeric_value(&r.reading.value));
        std::iter::once(numeric_value(self.baseline()))
            .chain(readings)
            .collect()
    }

    /// [`sparkline`] of [`Self::values`]: the baseline, then each reading.
    pub fn sparkline(&self) -> String {
        sparkline(&self.values())
    }
}

/// One block character per value, scaled from the lowest to the highest,
/// with a space for a value that is not a number: "▁▄█".
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let numbers = values.iter().flatten().filter(|v| v.is_finite());
    let (low, high) = numbers.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    values
        .iter()
        .map(|v| match v {
            Some(v) if v.is_finite() && high > low => {
                let step = ((v - low) / (high - low) * 7.0).round() as usize;
                BARS[step.min(7)]
            }
            Some(v) if v.is_finite() => BARS[3],
            _ => ' ',
        })
        .collect()
}

impl<'a> History<'a> {
    /// Every measure of a series in the order first defined (measures only
    /// read, never defined, come last), each with its latest definition and
    /// all its readings.
    pub fn measures(&self, series: &Series) -> Vec<MeasureHistory<'a>> {
        let mut out: Vec<MeasureHistory<'a>> = Vec::new();
        let find = |out: &mut Vec<MeasureHistory<'a>>, id: &'a str| -> usize {
            match out.iter().position(|m| m.id == id) {
                Some(at) => at,
                None => {
                    out.push(MeasureHistory {
                        id,
                        measure: None,
                        activity: "",
                        readings: Vec::new(),
                    });
                    out.len() - 1
                }
            }
        };
        for &index in &series.sessions {
            let Some(session) = self.session(index) else {
                continue;
            };
            for activity in &session.activities {
                for m in activity.measures.iter().filter(|m| !m.id.trim().is_empty()) {
                    let at = find(&mut out, m.id.trim());
                    out[at].measure = Some(m);
                    out[at].activity = &activity.title;
                }
            }
        }
        for &index in &series.sessions {
            let Some(session) = self.session(index) else {
                continue;
            };
            for reading in session
                .review
                .readings
                .iter()
                .filter(|r| !r.measure_id.trim().is_empty())
            {
                let at = find(&mut out, reading.measure_id.trim());
                let date = reading.date.unwrap_or(session.date);
                let copy = out[at]
                    .readings
                    .iter()
                    .any(|r| r.date == date && r.reading.value.trim() == reading.value.trim());
                if !copy {
                    out[at].readings.push(ReadingAt {
                        reading,
                        session: index,
                        date,
                    });
                }
            }
        }
        for m in &mut out {
            m.readings.sort_by_key(|r| r.date);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::tests::meeting;
    use crate::domain::{Activity, Session};

    fn reading(id: &str, month: u32, value: &str) -> Reading {
        Reading {
            measure_id: id.into(),
            date: NaiveDate::from_ymd_opt(2026, month, 28),
            value: value.into(),
            note: String::new(),
            ..Default::default()
        }
    }

    fn series() -> Vec<Session> {
        let mut july = meeting("Launch", "Level Ground", 7, 8);
        july.activities.push(Activity {
            title: "Screening".into(),
            measures: vec![Measure {
                id: "m-1".into(),
                indicator: "Clients asked".into(),
                baseline: "12% (spring)".into(),
                target: "80% by December".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let mut sept = july.follow_up(
            "Sept",
            NaiveDate::from_ymd_opt(2026, 9, 16).unwrap(),
            july.created,
        );
        sept.review.readings.push(reading("m-1", 8, "38%"));
        let mut nov = sept.follow_up(
            "Nov",
            NaiveDate::from_ymd_opt(2026, 11, 11).unwrap(),
            july.created,
        );
        nov.activities[0].measures[0].indicator = "New clients asked both questions".into();
        nov.review.readings.push(reading("m-1", 10, "71%"));
        nov.review.readings.push(reading("m-1", 8, "38%"));
        nov.review.readings.push(reading("m-gone", 10, "3"));
        vec![nov, july, sept]
    }

    #[test]
    fn a_measure_is_followed_by_id_even_when_renamed() {
        let sessions = series();
        let h = History::new(&sessions);
        let measures = h.measures(&h.series()[0]);
        assert_eq!(measures.len(), 2);
        let m = &measures[0];
        assert_eq!(m.indicator(), "New clients asked both questions");
        assert_eq!(
            (m.activity, m.baseline(), m.target()),
            ("Screening", "12% (spring)", "80% by December")
        );
        let values: Vec<(&str, usize)> = m
            .readings
            .iter()
            .map(|r| (r.reading.value.as_str(), r.session))
            .collect();
        assert_eq!(
            values,
            [("38%", 2), ("71%", 0)],
            "the copied August reading counts once"
        );
        assert_eq!(m.previous().map(|r| r.reading.value.as_str()), Some("38%"));
        assert_eq!(m.on_track(), OnTrack::Improving);
        assert_eq!(m.sparkline(), "▁▄█");
        assert_eq!((measures[1].id, measures[1].measure), ("m-gone", None));
        assert_eq!(measures[1].on_track(), OnTrack::Unknown);
    }

    fn judged(baseline: &str, target: &str, readings: &[&str]) -> OnTrack {
        let m = Measure {
            baseline: baseline.into(),
            target: target.into(),
            ..Default::default()
        };
        let readings: Vec<Reading> = readings.iter().map(|v| reading("m", 1, v)).collect();
        MeasureHistory {
            id: "m",
            measure: Some(&m),
            activity: "",
            readings: readings
                .iter()
                .map(|reading| ReadingAt {
                    reading,
                    session: 0,
                    date: NaiveDate::MIN,
                })
                .collect(),
        }
        .on_track()
    }

    #[test]
    fn on_track_follows_the_direction_of_the_target() {
        assert_eq!(judged("41%", "55%", &["39%"]), OnTrack::NotImproving);
        assert_eq!(judged("41%", "55%", &["39%", "46%"]), OnTrack::Improving);
        assert_eq!(judged("41%", "55%", &["56%"]), OnTrack::TargetMet);
        assert_eq!(
            judged("20 days", "5 days", &["12 days"]),
            OnTrack::Improving,
            "lower is better"
        );
        assert_eq!(judged("20 days", "5 days", &["25 days"]), OnTrack::NotImproving);
        assert_eq!(judged("None yet", "70%", &["69%"]), OnTrack::Unknown);
        assert_eq!(judged("None yet", "70%", &["60%", "69%"]), OnTrack::Improving);
        assert_eq!(judged("10", "about half", &["30"]), OnTrack::Unknown);
        assert_eq!(judged("10", "20", &["a few"]), OnTrack::Unknown);
        assert_eq!(judged("10", "20", &[]), OnTrack::Unknown);
        assert_eq!(judged("10", "10", &["10"]), OnTrack::Unknown);
    }

    #[test]
    fn sparklines_scale_and_leave_gaps_for_words() {
        assert_eq!(sparkline(&[Some(0.0), Some(50.0), Some(100.0)]), "▁▅█");
        assert_eq!(sparkline(&[None, Some(3.0), Some(3.0)]), " ▄▄");
        assert_eq!(sparkline(&[Some(f64::NAN)]), " ");
        assert_eq!(sparkline(&[]), "");
    }
}

//! Dates as session files write them ("2026-03-25"), read without chrono's
//! general parser when they have exactly that form: a session holds dozens
//! (every action's due date), and the general parser took a tenth of the
//! time it takes to read a file. Anything else is handed to chrono as its
//! own `Deserialize` does, so what is accepted and every error message stay
//! exactly chrono's. For `#[serde(deserialize_with = "…")]`.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A date field.
pub fn plain<'de, D: Deserializer<'de>>(from: D) -> Result<NaiveDate, D::Error> {
    Day::deserialize(from).map(|Day(date)| date)
}

/// An optional date field (serde's own `Option`, so `None`, `Some(…)` and
/// ron's implicit `Some` read as before).
pub fn option<'de, D: Deserializer<'de>>(from: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Day>::deserialize(from).map(|day| day.map(|Day(date)| date))
}

struct Day(NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(from: D) -> Result<Day, D::Error> {
        // What chrono asks of the deserializer for a `NaiveDate`.
        from.deserialize_str(DayVisitor)
    }
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = Day;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // chrono's words.
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
        match quick(text) {
            Some(date) => Ok(Day(date)),
            None => text.parse().map(Day).map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DD` exactly, when it names a real day.
fn quick(text: &str) -> Option<NaiveDate> {
    let bytes: &[u8; 10] = text.as_bytes().try_into().ok()?;
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(&bytes[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&bytes[5..7])?, number(&bytes[8..])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Dated {
        #[serde(deserialize_with = "plain")]
        on: NaiveDate,
        #[serde(default, deserialize_with = "option")]
        due: Option<NaiveDate>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct ByChrono {
        on: NaiveDate,
        #[serde(default)]
        due: Option<NaiveDate>,
    }

    type Read = Result<(NaiveDate, Option<NaiveDate>), String>;

    /// What ron makes of `text` read both ways: the same dates or the same
    /// error, word for word.
    fn both(text: &str) -> (Read, Read) {
        // As session files are read: `Some` may be left out.
        let ron = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let ours = ron.from_str::<Dated>(text).map(|d| (d.on, d.due));
        let chronos = ron.from_str::<ByChrono>(text).map(|d| (d.on, d.due));
        (
            ours.map_err(|e| e.to_string()),
            chronos.map_err(|e| e.to_string()),
        )
    }

    #[test]
    fn dates_read_as_chrono_reads_them_and_fail_with_its_words() {
        let texts = [
            r#"(on: "2026-03-25", due: "2027-12-31")"#,
            r#"(on: "2024-02-29", due: Some("0000-01-01"))"#,
            r#"(on: "2026-03-25", due: None)"#,
            r#"(on: "2026-03-25")"#,
            // Not a day, not this form, not a date at all.
            r#"(on: "2026-02-29")"#,
            r#"(on: "2026-13-01")"#,
            r#"(on: "2026-3-5")"#,
            r#"(on: "+2026-03-25")"#,
            r#"(on: "2026/03/25")"#,
            r#"(on: "2026-03-2x")"#,
            r#"(on: "２０２６-03-25")"#,
            r#"(on: "")"#,
            r#"(on: 20260325)"#,
            r#"(on: "2026-03-25", due: "soon")"#,
            r#"(on: "2026-03-25", due: 3)"#,
        ];
        for text in texts {
            let (ours, chronos) = both(text);
            assert_eq!(ours, chronos, "{text}");
        }
        assert!(both(texts[0]).0.is_ok());
        assert!(both(texts[4]).0.is_err());
    }

    #[test]
    fn the_quick_road_takes_only_real_days_written_in_full() {
        assert_eq!(quick("2026-03-25"), NaiveDate::from_ymd_opt(2026, 3, 25));
        assert_eq!(quick("0000-01-01"), NaiveDate::from_ymd_opt(0, 1, 1));
        for text in [
            "2026-02-29",
            "2026-00-10",
            "2026-3-25 ",
            "2026-03-25T",
            "20260325xx",
            "2026-03-+5",
        ] {
            assert_eq!(quick(text), None, "{text}");
        }
    }
}

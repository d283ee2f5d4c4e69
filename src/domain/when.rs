//! Parsing of the dates and times people type, and the `"10:00"` time format
//! used in session files.

use chrono::{NaiveDate, NaiveTime};

/// Parses a date typed as `2026-12-03` (the only format files use) or the
/// British `3/12/2026`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| format!("\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-03"))
}

/// Parses a time typed as `10:00` or `9:30`.
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| format!("\"{text}\" is not a time: write it as HH:MM, e.g. 10:00"))
}

/// Serde for an optional time as `"10:00"`, so files stay short and readable.
pub mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(t) => s.serialize_some(&t.format("%H:%M").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| {
            NaiveTime::parse_from_str(&t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(&t, "%H:%M:%S"))
                .map_err(|_| {
                    serde::de::Error::custom(format!("expected a time like \"10:00\", found \"{t}\""))
                })
        })
        .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_two_formats() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(parse_date("2026-12-03"), Ok(d));
        assert_eq!(parse_date(" 3/12/2026 "), Ok(d));
        assert!(parse_date("next tuesday").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("9:30"), Ok(NaiveTime::from_hms_opt(9, 30, 0).unwrap()));
        assert!(parse_time("25:00").is_err());
    }
}

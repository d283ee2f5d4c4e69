//! Parsing of the dates and times people type, and the `"10:00"` time format
//! used in session files.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// Parses a date as people type it: `2026-12-03` (the format files use),
/// or day first as in Britain and most of the world: `3/12/2026`,
/// `3.12.2026`, `3-12-26`, `3 Dec 2026`, `3 December 2026`. Never month
/// first, so `3/12` is always the 3rd of December.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    const FULL_YEAR: [&str; 6] = [
        "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y",
    ];
    const SHORT_YEAR: [&str; 4] = ["%d/%m/%y", "%d.%m.%y", "%d-%m-%y", "%d %B %y"];
    let text = text.trim();
    // A year written with two digits ("26") would read as the year 26.
    let full = FULL_YEAR
        .iter()
        .filter_map(|f| NaiveDate::parse_from_str(text, f).ok())
        .find(|d| d.year() >= 1000);
    full.or_else(|| {
        SHORT_YEAR
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
    })
    .ok_or_else(|| format!("\"{text}\" is not a date: use YYYY-MM-DD or day first (3/12/2026)"))
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
    fn dates_as_people_type_them_are_read_day_first() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        for typed in [
            "31/3/2027",
            "31.3.2027",
            "31-03-2027",
            "31/3/27",
            "31 March 2027",
            "31 Mar 2027",
            "2027/3/31",
        ] {
            assert_eq!(parse_date(typed), Ok(d), "{typed}");
        }
        let dec = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(parse_date("3/12/26"), Ok(dec), "day first, and 26 is 2026");
        assert!(parse_date("3/31/2027").is_err(), "never month first");
        assert!(parse_date("31/02/2027").unwrap_err().contains("day first"));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("9:30"), Ok(NaiveTime::from_hms_opt(9, 30, 0).unwrap()));
        assert!(parse_time("25:00").is_err());
    }
}

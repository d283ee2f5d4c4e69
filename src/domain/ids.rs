//! Stable identities for items that live across sessions (measures and
//! actions), so a follow-up session can recognise them without matching text.

use chrono::{DateTime, Utc};

/// A short id such as `m-k3x9q2`, unique among `existing`. `now` seeds it so
/// the domain stays free of randomness and clocks.
pub fn new_item_id(prefix: &str, now: DateTime<Utc>, existing: &[&str]) -> String {
    let mut seed = now.timestamp_nanos_opt().unwrap_or_default().unsigned_abs();
    loop {
        let id = format!("{prefix}-{}", base36(seed % 36u64.pow(6)));
        if !existing.contains(&id.as_str()) {
            return id;
        }
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_against_existing() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let a = new_item_id("m", now, &[]);
        let b = new_item_id("m", now, &[a.as_str()]);
        assert_ne!(a, b);
        assert!(a.starts_with("m-") && a.len() == 8);
    }
}

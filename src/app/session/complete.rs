//! Filling in names the room already knows, so owners and leads match the
//! participant list (and renames can follow them).

/// Where Ctrl-N has got to: what the person had typed, and which match is
/// shown now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub typed: String,
    pub shown: usize,
}

/// Names in `pool` that contain `typed` (ignoring case), those that start
/// with it first; every name when nothing is typed.
pub fn matches<'a>(pool: &'a [String], typed: &str) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for name in pool.iter().map(String::as_str) {
        let lower = name.to_lowercase();
        if name.trim().is_empty() || starts.contains(&name) || contains.contains(&name) {
            continue;
        }
        if lower.starts_with(&typed) {
            starts.push(name);
        } else if lower.contains(&typed) {
            contains.push(name);
        }
    }
    starts.extend(contains);
    starts
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn prefix_matches_come_first() {
        let pool: Vec<String> = ["Sam Okafor", "Ann Lee", "Joanne Sam", "ann lee", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(matches(&pool, "sam"), ["Sam Okafor", "Joanne Sam"]);
        assert_eq!(matches(&pool, "ANN"), ["Ann Lee", "ann lee", "Joanne Sam"]);
        assert_eq!(matches(&pool, "").len(), 4);
    }
}

//! The commented example `roundtable config --example` prints, and the
//! list of key tables and actions for `roundtable config --keys`. A test
//! reads the example back with no problems, so it cannot go stale.

use crate::app::key_tables::tables;

/// A config file with every setting, each explained. Copied as it is, it
/// changes only the theme, two time boxes and one key (the archive line is
/// commented out, so the sessions stay where they are).
pub const EXAMPLE: &str = r#"// Roundtable's config file (RON, like the session files). Every setting is
// optional: leave one out, or comment it out with //, for the built-in
// default. Roundtable only reads this file; it never writes it.
// A command-line flag beats an environment variable, which beats this file.
(
    // The archive folder when neither --dir nor $ROUNDTABLE_DIR says.
    // A full path; "~/" means your home folder.
    // archive: "~/roundtable",

    // Colours: "dark", "light", or "high-contrast" (for projectors: no pale
    // text, keys shown like keycaps). --theme and $ROUNDTABLE_THEME win, and
    // so does a theme chosen in the app with t (remembered for next time).
    theme: "high-contrast",

    // Who minutes are written for when nobody says: "partners", "trustees"
    // or "public". The choice made in the app for a partnership wins, and
    // `export --audience` wins over both.
    audience: "partners",

    // Minutes for parts of a new session's plan, in place of the shipped
    // plans' (first session: two hours; follow-up: 90 minutes). Parts:
    // opening, goals, vision, activities, roles, awareness, next-steps,
    // break, close. Parts left out keep their minutes.
    time_boxes: {
        "goals": 25,
        "vision": 25,
    },

    // Keys, by table then action: one key in quotes, or a list. Write keys
    // as the footer shows them: "n", "N", "Ctrl-S", "Alt-Up", "Shift-Tab",
    // "Enter", "Space", "F5". The footer and the help (?) show the keys in
    // force. A key another action of the same table already uses is
    // refused (to swap two keys, give both new ones).
    // `roundtable config --keys` lists every table, action and key.
    keys: {
        "session": {
            "notes": ["n", "F2"],
        },
    },
)
"#;

/// How the example writes `field`, for hints about a wrong type.
pub(super) fn sample(field: &str) -> String {
    EXAMPLE
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(&format!("{field}:")))
        .map(|l| l.trim_end_matches(',').to_string())
        .unwrap_or_else(|| format!("{field}: \"…\""))
}

/// Every table a config may change, its actions, built-in keys and what
/// each does.
pub fn keys_reference() -> String {
    let mut out =
        String::from("Key tables and actions for the config file's `keys` (built-in keys shown):\n");
    for table in tables() {
        out.push_str(&format!("\n\"{}\": {}\n", table.name, table.about));
        let width = table.actions.iter().map(|a| a.name.len()).max().unwrap_or(0);
        for action in &table.actions {
            let keys: Vec<String> = action.keys.iter().map(|k| k.label()).collect();
            out.push_str(&format!(
                "  {:<width$}  {:<12}  {}\n",
                action.name,
                keys.join(" "),
                action.help
            ));
        }
    }
    out
}

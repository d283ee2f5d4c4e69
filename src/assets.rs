//! Guidance shipped with the binary: one Markdown file per step in
//! `assets/steps/`, with `## Purpose`, `## Ask the room`, `## Capture` and
//! `## Watch for` sections; the default plans in `assets/plans/`; and the
//! example sessions in `workshops/`.

use crate::domain::{Plan, Step};

/// A step's guidance, split into what the step screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub purpose: String,
    pub prompts: Vec<String>,
    pub capture: Vec<String>,
    /// Fairness reminders: small organisations, lived experience, dissent.
    pub watch_for: Vec<String>,
}

fn raw(step: Step) -> &'static str {
    match step {
        Step::Goals => include_str!("../assets/steps/1-goals.md"),
        Step::Vision => include_str!("../assets/steps/2-vision.md"),
        Step::Activities => include_str!("../assets/steps/3-activities.md"),
        Step::Roles => include_str!("../assets/steps/4-roles.md"),
        Step::Awareness => include_str!("../assets/steps/5-awareness.md"),
        Step::NextSteps => include_str!("../assets/steps/6-next-steps.md"),
    }
}

pub fn guide(step: Step) -> Guide {
    parse(raw(step))
}

fn parse(text: &str) -> Guide {
    let mut guide = Guide {
        purpose: String::new(),
        prompts: Vec::new(),
        capture: Vec::new(),
        watch_for: Vec::new(),
    };
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if let Some(heading) = line.strip_prefix("## ") {
            section = match heading.to_lowercase().as_str() {
                "purpose" => "purpose",
                "ask the room" => "prompts",
                "capture" => "capture",
                "watch for" => "watch_for",
                _ => "",
            };
            continue;
        }
        let bullet = line.strip_prefix("- ").map(str::to_string);
        match (section, bullet) {
            ("purpose", _) if !line.is_empty() => {
                if !guide.purpose.is_empty() {
                    guide.purpose.push(' ');
                }
                guide.purpose.push_str(line);
            }
            ("prompts", Some(b)) => guide.prompts.push(b),
            ("capture", Some(b)) => guide.capture.push(b),
            ("watch_for", Some(b)) => guide.watch_for.push(b),
            _ => {}
        }
    }
    guide
}

/// Which default plan a new session gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// A partnership's first meeting: two hours.
    First,
    /// A meeting that follows on from an earlier one: 90 minutes.
    FollowUp,
}

impl PlanKind {
    /// The plan for a session that follows `previous` (an id; empty for a
    /// first meeting).
    pub fn for_previous(previous: &str) -> PlanKind {
        if previous.trim().is_empty() {
            PlanKind::First
        } else {
            PlanKind::FollowUp
        }
    }
}

/// The default plan of `kind`, shipped in `assets/plans/`.
pub fn plan(kind: PlanKind) -> Plan {
    let text = match kind {
        PlanKind::First => include_str!("../assets/plans/first.txt"),
        PlanKind::FollowUp => include_str!("../assets/plans/follow-up.txt"),
    };
    // The shipped files are checked by a test, so this never falls back.
    // The config file's time boxes, if any, replace the shipped minutes.
    crate::config::with_time_boxes(Plan::parse(text).unwrap_or_default())
}

/// Embeds each example session under its file name, so the list and the
/// folder can only differ by a name (which the tests catch).
macro_rules! examples {
    ($($name:literal),* $(,)?) => {
        vec![$(($name, include_str!(concat!("../workshops/", $name)))),*]
    };
}

/// The example sessions in `workshops/` as (file name, contents), oldest
/// first, for the app to show as a separate, read-only archive (see
/// `app::examples`): they are never copied into the person's own.
pub fn examples() -> Vec<(&'static str, &'static str)> {
    examples![
        "2026-07-08-level-ground-launch-session.ron",
        "2026-09-16-level-ground-september-data-review.ron",
        "2026-10-08-brindley-vale-first-co-design-session.ron",
        "2026-10-21-north-coast-food-justice-alliance-roles-and-awareness.ron",
        "2026-11-11-level-ground-november-data-review.ron",
        "2026-12-03-brindley-vale-second-co-design-session.ron",
        "2026-12-16-level-ground-december-check-in.ron",
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_guidance() {
        for step in Step::ALL {
            let g = guide(step);
            assert!(!g.purpose.is_empty(), "{step:?} has no purpose");
            assert!(g.prompts.len() >= 3, "{step:?} needs prompts for the room");
            assert!(!g.capture.is_empty(), "{step:?} says nothing of what to capture");
        }
    }

    /// Guides show beside the capture panes on an 80-column screen, so
    /// bullets must stay short and lists must fit without scrolling.
    #[test]
    fn guidance_fits_the_screen() {
        for step in Step::ALL {
            let g = guide(step);
            assert!(
                (4..=6).contains(&g.prompts.len()),
                "{step:?}: {} prompts",
                g.prompts.len()
            );
            assert!(
                (3..=5).contains(&g.capture.len()),
                "{step:?}: {} capture",
                g.capture.len()
            );
            assert!(
                (2..=3).contains(&g.watch_for.len()),
                "{step:?}: {} watch",
                g.watch_for.len()
            );
            for bullet in g.prompts.iter().chain(&g.capture).chain(&g.watch_for) {
                assert!(
                    bullet.chars().count() <= 68,
                    "{step:?}: too long for the screen: {bullet}"
                );
            }
            let sentences = g.purpose.matches(". ").count() + 1;
            assert!(
                (2..=3).contains(&sentences),
                "{step:?}: purpose has {sentences} sentences"
            );
        }
    }

    #[test]
    fn examples_match_the_workshops_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops");
        let mut on_disk: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(p).unwrap())
            })
            .collect();
        on_disk.sort();
        let embedded: Vec<(String, String)> = examples()
            .into_iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        assert_eq!(
            embedded, on_disk,
            "list every file in workshops/ in examples(), oldest first"
        );
    }

    #[test]
    fn default_plans_parse_and_fill_their_time_with_every_step_once() {
        for (kind, minutes) in [(PlanKind::First, 120), (PlanKind::FollowUp, 90)] {
            let text = match kind {
                PlanKind::First => include_str!("../assets/plans/first.txt"),
                PlanKind::FollowUp => include_str!("../assets/plans/follow-up.txt"),
            };
            let p = Plan::parse(text).unwrap();
            assert_eq!(p.total_minutes(), minutes, "{kind:?}");
            for step in Step::ALL {
                assert!(p.slot_of(step).is_some(), "{kind:?} has no time for {step:?}");
            }
            assert_eq!(p, plan(kind));
        }
        assert_eq!(PlanKind::for_previous(""), PlanKind::First);
        assert_eq!(PlanKind::for_previous("2026-10-08-x"), PlanKind::FollowUp);
    }

    #[test]
    fn sections_are_parsed_and_unknown_ones_ignored() {
        let g = parse(
            "# T\n## Purpose\nOne.\nTwo.\n## Ask the room\n- Q?\n## Other\n- skip\n\
             ## Capture\n- C\n## Watch for\n- W\n",
        );
        assert_eq!(g.purpose, "One. Two.");
        assert_eq!(g.prompts, ["Q?"]);
        assert_eq!(g.capture, ["C"]);
        assert_eq!(g.watch_for, ["W"]);
    }
}

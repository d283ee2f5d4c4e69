//! Guidance shipped with the binary: one Markdown file per step in
//! `assets/steps/`, with `## Purpose`, `## Ask the room` and `## Capture`
//! sections.

use crate::domain::Step;

/// A step's guidance, split into what the step screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub purpose: String,
    pub prompts: Vec<String>,
    pub capture: Vec<String>,
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
    };
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if let Some(heading) = line.strip_prefix("## ") {
            section = match heading.to_lowercase().as_str() {
                "purpose" => "purpose",
                "ask the room" => "prompts",
                "capture" => "capture",
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
            _ => {}
        }
    }
    guide
}

// --- Stub added by the app-shell branch; the content branch replaces it. ---
/// Example sessions shipped with the binary, as (file name, RON text).
pub fn examples() -> Vec<(&'static str, &'static str)> {
    Vec::new()
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
}

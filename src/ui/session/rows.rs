//! How each kind of item reads in a list: the words the room said first,
//! then who and when in a quieter style.

use chrono::NaiveDate;
use ratatui::text::Span;

use super::list::Item;
use crate::app::session::items::ListRef;
use crate::app::session::section::ListKind;
use crate::domain::{Attendance, Audience, ConsentLevel, Session, Step};
use crate::ui::theme::Theme;

pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "a · b · c" from the parts that are not empty.
fn joined(parts: &[String]) -> String {
    let parts: Vec<&str> = parts.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    parts.join(" · ")
}

/// Text, or a placeholder when the room has not said it yet.
fn or(text: &str, missing: &str) -> String {
    if text.trim().is_empty() {
        missing.to_string()
    } else {
        text.trim().to_string()
    }
}

fn step_label(step: Option<Step>) -> String {
    step.map(|s| format!("step {} {}", s.number(), s.short()))
        .unwrap_or_default()
}

struct Rows<'a> {
    t: &'a Theme,
}

impl Rows<'_> {
    fn plain(&self, s: impl Into<String>) -> Span<'static> {
        Span::raw(s.into())
    }
    fn bold(&self, s: impl Into<String>) -> Span<'static> {
        Span::styled(s.into(), self.t.title())
    }
    /// Details after the main text, introduced by a dash when there are any.
    fn detail(&self, parts: &[String]) -> Span<'static> {
        let text = joined(parts);
        Span::styled(
            if text.is_empty() {
                text
            } else {
                format!(" — {text}")
            },
            self.t.muted(),
        )
    }
    fn muted(&self, s: impl Into<String>) -> Span<'static> {
        Span::styled(s.into(), self.t.muted())
    }
}

/// The row for item `row` of `list`.
pub fn item(s: &Session, l: ListRef, row: usize, theme: &Theme) -> Item {
    let r = Rows { t: theme };
    let d =
        |x: Option<NaiveDate>, prefix: &str| x.map(|x| format!("{prefix}{}", date(x))).unwrap_or_default();
    match l.kind {
        ListKind::Goals => s.goals.get(row).map_or_else(Vec::new, |g| {
            let mark = if g.agreed {
                Span::styled("✓ agreed ", theme.success())
            } else {
                r.plain("")
            };
            let votes = match g.support {
                0 => String::new(),
                1 => "1 vote".into(),
                n => format!("{n} votes"),
            };
            vec![vec![
                r.muted(format!("{}. ", row + 1)),
                mark,
                r.plain(or(&g.text, "(no text)")),
                r.detail(&[g.proposed_by.clone(), votes]),
            ]]
        }),
        ListKind::Drafts => s.vision.drafts.get(row).map_or_else(Vec::new, |v| {
            vec![vec![
                r.plain(or(&v.text, "(no text)")),
                r.detail(std::slice::from_ref(&v.proposed_by)),
            ]]
        }),
        ListKind::FinalWording => {
            let w = s.vision.final_wording.trim();
            if w.is_empty() {
                vec![vec![r.muted(
                    "Not written yet: press Enter to write the wording the room agrees.",
                )]]
            } else {
                vec![vec![r.bold(w.to_string())]]
            }
        }
        ListKind::Consent => s.vision.consent.get(row).map_or_else(Vec::new, |c| {
            let style = match c.level {
                ConsentLevel::Agree => theme.success(),
                ConsentLevel::CanLiveWithIt => theme.warning(),
                ConsentLevel::Block => theme.error(),
            };
            let level = Span::styled(c.level.label().to_string(), style);
            vec![vec![
                r.bold(format!("{}: ", or(&c.organisation, "(organisation?)"))),
                level,
                r.detail(std::slice::from_ref(&c.concern)),
            ]]
        }),
        ListKind::Activities => s.activities.get(row).map_or_else(Vec::new, |a| {
            let measures = match a.measures.len() {
                0 => "no measures yet".to_string(),
                1 => "1 measure".to_string(),
                n => format!("{n} measures"),
            };
            let lead = if a.lead.is_empty() {
                String::new()
            } else {
                format!("led by {}", a.lead)
            };
            let mut item = vec![vec![
                r.bold(or(&a.title, "(untitled)")),
                r.detail(&[lead, measures, serves(&a.serves, s)]),
            ]];
            if !a.description.trim().is_empty() {
                item.push(vec![r.plain(a.description.trim().to_string())]);
            }
            item
        }),
        ListKind::Measures => {
            let m = s.activities.get(l.parent).and_then(|a| a.measures.get(row));
            m.map_or_else(Vec::new, |m| {
                let change = match (m.baseline.trim(), m.target.trim()) {
                    ("", "") => String::new(),
                    (b, "") => format!("baseline {b}"),
                    ("", t) => format!("target {t}"),
                    (b, t) => format!("{b} → {t}"),
                };
                let source = if m.source.is_empty() {
                    String::new()
                } else {
                    format!("from {}", m.source)
                };
                vec![
                    vec![
                        r.bold(or(&m.indicator, "(no indicator)")),
                        r.detail(&[m.kind.label().into()]),
                    ],
                    vec![
                        r.plain(change),
                        r.detail(&[source, m.owner.to_string(), d(m.review_date, "review ")]),
                    ],
                ]
            })
        }
        ListKind::Workstreams => s.roles.workstreams.get(row).map_or_else(Vec::new, |w| {
            let lead = match (w.lead.trim(), w.lead_organisation.trim()) {
                ("", "") => "no lead yet".to_string(),
                (p, "") => format!("led by {p}"),
                ("", o) => format!("led by {o}"),
                (p, o) => format!("led by {p} ({o})"),
            };
            let mut item = vec![vec![
                r.bold(or(&w.name, "(unnamed)")),
                r.detail(&[lead, serves(&w.serves, s)]),
            ]];
            if !w.remit.trim().is_empty() {
                item.push(vec![r.plain(w.remit.trim().to_string())]);
            }
            item
        }),
        ListKind::Commitments => s.roles.commitments.get(row).map_or_else(Vec::new, |c| {
            vec![vec![
                r.bold(or(&c.organisation, "(organisation?)")),
                r.plain(format!(" gives {}", c.kind.label().to_lowercase())),
                r.plain(if c.detail.is_empty() {
                    String::new()
                } else {
                    format!(": {}", c.detail.trim())
                }),
            ]]
        }),
        ListKind::Governance => {
            let (label, text) = if row == 0 {
                ("Secretariat: ", &s.roles.secretariat)
            } else {
                ("Who decides what: ", &s.roles.decision_making)
            };
            let value = if text.trim().is_empty() {
                r.muted("not agreed yet")
            } else {
                r.plain(text.trim().to_string())
            };
            vec![vec![r.bold(label), value]]
        }
        ListKind::Awareness => s.awareness.get(row).map_or_else(Vec::new, |a| {
            let channel = if a.channel.is_empty() {
                String::new()
            } else {
                format!("via {}", a.channel)
            };
            vec![vec![
                r.bold(format!("{}: ", or(&a.audience, "(audience?)"))),
                r.plain(a.message.trim().to_string()),
                r.detail(&[channel, a.owner.clone(), d(a.date, "")]),
            ]]
        }),
        ListKind::Readings => s.review.readings.get(row).map_or_else(Vec::new, |x| {
            let measure = s
                .activities
                .iter()
                .flat_map(|a| &a.measures)
                .find(|m| m.id == x.measure_id)
                .map_or_else(|| or(&x.measure_id, "(no measure)"), |m| m.indicator.to_string());
            vec![vec![
                r.bold(format!("{measure}: ")),
                r.plain(or(&x.value, "(no value)")),
                r.detail(&[d(x.date, "on "), x.note.clone()]),
            ]]
        }),
        ListKind::Learnings => s.review.learnings.get(row).map_or_else(Vec::new, |x| {
            vec![vec![
                r.muted(format!("[{}] ", x.kind.label())),
                r.plain(or(&x.text, "(no text)")),
            ]]
        }),
        ListKind::NextSteps => s.review.next_steps.get(row).map_or_else(Vec::new, |n| {
            vec![vec![
                r.plain(or(&n.text, "(no text)")),
                r.detail(&[n.owner.clone(), d(n.by, "by ")]),
            ]]
        }),
        ListKind::Participants => s.participants.get(row).map_or_else(Vec::new, |p| {
            let voice = match (p.attendance, p.contributions) {
                (Attendance::Present, 0) => Span::styled(" ◆ not heard yet", theme.warning()),
                (Attendance::Present, 1) => r.muted(" · spoke once"),
                (Attendance::Present, n) => r.muted(format!(" · spoke {n} times")),
                (other, _) => r.muted(format!(" · {}", other.label().to_lowercase())),
            };
            let lived = if p.lived_experience {
                "lived experience".to_string()
            } else {
                String::new()
            };
            vec![vec![
                r.bold(or(&p.name, "(no name)")),
                r.detail(&[
                    p.organisation.to_string(),
                    p.role.clone(),
                    p.sector.label().into(),
                    lived,
                ]),
                voice,
            ]]
        }),
        ListKind::Decisions => s.decisions.get(row).map_or_else(Vec::new, |x| {
            let mut item = vec![vec![
                r.plain(or(&x.text, "(no text)")),
                r.detail(&[decision_how(s, x), step_label(x.step)]),
            ]];
            if !x.dissent.trim().is_empty() {
                item.push(vec![
                    Span::styled("Dissent: ", theme.warning()),
                    r.plain(x.dissent.trim().to_string()),
                ]);
            }
            item
        }),
        ListKind::Actions => s.actions.get(row).map_or_else(Vec::new, |a| {
            let status = format!("[{}] ", a.status.label());
            let status = if a.status.is_open() {
                r.bold(status)
            } else {
                r.muted(status)
            };
            let owner = if a.owner.is_empty() {
                "no owner yet".to_string()
            } else {
                a.owner.to_string()
            };
            vec![vec![
                status,
                r.plain(or(&a.text, "(no text)")),
                r.detail(&[owner, d(a.due, "due ")]),
            ]]
        }),
        ListKind::Parked => s.parking_lot.get(row).map_or_else(Vec::new, |p| {
            let by = if p.raised_by.is_empty() {
                String::new()
            } else {
                format!("raised by {}", p.raised_by)
            };
            vec![vec![
                r.plain(or(&p.text, "(no text)")),
                r.detail(&[by, step_label(p.step)]),
            ]]
        }),
    }
}

/// `item` with who may read it, in words at the start: "[trustees only]"
/// or "[public]"; partners, the default, is not written on every row. A
/// participant who agreed to be quoted by name says so instead.
pub fn with_audience(mut item: Item, s: &Session, l: ListRef, row: usize, theme: &Theme) -> Item {
    let mark = match l.kind {
        ListKind::Participants => s
            .participants
            .get(row)
            .filter(|p| p.quote_by_name)
            .map(|_| Span::styled("[quoted by name] ", theme.muted())),
        _ => match crate::app::session::audience::marking(s, l, row) {
            Some(Audience::Trustees) => Some(Span::styled("[trustees only] ", theme.warning())),
            Some(Audience::Public) => Some(Span::styled("[public] ", theme.success())),
            _ => None,
        },
    };
    if let (Some(mark), Some(first)) = (mark, item.first_mut()) {
        first.insert(0, mark);
    }
    item
}

/// What an empty list says, so the next step is obvious.
pub fn empty_hint(s: &Session, kind: ListKind) -> String {
    match kind {
        ListKind::Measures if s.activities.is_empty() => {
            "Add an activity first (Tab back to Activities), then its measures here.".into()
        }
        ListKind::Readings if s.activities.iter().all(|a| a.measures.is_empty()) => {
            "No readings yet. Readings follow the measures of step 3; press a to add one.".into()
        }
        ListKind::Measures => "No measures for this activity yet. Press a to add one.".into(),
        _ => format!(
            "No {} yet. Press a to add the first one.",
            kind.title().to_lowercase()
        ),
    }
}

/// How a decision was taken, or that a consent block keeps it unagreed.
fn decision_how(s: &Session, d: &crate::domain::Decision) -> String {
    match s.standing_block(crate::domain::Subject::Decision, &d.text) {
        Some(_) => "NOT AGREED: blocked".into(),
        None => d.method.label().into(),
    }
}

/// "serves goals 1, 3", or nothing when it names none in this session.
fn serves(served: &[String], s: &Session) -> String {
    match crate::domain::goal_numbers(served, &s.goals) {
        n if n.is_empty() => String::new(),
        n if n.contains(',') => format!("serves goals {n}"),
        n => format!("serves goal {n}"),
    }
}

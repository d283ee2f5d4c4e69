//! Moving an item's properties in and out of the editor's fields, in the
//! order `fields::specs` lists them.

use chrono::NaiveDate;

use super::items::ListRef;
use super::section::ListKind;
use crate::domain::{
    ActionStatus, Attendance, CommitmentKind, ConsentLevel, DecisionMethod, LearningKind, MeasureKind,
    Sector, Session, Step, goal_numbers, goals_served, parse_date,
};

/// What one field holds while it is being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Pick { options: Vec<String>, index: usize },
    Flag(bool),
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn date(d: Option<NaiveDate>) -> Value {
    Value::Text(d.map(|d| d.to_string()).unwrap_or_default())
}

fn number(n: u32) -> Value {
    Value::Text(if n == 0 { String::new() } else { n.to_string() })
}

fn pick<T: PartialEq + Copy>(all: &[T], current: T, label: fn(T) -> &'static str) -> Value {
    Value::Pick {
        options: all.iter().map(|v| label(*v).to_string()).collect(),
        index: all.iter().position(|v| *v == current).unwrap_or(0),
    }
}

fn step_pick(current: Option<Step>) -> Value {
    let mut options = vec!["No particular step".to_string()];
    options.extend(Step::ALL.iter().map(|s| format!("{} {}", s.number(), s.short())));
    Value::Pick {
        options,
        index: current.map_or(0, Step::number),
    }
}

/// Every measure a reading can refer to, as (id, label), plus `current`
/// when it names a measure this session no longer has.
pub fn measure_choices(s: &Session, current: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "No measure chosen".to_string())];
    for a in &s.activities {
        for m in &a.measures {
            let name = if m.indicator.trim().is_empty() {
                "(unnamed measure)"
            } else {
                &m.indicator
            };
            out.push((m.id.to_string(), format!("{name} ({})", a.title)));
        }
    }
    if !out.iter().any(|(id, _)| id == current) {
        out.push((current.to_string(), format!("{current} (not in this session)")));
    }
    out
}

/// The current values of row `row`, one per field.
pub fn read(s: &Session, l: ListRef, row: usize) -> Vec<Value> {
    let none = Vec::new();
    match l.kind {
        ListKind::Goals => s.goals.get(row).map_or(none, |g| {
            vec![
                text(&g.text),
                text(&g.proposed_by),
                number(g.support),
                Value::Flag(g.agreed),
            ]
        }),
        ListKind::Drafts => s
            .vision
            .drafts
            .get(row)
            .map_or(none, |d| vec![text(&d.text), text(&d.proposed_by)]),
        ListKind::FinalWording => vec![text(&s.vision.final_wording)],
        ListKind::Consent => s.vision.consent.get(row).map_or(none, |c| {
            vec![
                text(&c.organisation),
                pick(&ConsentLevel::ALL, c.level, ConsentLevel::label),
                text(&c.concern),
            ]
        }),
        ListKind::Activities => s.activities.get(row).map_or(none, |a| {
            vec![
                text(&a.title),
                text(&a.lead),
                text(&a.description),
                text(&goal_numbers(&a.serves, &s.goals)),
            ]
        }),
        ListKind::Measures => {
            let m = s.activities.get(l.parent).and_then(|a| a.measures.get(row));
            m.map_or(none, |m| {
                vec![
                    text(&m.indicator),
                    pick(&MeasureKind::ALL, m.kind, MeasureKind::label),
                    text(&m.baseline),
                    text(&m.target),
                    text(&m.source),
                    text(&m.owner),
                    date(m.review_date),
                ]
            })
        }
        ListKind::Workstreams => s.roles.workstreams.get(row).map_or(none, |w| {
            vec![
                text(&w.name),
                text(&w.lead),
                text(&w.lead_organisation),
                text(&w.remit),
                text(&goal_numbers(&w.serves, &s.goals)),
            ]
        }),
        ListKind::Commitments => s.roles.commitments.get(row).map_or(none, |c| {
            vec![
                text(&c.organisation),
                pick(&CommitmentKind::ALL, c.kind, CommitmentKind::label),
                text(&c.detail),
            ]
        }),
        ListKind::Governance if row == 0 => vec![text(&s.roles.secretariat)],
        ListKind::Governance => vec![text(&s.roles.decision_making)],
        ListKind::Awareness => s.awareness.get(row).map_or(none, |a| {
            vec![
                text(&a.audience),
                text(&a.message),
                text(&a.channel),
                text(&a.owner),
                date(a.date),
            ]
        }),
        ListKind::Readings => s.review.readings.get(row).map_or(none, |r| {
            let choices = measure_choices(s, &r.measure_id);
            let measure = Value::Pick {
                index: choices
                    .iter()
                    .position(|(id, _)| *id == r.measure_id)
                    .unwrap_or(0),
                options: choices.into_iter().map(|(_, label)| label).collect(),
            };
            vec![measure, text(&r.value), date(r.date), text(&r.note)]
        }),
        ListKind::Learnings => s.review.learnings.get(row).map_or(none, |l| {
            vec![
                pick(&LearningKind::ALL, l.kind, LearningKind::label),
                text(&l.text),
            ]
        }),
        ListKind::NextSteps => s
            .review
            .next_steps
            .get(row)
            .map_or(none, |n| vec![text(&n.text), text(&n.owner), date(n.by)]),
        ListKind::Participants => s.participants.get(row).map_or(none, |p| {
            vec![
                text(&p.name),
                text(&p.organisation),
                text(&p.role),
                pick(&Sector::ALL, p.sector, Sector::label),
                Value::Flag(p.lived_experience),
                pick(&Attendance::ALL, p.attendance, Attendance::label),
            ]
        }),
        ListKind::Decisions => s.decisions.get(row).map_or(none, |d| {
            vec![
                text(&d.text),
                step_pick(d.step),
                pick(&DecisionMethod::ALL, d.method, DecisionMethod::label),
                text(&d.dissent),
                date(d.review_date),
            ]
        }),
        ListKind::Actions => s.actions.get(row).map_or(none, |a| {
            vec![
                text(&a.text),
                text(&a.owner),
                date(a.due),
                pick(&ActionStatus::ALL, a.status, ActionStatus::label),
            ]
        }),
        ListKind::Parked => s.parking_lot.get(row).map_or(none, |p| {
            vec![text(&p.text), text(&p.raised_by), step_pick(p.step)]
        }),
    }
}

/// Typed access to edited values; the editor has already checked that dates
/// and numbers parse.
struct Vals<'a>(&'a [Value]);

impl Vals<'_> {
    fn text(&self, i: usize) -> String {
        match self.0.get(i) {
            Some(Value::Text(t)) => t.trim().to_string(),
            _ => String::new(),
        }
    }
    fn index(&self, i: usize) -> usize {
        match self.0.get(i) {
            Some(Value::Pick { index, .. }) => *index,
            _ => 0,
        }
    }
    fn flag(&self, i: usize) -> bool {
        matches!(self.0.get(i), Some(Value::Flag(true)))
    }
    fn date(&self, i: usize) -> Option<NaiveDate> {
        parse_date(&self.text(i)).ok()
    }
    fn number(&self, i: usize) -> u32 {
        self.text(i).parse().unwrap_or(0)
    }
    /// `all` is one of the domain's non-empty `ALL` tables.
    fn pick<T: Copy>(&self, i: usize, all: &[T]) -> T {
        all[self.index(i).min(all.len() - 1)]
    }
    fn step(&self, i: usize) -> Option<Step> {
        self.index(i)
            .checked_sub(1)
            .and_then(|n| Step::ALL.get(n).copied())
    }
}

/// Writes edited values back into row `row`.
pub fn write(s: &mut Session, l: ListRef, row: usize, values: &[Value]) {
    let v = Vals(values);
    match l.kind {
        ListKind::Goals => {
            if let Some(g) = s.goals.get_mut(row) {
                (g.text, g.proposed_by, g.support, g.agreed) = (v.text(0), v.text(1), v.number(2), v.flag(3));
            }
        }
        ListKind::Drafts => {
            if let Some(d) = s.vision.drafts.get_mut(row) {
                (d.text, d.proposed_by) = (v.text(0), v.text(1));
            }
        }
        ListKind::FinalWording => s.vision.final_wording = v.text(0),
        ListKind::Consent => {
            if let Some(c) = s.vision.consent.get_mut(row) {
                (c.organisation, c.level, c.concern) = (v.text(0), v.pick(1, &ConsentLevel::ALL), v.text(2));
            }
        }
        ListKind::Activities => {
            let goals = &s.goals;
            if let Some(a) = s.activities.get_mut(row) {
                (a.title, a.lead, a.description) = (v.text(0).into(), v.text(1).into(), v.text(2));
                a.serves = goals_served(&v.text(3), goals, &a.serves);
            }
        }
        ListKind::Measures => {
            if let Some(m) = s
                .activities
                .get_mut(l.parent)
                .and_then(|a| a.measures.get_mut(row))
            {
                (m.indicator, m.kind, m.baseline) =
                    (v.text(0).into(), v.pick(1, &MeasureKind::ALL), v.text(2).into());
                (m.target, m.source, m.owner, m.review_date) =
                    (v.text(3).into(), v.text(4).into(), v.text(5).into(), v.date(6));
            }
        }
        ListKind::Workstreams => {
            if let Some(w) = s.roles.workstreams.get_mut(row) {
                (w.name, w.lead, w.lead_organisation, w.remit) = (v.text(0), v.text(1), v.text(2), v.text(3));
                w.serves = goals_served(&v.text(4), &s.goals, &w.serves);
            }
        }
        ListKind::Commitments => {
            if let Some(c) = s.roles.commitments.get_mut(row) {
                (c.organisation, c.kind, c.detail) = (v.text(0), v.pick(1, &CommitmentKind::ALL), v.text(2));
            }
        }
        ListKind::Governance if row == 0 => s.roles.secretariat = v.text(0),
        ListKind::Governance => s.roles.decision_making = v.text(0),
        ListKind::Awareness => {
            if let Some(a) = s.awareness.get_mut(row) {
                (a.audience, a.message, a.channel) = (v.text(0), v.text(1), v.text(2));
                (a.owner, a.date) = (v.text(3), v.date(4));
            }
        }
        ListKind::Readings => {
            let current = s.review.readings.get(row).map(|r| r.measure_id.clone());
            let choices = measure_choices(s, current.as_deref().unwrap_or(""));
            if let Some(r) = s.review.readings.get_mut(row) {
                if let Some((id, _)) = choices.get(v.index(0)) {
                    r.measure_id = id.clone();
                }
                (r.value, r.date, r.note) = (v.text(1), v.date(2), v.text(3));
            }
        }
        ListKind::Learnings => {
            if let Some(l) = s.review.learnings.get_mut(row) {
                (l.kind, l.text) = (v.pick(0, &LearningKind::ALL), v.text(1));
            }
        }
        ListKind::NextSteps => {
            if let Some(n) = s.review.next_steps.get_mut(row) {
                (n.text, n.owner, n.by) = (v.text(0), v.text(1), v.date(2));
            }
        }
        ListKind::Participants => {
            if let Some(p) = s.participants.get_mut(row) {
                (p.name, p.organisation, p.role) = (v.text(0).into(), v.text(1).into(), v.text(2));
                (p.sector, p.lived_experience) = (v.pick(3, &Sector::ALL), v.flag(4));
                p.attendance = v.pick(5, &Attendance::ALL);
            }
        }
        ListKind::Decisions => {
            if let Some(d) = s.decisions.get_mut(row) {
                (d.text, d.step) = (v.text(0), v.step(1));
                (d.method, d.dissent) = (v.pick(2, &DecisionMethod::ALL), v.text(3));
                d.review_date = v.date(4);
            }
        }
        ListKind::Actions => {
            if let Some(a) = s.actions.get_mut(row) {
                (a.text, a.owner, a.due, a.status) = (
                    v.text(0).into(),
                    v.text(1).into(),
                    v.date(2),
                    v.pick(3, &ActionStatus::ALL),
                );
            }
        }
        ListKind::Parked => {
            if let Some(p) = s.parking_lot.get_mut(row) {
                (p.text, p.raised_by, p.step) = (v.text(0), v.text(1), v.step(2));
            }
        }
    }
}

//! `roundtable partnership NAME [--json]`: what the partnership screen
//! shows, for a terminal or a script: attendance and contributions per
//! organisation with warnings, who does what, and the health-check trends.

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use serde_json::{Value, json};

use super::CliError;
use super::output::print;
use super::pack::{Loaded, find_series};
use crate::domain::engagement::{Cell, Warning};
use crate::domain::grid::Work;
use crate::domain::health_trend::Direction;
use crate::domain::{Engagement, Grid, HealthTrend, History, Principle, parse_date};
use crate::export::partnership_sections;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The partnership (part of its name is enough)
    name: String,
    /// Print JSON (engagement, warnings, grid and health trends) instead of Markdown
    #[arg(long)]
    json: bool,
    /// Count sessions held up to this date instead of today (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date, hide = true)]
    today: Option<NaiveDate>,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let loaded = Loaded::read(dir)?;
    if loaded.missing {
        let what = format!("no partnership called \"{}\"", args.name.trim());
        return Err(super::folder::missing(&what, &loaded.dir));
    }
    let history = History::new(&loaded.sessions);
    let series = find_series(&history, &args.name, &loaded.dir)?;
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    let text = if args.json {
        let value = json!({
            "partnership": series.name,
            "engagement": engagement(&Engagement::of(&history, series, today)),
            "grid": grid(&Grid::of(&history, series)),
            "health": health(&HealthTrend::of(&history, series)),
        });
        super::output::json(&value)?
    } else {
        let mut blocks = vec![format!("# {}: the partnership over time", series.name)];
        blocks.extend(partnership_sections(&history, series, today));
        if blocks.len() == 1 {
            blocks
                .push("Nothing to show yet: no session lists participants, goals or a health check.".into());
        }
        blocks.join("\n\n") + "\n"
    };
    loaded.warn_about_broken();
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn engagement(e: &Engagement) -> Value {
    let organisations: Vec<Value> = e
        .organisations
        .iter()
        .map(|o| {
            let sessions: Vec<Value> = o
                .cells
                .iter()
                .zip(&e.meetings)
                .map(|(c, m)| {
                    json!({
                        "date": m.date.to_string(),
                        "listed": *c != Cell::NotListed,
                        "attended": c.attended(),
                        "present": match c {
                            Cell::Present { people, .. } => *people,
                            _ => 0,
                        },
                        "contributions": m.counted.then(|| c.contributions()),
                    })
                })
                .collect();
            json!({
                "organisation": o.name,
                "left": o.left,
                "attended": o.attended(),
                "held_since_joining": o.since_joining(),
                "contributions": o.contributions(),
                "sessions": sessions,
            })
        })
        .collect();
    let warnings: Vec<Value> = e
        .warnings
        .iter()
        .map(|w| {
            let kind = match w {
                Warning::Missed(_) => "missed_two_sessions",
                Warning::Quiet(_) => "not_spoken_in_two_sessions",
            };
            json!({ "organisation": w.organisation(), "kind": kind, "text": w.words() })
        })
        .collect();
    let sessions: Vec<Value> = e
        .meetings
        .iter()
        .map(|m| json!({ "date": m.date.to_string(), "title": m.title, "contributions_counted": m.counted }))
        .collect();
    json!({ "sessions": sessions, "organisations": organisations, "warnings": warnings })
}

fn work(w: &Work) -> Value {
    json!({ "kind": w.via.label(), "text": w.text, "organisation": w.organisation })
}

fn grid(g: &Grid) -> Value {
    let goals: Vec<Value> = g
        .goals
        .iter()
        .map(|row| {
            let orgs = row.organisations();
            json!({
                "goal": row.goal,
                "organisations": orgs,
                "overlap": orgs.len() >= 2,
                "nobody": orgs.is_empty(),
                "work": row.work.iter().map(work).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "goals_from": g.goals_from.as_ref().map(|(d, t)| json!({ "date": d.to_string(), "title": t })),
        "organisations": g.organisations,
        "goals": goals,
        "unlinked": g.unlinked.iter().map(work).collect::<Vec<_>>(),
    })
}

fn health(t: &HealthTrend) -> Value {
    let checks: Vec<Value> = t
        .checks
        .iter()
        .map(|c| {
            let principles: Vec<Value> = c
                .spreads
                .iter()
                .map(|s| {
                    json!({
                        "principle": s.principle.label(),
                        "scored": s.scored,
                        "mean": s.mean.map(|m| (m * 100.0).round() / 100.0),
                        "lowest": s.lowest,
                        "highest": s.highest,
                    })
                })
                .collect();
            json!({
                "date": c.date.to_string(),
                "title": c.title,
                "anonymous": c.anonymous,
                "principles": principles,
            })
        })
        .collect();
    let trends: Vec<Value> = Principle::ALL
        .into_iter()
        .map(|p| {
            let direction = t.direction(p).map(|d| match d {
                Direction::Up => "up",
                Direction::Down => "down",
                Direction::Same => "same",
            });
            json!({ "principle": p.label(), "direction": direction })
        })
        .collect();
    json!({ "checks": checks, "trends": trends })
}

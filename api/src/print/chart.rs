//! A patient's day chart on A4 landscape: the observation chart with NEWS2 and its
//! rule, the medication administration record (each due dose and how it was marked,
//! by whom and when) and the intake–output chart with the day's balance. Every line
//! prints, on as many numbered pages as it takes; a Bengali or Devanagari name is
//! shaped.

use super::pdf::{self, Page};
use super::register::time;
use super::sheet::{self, Row};
use crate::app::inpatient::chart::PatientChart;
use anyhow::Result;
use serde_json::Value;

/// Column starts: time, entry, values, remark and who.
const COLS: [f64; 4] = [0.0, 170.0, 1000.0, 1850.0];

fn words(code: &str) -> String {
    code.replace('_', " ")
}

/// "RR 26 · SpO₂ 90% · BP 88/50 · pulse 132 · 39.4 °C" from the stored observations.
fn observed(o: &Value) -> String {
    let n = |k: &str| o.get(k).and_then(Value::as_f64);
    let mut parts = Vec::new();
    if let Some(v) = n("respiratoryRate") {
        parts.push(format!("RR {v}"));
    }
    if let Some(v) = n("spo2") {
        parts.push(format!("SpO2 {v}%"));
    }
    match (n("systolicBp"), n("diastolicBp")) {
        (Some(s), Some(d)) => parts.push(format!("BP {s}/{d}")),
        (Some(s), None) => parts.push(format!("BP {s} systolic")),
        _ => {}
    }
    if let Some(v) = n("pulse") {
        parts.push(format!("pulse {v}"));
    }
    if let Some(v) = n("temperatureC") {
        parts.push(format!("{v} °C"));
    }
    parts.join(" · ")
}

fn lines(c: &PatientChart) -> Vec<Row> {
    let who = |id: &uuid::Uuid| c.staff.get(id).cloned().unwrap_or_default();
    let p = &c.patient;
    let mut out = vec![Row::Cells {
        cells: vec![
            String::new(),
            "Patient".into(),
            p.name.clone().unwrap_or_default(),
            format!(
                "{} · admitted {}",
                p.health_id
                    .clone()
                    .unwrap_or_else(|| "no health ID yet".into()),
                (p.admission.admitted_at + chrono::Duration::minutes(330)).format("%d %b %Y %H:%M")
            ),
        ],
        local: c.local_name.clone(),
    }];

    out.push(Row::Heading(format!(
        "Observation chart ({})",
        c.observations.len()
    )));
    out.push(Row::Text(
        "NEWS2 (Royal College of Physicians, 2017): 0–4 low; 3 in any one parameter low–medium; 5–6 medium; 7 or more high.".into(),
    ));
    if c.observations.is_empty() {
        out.push(Row::Text("None.".into()));
    }
    for o in &c.observations {
        let mut condition = words(&o.category);
        if o.life_support != "none" {
            condition.push_str(&format!(", {}", words(&o.life_support)));
        }
        condition.push_str(&format!(", AVPU {}", words(&o.consciousness)));
        let mut remark = match (o.news2, o.news2_risk.as_deref()) {
            (Some(n), Some(r)) => format!("NEWS2 {n} ({})", words(r)),
            _ => String::new(),
        };
        if let Some(r) = &o.remark {
            remark.push_str(&format!(" · {r}"));
        }
        remark.push_str(&format!(" · {}", who(&o.recorded_by)));
        out.push(Row::Cells {
            cells: vec![
                time(Some(o.recorded_at)),
                condition,
                o.observations.as_ref().map(observed).unwrap_or_default(),
                remark.trim_start_matches(" · ").to_owned(),
            ],
            local: None,
        });
    }

    out.push(Row::Heading(format!(
        "Medication administration record ({} drugs)",
        c.doses.len()
    )));
    if c.doses.is_empty() {
        out.push(Row::Text("No prescription in force.".into()));
    }
    for d in &c.doses {
        let i = &d.item;
        let due: Vec<String> = d.due.iter().map(|t| time(Some(*t))).collect();
        out.push(Row::Cells {
            cells: vec![
                String::new(),
                format!(
                    "{} {} · {} {} · {}",
                    i.drug_name,
                    i.strength.clone().unwrap_or_default(),
                    i.dose,
                    words(i.route.as_str()),
                    i.frequency
                ),
                if due.is_empty() {
                    "nothing due today".into()
                } else {
                    format!("due {}", due.join(", "))
                },
                String::new(),
            ],
            local: None,
        });
        for m in &d.marks {
            let replaced = if m.replaced_at.is_some() {
                " (corrected later)"
            } else {
                ""
            };
            out.push(Row::Cells {
                cells: vec![
                    time(m.due_at),
                    String::new(),
                    format!("{}{replaced}", words(&m.status)),
                    format!(
                        "{} at {}{}",
                        who(&m.recorded_by),
                        time(Some(m.recorded_at)),
                        m.note
                            .as_deref()
                            .map(|n| format!(" · {n}"))
                            .unwrap_or_default()
                    ),
                ],
                local: None,
            });
        }
    }

    let io = &c.intake_output;
    out.push(Row::Heading(format!("Intake–output ({})", io.lines.len())));
    for l in &io.lines {
        let error = if l.entered_in_error_at.is_some() {
            " · entered in error, not counted"
        } else {
            ""
        };
        out.push(Row::Cells {
            cells: vec![
                time(Some(l.at)),
                format!("{} · {}", l.direction, words(&l.kind)),
                format!("{} ml", l.volume_ml),
                format!(
                    "{}{}{error}",
                    who(&l.recorded_by),
                    l.note
                        .as_deref()
                        .map(|n| format!(" · {n}"))
                        .unwrap_or_default()
                ),
            ],
            local: None,
        });
    }
    let b = &io.balance;
    out.push(Row::Text(format!(
        "Balance of the day: intake {} ml, output {} ml, net {:+} ml",
        b.intake_ml,
        b.output_ml,
        b.net_ml()
    )));
    out
}

pub fn pages(c: &PatientChart) -> Vec<Page> {
    let p = &c.patient;
    let title = format!(
        "{} · {} · bed {} · chart of {}",
        p.facility_name.clone().unwrap_or_default(),
        p.ward_name.clone().unwrap_or_default(),
        p.bed_label.clone().unwrap_or_default(),
        c.day.format("%d %b %Y")
    );
    sheet::pages(
        lines(c),
        &title,
        &["Time", "Entry", "Values", "Remark, by"],
        &COLS,
    )
}

/// The chart as an A4 landscape PDF.
pub fn pdf(c: &PatientChart) -> Result<Vec<u8>> {
    pdf::document(&pages(c), 297.0, 210.0, "Patient chart")
}

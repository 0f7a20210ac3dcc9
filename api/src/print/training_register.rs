//! A training's attendance register on A4 landscape: the session, then every nominee
//! with their posting and each day's mark (P present, A absent, blank not marked) and
//! days present, a week of days per table so that a month-long course stays legible,
//! and lines for the trainer's and the administrator's signatures.

use super::pdf;
use super::sheet::{self, Row};
use crate::app::training::Register;
use anyhow::Result;
use arogya_domain::training::attendance::AttendanceMark;

/// Days per table.
const WEEK: usize = 7;
/// Column starts: number, name, posting, seven days, days present.
const COLS: [f64; 11] = [
    0.0, 120.0, 800.0, 1520.0, 1680.0, 1840.0, 2000.0, 2160.0, 2320.0, 2480.0, 2640.0,
];

fn mark(m: Option<AttendanceMark>) -> &'static str {
    match m {
        Some(AttendanceMark::Present) => "P",
        Some(AttendanceMark::Absent) => "A",
        None => "",
    }
}

fn rows(r: &Register) -> Vec<Row> {
    let s = &r.summary;
    let mut rows = vec![Row::Text(format!(
        "{} to {} at {}. Trainer: {}. Status: {}.",
        s.session.starts_on.format("%d %b %Y"),
        s.session.ends_on.format("%d %b %Y"),
        s.facility_name,
        s.trainer_name.as_deref().unwrap_or("not named"),
        s.session.status,
    ))];
    rows.push(Row::Text(format!(
        "{} nominees. P: present, A: absent, blank: not marked.",
        r.rows.len()
    )));
    let blocks: Vec<&[chrono::NaiveDate]> = r.days.chunks(WEEK).collect();
    for (b, days) in blocks.iter().enumerate() {
        if blocks.len() > 1 {
            rows.push(Row::Heading(format!(
                "Days {} to {}",
                b * WEEK + 1,
                b * WEEK + days.len()
            )));
        }
        let mut labels = vec!["No.".to_owned(), "Name".to_owned(), "Posting".to_owned()];
        labels.extend(days.iter().map(|d| d.format("%d %b").to_string()));
        // The total sits in the last column whatever the number of days in the block.
        labels.resize(COLS.len() - 1, String::new());
        labels.push("Days".into());
        rows.push(Row::Labels(labels));
        for (i, line) in r.rows.iter().enumerate() {
            let (name, local) = if line.name.is_ascii() {
                (line.name.clone(), None)
            } else {
                (String::new(), Some(line.name.clone()))
            };
            let mut cells = vec![
                (i + 1).to_string(),
                name,
                line.posting.clone().unwrap_or_default(),
            ];
            cells.extend(
                line.cells[b * WEEK..b * WEEK + days.len()]
                    .iter()
                    .map(|c| mark(c.mark).to_owned()),
            );
            cells.resize(COLS.len() - 1, String::new());
            cells.push(line.completion.days_present.to_string());
            rows.push(Row::Cells { cells, local });
        }
    }
    rows.push(Row::Text(String::new()));
    rows.push(Row::Text(
        "Trainer (name, signature) ____________________   Administrator (name, signature) ____________________   Date ____________"
            .into(),
    ));
    rows
}

pub fn pdf(r: &Register) -> Result<Vec<u8>> {
    let title = format!("Attendance register: {}", r.summary.session.title);
    let pages = sheet::pages_with_local(rows(r), &title, &[], &COLS, 1);
    pdf::document(&pages, 297.0, 210.0, &title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::training::{Cell, RegisterRow, Rights, SessionSummary};
    use arogya_domain::training::attendance::Completion;
    use arogya_domain::training::session::TrainingDays;
    use arogya_infra::repos::training::sessions::SessionRecord;
    use chrono::{NaiveDate, Utc};
    use uuid::Uuid;

    #[test]
    fn every_nominee_prints_in_every_week() {
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let days =
            TrainingDays::new(first, NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()).unwrap();
        let all = days.all();
        let lines: Vec<RegisterRow> = (0..90)
            .map(|i| RegisterRow {
                professional_id: Uuid::nil(),
                name: if i == 0 {
                    "রেখা মণ্ডল".into()
                } else {
                    format!("Trainee number {i}")
                },
                kind: "nurse".into(),
                posting: Some("Staff Nurse, Krishnanagar DH".into()),
                cells: all
                    .iter()
                    .map(|d| Cell {
                        day: *d,
                        mark: Some(AttendanceMark::Present),
                        version: 1,
                    })
                    .collect(),
                completion: Completion::of(10, &days),
            })
            .collect();
        let now = Utc::now();
        let r = Register {
            summary: SessionSummary {
                session: SessionRecord {
                    tenant_id: Uuid::nil(),
                    id: Uuid::nil(),
                    title: "Infection prevention refresher".into(),
                    topic: "infection_prevention".into(),
                    facility_id: Uuid::nil(),
                    unit_path: "/".into(),
                    starts_on: days.first(),
                    ends_on: days.last(),
                    capacity: None,
                    trainer_id: None,
                    status: "scheduled".into(),
                    status_reason: None,
                    created_by: Uuid::nil(),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                },
                facility_name: "Krishnanagar DH".into(),
                trainer_name: None,
                nominees: 90,
                present: 900,
                days_held: 10,
                rights: Rights {
                    manages: true,
                    trains: false,
                },
            },
            days: all,
            rows: lines,
        };
        let printed = rows(&r)
            .iter()
            .filter(
                |row| matches!(row, Row::Cells { cells, .. } if cells[0].parse::<usize>().is_ok()),
            )
            .count();
        assert_eq!(
            printed, 180,
            "every nominee in both weeks' tables, none dropped"
        );
        assert!(pdf(&r).unwrap().starts_with(b"%PDF"));
    }
}

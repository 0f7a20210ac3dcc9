//! A ward's day register on A4 landscape: the census, admissions and transfers in,
//! discharges, deaths and transfers out, the patients at midnight with their
//! condition, and the shift handovers. Every line prints, on as many pages as it
//! takes, each page numbered "Page i of n"; names in Bengali or Devanagari are shaped.

use super::pdf::{self, Page};
use super::sheet::{self, Row};
use crate::app::inpatient::register::{DayRegister, RegisterLine};
use anyhow::Result;

/// Column starts: time, bed, patient, health ID, detail.
const COLS: [f64; 5] = [0.0, 170.0, 400.0, 1150.0, 1520.0];

pub(super) fn time(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| {
        (t + chrono::Duration::minutes(330))
            .format("%H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

fn lines(r: &DayRegister) -> Vec<Row> {
    let mut out = Vec::new();
    let c = &r.census;
    out.push(Row::Heading("Census".into()));
    out.push(Row::Text(format!(
        "Opening {} · admitted {} · transferred in {} · transferred out {} · discharged {} · died {} · closing {}",
        c.opening, c.admitted, c.transferred_in, c.transferred_out, c.discharged, c.died, c.closing
    )));
    let section = |out: &mut Vec<Row>, title: &str, rows: &[RegisterLine]| {
        out.push(Row::Heading(format!("{title} ({})", rows.len())));
        if rows.is_empty() {
            out.push(Row::Text("None.".into()));
        }
        for l in rows {
            out.push(Row::Cells {
                cells: vec![
                    time(l.at),
                    l.bed.clone(),
                    l.name.clone(),
                    l.health_id.clone().unwrap_or_default(),
                    l.detail.clone(),
                ],
                local: l.local_name.clone(),
            });
        }
    };
    section(&mut out, "Admissions and transfers in", &r.admitted);
    section(&mut out, "Discharges, deaths and transfers out", &r.left);
    section(&mut out, "Patients at midnight", &r.present);
    out.push(Row::Heading(format!(
        "Shift handovers ({})",
        r.handovers.len()
    )));
    if r.handovers.is_empty() {
        out.push(Row::Text("None.".into()));
    }
    for h in &r.handovers {
        let signed = if h.incoming_at.is_some() {
            "received"
        } else {
            "not yet received"
        };
        out.push(Row::Text(format!(
            "{} shift ({signed}): {}",
            h.shift, h.summary
        )));
        if let Some(p) = &h.pending_tasks {
            out.push(Row::Text(format!("Pending: {p}")));
        }
    }
    out
}

pub fn pages(r: &DayRegister) -> Vec<Page> {
    let title = format!(
        "{} · {} · day register of {}",
        r.facility,
        r.ward,
        r.day.format("%d %b %Y")
    );
    sheet::pages(
        lines(r),
        &title,
        &["Time", "Bed", "Patient", "Health ID", "Detail"],
        &COLS,
    )
}

/// The register as an A4 landscape PDF.
pub fn pdf(r: &DayRegister) -> Result<Vec<u8>> {
    pdf::document(&pages(r), 297.0, 210.0, "Ward register")
}

#[cfg(test)]
mod tests {
    use super::*;
    use arogya_domain::inpatient::census::Census;

    fn register(n: usize) -> DayRegister {
        let line = |i: usize| {
            RegisterLine {
            at: Some(chrono::Utc::now()),
            bed: format!("M-{i}"),
            name: format!("Patient {i}"),
            local_name: Some("রুমা মণ্ডল".into()),
            health_id: Some("WB-0000-0000-0000".into()),
            detail: "admitted: fever with breathlessness for three days, referred from the block hospital".into(),
        }
        };
        DayRegister {
            facility: "Kolkata DH".into(),
            ward: "Female Medical".into(),
            day: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            census: Census {
                opening: 3,
                admitted: n as i64,
                closing: 3 + n as i64,
                ..Default::default()
            },
            admitted: (0..n).map(line).collect(),
            left: Vec::new(),
            present: (0..n).map(line).collect(),
            handovers: Vec::new(),
        }
    }

    #[test]
    fn every_line_prints_on_numbered_pages() {
        let r = register(80);
        let p = pages(&r);
        assert!(p.len() > 2, "{} pages", p.len());
        let all: String = p.iter().map(|x| x.svg.as_str()).collect();
        for i in 0..80 {
            assert!(
                all.contains(&format!(">Patient {i}<")),
                "patient {i} missing"
            );
        }
        for (i, page) in p.iter().enumerate() {
            assert!(page.svg.contains(&format!("Page {} of {}", i + 1, p.len())));
        }
        // Bengali names are shaped outlines with a hidden text layer.
        assert_eq!(p.iter().map(|x| x.hidden.len()).sum::<usize>(), 160);
        assert!(pdf(&r).unwrap().starts_with(b"%PDF-"));
    }
}

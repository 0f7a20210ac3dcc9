//! A ward's day register on A4 landscape: the census, admissions and transfers in,
//! discharges, deaths and transfers out, the patients at midnight with their
//! condition, and the shift handovers. Every line prints, on as many pages as it
//! takes, each page numbered "Page i of n"; names in Bengali or Devanagari are shaped.

use super::pdf::{self, Hidden, Page};
use super::text::{escape, shaped_path, wrap};
use crate::app::inpatient::register::{DayRegister, RegisterLine};
use anyhow::Result;

const LEFT: f64 = 100.0;
const WIDTH: f64 = 2770.0;
const TOP: f64 = 120.0;
const BOTTOM: f64 = 1960.0;
const SIZE: f64 = 30.0;
const LINE: f64 = 42.0;
/// Column starts: time, bed, patient, health ID, detail.
const COLS: [f64; 5] = [0.0, 170.0, 400.0, 1150.0, 1520.0];

enum Row {
    Heading(String),
    Cells {
        cells: Vec<String>,
        local: Option<String>,
    },
    Text(String),
}

fn time(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
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

struct Sheet {
    svg: String,
    hidden: Vec<Hidden>,
    y: f64,
}

fn text(svg: &mut String, x: f64, y: f64, s: &str, bold: bool) {
    svg.push_str(&format!(
        r##"<text x="{x:.1}" y="{y:.1}" font-family="Noto Sans" font-size="{SIZE}"{w} fill="#000000">{t}</text>
"##,
        w = if bold { r#" font-weight="bold""# } else { "" },
        t = escape(s),
    ));
}

/// The rows laid out on as many sheets as they need.
fn layout(r: &DayRegister) -> Vec<Sheet> {
    let mut sheets = vec![Sheet {
        svg: String::new(),
        hidden: Vec::new(),
        y: TOP + 80.0,
    }];
    for row in lines(r) {
        // Each cell wraps in its column; the row takes its tallest cell.
        let (wrapped, bold): (Vec<Vec<String>>, bool) = match &row {
            Row::Heading(t) => (vec![vec![t.clone()]], true),
            Row::Text(t) => (vec![wrap(t, SIZE, false, WIDTH)], false),
            Row::Cells { cells, .. } => (
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let end = COLS.get(i + 1).copied().unwrap_or(WIDTH);
                        wrap(c, SIZE, false, end - COLS[i] - 20.0)
                    })
                    .collect(),
                false,
            ),
        };
        let extra = matches!(row, Row::Cells { local: Some(_), .. }) as usize;
        let height = (wrapped.iter().map(Vec::len).max().unwrap_or(1) + extra) as f64 * LINE
            + if bold { 20.0 } else { 0.0 };
        if sheets.last().is_some_and(|s| s.y + height > BOTTOM) {
            sheets.push(Sheet {
                svg: String::new(),
                hidden: Vec::new(),
                y: TOP + 80.0,
            });
        }
        let sheet = sheets.last_mut().expect("a sheet");
        if bold {
            sheet.y += 20.0;
        }
        for (i, cell) in wrapped.iter().enumerate() {
            for (k, l) in cell.iter().enumerate() {
                text(
                    &mut sheet.svg,
                    LEFT + COLS[i],
                    sheet.y + (k as f64 + 1.0) * LINE - 10.0,
                    l,
                    bold,
                );
            }
        }
        if let Row::Cells {
            local: Some(name), ..
        } = &row
        {
            let y = sheet.y + (wrapped[2].len() as f64 + 1.0) * LINE - 10.0;
            let x = LEFT + COLS[2];
            if let Some(shaped) = shaped_path(name, SIZE, x, y, COLS[3] - COLS[2] - 20.0) {
                sheet
                    .svg
                    .push_str(&format!("<path d=\"{}\" fill=\"#000000\"/>\n", shaped.d));
                sheet.hidden.push(Hidden {
                    text: name.clone(),
                    x,
                    y,
                    size: shaped.size,
                });
            }
        }
        sheet.y += height;
    }
    sheets
}

pub fn pages(r: &DayRegister) -> Vec<Page> {
    let sheets = layout(r);
    let n = sheets.len();
    let title = format!(
        "{} · {} · day register of {}",
        r.facility,
        r.ward,
        r.day.format("%d %b %Y")
    );
    sheets
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let mut head = String::new();
            text(&mut head, LEFT, TOP, &title, true);
            let labels = ["Time", "Bed", "Patient", "Health ID", "Detail"];
            for (c, l) in labels.iter().enumerate() {
                text(&mut head, LEFT + COLS[c], TOP + 60.0, l, true);
            }
            Page {
                svg: format!(
                    r##"<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 2970 2100">
<rect width="2970" height="2100" fill="#ffffff"/>
{head}<path d="M{LEFT} {rule}h{WIDTH}" stroke="#555555" stroke-width="2"/>
{body}<text x="{right}" y="2040" font-family="Noto Sans" font-weight="bold" font-size="{SIZE}" text-anchor="end">Page {p} of {n}</text>
</svg>"##,
                    rule = TOP + 75.0,
                    body = s.svg,
                    right = LEFT + WIDTH,
                    p = i + 1,
                ),
                hidden: s.hidden,
            }
        })
        .collect()
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

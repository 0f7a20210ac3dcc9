//! A place's monthly indicators report on A4 landscape: a first page with the month's
//! headline figures beside the twelve months' totals, the twelve months as a line
//! chart and the month's visits by part as bars; then every table (the months, the
//! parts, the departments) on numbered sheets, no row left out.

use super::pdf::{self, Hidden, Page};
use super::sheet::{self, Row};
use super::text::{escape, shaped_path};
use crate::app::dashboards::indicators::Report;
use anyhow::Result;
use arogya_domain::dashboards::indicators::Figures;

/// Each figure as printed: its label and its value (a rate without a denominator is a
/// dash).
fn figures(f: &Figures) -> Vec<(&'static str, String)> {
    let n = |v: i64| v.to_string();
    let r = |v: Option<f64>| v.map_or("–".to_owned(), |x| format!("{x:.1}"));
    vec![
        ("Outpatient visits", n(f.opd_visits)),
        ("Admissions", n(f.admissions)),
        ("Discharges", n(f.discharges)),
        ("Deaths", n(f.deaths)),
        ("Referred out", n(f.referrals_out)),
        ("Inpatient days", n(f.inpatient_days)),
        ("Lab tests", n(f.lab_tests)),
        ("Prescriptions", n(f.prescriptions)),
        ("Inpatient mortality (%)", r(f.mortality_rate())),
        (
            "Average length of stay (days)",
            r(f.average_length_of_stay()),
        ),
        ("Bed occupancy (%)", r(f.bed_occupancy_rate())),
        ("Bed turnover", r(f.bed_turnover())),
        ("Lab turnaround (hours)", r(f.lab_turnaround_hours())),
        ("Prescriptions per visit", r(f.prescriptions_per_visit())),
    ]
}

const FIGURE_LABELS: usize = 14;

/// The figures counted from other modules' records, printed on the first page only.
fn programme_figures(f: &Figures) -> Vec<(&'static str, String)> {
    let n = |v: i64| v.to_string();
    let r = |v: Option<f64>| v.map_or("–".to_owned(), |x| format!("{x:.1}"));
    vec![
        ("New registrations", n(f.registrations)),
        ("E-health cards issued", n(f.cards_issued)),
        ("Households surveyed", n(f.households_surveyed)),
        ("Survey coverage (%)", r(f.survey_coverage())),
        ("Helpline calls", n(f.helpline_calls)),
        ("Calls answered in time (%)", r(f.helpline_in_target_rate())),
        ("Professionals verified", n(f.professionals_verified)),
        ("Notifiable cases", n(f.notifiable_cases)),
        ("Stock-outs", n(f.stock_outs)),
        ("Oxygen days of cover", r(f.oxygen_days_of_cover())),
    ]
}

fn text(svg: &mut String, x: f64, y: f64, size: f64, s: &str, extra: &str) {
    svg.push_str(&format!(
        r##"<text x="{x:.1}" y="{y:.1}" font-family="Noto Sans" font-size="{size}"{extra}>{t}</text>
"##,
        t = escape(s)
    ));
}

/// A name drawn as text, or shaped as outlines when it is in a local script.
fn name(
    svg: &mut String,
    hidden: &mut Vec<Hidden>,
    x: f64,
    y: f64,
    size: f64,
    s: &str,
    width: f64,
) {
    if s.is_ascii() {
        text(svg, x, y, size, s, "");
    } else if let Some(shaped) = shaped_path(s, size, x, y, width) {
        svg.push_str(&format!(r##"<path d="{}" fill="#000000"/>"##, shaped.d));
        hidden.push(Hidden {
            text: s.to_owned(),
            x,
            y,
            size: shaped.size,
        });
    }
}

/// The months' visits and admissions as two lines over a frame with its scale.
fn line_chart(svg: &mut String, r: &Report, (x0, y0, w, h): (f64, f64, f64, f64)) {
    let top = r
        .months
        .iter()
        .map(|(_, f)| f.opd_visits.max(f.admissions))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    text(
        svg,
        x0,
        y0 - 20.0,
        30.0,
        "Outpatient visits (green) and admissions (brown), month by month",
        r#" font-weight="bold""#,
    );
    svg.push_str(&format!(
        r##"<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#999999" stroke-width="2"/>
"##
    ));
    text(
        svg,
        x0 - 10.0,
        y0 + 25.0,
        24.0,
        &format!("{}", top as i64),
        r#" text-anchor="end""#,
    );
    text(svg, x0 - 10.0, y0 + h, 24.0, "0", r#" text-anchor="end""#);
    let n = r.months.len().max(1);
    let step = if n > 1 { w / (n - 1) as f64 } else { 0.0 };
    let point = |i: usize, v: i64| (x0 + step * i as f64, y0 + h - h * v as f64 / top);
    for (series, colour) in [(0, "#1f6f4a"), (1, "#b7791f")] {
        let pts: Vec<String> = r
            .months
            .iter()
            .enumerate()
            .map(|(i, (_, f))| {
                let (x, y) = point(
                    i,
                    if series == 0 {
                        f.opd_visits
                    } else {
                        f.admissions
                    },
                );
                format!("{x:.1},{y:.1}")
            })
            .collect();
        svg.push_str(&format!(
            r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="5"/>
"##,
            pts.join(" ")
        ));
    }
    for (i, (m, _)) in r.months.iter().enumerate() {
        let (x, _) = point(i, 0);
        text(
            svg,
            x,
            y0 + h + 35.0,
            22.0,
            &m.format("%b %y").to_string(),
            r#" text-anchor="middle""#,
        );
    }
}

/// The month's visits of each part (up to 12, the busiest) as bars.
fn part_bars(svg: &mut String, hidden: &mut Vec<Hidden>, r: &Report, (x0, y0, w): (f64, f64, f64)) {
    let Some(last) = r.months.last().map(|(m, _)| *m) else {
        return;
    };
    let mut parts: Vec<(&str, i64)> = r
        .parts
        .iter()
        .map(|p| {
            let v = p
                .months
                .iter()
                .find(|(m, _)| *m == last)
                .map_or(0, |(_, f)| f.opd_visits);
            (p.name.as_str(), v)
        })
        .collect();
    parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if parts.is_empty() {
        return;
    }
    text(
        svg,
        x0,
        y0 - 20.0,
        30.0,
        "Outpatient visits this month by place (the busiest)",
        r#" font-weight="bold""#,
    );
    let top = parts.first().map_or(1, |p| p.1).max(1) as f64;
    for (i, (label, v)) in parts.iter().take(12).enumerate() {
        let y = y0 + 20.0 + i as f64 * 50.0;
        name(svg, hidden, x0, y + 25.0, 26.0, label, 480.0);
        let bar = (w - 640.0) * *v as f64 / top;
        svg.push_str(&format!(
            r##"<rect x="{bx:.1}" y="{y:.1}" width="{bar:.1}" height="32" fill="#1f6f4a"/>
"##,
            bx = x0 + 500.0
        ));
        text(svg, x0 + 510.0 + bar, y + 25.0, 24.0, &v.to_string(), "");
    }
}

fn first_page(r: &Report, tenant: &str) -> Page {
    let mut svg = String::new();
    let mut hidden = Vec::new();
    let month = r
        .months
        .last()
        .map(|(m, _)| m.format("%B %Y").to_string())
        .unwrap_or_default();
    text(
        &mut svg,
        100.0,
        150.0,
        48.0,
        &format!("Monthly report: {month}"),
        r#" font-weight="bold""#,
    );
    let place = if r.place_name.is_empty() {
        "Everything in reach"
    } else {
        &r.place_name
    };
    name(&mut svg, &mut hidden, 100.0, 215.0, 40.0, place, 1800.0);
    text(&mut svg, 100.0, 265.0, 26.0, &format!("{tenant} · counts from the indicator roll-ups; definitions in the app and docs/DASHBOARDS.md"), r##" fill="#444444""##);
    // The month's figures beside the twelve months' totals.
    let this = r.months.last().map(|(_, f)| *f).unwrap_or_default();
    text(
        &mut svg,
        100.0,
        340.0,
        28.0,
        "Indicator",
        r#" font-weight="bold""#,
    );
    text(
        &mut svg,
        640.0,
        340.0,
        28.0,
        "This month",
        r#" font-weight="bold" text-anchor="end""#,
    );
    text(
        &mut svg,
        900.0,
        340.0,
        28.0,
        "12 months",
        r#" font-weight="bold" text-anchor="end""#,
    );
    for (i, ((label, now), (_, year))) in figures(&this)
        .into_iter()
        .zip(figures(&r.totals))
        .enumerate()
    {
        let y = 390.0 + i as f64 * 48.0;
        text(&mut svg, 100.0, y, 26.0, label, "");
        text(&mut svg, 640.0, y, 26.0, &now, r#" text-anchor="end""#);
        text(&mut svg, 900.0, y, 26.0, &year, r#" text-anchor="end""#);
    }
    // Below them, the programmes' figures (recounted from their records).
    let below = 390.0 + FIGURE_LABELS as f64 * 48.0 + 40.0;
    text(
        &mut svg,
        100.0,
        below,
        28.0,
        "Registrations, surveys, helpline, staff, surveillance, supplies, oxygen",
        r#" font-weight="bold""#,
    );
    for (i, ((label, now), (_, year))) in programme_figures(&this)
        .into_iter()
        .zip(programme_figures(&r.totals))
        .enumerate()
    {
        let y = below + 50.0 + i as f64 * 48.0;
        text(&mut svg, 100.0, y, 26.0, label, "");
        text(&mut svg, 640.0, y, 26.0, &now, r#" text-anchor="end""#);
        text(&mut svg, 900.0, y, 26.0, &year, r#" text-anchor="end""#);
    }
    line_chart(&mut svg, r, (1120.0, 380.0, 1700.0, 560.0));
    part_bars(&mut svg, &mut hidden, r, (1020.0, 1100.0, 1800.0));
    Page {
        svg: format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 2970 2100">
<rect width="2970" height="2100" fill="#ffffff"/>
{svg}</svg>"##
        ),
        hidden,
    }
}

/// Column starts for a table of figures: the name, then each figure.
fn cols() -> Vec<f64> {
    let mut c = vec![0.0];
    let step = (sheet::WIDTH - 520.0) / FIGURE_LABELS as f64;
    c.extend((0..FIGURE_LABELS).map(|i| 520.0 + i as f64 * step));
    c
}

fn table(rows: &mut Vec<Row>, title: &str, first: &str, lines: Vec<(String, Figures)>) {
    rows.push(Row::Heading(title.to_owned()));
    rows.push(Row::Labels(
        std::iter::once(first.to_owned())
            .chain(
                figures(&Figures::default())
                    .into_iter()
                    .map(|(l, _)| l.to_owned()),
            )
            .collect(),
    ));
    if lines.is_empty() {
        rows.push(Row::Text("Nothing counted.".into()));
    }
    for (label, f) in lines {
        // A name in a local script is shaped under its cell.
        let (cell, local) = if label.is_ascii() {
            (label, None)
        } else {
            (String::new(), Some(label))
        };
        rows.push(Row::Cells {
            cells: std::iter::once(cell)
                .chain(figures(&f).into_iter().map(|(_, v)| v))
                .collect(),
            local,
        });
    }
    rows.push(Row::Text(String::new()));
}

/// The tables behind the first page, every row of each.
pub fn rows(r: &Report) -> Vec<Row> {
    let mut rows = Vec::new();
    table(
        &mut rows,
        "Month by month",
        "Month",
        r.months
            .iter()
            .map(|(m, f)| (m.format("%b %Y").to_string(), *f))
            .collect(),
    );
    table(
        &mut rows,
        "By place, over the twelve months",
        "Place",
        r.parts
            .iter()
            .map(|p| (p.name.clone(), p.figures))
            .collect(),
    );
    table(
        &mut rows,
        "By department, over the twelve months",
        "Department",
        r.departments.iter().map(|(d, f)| (d.clone(), *f)).collect(),
    );
    rows
}

pub fn pdf(r: &Report, tenant: &str) -> Result<Vec<u8>> {
    let title = format!(
        "Monthly report {}",
        r.months
            .last()
            .map(|(m, _)| m.format("%Y-%m").to_string())
            .unwrap_or_default()
    );
    let mut pages = vec![first_page(r, tenant)];
    pages.extend(sheet::pages_with_local(rows(r), &title, &[], &cols(), 0));
    pdf::document(&pages, 297.0, 210.0, &title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::dashboards::indicators::Part;
    use arogya_domain::dashboards::indicators::MonthRange;
    use chrono::NaiveDate;

    fn report(parts: usize) -> Report {
        let day = |m: u32| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let f = |v: i64| Figures {
            opd_visits: v,
            admissions: v / 3,
            discharges: v / 4,
            ..Default::default()
        };
        let months: Vec<(NaiveDate, Figures)> =
            (1..=12).map(|m| (day(m), f(m as i64 * 10))).collect();
        Report {
            place_name: "মুর্শিদাবাদ".into(),
            range: MonthRange::parse(
                "2026-01",
                "2026-12",
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            )
            .unwrap(),
            department: None,
            totals: f(780),
            parts: (0..parts)
                .map(|i| Part {
                    id: uuid::Uuid::from_u128(i as u128),
                    name: format!("Place number {i}"),
                    kind: "facility",
                    figures: f(i as i64),
                    months: months.clone(),
                })
                .collect(),
            months,
            departments: vec![("medicine".into(), f(5))],
            groups: vec![],
            recounted_at: None,
            as_of: chrono::Utc::now(),
        }
    }

    #[test]
    fn every_place_prints_and_the_first_page_draws_the_charts() {
        let r = report(90);
        let printed = rows(&r)
            .iter()
            .filter(|row| matches!(row, Row::Cells { cells, .. } if cells[0].starts_with("Place number")))
            .count();
        assert_eq!(printed, 90, "no place dropped");
        let first = first_page(&r, "West Bengal");
        assert_eq!(
            first.svg.matches("<polyline").count(),
            2,
            "visits and admissions"
        );
        assert_eq!(
            first.svg.matches(r##"fill="#1f6f4a"/>"##).count(),
            12,
            "the twelve busiest places"
        );
        assert_eq!(
            first.hidden.len(),
            1,
            "the Bengali place name shaped, with its text"
        );
        assert!(
            first.svg.contains(">Helpline calls<") && first.svg.contains(">Oxygen days of cover<"),
            "the programmes' figures on the first page"
        );
        assert!(pdf(&r, "West Bengal").unwrap().starts_with(b"%PDF"));
    }
}

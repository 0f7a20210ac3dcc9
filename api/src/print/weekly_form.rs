//! A place's weekly IDSP form (S, P or L) on A4 landscape: each notifiable condition's
//! cases by age group, total and deaths, every condition on a line (a nil line reads as
//! zero, not as missing), the week's reporting completeness, and space to sign.

use super::pdf;
use super::sheet::{self, Row};
use crate::app::surveillance::reporting::WeeklyForm;
use anyhow::Result;
use arogya_domain::surveillance::case::{CaseLevel, AGE_GROUPS};

/// Column starts: condition, six age groups, total, deaths.
const COLS: [f64; 9] = [
    0.0, 900.0, 1110.0, 1320.0, 1530.0, 1740.0, 1950.0, 2200.0, 2450.0,
];

pub fn level_letter(l: CaseLevel) -> &'static str {
    match l {
        CaseLevel::Syndromic => "S",
        CaseLevel::Presumptive => "P",
        CaseLevel::Laboratory => "L",
    }
}

fn level_name(l: CaseLevel) -> &'static str {
    match l {
        CaseLevel::Syndromic => "syndromic, by health workers",
        CaseLevel::Presumptive => "presumptive, by clinicians",
        CaseLevel::Laboratory => "laboratory confirmed",
    }
}

fn rows(f: &WeeklyForm) -> Vec<Row> {
    let mut rows = vec![];
    // A place named in Bengali or Devanagari is shaped under its cell.
    let (place, local) = if f.place.is_ascii() {
        (f.place.clone(), None)
    } else {
        (String::new(), Some(f.place.clone()))
    };
    rows.push(Row::Cells {
        cells: vec!["Place".into(), place],
        local,
    });
    rows.push(Row::Text(format!(
        "Week {} ({} to {}). Cases that reached level {} ({}) and no higher; discarded cases left out.",
        f.week,
        f.week.monday().format("%d %b %Y"),
        f.week.sunday().format("%d %b %Y"),
        level_letter(f.level),
        level_name(f.level),
    )));
    rows.push(Row::Text(format!(
        "Reporting: {} of {} reporting units sent the week, {} on time.",
        f.tally.reported, f.tally.expected, f.tally.on_time
    )));
    rows.push(Row::Labels(
        std::iter::once("Condition".to_owned())
            .chain(AGE_GROUPS.iter().map(|a| a.to_string()))
            .chain(["Total".to_owned(), "Deaths".to_owned()])
            .collect(),
    ));
    for l in &f.lines {
        rows.push(Row::Cells {
            cells: std::iter::once(format!("{} ({})", l.condition_name, l.condition_code))
                .chain(l.by_age.iter().map(|s| s.to_string()))
                .chain([l.total.to_string(), l.deaths.to_string()])
                .collect(),
            local: None,
        });
    }
    rows.push(Row::Text(String::new()));
    rows.push(Row::Text(
        "Prepared by (name, designation) ____________________   Signature ____________   Date ____________"
            .into(),
    ));
    rows
}

pub fn pdf(f: &WeeklyForm) -> Result<Vec<u8>> {
    let title = format!(
        "IDSP weekly form {}: week {}",
        level_letter(f.level),
        f.week
    );
    let pages = sheet::pages_with_local(rows(f), &title, &[], &COLS, 1);
    pdf::document(&pages, 297.0, 210.0, &title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::surveillance::reporting::FormLine;
    use arogya_domain::surveillance::epi_week::EpiWeek;
    use arogya_domain::surveillance::privacy::Shown;
    use arogya_domain::surveillance::reporting::Tally;

    #[test]
    fn every_condition_prints_on_numbered_pages() {
        let lines = (0..70)
            .map(|i| FormLine {
                condition_code: format!("C{i}"),
                condition_name: format!("Condition number {i}"),
                by_age: vec![Shown::Exact(i); 6],
                total: Shown::Exact(i * 6),
                deaths: Shown::FewerThanFive,
            })
            .collect();
        let f = WeeklyForm {
            place: "মুর্শিদাবাদ".into(),
            week: EpiWeek::parse("2026W49", "w").unwrap(),
            level: CaseLevel::Presumptive,
            lines,
            tally: Tally {
                expected: 4,
                reported: 3,
                on_time: 2,
            },
        };
        let r = rows(&f);
        let printed = r
            .iter()
            .filter(|row| matches!(row, Row::Cells { cells, .. } if cells[0].starts_with("Condition number")))
            .count();
        assert_eq!(printed, 70, "no line dropped");
        let bytes = pdf(&f).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
    }
}

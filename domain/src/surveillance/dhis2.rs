//! The weekly counts as a DHIS2 `dataValueSets` payload.
//!
//! A tenant maps its places to DHIS2 organisation units, each condition's measures
//! (cases, laboratory-confirmed cases, deaths) to data elements, and, if its DHIS2 data
//! set breaks values down by age and sex, each age group and sex to a category option
//! combination. Counts are kept per block; each goes to its **deepest mapped place**
//! (the block if mapped, else its district, else the state), so DHIS2, which adds
//! values up its own hierarchy, never counts a case twice. What cannot be sent (a place,
//! a condition or an age group not mapped) is listed, never dropped silently.
//!
//! DHIS2's own rules, checked before a payload leaves: an identifier is 11 characters,
//! a letter then letters or digits (`UidUtils.UID_PATTERN`, `^[a-zA-Z][a-zA-Z0-9]{10}$`);
//! a weekly period is `yyyyWn` (`WeeklyPeriodType`, ISO weeks starting on Monday).

use super::epi_week::EpiWeek;
use crate::error::{DomainError, DomainResult};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use uuid::Uuid;

/// A DHIS2 identifier (uid).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Dhis2Uid(String);

impl Dhis2Uid {
    pub fn parse(text: &str, field: &str) -> DomainResult<Self> {
        let t = text.trim();
        let mut chars = t.chars();
        let ok = t.len() == 11
            && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric());
        if !ok {
            return Err(DomainError::validation(
                field,
                "a DHIS2 identifier is 11 letters or digits, starting with a letter (such as fbfJHSPpUQD)",
            ));
        }
        Ok(Self(t.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Dhis2Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a condition's data element counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    Cases,
    Confirmed,
    Deaths,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Cases, Measure::Confirmed, Measure::Deaths];

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Cases => "cases",
            Measure::Confirmed => "confirmed",
            Measure::Deaths => "deaths",
        }
    }

    pub fn parse(text: &str) -> DomainResult<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == text)
            .ok_or_else(|| DomainError::validation("measure", "cases, confirmed or deaths"))
    }
}

/// A tenant's mappings, as the export reads them.
#[derive(Debug, Clone, Default)]
pub struct Mappings {
    /// Place → organisation unit.
    pub org_units: HashMap<Uuid, Dhis2Uid>,
    /// (condition, measure) → data element.
    pub elements: HashMap<(Uuid, Measure), Dhis2Uid>,
    /// (age group, sex) → category option combination; empty: values are totals
    /// (DHIS2's default combination).
    pub categories: HashMap<(String, String), Dhis2Uid>,
}

/// One row of the weekly counts (a block, an age group and a sex).
#[derive(Debug, Clone)]
pub struct CountRow {
    pub condition: Uuid,
    /// The block's path, root first (`state/district/block`).
    pub path: Vec<Uuid>,
    pub age_group: String,
    pub sex: String,
    pub cases: i64,
    pub confirmed: i64,
    pub deaths: i64,
}

/// One value of the payload, in DHIS2's field names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValue {
    pub data_element: Dhis2Uid,
    pub period: String,
    pub org_unit: Dhis2Uid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_option_combo: Option<Dhis2Uid>,
    /// DHIS2 takes values as strings.
    pub value: String,
}

/// Why cases were left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    PlaceNotMapped,
    ConditionNotMapped,
    AgeSexNotMapped,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::PlaceNotMapped => "place_not_mapped",
            SkipReason::ConditionNotMapped => "condition_not_mapped",
            SkipReason::AgeSexNotMapped => "age_sex_not_mapped",
        }
    }
}

/// Cases of a condition left out of the payload, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub reason: SkipReason,
    pub condition: Uuid,
    /// The block whose cases were left out (for an unmapped place).
    pub place: Option<Uuid>,
    pub cases: i64,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValueSet {
    pub data_values: Vec<DataValue>,
}

/// The payload for a week, and what could not go in it.
#[derive(Debug, Clone)]
pub struct Export {
    pub payload: DataValueSet,
    pub skipped: Vec<Skipped>,
}

fn amount(row: &CountRow, m: Measure) -> i64 {
    match m {
        Measure::Cases => row.cases,
        Measure::Confirmed => row.confirmed,
        Measure::Deaths => row.deaths,
    }
}

/// The week's counts as DHIS2 values. Zero values are not sent: DHIS2 stores no zeros
/// unless a data element says zeros are significant, and a missing value reads as none.
pub fn build(week: EpiWeek, mappings: &Mappings, rows: &[CountRow]) -> Export {
    let period = week.to_string();
    let by_category = !mappings.categories.is_empty();
    let mut values: BTreeMap<(Dhis2Uid, Dhis2Uid, Option<Dhis2Uid>), i64> = BTreeMap::new();
    let mut skipped: BTreeMap<(SkipReason, Uuid, Option<Uuid>), i64> = BTreeMap::new();
    for row in rows {
        if row.cases == 0 && row.confirmed == 0 && row.deaths == 0 {
            continue;
        }
        let block = row.path.last().copied();
        let Some(org_unit) = row
            .path
            .iter()
            .rev()
            .find_map(|u| mappings.org_units.get(u))
        else {
            *skipped
                .entry((SkipReason::PlaceNotMapped, row.condition, block))
                .or_default() += row.cases;
            continue;
        };
        let coc = if by_category {
            match mappings
                .categories
                .get(&(row.age_group.clone(), row.sex.clone()))
            {
                Some(c) => Some(c.clone()),
                None => {
                    *skipped
                        .entry((SkipReason::AgeSexNotMapped, row.condition, None))
                        .or_default() += row.cases;
                    continue;
                }
            }
        } else {
            None
        };
        let mut any = false;
        for m in Measure::ALL {
            let Some(element) = mappings.elements.get(&(row.condition, m)) else {
                continue;
            };
            any = true;
            let n = amount(row, m);
            if n != 0 {
                *values
                    .entry((element.clone(), org_unit.clone(), coc.clone()))
                    .or_default() += n;
            }
        }
        if !any {
            *skipped
                .entry((SkipReason::ConditionNotMapped, row.condition, None))
                .or_default() += row.cases;
        }
    }
    Export {
        payload: DataValueSet {
            data_values: values
                .into_iter()
                .filter(|(_, n)| *n != 0)
                .map(|((data_element, org_unit, coc), n)| DataValue {
                    data_element,
                    period: period.clone(),
                    org_unit,
                    category_option_combo: coc,
                    value: n.to_string(),
                })
                .collect(),
        },
        skipped: skipped
            .into_iter()
            .map(|((reason, condition, place), cases)| Skipped {
                reason,
                condition,
                place,
                cases,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uid(s: &str) -> Dhis2Uid {
        Dhis2Uid::parse(s, "x").unwrap()
    }

    #[test]
    fn identifiers_follow_dhis2s_pattern() {
        assert!(Dhis2Uid::parse("fbfJHSPpUQD", "x").is_ok());
        for bad in [
            "1bfJHSPpUQD",
            "fbfJHSPpUQ",
            "fbfJHSPpUQDx",
            "fbfJHSPp-QD",
            "fbfJHSPpUQé",
            "",
        ] {
            assert!(Dhis2Uid::parse(bad, "x").is_err(), "{bad}");
        }
    }

    #[test]
    fn each_case_goes_to_its_deepest_mapped_place_once() {
        let (state, district, block_a, block_b) = (
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
        );
        let dengue = Uuid::now_v7();
        let malaria = Uuid::now_v7();
        let mut m = Mappings::default();
        m.org_units.insert(district, uid("DiStrict001"));
        m.org_units.insert(block_a, uid("BlockA00001"));
        m.elements
            .insert((dengue, Measure::Cases), uid("DengueCases"));
        m.elements
            .insert((dengue, Measure::Deaths), uid("DengueDeath"));
        let row = |block: Uuid, condition: Uuid, cases: i64, deaths: i64| CountRow {
            condition,
            path: vec![state, district, block],
            age_group: "15-44".into(),
            sex: "female".into(),
            cases,
            confirmed: 0,
            deaths,
        };
        let rows = vec![
            row(block_a, dengue, 3, 1),
            row(block_b, dengue, 2, 0),
            row(block_b, dengue, 4, 0),
            row(block_a, malaria, 5, 0),
        ];
        let out = build(EpiWeek::parse("2026W49", "w").unwrap(), &m, &rows);
        let got: Vec<(&str, &str, &str)> = out
            .payload
            .data_values
            .iter()
            .map(|v| {
                (
                    v.data_element.as_str(),
                    v.org_unit.as_str(),
                    v.value.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("DengueCases", "BlockA00001", "3"),
                ("DengueCases", "DiStrict001", "6"),
                ("DengueDeath", "BlockA00001", "1"),
            ]
        );
        assert!(out
            .payload
            .data_values
            .iter()
            .all(|v| v.period == "2026W49"));
        assert_eq!(
            out.skipped,
            vec![Skipped {
                reason: SkipReason::ConditionNotMapped,
                condition: malaria,
                place: None,
                cases: 5
            }]
        );
    }

    #[test]
    fn with_categories_an_unmapped_age_group_is_listed_not_lost() {
        let (block, dengue) = (Uuid::now_v7(), Uuid::now_v7());
        let mut m = Mappings::default();
        m.org_units.insert(block, uid("BlockA00001"));
        m.elements
            .insert((dengue, Measure::Cases), uid("DengueCases"));
        m.categories
            .insert(("0-4".into(), "male".into()), uid("Under5Male1"));
        let row = |age: &str, cases| CountRow {
            condition: dengue,
            path: vec![block],
            age_group: age.into(),
            sex: "male".into(),
            cases,
            confirmed: 0,
            deaths: 0,
        };
        let out = build(
            EpiWeek::parse("2026W1", "w").unwrap(),
            &m,
            &[row("0-4", 2), row("65+", 1)],
        );
        assert_eq!(out.payload.data_values.len(), 1);
        let v = &out.payload.data_values[0];
        assert_eq!(
            v.category_option_combo.as_ref().unwrap().as_str(),
            "Under5Male1"
        );
        assert_eq!(
            v.period, "2026W1",
            "DHIS2 writes weeks without a leading zero"
        );
        assert_eq!(out.skipped[0].reason, SkipReason::AgeSexNotMapped);
        assert_eq!(out.skipped[0].cases, 1);
        let json = serde_json::to_value(&out.payload).unwrap();
        assert_eq!(json["dataValues"][0]["categoryOptionCombo"], "Under5Male1");
    }

    #[test]
    fn an_unmapped_place_is_listed_with_its_block() {
        let (block, dengue) = (Uuid::now_v7(), Uuid::now_v7());
        let mut m = Mappings::default();
        m.elements
            .insert((dengue, Measure::Cases), uid("DengueCases"));
        let out = build(
            EpiWeek::parse("2026W2", "w").unwrap(),
            &m,
            &[CountRow {
                condition: dengue,
                path: vec![block],
                age_group: "5-14".into(),
                sex: "female".into(),
                cases: 2,
                confirmed: 1,
                deaths: 0,
            }],
        );
        assert!(out.payload.data_values.is_empty());
        assert_eq!(out.skipped[0].place, Some(block));
        let json = serde_json::to_value(&out.payload).unwrap();
        assert_eq!(json, serde_json::json!({ "dataValues": [] }));
    }
}

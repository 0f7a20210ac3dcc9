//! The weekly counts, kept current as cases change: each write of a case applies the
//! difference between what the case counted before and what it counts now, in the
//! same transaction, so the counts never lag and never need a nightly recount.

use super::epi_week::EpiWeek;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a case is counted: condition, block (or the unit it was placed in), onset week,
/// age group and sex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountKey {
    pub condition: Uuid,
    pub unit: Uuid,
    pub week: EpiWeek,
    pub age_group: &'static str,
    pub sex: &'static str,
}

/// What a case adds to its key's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CountDelta {
    pub cases: i64,
    pub confirmed: i64,
    pub deaths: i64,
}

impl CountDelta {
    fn is_zero(&self) -> bool {
        self.cases == 0 && self.confirmed == 0 && self.deaths == 0
    }
}

/// A case as the counts see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub key: CountKey,
    /// False once discarded.
    pub counted: bool,
    pub confirmed: bool,
    pub died: bool,
}

impl CaseFacts {
    fn contribution(&self) -> CountDelta {
        if !self.counted {
            return CountDelta::default();
        }
        CountDelta {
            cases: 1,
            confirmed: self.confirmed as i64,
            deaths: self.died as i64,
        }
    }
}

/// The changes to apply when a case goes from `old` (none: new) to `new`.
pub fn changes(old: Option<&CaseFacts>, new: &CaseFacts) -> Vec<(CountKey, CountDelta)> {
    let mut out: BTreeMap<CountKey, CountDelta> = BTreeMap::new();
    if let Some(o) = old {
        let c = o.contribution();
        let d = out.entry(o.key.clone()).or_default();
        d.cases -= c.cases;
        d.confirmed -= c.confirmed;
        d.deaths -= c.deaths;
    }
    let c = new.contribution();
    let d = out.entry(new.key.clone()).or_default();
    d.cases += c.cases;
    d.confirmed += c.confirmed;
    d.deaths += c.deaths;
    out.into_iter().filter(|(_, d)| !d.is_zero()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn facts(week: i32, age: usize, counted: bool, confirmed: bool, died: bool) -> CaseFacts {
        CaseFacts {
            key: CountKey {
                condition: Uuid::nil(),
                unit: Uuid::nil(),
                week: EpiWeek::from_key(week).unwrap(),
                age_group: super::super::case::AGE_GROUPS[age],
                sex: "female",
            },
            counted,
            confirmed,
            died,
        }
    }

    proptest! {
        /// However a case's history runs, the counts kept by applying the changes equal
        /// a recount of the cases as they finally are.
        #[test]
        fn applied_changes_equal_a_recount(
            histories in prop::collection::vec(
                prop::collection::vec((202640..202652i32, 0..6usize, any::<bool>(), any::<bool>(), any::<bool>()), 1..6),
                1..20,
            )
        ) {
            let mut kept: HashMap<CountKey, CountDelta> = HashMap::new();
            let mut finals = vec![];
            for history in &histories {
                let mut prev: Option<CaseFacts> = None;
                for &(w, a, counted, confirmed, died) in history {
                    let next = facts(w, a, counted, confirmed, died);
                    for (k, d) in changes(prev.as_ref(), &next) {
                        let e = kept.entry(k).or_default();
                        e.cases += d.cases;
                        e.confirmed += d.confirmed;
                        e.deaths += d.deaths;
                    }
                    prev = Some(next);
                }
                finals.push(prev.unwrap());
            }
            let mut recount: HashMap<CountKey, CountDelta> = HashMap::new();
            for f in &finals {
                let c = f.contribution();
                let e = recount.entry(f.key.clone()).or_default();
                e.cases += c.cases;
                e.confirmed += c.confirmed;
                e.deaths += c.deaths;
            }
            kept.retain(|_, d| !d.is_zero());
            recount.retain(|_, d| !d.is_zero());
            prop_assert_eq!(kept, recount);
        }
    }

    #[test]
    fn a_case_moved_to_another_week_leaves_the_first() {
        let c = changes(
            Some(&facts(202648, 2, true, false, false)),
            &facts(202649, 2, true, true, false),
        );
        assert_eq!(c.len(), 2);
        assert_eq!(
            c[0].1,
            CountDelta {
                cases: -1,
                confirmed: 0,
                deaths: 0
            }
        );
        assert_eq!(
            c[1].1,
            CountDelta {
                cases: 1,
                confirmed: 1,
                deaths: 0
            }
        );
        assert!(changes(
            Some(&facts(202648, 2, true, false, false)),
            &facts(202648, 2, true, false, false)
        )
        .is_empty());
    }
}

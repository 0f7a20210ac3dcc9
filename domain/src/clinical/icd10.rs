//! ICD-10 diagnosis codes: validation against the code table and type-ahead search.
//! The table itself (ICD-10-CM, public domain) is loaded by `infra`; this module only
//! indexes text it is given.

use crate::error::{DomainError, DomainResult};
use std::collections::{BTreeMap, BTreeSet};

/// One code a diagnosis may carry: a category (`E11`) or a subcategory (`E11.9`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icd10Code {
    pub code: String,
    pub description: String,
}

/// The codes, sorted, with an index of the words of their descriptions.
#[derive(Debug, Default)]
pub struct Icd10Table {
    codes: Vec<Icd10Code>,
    /// Lower-cased description word → positions in `codes`, ascending.
    words: BTreeMap<String, Vec<u32>>,
}

/// The usual written form: upper case, with the dot after the third character.
pub fn normalise(raw: &str) -> String {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_uppercase)
        .collect();
    if compact.len() > 3 && compact.is_ascii() {
        format!("{}.{}", &compact[..3], &compact[3..])
    } else {
        compact
    }
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}

/// Does the query look like the start of a code (a letter, then a digit)?
fn looks_like_code(q: &str) -> bool {
    let mut chars = q.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(a), Some(b)) if a.is_ascii_alphabetic() && b.is_ascii_digit()
    ) || (q.len() == 1 && q.chars().all(|c| c.is_ascii_alphabetic()))
}

impl Icd10Table {
    /// Build from the tab-separated table (`code`, `kind`, `description`, with a header
    /// row). Chapters and blocks are ranges, not codes a diagnosis can carry: skipped.
    pub fn from_tsv(text: &str) -> Self {
        let mut codes: Vec<Icd10Code> = text
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.splitn(3, '\t');
                let (code, kind, description) = (cols.next()?, cols.next()?, cols.next()?);
                matches!(kind, "category" | "subcategory" | "extension").then(|| Icd10Code {
                    code: code.trim().to_owned(),
                    description: description.trim().to_owned(),
                })
            })
            .collect();
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes.dedup_by(|a, b| a.code == b.code);
        let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, c) in codes.iter().enumerate() {
            let mut seen = BTreeSet::new();
            for w in words_of(&c.description) {
                if seen.insert(w.clone()) {
                    words.entry(w).or_default().push(i as u32);
                }
            }
        }
        Self { codes, words }
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    pub fn get(&self, code: &str) -> Option<&Icd10Code> {
        let code = normalise(code);
        self.codes
            .binary_search_by(|c| c.code.as_str().cmp(&code))
            .ok()
            .map(|i| &self.codes[i])
    }

    /// A code as typed, checked against the table.
    pub fn validate(&self, raw: &str, field: &str) -> DomainResult<Icd10Code> {
        if raw.trim().is_empty() {
            return Err(DomainError::validation(field, "give an ICD-10 code"));
        }
        self.get(raw).cloned().ok_or_else(|| {
            DomainError::validation(field, format!("{} is not an ICD-10 code", normalise(raw)))
        })
    }

    /// Type-ahead: codes starting with the query when it looks like a code, otherwise
    /// codes whose description has a word starting with each word of the query.
    /// Shorter (more general) codes come first, then in code order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Icd10Code> {
        let q = query.trim();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<u32> = if looks_like_code(q) {
            let prefix = normalise(q);
            let start = self
                .codes
                .partition_point(|c| c.code.as_str() < prefix.as_str());
            (start..self.codes.len())
                .take_while(|&i| self.codes[i].code.starts_with(&prefix))
                .map(|i| i as u32)
                .collect()
        } else {
            let mut result: Option<BTreeSet<u32>> = None;
            for w in words_of(q) {
                let matching: BTreeSet<u32> = self
                    .words
                    .range(w.clone()..)
                    .take_while(|(k, _)| k.starts_with(&w))
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .collect();
                result = Some(match result {
                    None => matching,
                    Some(r) => r.intersection(&matching).copied().collect(),
                });
                if result.as_ref().is_some_and(BTreeSet::is_empty) {
                    break;
                }
            }
            result.unwrap_or_default().into_iter().collect()
        };
        hits.sort_by_key(|&i| (self.codes[i as usize].code.len(), i));
        hits.into_iter()
            .take(limit)
            .map(|i| &self.codes[i as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "code\tkind\tdescription
1\tchapter\tCertain infectious and parasitic diseases (A00-B99)
A90\tcategory\tDengue fever [classical dengue]
E11\tcategory\tType 2 diabetes mellitus
E11.9\tsubcategory\tType 2 diabetes mellitus without complications
E11.65\tsubcategory\tType 2 diabetes mellitus with hyperglycemia
I10\tcategory\tEssential (primary) hypertension
";

    #[test]
    fn validates_codes_as_typed() {
        let t = Icd10Table::from_tsv(SAMPLE);
        assert_eq!(t.len(), 5, "chapters are not codes");
        assert_eq!(t.validate("e119", "code").unwrap().code, "E11.9");
        assert_eq!(t.validate(" I10 ", "code").unwrap().code, "I10");
        assert!(t.validate("E11.99", "code").is_err());
        assert!(t.validate("1", "code").is_err());
        assert!(t.validate("", "code").is_err());
    }

    #[test]
    fn searches_by_prefix_or_words() {
        let t = Icd10Table::from_tsv(SAMPLE);
        let codes =
            |q: &str| -> Vec<String> { t.search(q, 10).iter().map(|c| c.code.clone()).collect() };
        assert_eq!(codes("E11"), ["E11", "E11.9", "E11.65"]);
        assert_eq!(codes("diab hyperg"), ["E11.65"]);
        assert_eq!(codes("Dengue"), ["A90"]);
        assert_eq!(codes("diabetes"), ["E11", "E11.9", "E11.65"]);
        assert!(codes("cholera").is_empty());
        assert_eq!(t.search("diabetes", 1).len(), 1);
    }
}

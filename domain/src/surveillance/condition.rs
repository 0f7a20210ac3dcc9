//! Notifiable conditions: what a tenant's surveillance watches, with the ICD-10
//! codes that make a diagnosis a presumptive case, the lab tests (LOINC) whose
//! positive result confirms one, and the words of the case definitions at each level.
//! Seeded from IDSP's list; a state administrator edits it.

use crate::error::{DomainError, DomainResult};

/// One condition as a tenant defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionDef {
    /// Stable short code (`DENGUE`), also the DHIS2 mapping's key.
    pub code: String,
    pub name: String,
    /// ICD-10 codes or categories (`A90`, `A01.0`); a diagnosis matches by prefix.
    pub icd10: Vec<String>,
    /// LOINC codes of tests whose positive result confirms a case.
    pub loinc: Vec<String>,
    pub syndromic: String,
    pub presumptive: String,
    pub confirmed: String,
    /// Diagnoses of one person within this many days of a case's onset are the same
    /// illness episode: the same case.
    pub episode_days: i32,
}

impl ConditionDef {
    /// Check a definition typed by an administrator.
    pub fn new(
        code: &str,
        name: &str,
        icd10: &[String],
        loinc: &[String],
        definitions: [&str; 3],
        episode_days: i32,
    ) -> DomainResult<Self> {
        let code = code.trim().to_uppercase();
        if code.is_empty()
            || code.len() > 20
            || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(DomainError::validation(
                "code",
                "use 1 to 20 capital letters, digits or _",
            ));
        }
        let name = text(name, "name", 120)?;
        let icd10 = icd10
            .iter()
            .enumerate()
            .map(|(i, c)| icd10_code(c, &format!("icd10[{i}]")))
            .collect::<DomainResult<Vec<_>>>()?;
        let loinc = loinc
            .iter()
            .enumerate()
            .map(|(i, c)| loinc_code(c, &format!("loinc[{i}]")))
            .collect::<DomainResult<Vec<_>>>()?;
        if icd10.is_empty() && loinc.is_empty() {
            return Err(DomainError::validation(
                "icd10",
                "give at least one ICD-10 code or one confirming LOINC test",
            ));
        }
        if !(1..=365).contains(&episode_days) {
            return Err(DomainError::validation(
                "episodeDays",
                "must be between 1 and 365 days",
            ));
        }
        let [s, p, l] = definitions;
        Ok(Self {
            code,
            name,
            icd10,
            loinc,
            syndromic: text(s, "syndromic", 1000)?,
            presumptive: text(p, "presumptive", 1000)?,
            confirmed: text(l, "confirmed", 1000)?,
            episode_days,
        })
    }

    /// Whether a diagnosis coded `code` is this condition.
    pub fn matches_icd10(&self, code: &str) -> bool {
        let code = code.trim().to_uppercase();
        self.icd10.iter().any(|c| code.starts_with(c.as_str()))
    }

    pub fn confirmed_by(&self, loinc: &str) -> bool {
        self.loinc.iter().any(|c| c == loinc.trim())
    }
}

fn text(s: &str, field: &str, max: usize) -> DomainResult<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() || t.chars().count() > max {
        return Err(DomainError::validation(
            field,
            format!("must be 1 to {max} characters"),
        ));
    }
    Ok(t)
}

/// `A90`, `A01.0`, `B50.9`: a letter, two digits, and optionally a dot and one or two more.
fn icd10_code(c: &str, field: &str) -> DomainResult<String> {
    let c = c.trim().to_uppercase();
    let b = c.as_bytes();
    let ok = match b.len() {
        3 => true,
        5 | 6 => b[3] == b'.' && b[4..].iter().all(u8::is_ascii_digit),
        _ => false,
    } && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase());
    if ok {
        Ok(c)
    } else {
        Err(DomainError::validation(
            field,
            "must be an ICD-10 code or category such as A90 or A01.0",
        ))
    }
}

/// `75377-5`: up to seven digits, a dash and the check digit (LOINC's mod 10).
fn loinc_code(c: &str, field: &str) -> DomainResult<String> {
    let c = c.trim();
    let bad = || DomainError::validation(field, "must be a LOINC code such as 75377-5");
    let (num, check) = c.split_once('-').ok_or_else(bad)?;
    if num.is_empty()
        || num.len() > 7
        || !num.bytes().all(|b| b.is_ascii_digit())
        || check.len() != 1
    {
        return Err(bad());
    }
    if loinc_check_digit(num) != check.as_bytes()[0] - b'0' {
        return Err(DomainError::validation(
            field,
            "the check digit after the dash does not match: check the code",
        ));
    }
    Ok(c.to_owned())
}

/// LOINC's mod 10 check digit, as LOINC's users' guide spells it: the digits in odd
/// places from the right, read right to left as a number and doubled; the digits in
/// even places written before it; the digits of that summed; what brings the sum up to
/// a multiple of ten.
fn loinc_check_digit(num: &str) -> u8 {
    let from_right: Vec<u8> = num.bytes().rev().map(|b| b - b'0').collect();
    let odd: u64 = from_right
        .iter()
        .step_by(2)
        .fold(0, |n, d| n * 10 + *d as u64);
    let even = from_right.iter().skip(1).step_by(2);
    let sum: u32 = even.map(|d| *d as u32).sum::<u32>()
        + (odd * 2)
            .to_string()
            .bytes()
            .map(|b| (b - b'0') as u32)
            .sum::<u32>();
    ((10 - sum % 10) % 10) as u8
}

/// A lab value that reports the organism or antigen found.
pub fn is_positive(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    if ["not", "non", "negative", "no "]
        .iter()
        .any(|n| v.contains(n))
    {
        return false;
    }
    ["positive", "detected", "reactive", "pos", "+"]
        .iter()
        .any(|p| v.starts_with(p) || v == *p)
}

/// IDSP's list of conditions under surveillance, as every tenant starts.
pub fn idsp_seed() -> Vec<ConditionDef> {
    let c = |code: &str,
             name: &str,
             icd: &[&str],
             loinc: &[&str],
             s: &str,
             p: &str,
             l: &str,
             days: i32| {
        ConditionDef::new(
            code,
            name,
            &icd.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            &loinc.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            [s, p, l],
            days,
        )
        .expect("the IDSP seed is valid")
    };
    const FEVER: &str = "Acute fever with no other obvious cause";
    vec![
        c("ADD", "Acute diarrhoeal disease", &["A09", "A08"], &[], "Three or more loose stools in 24 hours, with or without dehydration", "Acute diarrhoea diagnosed by a clinician", "Stool culture or test positive for a diarrhoeal pathogen", 14),
        c("CHOLERA", "Cholera", &["A00"], &[], "Acute watery diarrhoea with severe dehydration, in a person aged 2 years or more", "Cholera diagnosed by a clinician", "Vibrio cholerae O1 or O139 isolated from stool", 14),
        c("TYPHOID", "Typhoid (enteric fever)", &["A01"], &[], "Fever for 3 days or more with abdominal symptoms", "Enteric fever diagnosed by a clinician", "Salmonella Typhi or Paratyphi isolated from blood", 42),
        c("MALARIA", "Malaria", &["B50", "B51", "B52", "B53", "B54"], &["32700-7"], FEVER, "Malaria diagnosed by a clinician", "Parasites seen on a blood smear or a positive rapid test", 28),
        c("DENGUE", "Dengue", &["A90", "A91", "A97"], &["75377-2", "29663-2"], "Acute fever of 2 to 7 days with two of: headache, pain behind the eyes, muscle or joint pain, rash, bleeding", "Dengue diagnosed by a clinician", "NS1 antigen or IgM antibody positive", 21),
        c("CHIKUNGUNYA", "Chikungunya", &["A92.0"], &[], "Acute fever with severe joint pain", "Chikungunya diagnosed by a clinician", "IgM antibody or RT-PCR positive", 21),
        c("AES", "Acute encephalitis syndrome", &["A83", "A86", "G04", "G05"], &[], "Acute fever with a change in mental state or new seizures", "Encephalitis diagnosed by a clinician", "Japanese encephalitis or another virus found in blood or CSF", 30),
        c("MEASLES", "Measles", &["B05"], &[], "Fever with a maculopapular rash and cough, runny nose or red eyes", "Measles diagnosed by a clinician", "Measles IgM antibody positive", 30),
        c("DIPHTHERIA", "Diphtheria", &["A36"], &[], "Sore throat with an adherent grey membrane over the tonsils or pharynx", "Diphtheria diagnosed by a clinician", "Corynebacterium diphtheriae isolated from a throat swab", 30),
        c("PERTUSSIS", "Pertussis (whooping cough)", &["A37"], &[], "Cough for two weeks or more with whoops, bouts or vomiting after coughing", "Pertussis diagnosed by a clinician", "Bordetella pertussis found by culture or PCR", 42),
        c("AFP", "Acute flaccid paralysis", &["A80", "G61.0"], &[], "Sudden weakness or floppiness of a limb in a child under 15", "Acute flaccid paralysis diagnosed by a clinician", "Poliovirus or another cause found in stool", 60),
        c("HEPATITIS", "Viral hepatitis", &["B15", "B16", "B17", "B19"], &[], "Acute jaundice with dark urine, with or without fever", "Acute viral hepatitis diagnosed by a clinician", "IgM anti-HAV or anti-HEV, or HBsAg, positive", 60),
        c("LEPTOSPIROSIS", "Leptospirosis", &["A27"], &[], "Acute fever with muscle pain (calves) and red eyes, after contact with flood water or animals", "Leptospirosis diagnosed by a clinician", "Leptospira IgM antibody or PCR positive", 30),
        c("ILI_SARI", "Influenza-like illness / SARI", &["J09", "J10", "J11"], &[], "Fever with cough or sore throat; SARI when admitted with breathlessness", "Influenza diagnosed by a clinician", "Influenza virus found by RT-PCR", 14),
        c("COVID19", "COVID-19", &["U07"], &["94500-6", "94558-4"], "Fever or cough with loss of smell or taste, or breathlessness", "COVID-19 diagnosed by a clinician", "SARS-CoV-2 RNA or antigen detected", 21),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_is_valid_and_its_codes_match_diagnoses() {
        let seed = idsp_seed();
        assert_eq!(seed.len(), 15);
        let dengue = seed.iter().find(|c| c.code == "DENGUE").unwrap();
        assert!(dengue.matches_icd10("A91") && dengue.matches_icd10("a90"));
        assert!(!dengue.matches_icd10("A92.0"));
        let malaria = seed.iter().find(|c| c.code == "MALARIA").unwrap();
        assert!(malaria.matches_icd10("B50.9") && malaria.confirmed_by("32700-7"));
    }

    #[test]
    fn loinc_check_digits_are_checked() {
        for ok in [
            "75377-2", "29663-2", "32700-7", "94500-6", "94558-4", "2345-7", "12345-5",
        ] {
            assert!(loinc_code(ok, "loinc").is_ok(), "{ok}");
        }
        for bad in ["75377-5", "75377", "abc-1", "123456789-0"] {
            assert!(loinc_code(bad, "loinc").is_err(), "{bad}");
        }
    }

    #[test]
    fn definitions_typed_by_an_administrator_are_checked() {
        let defs = ["s", "p", "l"];
        assert!(ConditionDef::new(
            "scrub_typhus",
            "Scrub typhus",
            &["A75.3".into()],
            &[],
            defs,
            30
        )
        .is_ok());
        let e = |r: DomainResult<ConditionDef>| match r {
            Err(DomainError::Validation { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            e(ConditionDef::new(
                "X Y",
                "n",
                &["A90".into()],
                &[],
                defs,
                30
            )),
            "code"
        );
        assert_eq!(
            e(ConditionDef::new("X", "n", &["90A".into()], &[], defs, 30)),
            "icd10[0]"
        );
        assert_eq!(e(ConditionDef::new("X", "n", &[], &[], defs, 30)), "icd10");
        assert_eq!(
            e(ConditionDef::new("X", "n", &["A90".into()], &[], defs, 0)),
            "episodeDays"
        );
    }

    #[test]
    fn positive_results_are_told_from_negative_ones() {
        for p in ["Positive", "DETECTED", "Reactive", "pos", "+"] {
            assert!(is_positive(p), "{p}");
        }
        for n in [
            "Negative",
            "Not detected",
            "Non-reactive",
            "no parasites seen",
            "13.5",
            "",
        ] {
            assert!(!is_positive(n), "{n}");
        }
    }
}

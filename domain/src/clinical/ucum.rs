//! UCUM codes for the units lab technicians type. Units are free text at the bench
//! ("g/dL", "/µL", "x10^3/uL", "IU/L"); exports need the UCUM code beside the text.
//! Only units known here get a code: an unknown unit stays text, never a guess.

/// The UCUM code for a unit as typed, if it is one we know.
pub fn code_for(unit: &str) -> Option<&'static str> {
    // Fold the spellings that mean the same: micro sign, Greek mu, "mcg", "x10^3",
    // "10³", thousand-per-microlitre written "K/uL", spaces and case of "l".
    let u = unit
        .trim()
        .replace(['\u{00B5}', '\u{03BC}'], "u")
        .replace("mcg", "ug")
        .replace(['³'], "^3")
        .replace(['⁶'], "^6")
        .replace(' ', "")
        .to_ascii_lowercase();
    let u = u.trim_start_matches('x').replace("×", "");
    Some(match u.as_str() {
        "g/dl" => "g/dL",
        "g/l" => "g/L",
        "mg/dl" => "mg/dL",
        "mg/l" => "mg/L",
        "ug/dl" => "ug/dL",
        "ug/l" => "ug/L",
        "ng/ml" => "ng/mL",
        "ng/dl" => "ng/dL",
        "pg/ml" => "pg/mL",
        "mmol/l" => "mmol/L",
        "umol/l" => "umol/L",
        "meq/l" => "meq/L",
        "mosm/kg" => "mosm/kg",
        "iu/l" | "u/l" => "U/L",
        "iu/ml" => "[IU]/mL",
        "miu/l" | "uiu/ml" => "m[IU]/L",
        "miu/ml" => "m[IU]/mL",
        "%" => "%",
        "/ul" | "cells/ul" | "/cumm" | "cells/cumm" | "/mm3" | "cells/mm3" => "/uL",
        "10^3/ul" | "10*3/ul" | "k/ul" | "thou/ul" | "10^3/mm3" => "10*3/uL",
        "10^6/ul" | "10*6/ul" | "m/ul" | "mill/ul" | "10^6/mm3" => "10*6/uL",
        "10^9/l" | "10*9/l" => "10*9/L",
        "10^12/l" | "10*12/l" => "10*12/L",
        "fl" => "fL",
        "pg" => "pg",
        "mm/h" | "mm/hr" | "mm/1sthr" => "mm/h",
        "s" | "sec" | "seconds" => "s",
        "min" => "min",
        "mmhg" => "mm[Hg]",
        "mg/24h" | "mg/24hr" => "mg/(24.h)",
        "ml/min" => "mL/min",
        "ml/min/1.73m2" | "ml/min/1.73m^2" => "mL/min/{1.73_m2}",
        "ratio" | "index" => "{ratio}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_spellings_map_to_one_code() {
        assert_eq!(code_for("g/dL"), Some("g/dL"));
        assert_eq!(code_for(" g/dl "), Some("g/dL"));
        assert_eq!(code_for("/µL"), Some("/uL"));
        assert_eq!(code_for("cells/cumm"), Some("/uL"));
        assert_eq!(code_for("x10^3/uL"), Some("10*3/uL"));
        assert_eq!(code_for("10³/µL"), Some("10*3/uL"));
        assert_eq!(code_for("IU/L"), Some("U/L"));
        assert_eq!(code_for("mcg/dL"), Some("ug/dL"));
        assert_eq!(code_for("mEq/L"), Some("meq/L"));
        assert_eq!(code_for("furlongs"), None);
        assert_eq!(code_for(""), None);
    }
}

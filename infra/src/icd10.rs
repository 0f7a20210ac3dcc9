//! The ICD-10 code table, compiled into the binary (compressed, about 0.7 MB) and
//! indexed once on first use, so validation and type-ahead never touch the database.

use arogya_domain::clinical::icd10::Icd10Table;
use std::io::Read;
use std::sync::OnceLock;

static COMPRESSED: &[u8] = include_bytes!("../assets/icd10cm-2026.tsv.gz");

/// The table. The first call decompresses and indexes it (tens of milliseconds);
/// `arogya serve` calls it at start-up so no request pays that.
pub fn table() -> &'static Icd10Table {
    static TABLE: OnceLock<Icd10Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        // The asset is part of the binary and checked by a test: it cannot be corrupt
        // at run time unless the build is, in which case an empty table says so loudly.
        match flate2::read::GzDecoder::new(COMPRESSED).read_to_string(&mut text) {
            Ok(_) => Icd10Table::from_tsv(&text),
            Err(e) => {
                tracing::error!(error = %e, "the compiled-in ICD-10 table does not decompress");
                Icd10Table::default()
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_table_loads_and_answers() {
        let t = super::table();
        assert!(t.len() > 90_000, "{} codes", t.len());
        assert_eq!(
            t.get("A90").unwrap().description,
            "Dengue fever [classical dengue]"
        );
        assert_eq!(t.get("e11.9").unwrap().code, "E11.9");
        assert!(t
            .search("typhoid", 5)
            .iter()
            .any(|c| c.code.starts_with("A01")));
    }
}

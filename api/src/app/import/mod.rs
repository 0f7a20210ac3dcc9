//! Bulk import of facilities, professionals, wards and beds, and catalogue items from CSV, as departments keep them in
//! spreadsheets. Every row is checked first; unless the caller asks to skip invalid
//! rows, one bad row means nothing is imported. Valid rows go in one transaction,
//! each with its audit event. Rows are numbered as a spreadsheet shows them (the
//! header is row 1).

use super::professionals::today;
use crate::error::ApiResult;
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::facility::{BedCapacity, EmrReadiness, FacilityDetails, FacilityForm};
use arogya_domain::ids::TenantId;
use arogya_domain::professional::{
    attachment_text, CouncilRegistration, ProfessionalDetails, ProfessionalForm, Qualification,
};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::facilities::{self, FacilityRecord, Placement};
use arogya_infra::repos::professionals::{self, NewAttachment};
use arogya_infra::repos::units::{self, UnitRecord};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Largest file accepted, in rows.
pub const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub skipped: usize,
    pub errors: Vec<RowError>,
}

/// Called as rows are written: (done, total).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Send + Sync);

/// One CSV row, read by column name.
struct Row<'a> {
    number: usize,
    headers: &'a HashMap<String, usize>,
    record: csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Option<String> {
        self.headers
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }
    fn text(&self, column: &str) -> String {
        self.get(column).unwrap_or_default()
    }
    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|v| {
                v.split(';')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
    fn error(&self, column: &str, message: impl Into<String>) -> RowError {
        RowError {
            row: self.number,
            column: column.to_owned(),
            message: message.into(),
        }
    }
    fn parse<T: std::str::FromStr>(&self, column: &str, what: &str) -> Result<Option<T>, RowError> {
        self.get(column)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|_| self.error(column, format!("is not {what}")))
            })
            .transpose()
    }
    fn date(&self, column: &str) -> Result<Option<NaiveDate>, RowError> {
        self.get(column)
            .map(|v| {
                NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| self.error(column, "is not a date (YYYY-MM-DD)"))
            })
            .transpose()
    }
    /// A domain validation error, reported against the CSV column it came from.
    fn domain(&self, e: DomainError, columns: &[(&str, &str)]) -> RowError {
        match e {
            DomainError::Validation { field, message } => {
                let column = columns
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, c)| (*c).to_owned())
                    .unwrap_or(field);
                RowError {
                    row: self.number,
                    column,
                    message,
                }
            }
            // A row with several problems is reported by its first, against its column.
            DomainError::Problems(mut ps) if !ps.is_empty() => {
                let first = ps.remove(0);
                self.domain(DomainError::validation(first.field, first.message), columns)
            }
            other => self.error("", other.to_string()),
        }
    }
}

/// A file's header (column name → position) and its records.
type Table = (HashMap<String, usize>, Vec<csv::StringRecord>);

/// Read the whole file: the header map and every record, or an error on row 1.
fn read_csv(text: &str, required: &[&str]) -> Result<Table, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_error = |m: String| {
        vec![RowError {
            row: 1,
            column: String::new(),
            message: m,
        }]
    };
    let headers: HashMap<String, usize> = match reader.headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, name)| (name.to_lowercase(), i))
            .collect(),
        Err(e) => return Err(header_error(format!("the header row cannot be read: {e}"))),
    };
    let missing: Vec<&str> = required
        .iter()
        .filter(|c| !headers.contains_key(**c))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(header_error(format!(
            "missing columns: {}",
            missing.join(", ")
        )));
    }
    let mut records = Vec::new();
    for (i, r) in reader.records().enumerate() {
        match r {
            Ok(r) => records.push(r),
            Err(e) => {
                return Err(vec![RowError {
                    row: i + 2,
                    column: String::new(),
                    message: format!("unreadable row: {e}"),
                }])
            }
        }
        if records.len() > MAX_ROWS {
            return Err(header_error(format!("at most {MAX_ROWS} rows per file")));
        }
    }
    Ok((headers, records))
}

/// Each record parsed by `parse`, numbered as a spreadsheet numbers rows (the header
/// is row 1): the rows that parsed, with their numbers, and the errors of the others.
fn parse_rows<T>(
    headers: &HashMap<String, usize>,
    records: Vec<csv::StringRecord>,
    parse: impl Fn(&Row<'_>) -> Result<T, RowError>,
) -> (Vec<(usize, T)>, Vec<RowError>) {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let row = Row {
            number: i + 2,
            headers,
            record,
        };
        match parse(&row) {
            Ok(p) => parsed.push((row.number, p)),
            Err(e) => errors.push(e),
        }
    }
    (parsed, errors)
}

/// For callers that have no progress to show.
pub fn no_progress(_: usize, _: usize) {}

/// The report of a checked file: all or nothing unless `skip_invalid` (then the valid
/// rows go on); `Err` when nothing may be imported.
pub(super) fn finish(
    mut errors: Vec<RowError>,
    valid: usize,
    skip_invalid: bool,
) -> Result<ImportReport, ImportReport> {
    errors.sort_by_key(|e| e.row);
    let bad_rows: HashSet<usize> = errors.iter().map(|e| e.row).collect();
    if !errors.is_empty() && !skip_invalid {
        return Err(ImportReport {
            imported: 0,
            skipped: valid + bad_rows.len(),
            errors,
        });
    }
    Ok(ImportReport {
        imported: valid,
        skipped: bad_rows.len(),
        errors,
    })
}

mod bed_rows;
mod emr_rows;
mod facility_rows;
mod item_rows;
mod oxygen_rows;
mod professional_rows;
mod survey;

pub use bed_rows::import_beds;
pub use emr_rows::{import_emr_readiness, ReadinessReport};
pub use facility_rows::import_facilities;
pub use item_rows::import_items;
pub use oxygen_rows::{import_equipment, import_oxygen_sources};
pub use professional_rows::import_professionals;
pub use survey::{import_survey, SurveyReport};

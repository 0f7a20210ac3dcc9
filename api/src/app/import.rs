//! Bulk import of facilities and professionals from CSV, as departments keep them in
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

const FACILITY_COLUMNS: &[(&str, &str)] = &[
    ("name", "name"),
    ("type", "type"),
    ("ownership", "ownership"),
    ("ownershipSubtype", "ownership_subtype"),
    ("address", "address"),
    ("pincode", "pincode"),
    ("latitude", "latitude"),
    ("longitude", "longitude"),
    ("phone", "phone"),
    ("email", "email"),
    ("systemsOfMedicine", "systems_of_medicine"),
    ("specialities", "specialities"),
    ("operationalStatus", "operational_status"),
    ("nationalFacilityId", "national_facility_id"),
    ("beds.general", "beds_general"),
    ("beds.oxygenSupported", "beds_oxygen"),
    ("beds.icu", "beds_icu"),
    ("beds.hdu", "beds_hdu"),
    ("beds.ventilator", "beds_ventilator"),
    ("beds.isolation", "beds_isolation"),
    ("beds.paediatric", "beds_paediatric"),
    ("beds.maternity", "beds_maternity"),
    ("emrReadiness.adoptedOn", "emr_adopted_on"),
];

fn facility_row(row: &Row<'_>) -> Result<(String, FacilityDetails), RowError> {
    let count = |c: &str| -> Result<i32, RowError> {
        Ok(row.parse::<i32>(c, "a whole number")?.unwrap_or(0))
    };
    let beds = BedCapacity {
        general: count("beds_general")?,
        oxygen_supported: count("beds_oxygen")?,
        icu: count("beds_icu")?,
        hdu: count("beds_hdu")?,
        ventilator: count("beds_ventilator")?,
        isolation: count("beds_isolation")?,
        paediatric: count("beds_paediatric")?,
        maternity: count("beds_maternity")?,
    };
    let adopted = match row.get("emr_adopted").map(|v| v.to_lowercase()) {
        None => false,
        Some(v) if ["yes", "true", "1", "y"].contains(&v.as_str()) => true,
        Some(v) if ["no", "false", "0", "n"].contains(&v.as_str()) => false,
        Some(_) => return Err(row.error("emr_adopted", "must be yes or no")),
    };
    let emr = EmrReadiness::new(adopted, row.date("emr_adopted_on")?, vec![])
        .map_err(|e| row.domain(e, FACILITY_COLUMNS))?;
    let form = FacilityForm {
        name: row.text("name"),
        facility_type: row.text("type").to_lowercase(),
        ownership: row.text("ownership").to_lowercase(),
        ownership_subtype: row.get("ownership_subtype"),
        address: row.get("address"),
        pincode: row.get("pincode"),
        latitude: row.parse("latitude", "a number")?,
        longitude: row.parse("longitude", "a number")?,
        phone: row.get("phone"),
        email: row.get("email"),
        systems_of_medicine: row
            .list("systems_of_medicine")
            .into_iter()
            .map(|s| s.to_lowercase())
            .collect(),
        specialities: row.list("specialities"),
        operational_status: row.get("operational_status").map(|s| s.to_lowercase()),
        national_facility_id: row.get("national_facility_id"),
        beds,
        emr,
    };
    let details = form
        .validate()
        .map_err(|e| row.domain(e, FACILITY_COLUMNS))?;
    let lgd = row
        .get("unit_lgd_code")
        .ok_or_else(|| row.error("unit_lgd_code", "is required"))?;
    Ok((lgd, details))
}

fn finish(
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

#[allow(clippy::too_many_arguments)]
pub async fn import_facilities(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) =
        match read_csv(csv_text, &["name", "type", "ownership", "unit_lgd_code"]) {
            Ok(r) => r,
            Err(errors) => {
                return Ok(ImportReport {
                    imported: 0,
                    skipped: 0,
                    errors,
                })
            }
        };
    let kind = super::facilities::tenant_kind(state, tenant).await?;
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let row = Row {
            number: i + 2,
            headers: &headers,
            record,
        };
        match facility_row(&row) {
            Ok(p) => parsed.push((row.number, p)),
            Err(e) => errors.push(e),
        }
    }

    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let codes: Vec<String> = parsed
        .iter()
        .map(|(_, (c, _))| c.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let units: HashMap<String, UnitRecord> = units::find_by_lgd_codes(&tx, &codes)
        .await?
        .into_iter()
        .filter_map(|u| u.lgd_code.clone().map(|c| (c, u)))
        .collect();
    let ids: Vec<String> = parsed
        .iter()
        .filter_map(|(_, (_, d))| {
            d.national_facility_id
                .as_ref()
                .map(|n| n.as_str().to_owned())
        })
        .collect();
    let existing: HashSet<String> = facilities::find_by_national_ids(&tx, &ids)
        .await?
        .into_iter()
        .filter_map(|f| f.national_facility_id)
        .collect();
    let mut seen_ids = HashSet::new();
    let mut valid = Vec::new();
    for (number, (code, details)) in parsed {
        let err = |c: &str, m: &str| RowError {
            row: number,
            column: c.to_owned(),
            message: m.to_owned(),
        };
        let Some(unit) = units
            .get(&code)
            .filter(|u| reach.allows(&UnitPath::from(*u)))
        else {
            errors.push(err(
                "unit_lgd_code",
                "no unit with this LGD code within your reach",
            ));
            continue;
        };
        if let Some(n) = &details.national_facility_id {
            if existing.contains(n.as_str()) || !seen_ids.insert(n.as_str().to_owned()) {
                errors.push(err(
                    "national_facility_id",
                    "another facility already has this national ID",
                ));
                continue;
            }
        }
        valid.push((unit, details));
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, (unit, details)) in valid.into_iter().enumerate() {
        let at = Placement {
            district: UnitPath::from(unit).district(kind),
            unit,
        };
        let f: FacilityRecord = facilities::insert(&tx, &details, &at).await?;
        let event = NewAuditEvent::new(actor, AuditAction::FacilityCreate, "facility", Some(f.id))
            .with_detail(serde_json::json!({ "name": f.name, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}

const PROFESSIONAL_COLUMNS: &[(&str, &str)] = &[
    ("name", "name"),
    ("kind", "kind"),
    ("sex", "sex"),
    ("dateOfBirth", "date_of_birth"),
    ("phone", "phone"),
    ("email", "email"),
    ("registrations.0.council", "council"),
    ("registrations.0.number", "registration_number"),
    ("registrations.0.registeredOn", "registered_on"),
    ("registrations.0.validUntil", "valid_until"),
    ("qualifications.0.degree", "qualification"),
    ("qualifications.0.institution", "institution"),
    ("qualifications.0.year", "qualification_year"),
    ("languages", "languages"),
    ("designation", "designation"),
    ("department", "department"),
];

struct ProfessionalRow {
    details: ProfessionalDetails,
    posting: Option<(String, NewAttachment)>,
}

fn professional_row(row: &Row<'_>) -> Result<ProfessionalRow, RowError> {
    let registrations = match (row.get("council"), row.get("registration_number")) {
        (None, None) => vec![],
        (Some(council), Some(number)) => vec![CouncilRegistration {
            council,
            number,
            registered_on: row
                .date("registered_on")?
                .ok_or_else(|| row.error("registered_on", "is required with a registration"))?,
            valid_until: row.date("valid_until")?,
        }],
        (None, Some(_)) => {
            return Err(row.error("council", "is required with a registration number"))
        }
        (Some(_), None) => {
            return Err(row.error("registration_number", "is required with a council"))
        }
    };
    let qualifications = match row.get("qualification") {
        None => vec![],
        Some(degree) => vec![Qualification {
            degree,
            institution: row.text("institution"),
            year: row
                .parse("qualification_year", "a year")?
                .ok_or_else(|| row.error("qualification_year", "is required"))?,
        }],
    };
    let form = ProfessionalForm {
        name: row.text("name"),
        kind: row.text("kind").to_lowercase(),
        sex: row.get("sex").map(|s| s.to_lowercase()),
        date_of_birth: row.date("date_of_birth")?,
        phone: row.get("phone"),
        email: row.get("email"),
        registrations,
        qualifications,
        languages: row.list("languages"),
    };
    let details = form
        .validate(today())
        .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?;
    let posting = match row.get("facility_national_id") {
        None => None,
        Some(id) => Some((
            id.to_uppercase(),
            NewAttachment {
                designation: attachment_text(
                    &row.get("designation").unwrap_or_else(|| "Staff".into()),
                    "designation",
                )
                .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?,
                department: row
                    .get("department")
                    .map(|d| attachment_text(&d, "department"))
                    .transpose()
                    .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?,
                from: row.date("posting_from")?.unwrap_or_else(today),
                to: None,
            },
        )),
    };
    Ok(ProfessionalRow { details, posting })
}

#[allow(clippy::too_many_arguments)]
pub async fn import_professionals(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) = match read_csv(csv_text, &["name", "kind"]) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let row = Row {
            number: i + 2,
            headers: &headers,
            record,
        };
        match professional_row(&row) {
            Ok(p) => parsed.push((row.number, p)),
            Err(e) => errors.push(e),
        }
    }
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let national_ids: Vec<String> = parsed
        .iter()
        .filter_map(|(_, p)| p.posting.as_ref().map(|(id, _)| id.clone()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let facility_by_id: HashMap<String, FacilityRecord> =
        facilities::find_by_national_ids(&tx, &national_ids)
            .await?
            .into_iter()
            .filter_map(|f| f.national_facility_id.clone().map(|n| (n, f)))
            .collect();
    let emails: Vec<String> = parsed
        .iter()
        .filter_map(|(_, p)| p.details.email.as_ref().map(|e| e.as_str().to_owned()))
        .collect();
    let emails_taken: HashSet<String> = professionals::emails_in_use(&tx, &emails)
        .await?
        .into_iter()
        .collect();
    let reg_keys: Vec<(String, String)> = parsed
        .iter()
        .flat_map(|(_, p)| p.details.registrations.iter().map(|r| r.keys()))
        .collect();
    let regs_taken: HashSet<(String, String)> = professionals::registrations_in_use(&tx, &reg_keys)
        .await?
        .into_iter()
        .collect();
    let (mut seen_emails, mut seen_regs) = (HashSet::new(), HashSet::new());
    let mut valid = Vec::new();
    for (number, p) in parsed {
        let err = |c: &str, m: &str| RowError {
            row: number,
            column: c.to_owned(),
            message: m.to_owned(),
        };
        if let Some(e) = &p.details.email {
            if emails_taken.contains(e.as_str()) || !seen_emails.insert(e.as_str().to_owned()) {
                errors.push(err(
                    "email",
                    "another professional already uses this e-mail address",
                ));
                continue;
            }
        }
        if let Some(k) = p.details.registrations.first().map(|r| r.keys()) {
            if regs_taken.contains(&k) || !seen_regs.insert(k) {
                errors.push(err(
                    "registration_number",
                    "is already registered with this council",
                ));
                continue;
            }
        }
        let facility = match &p.posting {
            None if *reach != UnitReach::Whole => {
                errors.push(err(
                    "facility_national_id",
                    "is required: post the professional in your district",
                ));
                continue;
            }
            None => None,
            Some((id, _)) => match facility_by_id
                .get(id)
                .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
            {
                Some(f) => Some(f),
                None => {
                    errors.push(err(
                        "facility_national_id",
                        "no facility with this national ID within your reach",
                    ));
                    continue;
                }
            },
        };
        valid.push((p, facility));
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, (p, facility)) in valid.into_iter().enumerate() {
        let record = professionals::insert_prechecked(&tx, &p.details).await?;
        if let (Some(f), Some((_, attachment))) = (facility, p.posting) {
            professionals::attach(&tx, &record, f, attachment).await?;
        }
        let event = NewAuditEvent::new(
            actor,
            AuditAction::ProfessionalCreate,
            "professional",
            Some(record.id),
        )
        .with_detail(serde_json::json!({ "name": record.name, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}

/// For callers that have no progress to show.
pub fn no_progress(_: usize, _: usize) {}

/// What a survey import did: people enrolled, households created, rows flagged as
/// likely duplicates of someone already enrolled (not created twice), and errors.
#[derive(Debug, Clone, Default)]
pub struct SurveyReport {
    pub imported: usize,
    pub households: usize,
    /// (row, health IDs of the likely matches).
    pub duplicates: Vec<(usize, Vec<String>)>,
    pub errors: Vec<RowError>,
}

const SURVEY_COLUMNS: &[(&str, &str)] = &[
    ("givenName", "given_name"),
    ("familyName", "family_name"),
    ("localName", "local_name"),
    ("sex", "sex"),
    ("dateOfBirth", "date_of_birth"),
    ("ageYears", "age"),
    ("phone", "phone"),
    ("preferredLanguage", "language"),
    ("abhaNumber", "abha_number"),
    ("addressLine", "address"),
    ("geo.latitude", "latitude"),
    ("geo.longitude", "longitude"),
];

/// One valid survey row.
struct SurveyRow {
    number: usize,
    household: String,
    head: bool,
    place: arogya_domain::patient::household::HouseholdDetails,
    person: arogya_domain::patient::details::PatientDetails,
}

fn survey_row(row: &Row<'_>, units: &HashMap<String, UnitRecord>) -> Result<SurveyRow, RowError> {
    use arogya_domain::patient::details::PatientForm;
    use arogya_domain::patient::household::HouseholdDetails;
    let household = row.get("household").ok_or_else(|| {
        row.error(
            "household",
            "is required: the household's reference in this file",
        )
    })?;
    let lgd = row
        .get("unit_lgd_code")
        .ok_or_else(|| row.error("unit_lgd_code", "is required"))?;
    let unit = units.get(&lgd).ok_or_else(|| {
        row.error(
            "unit_lgd_code",
            format!("no unit with LGD code {lgd} in this tenant"),
        )
    })?;
    let geo = match (
        row.parse::<f64>("latitude", "a number")?,
        row.parse::<f64>("longitude", "a number")?,
    ) {
        (Some(la), Some(lo)) => Some((la, lo)),
        _ => None,
    };
    let place = HouseholdDetails::new(
        arogya_domain::ids::UnitId(unit.id),
        &row.text("address"),
        geo,
    )
    .map_err(|e| row.domain(e, SURVEY_COLUMNS))?;
    let form = PatientForm {
        given_name: row.text("given_name"),
        family_name: row.get("family_name"),
        local_name: row.get("local_name"),
        sex: row
            .get("sex")
            .unwrap_or_else(|| "unknown".into())
            .to_lowercase(),
        date_of_birth: row.date("date_of_birth")?,
        age_years: row.parse("age", "a whole number of years")?,
        phone: row.get("phone"),
        preferred_language: row.get("language"),
        abha_number: row.get("abha_number"),
        ..Default::default()
    };
    let person = form
        .validate(today())
        .map_err(|e| row.domain(e, SURVEY_COLUMNS))?;
    let head = matches!(
        row.get("head").as_deref().map(str::to_lowercase).as_deref(),
        Some("yes" | "y" | "true" | "1")
    );
    Ok(SurveyRow {
        number: row.number,
        household,
        head,
        place,
        person,
    })
}

/// Import a survey spreadsheet: one row per person, grouped into households by the
/// `household` column. Likely duplicates are flagged, not created. All or nothing
/// unless `skip_invalid`.
pub async fn import_survey(
    caller: &super::patients::Caller<'_>,
    text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<SurveyReport> {
    use super::patients::{create_household_in, duplicates_in, enrol_in, register_in};
    caller.access.require_register()?;
    let mut report = SurveyReport::default();
    let (headers, records) = match read_csv(
        text,
        &["household", "unit_lgd_code", "address", "given_name", "sex"],
    ) {
        Ok(t) => t,
        Err(errors) => {
            report.errors = errors;
            return Ok(report);
        }
    };
    let state = caller.state;
    let tenant = caller.access.tenant;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let codes: Vec<String> = records
        .iter()
        .filter_map(|r| {
            headers
                .get("unit_lgd_code")
                .and_then(|i| r.get(*i))
                .map(|s| s.trim().to_owned())
        })
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let units: HashMap<String, UnitRecord> = units::find_by_lgd_codes(&tx, &codes)
        .await?
        .into_iter()
        .filter_map(|u| u.lgd_code.clone().map(|c| (c, u)))
        .collect();
    let mut rows = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let row = Row {
            number: i + 2,
            headers: &headers,
            record,
        };
        match survey_row(&row, &units) {
            Ok(r) => rows.push(r),
            Err(e) => report.errors.push(e),
        }
    }
    if !report.errors.is_empty() && !skip_invalid {
        return Ok(report);
    }
    let code = arogya_domain::tenant::TenantCode::parse(
        &state
            .tenants
            .get(tenant)
            .await?
            .map(|t| t.code)
            .unwrap_or_default(),
    )?;
    let total = rows.len();
    let mut households: HashMap<String, arogya_infra::repos::households::HouseholdRecord> =
        HashMap::new();
    for (done, r) in rows.into_iter().enumerate() {
        let dups = duplicates_in(caller, &tx, &r.person).await?;
        if !dups.is_empty() {
            report.duplicates.push((
                r.number,
                dups.into_iter().map(|d| d.patient.health_id).collect(),
            ));
            progress(done + 1, total);
            continue;
        }
        let h = match households.get(&r.household) {
            Some(h) => h.clone(),
            None => {
                let h = create_household_in(caller, &mut tx, &r.place).await?;
                report.households += 1;
                households.insert(r.household.clone(), h.clone());
                h
            }
        };
        let reg = register_in(caller, &mut tx, &code, &r.person, true, Some(&h)).await?;
        match reg.patient {
            Some(p) => {
                enrol_in(caller, &mut tx, &h, &p, r.head).await?;
                if let Some(stored) = households.get_mut(&r.household) {
                    stored.head_patient_id.get_or_insert(p.id);
                }
                report.imported += 1;
            }
            None => report.duplicates.push((
                r.number,
                reg.duplicates
                    .into_iter()
                    .map(|d| d.patient.health_id)
                    .collect(),
            )),
        }
        progress(done + 1, total);
    }
    let event = NewAuditEvent::new(caller.actor, AuditAction::SurveyImport, "household", None).with_detail(serde_json::json!({
        "people": report.imported, "households": report.households, "duplicates": report.duplicates.len(), "errors": report.errors.len()
    }));
    audit::record(&mut tx, &caller.meta, event).await?;
    tx.commit().await?;
    Ok(report)
}

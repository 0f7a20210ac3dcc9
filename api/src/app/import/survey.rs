//! Household survey spreadsheets: one person per row, grouped into households.

use super::*;

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
    caller: &crate::app::patients::Caller<'_>,
    text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<SurveyReport> {
    use crate::app::patients::{create_household_in, duplicates_in, enrol_in, register_in};
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
                let h = create_household_in(caller, &mut tx, &r.place, None).await?;
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

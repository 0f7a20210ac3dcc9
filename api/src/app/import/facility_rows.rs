//! Facilities from CSV, placed in units by LGD code.

use super::*;
use arogya_infra::repos::dashboards::emr_changes::{self, ChangeSource};

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
    let kind = crate::app::facilities::tenant_kind(state, tenant).await?;
    let (parsed, mut errors) = parse_rows(&headers, records, facility_row);

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
    let mut created = Vec::with_capacity(total);
    for (done, (unit, details)) in valid.into_iter().enumerate() {
        let at = Placement {
            district: UnitPath::from(unit).district(kind),
            unit,
        };
        let f: FacilityRecord = facilities::insert(&tx, &details, &at).await?;
        let event = NewAuditEvent::new(actor, AuditAction::FacilityCreate, "facility", Some(f.id))
            .with_detail(serde_json::json!({ "name": f.name, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        created.push(f);
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    // Each new facility's readiness is the first row of its roll-out history.
    emr_changes::record_many(&tx, &created, ChangeSource::Import, actor.user()).await?;
    tx.commit().await?;
    Ok(report)
}

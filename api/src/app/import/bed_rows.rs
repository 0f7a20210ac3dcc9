//! Wards and beds from CSV: one bed per row, with its facility (by national facility
//! ID), ward (created when new, with its department, floor and phone), label and type.

#[allow(unused_imports)]
use super::*;
use arogya_domain::inpatient::beds::{bed_label, BedType};
use arogya_domain::inpatient::wards::{Department, WardForm};
use arogya_infra::repos::inpatient::wards::{self as ward_repo, WardRecord};

struct BedRow {
    facility: String,
    ward: String,
    department: Department,
    floor: Option<String>,
    phone: Option<String>,
    label: String,
    bed_type: BedType,
}

fn bed_row(row: &Row<'_>) -> Result<BedRow, RowError> {
    let facility = row
        .get("facility_national_id")
        .ok_or_else(|| row.error("facility_national_id", "is required"))?;
    let department = Department::parse(&row.text("department").to_lowercase())
        .map_err(|_| row.error("department", "is not a department (medicine, surgery, paediatrics, orthopaedics, obstetrics, icu, hdu, emergency, isolation, other)"))?;
    let (name, floor, phone) = (row.text("ward"), row.get("floor"), row.get("ward_phone"));
    let form = WardForm {
        name: &name,
        department,
        floor: floor.as_deref(),
        phone: phone.as_deref(),
    };
    let ward = form.validate().map_err(|e| {
        row.domain(
            e,
            &[
                ("name", "ward"),
                ("floor", "floor"),
                ("phone", "ward_phone"),
            ],
        )
    })?;
    let label =
        bed_label(&row.text("bed_label")).map_err(|e| row.domain(e, &[("label", "bed_label")]))?;
    let bed_type = BedType::parse(&row.text("bed_type").to_lowercase())
        .map_err(|_| row.error("bed_type", "is not a bed type (general, oxygen_supported, hdu, icu, ventilator, isolation, paediatric, maternity)"))?;
    Ok(BedRow {
        facility,
        ward: ward.name,
        department,
        floor: ward.floor,
        phone: ward.phone,
        label,
        bed_type,
    })
}

/// Import wards and beds. Existing wards (same facility and name) get the new beds; a
/// label already in its ward, or twice in the file, is an error on its row.
#[allow(clippy::too_many_arguments)]
pub async fn import_beds(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) = match read_csv(
        csv_text,
        &[
            "facility_national_id",
            "ward",
            "department",
            "bed_label",
            "bed_type",
        ],
    ) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let (parsed, mut errors) = parse_rows(&headers, records, bed_row);
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let ids: Vec<String> = parsed
        .iter()
        .map(|(_, b)| b.facility.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let found: HashMap<String, FacilityRecord> = facilities::find_by_national_ids(&tx, &ids)
        .await?
        .into_iter()
        .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
        .filter_map(|f| f.national_facility_id.clone().map(|n| (n, f)))
        .collect();
    // The wards these facilities have, and the labels in them.
    let mut wards: HashMap<(uuid::Uuid, String), WardRecord> = HashMap::new();
    let mut labels: HashSet<(uuid::Uuid, String, String)> = HashSet::new();
    for f in found.values() {
        let ws = ward_repo::wards_of(&tx, f.id).await?;
        let beds =
            ward_repo::beds_of_wards(&tx, &ws.iter().map(|w| w.id).collect::<Vec<_>>()).await?;
        for w in ws {
            for b in beds.iter().filter(|b| b.ward_id == w.id) {
                labels.insert((f.id, w.name.to_lowercase(), b.label.to_lowercase()));
            }
            wards.insert((f.id, w.name.to_lowercase()), w);
        }
    }
    let mut valid = Vec::new();
    for (number, b) in parsed {
        let Some(f) = found.get(&b.facility) else {
            errors.push(RowError {
                row: number,
                column: "facility_national_id".into(),
                message: "no facility with this national ID within your reach".into(),
            });
            continue;
        };
        if !labels.insert((f.id, b.ward.to_lowercase(), b.label.to_lowercase())) {
            errors.push(RowError {
                row: number,
                column: "bed_label".into(),
                message: format!("the ward already has a bed labelled {}", b.label),
            });
            continue;
        }
        valid.push((f.id, b));
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, (facility, b)) in valid.into_iter().enumerate() {
        let key = (facility, b.ward.to_lowercase());
        let ward = match wards.get(&key) {
            Some(w) => w.clone(),
            None => {
                let w = ward_repo::insert_ward(
                    &tx,
                    facility,
                    &arogya_domain::inpatient::wards::Ward {
                        name: b.ward.clone(),
                        department: b.department,
                        floor: b.floor.clone(),
                        phone: b.phone.clone(),
                    },
                )
                .await?;
                let event = NewAuditEvent::new(actor, AuditAction::WardSetup, "ward", Some(w.id))
                    .with_detail(serde_json::json!({ "facilityId": facility, "name": w.name, "import": true }));
                audit::record(&mut tx, meta, event).await?;
                wards.insert(key, w.clone());
                w
            }
        };
        let bed = ward_repo::insert_bed(&tx, &ward, &b.label, b.bed_type).await?;
        let event = NewAuditEvent::new(actor, AuditAction::WardSetup, "bed", Some(bed.id))
            .with_detail(serde_json::json!({ "ward": ward.id, "label": bed.label, "bedType": bed.bed_type, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    state.live_counts.forget(tenant);
    Ok(report)
}

//! Oxygen sources and critical-care equipment from CSV, one per row, each by its
//! facility's national facility ID. Cylinder banks name a cylinder type by its code;
//! equipment may name the procurement order (by reference) it arrived against.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::rules_of;
use arogya_domain::oxygen::equipment::{
    EquipmentForm, EquipmentKind, EquipmentSource, EquipmentStatus,
};
use arogya_domain::oxygen::sources::{Capacity, SourceForm};
use arogya_domain::oxygen::units::LiquidUnit;
use arogya_infra::repos::oxygen::equipment as equipment_repo;
use arogya_infra::repos::oxygen::settings as settings_repo;
use arogya_infra::repos::oxygen::sources::{self as source_repo, Sized};
use arogya_infra::TenantTx;
use uuid::Uuid;

fn number(row: &Row<'_>, column: &str) -> Result<f64, RowError> {
    row.parse::<f64>(column, "a number")?
        .ok_or_else(|| row.error(column, "is required for this kind of source"))
}

fn whole(row: &Row<'_>, column: &str) -> Result<i32, RowError> {
    row.parse::<i32>(column, "a whole number")?
        .ok_or_else(|| row.error(column, "is required for this kind of source"))
}

const SOURCE_COLUMNS: [(&str, &str); 9] = [
    ("name", "name"),
    ("capacity.amount", "amount"),
    ("capacity.usableFraction", "usable_fraction"),
    ("capacity.litresPerMinute", "litres_per_minute"),
    ("capacity.purityPercent", "purity_percent"),
    ("capacity.owned", "owned"),
    ("capacity.count", "count"),
    ("bedsFed", "beds_fed"),
    ("kind", "kind"),
];

fn source_row(
    row: &Row<'_>,
    cylinder_types: &HashMap<String, (Uuid, f64)>,
) -> Result<(String, SourceForm), RowError> {
    let facility = row
        .get("facility_national_id")
        .ok_or_else(|| row.error("facility_national_id", "is required"))?;
    let capacity = match row.text("kind").to_lowercase().as_str() {
        "lmo_tank" => Capacity::LmoTank {
            amount: number(row, "amount")?,
            unit: LiquidUnit::parse(&row.text("unit").to_lowercase())
                .map_err(|_| row.error("unit", "is not litre, kilolitre or kilogram"))?,
            usable_fraction: row
                .parse::<f64>("usable_fraction", "a number")?
                .unwrap_or(0.9),
        },
        "psa_plant" => Capacity::PsaPlant {
            litres_per_minute: number(row, "litres_per_minute")?,
            purity_percent: row
                .parse::<f64>("purity_percent", "a number")?
                .unwrap_or(93.0),
        },
        "cylinders" => {
            let code = row.text("cylinder_type");
            let (id, _) = cylinder_types.get(&code.to_lowercase()).ok_or_else(|| {
                row.error(
                    "cylinder_type",
                    format!("no cylinder type {code}: add it first"),
                )
            })?;
            Capacity::Cylinders {
                cylinder_type: *id,
                owned: whole(row, "owned")?,
            }
        }
        "concentrators" => Capacity::Concentrators {
            count: whole(row, "count")?,
            litres_per_minute: number(row, "litres_per_minute")?,
        },
        _ => {
            return Err(row.error(
                "kind",
                "is not lmo_tank, psa_plant, cylinders or concentrators",
            ))
        }
    };
    let beds = row.parse::<i32>("beds_fed", "a whole number")?.unwrap_or(0);
    let form = SourceForm::parse(&row.text("name"), capacity, beds)
        .map_err(|e| row.domain(e, &SOURCE_COLUMNS))?;
    Ok((facility, form))
}

/// Facilities by national ID, within reach.
async fn facilities_by_id(
    tx: &TenantTx,
    reach: &UnitReach,
    ids: Vec<String>,
) -> ApiResult<HashMap<String, FacilityRecord>> {
    let ids: Vec<String> = ids
        .into_iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    Ok(facilities::find_by_national_ids(tx, &ids)
        .await?
        .into_iter()
        .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
        .filter_map(|f| f.national_facility_id.clone().map(|n| (n, f)))
        .collect())
}

fn unknown_facility(number: usize) -> RowError {
    RowError {
        row: number,
        column: "facility_national_id".into(),
        message: "no facility with this national ID within your reach".into(),
    }
}

/// Import oxygen sources; all or nothing unless `skip_invalid`.
#[allow(clippy::too_many_arguments)]
pub async fn import_oxygen_sources(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) = match read_csv(csv_text, &["facility_national_id", "kind", "name"]) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let conv = rules_of(&tx).await?.converter;
    let types: HashMap<String, (Uuid, f64)> = settings_repo::cylinder_types(&tx)
        .await?
        .into_iter()
        .filter(|c| c.supplier.is_empty())
        .map(|c| (c.code.to_lowercase(), (c.id, c.nm3)))
        .collect();
    let (parsed, mut errors) = parse_rows(&headers, records, |row| source_row(row, &types));
    let found = facilities_by_id(
        &tx,
        reach,
        parsed.iter().map(|(_, (f, _))| f.clone()).collect(),
    )
    .await?;
    let mut valid = Vec::new();
    for (number, (facility, form)) in parsed {
        match found.get(&facility) {
            Some(f) => valid.push((f.id, form)),
            None => errors.push(unknown_facility(number)),
        }
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, (facility, form)) in valid.into_iter().enumerate() {
        let per_cylinder = match &form.capacity {
            Capacity::Cylinders { cylinder_type, .. } => types
                .values()
                .find(|(id, _)| id == cylinder_type)
                .map(|(_, n)| *n)
                .unwrap_or(0.0),
            _ => 0.0,
        };
        let size = Sized {
            storage_nm3: form.capacity.storage_nm3(&conv, per_cylinder),
            output_nm3_per_hour: form.capacity.output_nm3_per_hour(),
        };
        let saved = source_repo::insert(&tx, facility, &form, size).await?;
        let event = NewAuditEvent::new(actor, AuditAction::OxygenSetup, "oxygen_source", Some(saved.id))
            .with_detail(serde_json::json!({ "facilityId": facility, "name": saved.name, "capacity": saved.capacity, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}

const EQUIPMENT_COLUMNS: [(&str, &str); 5] = [
    ("make", "make"),
    ("model", "model"),
    ("serialNumber", "serial_number"),
    ("installedOn", "installed_on"),
    ("lastMaintenanceOn", "last_maintenance_on"),
];

/// Import equipment; a serial number already registered (or twice in the file) is an
/// error on its row. All or nothing unless `skip_invalid`.
#[allow(clippy::too_many_arguments)]
pub async fn import_equipment(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let required = [
        "facility_national_id",
        "kind",
        "make",
        "model",
        "serial_number",
        "source",
    ];
    let (headers, records) = match read_csv(csv_text, &required) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let orders: HashMap<String, (Uuid, String)> = equipment_repo::orders(&tx)
        .await?
        .into_iter()
        .filter_map(|o| {
            o.reference
                .clone()
                .map(|r| (r.to_lowercase(), (o.id, o.kind)))
        })
        .collect();
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let row = Row {
            number: i + 2,
            headers: &headers,
            record,
        };
        let item = (|| {
            let facility = row
                .get("facility_national_id")
                .ok_or_else(|| row.error("facility_national_id", "is required"))?;
            let kind = EquipmentKind::parse(&row.text("kind").to_lowercase())
                .map_err(|_| row.error("kind", "is not a kind of equipment (invasive_ventilator, non_invasive_ventilator, hfnc, bipap, cpap, concentrator, cylinder, monitor, defibrillator)"))?;
            let source = EquipmentSource::parse(&row.text("source").to_lowercase())
                .map_err(|_| row.error("source", "is not procured or donated"))?;
            let status = match row.get("status") {
                Some(s) => EquipmentStatus::parse(&s.to_lowercase()).map_err(|_| {
                    row.error("status", "is not functional, under_repair or condemned")
                })?,
                None => EquipmentStatus::Functional,
            };
            let form = EquipmentForm::parse(
                kind,
                &row.text("make"),
                &row.text("model"),
                &row.text("serial_number"),
                source,
                status,
                row.date("installed_on")?,
                row.date("last_maintenance_on")?,
                today(),
            )
            .map_err(|e| row.domain(e, &EQUIPMENT_COLUMNS))?;
            let order = match row.get("order_reference") {
                Some(r) => {
                    let (id, k) = orders.get(&r.to_lowercase()).ok_or_else(|| {
                        row.error("order_reference", format!("no order with reference {r}"))
                    })?;
                    if k != kind.as_str() {
                        return Err(row.error(
                            "order_reference",
                            "the order is for another kind of equipment",
                        ));
                    }
                    Some(*id)
                }
                None => None,
            };
            Ok((facility, form, order))
        })();
        match item {
            Ok(p) => parsed.push((row.number, p)),
            Err(e) => errors.push(e),
        }
    }
    let found = facilities_by_id(
        &tx,
        reach,
        parsed.iter().map(|(_, (f, _, _))| f.clone()).collect(),
    )
    .await?;
    let facility_ids: Vec<Uuid> = found.values().map(|f| f.id).collect();
    let mut seen: HashSet<(String, String, String)> =
        equipment_repo::of_facilities(&tx, &facility_ids)
            .await?
            .into_iter()
            .map(|e| {
                (
                    e.kind,
                    e.make.to_lowercase(),
                    e.serial_number.to_lowercase(),
                )
            })
            .collect();
    let mut valid = Vec::new();
    for (number, (facility, form, order)) in parsed {
        let Some(f) = found.get(&facility) else {
            errors.push(unknown_facility(number));
            continue;
        };
        if !seen.insert((
            form.kind.as_str().to_owned(),
            form.make.to_lowercase(),
            form.serial_number.to_lowercase(),
        )) {
            errors.push(RowError {
                row: number,
                column: "serial_number".into(),
                message: format!("{} {} is already registered", form.make, form.serial_number),
            });
            continue;
        }
        valid.push((f.id, form, order));
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let by = match actor {
        Actor::User(u) => Some(u),
        _ => None,
    };
    let total = valid.len();
    for (done, (facility, form, order)) in valid.into_iter().enumerate() {
        let saved = equipment_repo::insert(&tx, facility, &form, order, by).await?;
        let event = NewAuditEvent::new(actor, AuditAction::EquipmentChange, "equipment", Some(saved.id))
            .with_detail(serde_json::json!({ "facilityId": facility, "kind": saved.kind, "serialNumber": saved.serial_number, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}

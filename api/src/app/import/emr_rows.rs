//! A department's readiness sheet: one row per facility (named by `facility_id` or
//! `national_facility_id`), with any of the checklist's items (`workstations`, `lan`,
//! `server_backup`, `information_security`: not_started, in_progress or done) and
//! `emr_adopted` (yes/no) with `emr_adopted_on`. A blank cell leaves that part as it
//! is. Each facility whose readiness changes gets a new row of history under the
//! importing user's name, and an audit event; rows that change nothing are counted.

use super::{finish, parse_rows, read_csv, Row, RowError};
use crate::error::ApiResult;
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::facility::{EmrItem, EmrReadiness, ReadinessStatus};
use arogya_domain::ids::TenantId;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::dashboards::emr_changes::{self, ChangeSource};
use arogya_infra::repos::facilities::{self, FacilityRecord};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

#[derive(Debug, Clone, Default)]
pub struct ReadinessReport {
    /// Facilities whose readiness changed.
    pub changed: usize,
    /// Valid rows that said what the registry already holds.
    pub unchanged: usize,
    pub skipped: usize,
    pub errors: Vec<RowError>,
}

/// What one row says; `None` leaves that part as it is.
struct Parsed {
    number: usize,
    facility: FacilityRef,
    items: Vec<(EmrItem, ReadinessStatus)>,
    adopted: Option<bool>,
    adopted_on: Option<chrono::NaiveDate>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum FacilityRef {
    Id(Uuid),
    National(String),
}

fn parse_row(row: &Row<'_>) -> Result<Parsed, RowError> {
    let facility = match (row.get("facility_id"), row.get("national_facility_id")) {
        (Some(id), _) => FacilityRef::Id(
            Uuid::parse_str(&id).map_err(|_| row.error("facility_id", "is not a facility ID"))?,
        ),
        (None, Some(n)) => FacilityRef::National(n),
        (None, None) => {
            return Err(row.error(
                "facility_id",
                "give the facility_id or the national_facility_id",
            ))
        }
    };
    let mut items = Vec::new();
    for item in EmrItem::ALL {
        if let Some(v) = row.get(item.as_str()) {
            let status = ReadinessStatus::parse(&v.to_lowercase()).map_err(|_| {
                row.error(item.as_str(), "must be not_started, in_progress or done")
            })?;
            items.push((*item, status));
        }
    }
    let adopted = match row.get("emr_adopted").map(|v| v.to_lowercase()) {
        None => None,
        Some(v) if v == "yes" => Some(true),
        Some(v) if v == "no" => Some(false),
        Some(_) => return Err(row.error("emr_adopted", "must be yes or no")),
    };
    Ok(Parsed {
        number: row.number,
        facility,
        items,
        adopted,
        adopted_on: row.date("emr_adopted_on")?,
    })
}

/// The readiness a row leaves the facility with: the stored one, with what the row
/// says laid over it.
fn merged(current: &FacilityRecord, p: &Parsed) -> Result<EmrReadiness, RowError> {
    let stored = emr_changes::readiness(
        current.emr_adopted,
        current.emr_adopted_on,
        &current.emr_checklist,
    );
    let mut items = stored.checklist.clone();
    for (item, status) in &p.items {
        if let Some(slot) = items.iter_mut().find(|(i, _)| i == item) {
            slot.1 = *status;
        }
    }
    let adopted = p.adopted.unwrap_or(stored.adopted);
    let adopted_on = match (adopted, p.adopted_on) {
        (false, _) => p.adopted_on,
        (true, Some(d)) => Some(d),
        (true, None) => stored.adopted_on,
    };
    EmrReadiness::new(adopted, adopted_on, items).map_err(|e| RowError {
        row: p.number,
        column: "emr_adopted_on".into(),
        message: match e {
            arogya_domain::DomainError::Validation { message, .. } => message,
            other => other.to_string(),
        },
    })
}

fn same(current: &FacilityRecord, next: &EmrReadiness) -> bool {
    let stored = emr_changes::readiness(
        current.emr_adopted,
        current.emr_adopted_on,
        &current.emr_checklist,
    );
    stored.adopted == next.adopted
        && stored.adopted_on == next.adopted_on
        && stored.checklist == next.checklist
}

#[allow(clippy::too_many_arguments)]
pub async fn import_emr_readiness(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
) -> ApiResult<ReadinessReport> {
    let (headers, records) = match read_csv(csv_text, &[]) {
        Ok(r) => r,
        Err(errors) => return Ok(rejected(errors, 0)),
    };
    if !headers.contains_key("facility_id") && !headers.contains_key("national_facility_id") {
        let e = RowError {
            row: 1,
            column: "facility_id".into(),
            message: "the header needs a facility_id or a national_facility_id column".into(),
        };
        return Ok(rejected(vec![e], records.len()));
    }
    let (parsed, mut errors) = parse_rows(&headers, records, parse_row);
    let parsed: Vec<Parsed> = parsed.into_iter().map(|(_, p)| p).collect();

    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let ids: Vec<Uuid> = parsed
        .iter()
        .filter_map(|p| match &p.facility {
            FacilityRef::Id(id) => Some(*id),
            FacilityRef::National(_) => None,
        })
        .collect();
    let nationals: Vec<String> = parsed
        .iter()
        .filter_map(|p| match &p.facility {
            FacilityRef::National(n) => Some(n.clone()),
            FacilityRef::Id(_) => None,
        })
        .collect();
    // Both lookups are narrowed to the caller's tenant; reach is checked below.
    let mut found: HashMap<FacilityRef, FacilityRecord> = HashMap::new();
    for f in facilities::find_many(&tx, &ids).await? {
        found.insert(FacilityRef::Id(f.id), f);
    }
    for f in facilities::find_by_national_ids(&tx, &nationals).await? {
        if let Some(n) = f.national_facility_id.clone() {
            found.insert(FacilityRef::National(n), f);
        }
    }
    let mut seen = HashSet::new();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for p in &parsed {
        let err = |c: &str, m: &str| RowError {
            row: p.number,
            column: c.to_owned(),
            message: m.to_owned(),
        };
        let column = match p.facility {
            FacilityRef::Id(_) => "facility_id",
            FacilityRef::National(_) => "national_facility_id",
        };
        let Some(current) = found
            .get(&p.facility)
            .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
        else {
            errors.push(err(column, "no facility with this ID within your reach"));
            continue;
        };
        if !seen.insert(current.id) {
            errors.push(err(column, "this facility is on an earlier row too"));
            continue;
        }
        match merged(current, p) {
            Ok(next) if same(current, &next) => unchanged += 1,
            Ok(next) => changes.push((current, next)),
            Err(e) => errors.push(e),
        }
    }
    let report = match finish(errors, changes.len() + unchanged, skip_invalid) {
        Ok(r) => r,
        Err(r) => return Ok(rejected(r.errors, r.skipped)),
    };
    let by = actor.user();
    let mut changed = Vec::with_capacity(changes.len());
    for (current, next) in &changes {
        let f = facilities::set_emr(&tx, current, next).await?;
        let event = NewAuditEvent::new(actor, AuditAction::EmrRollout, "facility", Some(f.id))
            .with_detail(serde_json::json!({
                "import": true,
                "adopted": f.emr_adopted,
                "checklist": f.emr_checklist,
            }));
        audit::record(&mut tx, meta, event).await?;
        changed.push(f);
    }
    emr_changes::record_many(&tx, &changed, ChangeSource::Import, by).await?;
    tx.commit().await?;
    Ok(ReadinessReport {
        changed: changes.len(),
        unchanged,
        skipped: report.skipped,
        errors: report.errors,
    })
}

fn rejected(errors: Vec<RowError>, skipped: usize) -> ReadinessReport {
    ReadinessReport {
        changed: 0,
        unchanged: 0,
        skipped,
        errors,
    }
}

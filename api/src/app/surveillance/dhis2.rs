//! DHIS2: the tenant's mappings (set by state administrators and the state surveillance
//! cell) and a week's counts as a `dataValueSets` payload, for the GraphQL query and
//! `arogya export dhis2` alike.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::access::configures;
use arogya_domain::surveillance::case::{CaseSex, AGE_GROUPS};
use arogya_domain::surveillance::dhis2::{
    build, CountRow, Dhis2Uid, Export, Mappings, Measure, Skipped,
};
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::surveillance::conditions;
use arogya_infra::repos::surveillance::dhis2::{self as repo, MappingRecord};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use chrono::Utc;
use std::collections::HashMap;
use uuid::Uuid;

/// What a mapping maps.
#[derive(Debug, Clone)]
pub enum MappingTarget {
    OrgUnit(UnitId),
    DataElement(Uuid, Measure),
    Category { age_group: String, sex: String },
}

impl MappingTarget {
    fn kind(&self) -> &'static str {
        match self {
            MappingTarget::OrgUnit(_) => "org_unit",
            MappingTarget::DataElement(..) => "data_element",
            MappingTarget::Category { .. } => "category",
        }
    }

    fn local_key(&self) -> String {
        match self {
            MappingTarget::OrgUnit(u) => u.0.to_string(),
            MappingTarget::DataElement(c, m) => format!("{c}|{}", m.as_str()),
            MappingTarget::Category { age_group, sex } => format!("{age_group}|{sex}"),
        }
    }
}

/// A mapping with the name of what it maps.
pub struct MappingView {
    pub mapping: MappingRecord,
    pub label: String,
}

/// A week's payload with what was left out, named.
pub struct ExportView {
    pub week: EpiWeek,
    pub export: Export,
    /// Condition codes and unit names for the skipped rows.
    pub condition_codes: HashMap<Uuid, String>,
    pub unit_names: HashMap<Uuid, String>,
}

impl ExportView {
    pub fn payload_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.export.payload).unwrap_or_default()
    }

    pub fn skipped_label(&self, s: &Skipped) -> String {
        let code = self
            .condition_codes
            .get(&s.condition)
            .cloned()
            .unwrap_or_default();
        match s.place.and_then(|p| self.unit_names.get(&p)) {
            Some(place) => format!("{code} in {place}"),
            None => code,
        }
    }
}

/// The tenant's mappings as the export reads them.
fn mappings_of(rows: &[MappingRecord]) -> ApiResult<Mappings> {
    let mut m = Mappings::default();
    for r in rows {
        let uid = Dhis2Uid::parse(&r.dhis2_id, "dhis2Id")?;
        match (
            r.kind.as_str(),
            r.unit_id,
            r.condition_id,
            r.measure.as_deref(),
        ) {
            ("org_unit", Some(u), _, _) => {
                m.org_units.insert(u, uid);
            }
            ("data_element", _, Some(c), Some(measure)) => {
                m.elements.insert((c, Measure::parse(measure)?), uid);
            }
            ("category", _, _, _) => {
                if let (Some(a), Some(s)) = (&r.age_group, &r.sex) {
                    m.categories.insert((a.clone(), s.clone()), uid);
                }
            }
            _ => {
                tracing::warn!(id = %r.id, kind = %r.kind, "a DHIS2 mapping with missing columns is ignored")
            }
        }
    }
    Ok(m)
}

/// A week's counts as DHIS2 values (read in `tx`).
pub async fn export_week(tx: &TenantTx, week: EpiWeek) -> ApiResult<ExportView> {
    let mappings = mappings_of(&repo::all(tx).await?)?;
    let counts = repo::week_counts(tx, week.key()).await?;
    let rows: Vec<CountRow> = counts
        .iter()
        .map(|c| CountRow {
            condition: c.condition_id,
            path: UnitPath::from_stored(c.unit_path.clone())
                .ids()
                .into_iter()
                .map(|u| u.0)
                .collect(),
            age_group: c.age_group.clone(),
            sex: c.sex.clone(),
            cases: c.cases,
            confirmed: c.confirmed,
            deaths: c.deaths,
        })
        .collect();
    let export = build(week, &mappings, &rows);
    let condition_codes = conditions::all(tx)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    let places: Vec<Uuid> = export.skipped.iter().filter_map(|s| s.place).collect();
    let unit_names = units::find_many(tx, &places)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(ExportView {
        week,
        export,
        condition_codes,
        unit_names,
    })
}

/// Record that a week left for DHIS2 (from the API or the command line).
pub async fn audit_export(
    tx: &mut TenantTx,
    meta: &RequestMeta,
    actor: Actor,
    view: &ExportView,
) -> ApiResult<()> {
    let skipped: i64 = view.export.skipped.iter().map(|s| s.cases).sum();
    let event = NewAuditEvent::new(actor, AuditAction::SurveillanceExport, "dhis2_export", None)
        .with_detail(serde_json::json!({
            "period": view.week.to_string(),
            "values": view.export.payload.data_values.len(),
            "casesLeftOut": skipped,
        }));
    audit::record(tx, meta, event).await?;
    Ok(())
}

/// Mappings with the names of what they map (one query for the units, one for the
/// conditions, whatever their number).
async fn labelled(tx: &TenantTx, rows: Vec<MappingRecord>) -> ApiResult<Vec<MappingView>> {
    let unit_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.unit_id).collect();
    let names: HashMap<Uuid, String> = units::find_many(tx, &unit_ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let codes: HashMap<Uuid, String> = conditions::all(tx)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let label = match r.kind.as_str() {
                "org_unit" => r
                    .unit_id
                    .and_then(|u| names.get(&u).cloned())
                    .unwrap_or_default(),
                "data_element" => format!(
                    "{} {}",
                    r.condition_id
                        .and_then(|c| codes.get(&c).cloned())
                        .unwrap_or_default(),
                    r.measure.clone().unwrap_or_default()
                ),
                _ => r.local_key.replace('|', " "),
            };
            MappingView { mapping: r, label }
        })
        .collect())
}

impl Surveillance<'_> {
    fn check_configures(&self) -> ApiResult<()> {
        if !configures(self.principal) {
            return Err(ApiError::Forbidden(
                "DHIS2 is set up and exported by state administrators and the state surveillance cell"
                    .into(),
            ));
        }
        Ok(())
    }

    pub async fn dhis2_mappings(&self) -> ApiResult<Vec<MappingView>> {
        self.check_configures()?;
        let tx = self.tx(Access::Read).await?;
        let rows = repo::all(&tx).await?;
        labelled(&tx, rows).await
    }

    /// Map a thing to a DHIS2 identifier, change its identifier (at the version read),
    /// or clear it (`dhis2_id` none). Another thing of the kind holding the identifier
    /// already is refused: DHIS2 would add the two together.
    pub async fn set_dhis2_mapping(
        &self,
        target: MappingTarget,
        dhis2_id: Option<Dhis2Uid>,
        expected_version: Option<i32>,
    ) -> ApiResult<Option<MappingView>> {
        self.check_configures()?;
        let mut tx = self.tx(Access::Write).await?;
        let (unit_id, condition_id, measure, age_group, sex) = match &target {
            MappingTarget::OrgUnit(u) => {
                units::find(&tx, *u)
                    .await?
                    .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "unit" }))?;
                (Some(u.0), None, None, None, None)
            }
            MappingTarget::DataElement(c, m) => {
                conditions::find(&tx, *c).await?.ok_or_else(|| {
                    ApiError::from(DomainError::NotFound {
                        entity: "condition",
                    })
                })?;
                (None, Some(*c), Some(m.as_str().to_owned()), None, None)
            }
            MappingTarget::Category { age_group, sex } => {
                if !AGE_GROUPS.contains(&age_group.as_str()) {
                    return Err(ApiError::validation("ageGroup", AGE_GROUPS.join(", ")));
                }
                let sex = CaseSex::parse(sex)?;
                (
                    None,
                    None,
                    None,
                    Some(age_group.clone()),
                    Some(sex.as_str().to_owned()),
                )
            }
        };
        let (kind, key) = (target.kind(), target.local_key());
        let existing = repo::find_by_key(&tx, kind, &key).await?;
        let by = Actor::from(self.principal).id();
        if let Some(uid) = &dhis2_id {
            if let Some(holder) = repo::holder_of(&tx, kind, uid.as_str()).await? {
                if holder.local_key != key {
                    return Err(ApiError::validation(
                        "dhis2Id",
                        format!("{uid} is already mapped to something else; DHIS2 would add the two together"),
                    ));
                }
            }
        }
        let stale = || {
            ApiError::Conflict(
                "the mapping was changed by someone else meanwhile; reload it".into(),
            )
        };
        let saved = match (&existing, &dhis2_id) {
            (Some(e), Some(uid)) if e.dhis2_id == uid.as_str() => {
                return Ok(labelled(&tx, vec![e.clone()]).await?.pop())
            }
            (None, None) => return Ok(None),
            (Some(e), _) if expected_version != Some(e.version) => return Err(stale()),
            (None, Some(uid)) => Some(
                repo::insert(
                    &tx,
                    MappingRecord {
                        tenant_id: tx.tenant().0,
                        id: Uuid::now_v7(),
                        kind: kind.into(),
                        local_key: key.clone(),
                        unit_id,
                        condition_id,
                        measure,
                        age_group,
                        sex,
                        dhis2_id: uid.to_string(),
                        version: 1,
                        updated_at: Utc::now(),
                        updated_by: by,
                    },
                )
                .await?,
            ),
            (Some(e), Some(uid)) => {
                if !repo::change(&tx, e.id, e.version, uid.as_str(), by).await? {
                    return Err(stale());
                }
                repo::find_by_key(&tx, kind, &key).await?
            }
            (Some(e), None) => {
                if !repo::remove(&tx, e.id, e.version).await? {
                    return Err(stale());
                }
                None
            }
        };
        self.audit(
            &mut tx,
            AuditAction::SurveillanceSetup,
            "dhis2_mapping",
            saved.as_ref().or(existing.as_ref()).map(|m| m.id),
            serde_json::json!({
                "kind": kind,
                "key": key,
                "before": existing.as_ref().map(|e| e.dhis2_id.clone()),
                "after": dhis2_id.as_ref().map(|u| u.to_string()),
            }),
        )
        .await?;
        let view = match saved {
            Some(m) => labelled(&tx, vec![m]).await?.pop(),
            None => None,
        };
        tx.commit().await?;
        Ok(view)
    }

    /// The week's payload, for state administrators and the state surveillance cell
    /// (DHIS2 takes exact counts, so small ones are not hidden); audited.
    pub async fn dhis2_export(&self, week: EpiWeek) -> ApiResult<ExportView> {
        self.check_configures()?;
        let mut tx = self.tx(Access::Write).await?;
        let view = export_week(&tx, week).await?;
        audit_export(&mut tx, &self.meta, Actor::from(self.principal), &view).await?;
        tx.commit().await?;
        Ok(view)
    }
}

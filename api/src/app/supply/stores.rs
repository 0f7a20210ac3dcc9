//! Setting up stores: where each sits in the hierarchy and its planning thresholds.

use super::{not_found, store_ref, Supply};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::supply::access as rules;
use arogya_domain::supply::store::{store_name, StoreLevel, StoreSettings};
use arogya_infra::db::Access;
use arogya_infra::repos::supply::stores::{self as repo, NewStore, StoreRecord};
use arogya_infra::repos::{facilities, units};
use serde_json::json;
use uuid::Uuid;

pub struct StoreInput {
    pub name: String,
    pub level: StoreLevel,
    pub parent_id: Option<Uuid>,
    /// The unit a state or district store serves.
    pub unit_id: Option<Uuid>,
    /// The facility a pharmacy or ward store belongs to.
    pub facility_id: Option<Uuid>,
    pub settings: Option<StoreSettings>,
}

impl Supply<'_> {
    pub async fn create_store(&self, i: StoreInput) -> ApiResult<StoreRecord> {
        self.require_configurer()?;
        let name = store_name(&i.name)?;
        let settings = i.settings.unwrap_or_default().validate()?;
        let mut tx = self.tx(Access::Write).await?;
        let (unit_id, unit_path, facility_id) = if i.level.belongs_to_facility() {
            let f = i.facility_id.ok_or_else(|| {
                ApiError::validation(
                    "facilityId",
                    "a pharmacy or ward store belongs to a facility",
                )
            })?;
            let f = facilities::find(&tx, FacilityId(f))
                .await?
                .ok_or_else(|| not_found("facility"))?;
            (f.unit_id, f.unit_path, Some(f.id))
        } else {
            if i.facility_id.is_some() {
                return Err(ApiError::validation(
                    "facilityId",
                    "a state or district store serves a unit, not a facility",
                ));
            }
            let u = i
                .unit_id
                .ok_or_else(|| ApiError::validation("unitId", "name the unit the store serves"))?;
            let u = units::find(&tx, UnitId(u))
                .await?
                .ok_or_else(|| not_found("unit"))?;
            (u.id, u.path, None)
        };
        match (i.parent_id, i.level) {
            (None, StoreLevel::State) => {}
            (None, _) => {
                return Err(ApiError::validation(
                    "parentId",
                    "every store but the state warehouse indents from a store above it",
                ))
            }
            (Some(p), level) => {
                let parent = repo::find(&tx, p)
                    .await?
                    .ok_or_else(|| not_found("store"))?;
                let parent_ref = store_ref(&parent);
                if !level.may_indent_from(parent_ref.level) {
                    return Err(ApiError::validation(
                        "parentId",
                        format!(
                            "a {} store indents from a store higher up, not a {} store",
                            level.as_str(),
                            parent.level
                        ),
                    ));
                }
                // The store above serves a unit that contains this one's.
                if !arogya_domain::unit::UnitPath::from_stored(unit_path.clone())
                    .contains(parent_ref.unit)
                {
                    return Err(ApiError::validation(
                        "parentId",
                        "the store above must serve the area this store is in",
                    ));
                }
            }
        }
        let saved = repo::insert(
            &tx,
            NewStore {
                name,
                level: i.level,
                parent_id: i.parent_id,
                unit_id,
                unit_path,
                facility_id,
                settings,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::SupplySetup,
            "supply_store",
            saved.id,
            json!({ "name": saved.name, "level": saved.level, "parentId": saved.parent_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Change a store's thresholds: its own staff, or whoever sets up stores.
    pub async fn set_store_settings(
        &self,
        id: Uuid,
        expected_version: i32,
        settings: StoreSettings,
    ) -> ApiResult<StoreRecord> {
        let settings = settings.validate()?;
        let mut tx = self.tx(Access::Write).await?;
        let s = self.seen_store(&tx, id).await?;
        if !rules::configures(self.principal) && !rules::works(self.principal, &store_ref(&s)) {
            return Err(ApiError::Forbidden(
                "a store's thresholds are set by its staff or the state".into(),
            ));
        }
        repo::set_settings(&tx, id, expected_version, settings).await?;
        self.audit(
            &mut tx,
            AuditAction::SupplySetup,
            "supply_store",
            id,
            json!({ "settings": { "lookbackDays": settings.lookback_days, "minMonths": settings.min_months, "maxMonths": settings.max_months } }),
        )
        .await?;
        let saved = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("store"))?;
        tx.commit().await?;
        Ok(saved)
    }

    /// The stores the caller sees, and whether they work each.
    pub async fn stores(&self) -> ApiResult<Vec<(StoreRecord, bool)>> {
        let tx = self.tx(Access::Read).await?;
        Ok(repo::all(&tx)
            .await?
            .into_iter()
            .filter_map(|s| {
                let r = store_ref(&s);
                rules::sees(self.principal, &r).then(|| {
                    let works = rules::works(self.principal, &r);
                    (s, works)
                })
            })
            .collect())
    }
}

//! Oxygen management's use cases: the tenant's oxygen rules and cylinder types, each
//! facility's sources, the daily register (readings, corrections as new versions),
//! and what the readings come to: stock, consumption, burn rate, time to empty and
//! need, for one facility and for everything in the caller's reach.
//!
//! Every mutation is audited in its own transaction.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::oxygen::access::{self as rules, Reach};
use arogya_domain::oxygen::balance::FlowNorms;
use arogya_domain::oxygen::units::{Converter, DEFAULT_LIQUID_FACTOR};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::oxygen::settings as settings_repo;
use arogya_infra::TenantTx;
use uuid::Uuid;

pub mod alerts;
pub mod cache;
pub mod daily;
pub mod daily_cache;
pub mod deliveries;
pub mod equipment;
pub mod register;
pub mod settings;
pub mod sources;
pub mod status;

pub struct Oxygen<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

/// A tenant's oxygen rules, with the defaults where it has set none.
#[derive(Debug, Clone)]
pub struct Rules {
    pub converter: Converter,
    pub norms: FlowNorms,
    /// Time to empty under this many hours is a warning…
    pub warning_hours: i32,
    /// …and under this many, critical.
    pub critical_hours: i32,
    /// Each day's reading is due by this hour (IST).
    pub deadline_hour: i16,
    /// Unacknowledged critical alerts go to the state after this many hours.
    pub escalate_after_hours: i32,
    /// Districts that set their own (warning, critical) hours.
    pub district_thresholds: std::collections::BTreeMap<Uuid, (i32, i32)>,
    pub version: i32,
}

impl Rules {
    /// The (warning, critical) time-to-empty hours for a facility in `district`.
    pub fn thresholds_for(&self, district: Option<Uuid>) -> (i32, i32) {
        district
            .and_then(|d| self.district_thresholds.get(&d).copied())
            .unwrap_or((self.warning_hours, self.critical_hours))
    }
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            converter: Converter::default(),
            norms: FlowNorms::default(),
            warning_hours: 24,
            critical_hours: 8,
            deadline_hour: 12,
            escalate_after_hours: 2,
            district_thresholds: Default::default(),
            version: 0,
        }
    }
}

pub async fn rules_of(tx: &TenantTx) -> ApiResult<Rules> {
    let Some(s) = settings_repo::get(tx).await? else {
        return Ok(Rules::default());
    };
    let converter =
        Converter::new(&s.liquid_factor).or_else(|_| Converter::new(DEFAULT_LIQUID_FACTOR))?;
    let norms = serde_json::from_value(s.norms.clone()).unwrap_or_else(|e| {
        tracing::error!(error = %e, "stored oxygen flow norms are unreadable; using the defaults");
        FlowNorms::default()
    });
    Ok(Rules {
        converter,
        norms,
        warning_hours: s.warning_hours,
        critical_hours: s.critical_hours,
        deadline_hour: s.deadline_hour,
        escalate_after_hours: s.escalate_after_hours,
        district_thresholds: s
            .district_thresholds
            .clone()
            .and_then(|j| serde_json::from_value(j).ok())
            .unwrap_or_default(),
        version: s.version,
    })
}

fn not_found(entity: &'static str) -> ApiError {
    DomainError::NotFound { entity }.into()
}

impl Oxygen<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("platform administrators do not manage oxygen".into())
        })
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }

    async fn facility(&self, tx: &TenantTx, id: Uuid) -> ApiResult<FacilityRecord> {
        facilities::find(tx, FacilityId(id))
            .await?
            .ok_or_else(|| not_found("facility"))
    }

    /// After a committed change to readings, sources, deliveries or rules: the
    /// tenant's statuses are worked out afresh.
    fn changed(&self) {
        if let Some(t) = self.principal.tenant() {
            self.state.oxygen_status.forget(t);
            self.state.oxygen_daily.forget(t);
        }
    }

    fn reach(&self) -> Reach {
        Reach::of(self.principal)
    }

    /// A facility whose oxygen the caller sees.
    async fn watched_facility(&self, tx: &TenantTx, id: Uuid) -> ApiResult<FacilityRecord> {
        let f = self.facility(tx, id).await?;
        if self.reach().sees(
            FacilityId(f.id),
            &UnitPath::from_stored(f.unit_path.clone()),
        ) {
            Ok(f)
        } else {
            Err(ApiError::Forbidden(
                "this facility's oxygen is not in your reach".into(),
            ))
        }
    }

    /// A facility whose readings and sources the caller enters.
    async fn entered_facility(&self, tx: &TenantTx, id: Uuid) -> ApiResult<FacilityRecord> {
        let f = self.facility(tx, id).await?;
        if rules::enters(
            self.principal,
            FacilityId(f.id),
            &UnitPath::from_stored(f.unit_path.clone()),
        ) {
            Ok(f)
        } else {
            Err(ApiError::Forbidden(
                "only the facility's oxygen officer or administrator (or the state or district administration) enters its oxygen".into(),
            ))
        }
    }

    fn require_configurer(&self) -> ApiResult<()> {
        if rules::configures(self.principal) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "only state administrators and the state's oxygen cell set the oxygen rules".into(),
            ))
        }
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Uuid,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(Actor::from(self.principal), action, entity, Some(id))
            .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}

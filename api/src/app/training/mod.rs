//! Training's use cases: sessions scheduled at a facility, professionals nominated to
//! them, and the attendance register kept day by day (on a phone, often offline: marks
//! carry the version they change, so a mark made meanwhile elsewhere is never replaced
//! silently).

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::training::access::TrainingReach;
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::professionals;
use arogya_infra::repos::training::sessions::{self, SessionRecord};
use arogya_infra::TenantTx;
use uuid::Uuid;

pub mod nominees;
pub mod register;
pub mod schedule;
pub mod status;

pub use register::{Cell, Register, RegisterRow};
pub use schedule::{NewSession, SessionSummary};

pub struct Training<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

/// What the caller may do with one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rights {
    /// Administers it: nominates, cancels, closes, keeps the register.
    pub manages: bool,
    /// Trains it: keeps the register and closes it.
    pub trains: bool,
}

impl Rights {
    pub fn keeps_register(&self) -> bool {
        self.manages || self.trains
    }
}

impl Training<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("trainings are kept per tenant: sign in to one".into())
        })
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }

    fn reach(&self) -> TrainingReach {
        TrainingReach::of(self.principal)
    }

    fn user(&self) -> Uuid {
        Actor::from(self.principal).id().unwrap_or_default()
    }

    /// The caller's own entry in the professional registry, if linked (a trainer).
    async fn own_professional(&self, tx: &TenantTx) -> ApiResult<Option<Uuid>> {
        Ok(professionals::find_by_user(tx, self.user())
            .await?
            .map(|p| p.id))
    }

    /// The session, the caller's rights over it and their own registry entry. A session the caller neither runs
    /// nor trains is not found: its existence is not disclosed.
    async fn session_with_rights(
        &self,
        tx: &TenantTx,
        id: Uuid,
    ) -> ApiResult<(SessionRecord, Rights, Option<Uuid>)> {
        let not_found = || ApiError::from(DomainError::NotFound { entity: "training" });
        let s = sessions::find(tx, id).await?.ok_or_else(not_found)?;
        let me = self.own_professional(tx).await?;
        let rights = self.rights(&s, me);
        if !rights.keeps_register() {
            return Err(not_found());
        }
        Ok((s, rights, me))
    }

    /// The caller's rights over a session, `me` being their own registry entry.
    fn rights(&self, s: &SessionRecord, me: Option<Uuid>) -> Rights {
        Rights {
            manages: self.reach().runs(
                FacilityId(s.facility_id),
                &UnitPath::from_stored(s.unit_path.clone()),
            ),
            trains: me.is_some() && s.trainer_id == me,
        }
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        id: Uuid,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(
            Actor::from(self.principal),
            action,
            "training_session",
            Some(id),
        )
        .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}

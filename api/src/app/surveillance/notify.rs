//! Telling surveillance officers: an e-mail through the outbox (in the transaction of the
//! change, so it leaves exactly when the change is kept) to the officers of the place
//! (the district surveillance officer) and the state surveillance cell, and a live event
//! for the screens open on it.

use crate::error::ApiResult;
use arogya_domain::role::{Role, RoleScope};
use arogya_domain::unit::UnitPath;
use arogya_infra::queue_bus::{SurveillanceBus, SurveillanceEvent};
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::{roles, users};
use arogya_infra::TenantTx;
use chrono::Utc;
use uuid::Uuid;

/// The e-mail addresses of the active surveillance officers whose scope holds `path`,
/// the state cell (scoped to the whole tenant) included.
async fn officers(tx: &TenantTx, path: &UnitPath) -> ApiResult<Vec<String>> {
    let mut ids: Vec<Uuid> = roles::holders(tx, &[Role::SurveillanceOfficer])
        .await?
        .into_iter()
        .filter(|(_, g)| match g.scope {
            RoleScope::Tenant => true,
            RoleScope::Unit(u) => path.contains(u),
            RoleScope::Facility(_) => false,
        })
        .map(|(u, _)| u)
        .collect();
    ids.sort();
    ids.dedup();
    Ok(users::find_many(tx, &ids)
        .await?
        .into_iter()
        .filter(|u| u.status == "active")
        .filter_map(|u| u.email)
        .collect())
}

/// E-mail the officers of the place.
pub async fn email_officers(
    tx: &TenantTx,
    unit_path: &str,
    subject: &str,
    body: &str,
) -> ApiResult<()> {
    let path = UnitPath::from_stored(unit_path.to_owned());
    for to in officers(tx, &path).await? {
        outbox::enqueue(tx, Channel::Email, &to, subject, body).await?;
    }
    Ok(())
}

/// A change for the live screens, announced in `tx` (PostgreSQL delivers it at commit);
/// pass the event to `SurveillanceBus::committed` once committed (SQLite).
pub async fn announce(
    tx: &TenantTx,
    bus: &SurveillanceBus,
    unit_path: &str,
    kind: &str,
    id: Uuid,
    action: &str,
) -> ApiResult<SurveillanceEvent> {
    let e = SurveillanceEvent {
        tenant: tx.tenant().0,
        unit_path: unit_path.to_owned(),
        kind: kind.to_owned(),
        id,
        action: action.to_owned(),
        at: Utc::now(),
    };
    bus.announce(tx, &e).await?;
    Ok(e)
}

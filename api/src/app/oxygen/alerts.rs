//! Oxygen alerts: the rules run for a facility when its reading is entered and for
//! every facility by the maintenance task (or `arogya oxygen alerts`, which may give
//! the time to run them as of). A new alert goes to the district's oxygen committee
//! by e-mail through the notification outbox and live to the dashboards; a critical
//! one nobody acknowledges in time goes up to the state's oxygen cell.

use super::status::{statuses, FacilityOxygen};
use super::{rules_of, Oxygen, Rules};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::appointment::{ist, ist_date};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::oxygen::alerts::{self as rules, AlertLevel, Facts, Thresholds};
use arogya_domain::role::{Role, RoleScope};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::OxygenEvent;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::facilities;
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::oxygen::alerts::{self as repo, AlertRecord, NewAlert};
use arogya_infra::repos::{roles, users};
use arogya_infra::TenantTx;
use chrono::{DateTime, Timelike, Utc};
use uuid::Uuid;

/// What one run of the rules did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub raised: usize,
    pub escalated: usize,
}

fn facts(s: &FacilityOxygen, now: DateTime<Utc>) -> Facts {
    Facts {
        time_to_empty_hours: s.time_to_empty_hours,
        reported_today: s.reported_today,
        hour_now: now.with_timezone(&ist()).hour(),
        burn_nm3_per_hour: s.burn_24h.map(|b| b.nm3_per_hour),
        need_nm3_per_hour: s.need_of_patients,
        plant_fault: s.last.as_ref().is_some_and(|l| l.plant_fault),
    }
}

/// The tenant's thresholds, or the district's own.
fn thresholds(r: &Rules, district: Option<Uuid>) -> Thresholds {
    let (warning_hours, critical_hours) = r.thresholds_for(district);
    Thresholds {
        warning_hours,
        critical_hours,
        deadline_hour: r.deadline_hour,
    }
}

/// E-mail addresses of the committee members who watch a facility at `path`: the
/// district's committee, or (`state`) the state's oxygen cell and administrators.
async fn recipients(tx: &TenantTx, path: &UnitPath, state: bool) -> ApiResult<Vec<String>> {
    let holders = roles::holders(tx, &[Role::OxygenCommittee, Role::StateAdmin]).await?;
    let mut ids: Vec<Uuid> = holders
        .into_iter()
        .filter(|(_, g)| match (g.role, g.scope, state) {
            (Role::OxygenCommittee, RoleScope::Unit(u), false) => path.contains(u),
            (Role::OxygenCommittee | Role::StateAdmin, RoleScope::Tenant, true) => true,
            _ => false,
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

async fn notify(
    tx: &TenantTx,
    to: &[String],
    facility: &str,
    a: &AlertRecord,
    escalated: bool,
) -> ApiResult<()> {
    let subject = if escalated {
        format!("Oxygen alert not acknowledged: {facility}")
    } else {
        format!("Oxygen alert ({}): {facility}", a.level)
    };
    let body = format!(
        "{facility}: {}. Raised {} IST. Acknowledge it with the action taken in Arogya (Oxygen, Alerts).",
        a.message,
        a.raised_at.with_timezone(&ist()).format("%d %b %Y %H:%M")
    );
    for email in to {
        outbox::enqueue(tx, Channel::Email, email, &subject, &body).await?;
    }
    Ok(())
}

fn event(tenant: TenantId, a: &AlertRecord, action: &str, at: DateTime<Utc>) -> OxygenEvent {
    OxygenEvent {
        tenant: tenant.0,
        facility: a.facility_id,
        alert: a.id,
        kind: a.kind.clone(),
        level: a.level.clone(),
        action: action.to_owned(),
        at,
    }
}

/// Run the rules for a tenant as of `now`, for every reporting facility or `only` one.
pub async fn evaluate(
    state: &AppState,
    tenant: TenantId,
    now: DateTime<Utc>,
    only: Option<Uuid>,
) -> ApiResult<Round> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let r = rules_of(&tx).await?;
    let list = statuses(&tx, &r, now, only, |_| true).await?;
    let mut round = Round::default();
    let mut events = Vec::new();
    let meta = RequestMeta {
        request_id: Some("oxygen-alerts".into()),
        client_addr: None,
    };
    for s in &list {
        let path = UnitPath::from_stored(s.facility.unit_path.clone());
        for raised in rules::raise(&facts(s, now), &thresholds(&r, s.facility.district_id)) {
            let new = NewAlert {
                facility_id: s.facility.id,
                district_id: s.facility.district_id,
                kind: raised.kind.as_str(),
                level: raised.level.as_str(),
                day: ist_date(now),
                message: raised.message,
                detail: serde_json::json!({ "timeToEmptyHours": s.time_to_empty_hours, "usableNm3": s.usable_now, "burnNm3PerHour": s.burn_24h.map(|b| b.nm3_per_hour), "needNm3PerHour": s.need_of_patients }),
                raised_at: now,
            };
            let Some(a) = repo::raise(&tx, new).await? else {
                continue;
            };
            round.raised += 1;
            let to = recipients(&tx, &path, false).await?;
            notify(&tx, &to, &s.facility.name, &a, false).await?;
            let e = NewAuditEvent::new(Actor::System, AuditAction::OxygenAlert, "oxygen_alert", Some(a.id))
                .with_detail(serde_json::json!({ "facilityId": a.facility_id, "kind": a.kind, "level": a.level, "message": a.message, "notified": to.len() }));
            audit::record(&mut tx, &meta, e).await?;
            let ev = event(tenant, &a, "raised", now);
            state.oxygen.announce(&tx, &ev).await?;
            events.push(ev);
        }
    }
    if only.is_none() {
        for a in repo::unanswered_critical(&tx).await? {
            let due = rules::escalates(
                AlertLevel::Critical,
                a.raised_at,
                false,
                false,
                now,
                r.escalate_after_hours,
            );
            if !due || !repo::mark_escalated(&tx, a.id, now).await? {
                continue;
            }
            round.escalated += 1;
            let Some(f) = facilities::find(&tx, FacilityId(a.facility_id)).await? else {
                continue;
            };
            let to = recipients(&tx, &UnitPath::from_stored(f.unit_path.clone()), true).await?;
            notify(&tx, &to, &f.name, &a, true).await?;
            let e = NewAuditEvent::new(Actor::System, AuditAction::OxygenAlert, "oxygen_alert", Some(a.id))
                .with_detail(serde_json::json!({ "escalated": true, "facilityId": a.facility_id, "notified": to.len() }));
            audit::record(&mut tx, &meta, e).await?;
            let ev = event(tenant, &a, "escalated", now);
            state.oxygen.announce(&tx, &ev).await?;
            events.push(ev);
        }
    }
    tx.commit().await?;
    if !events.is_empty() {
        state.outbox_wake.notify_one();
    }
    for e in events {
        state.oxygen.committed(e);
    }
    Ok(round)
}

/// An alert with where its facility is, for the queue.
pub struct AlertView {
    pub alert: AlertRecord,
    pub facility_name: String,
    pub acknowledged_by: Option<String>,
}

impl Oxygen<'_> {
    /// Alerts of the facilities in reach, the latest first (only those waiting for an
    /// acknowledgement with `open`).
    pub async fn alerts(&self, open: bool, limit: u64) -> ApiResult<Vec<AlertView>> {
        let reach = self.reach();
        if reach.is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
        }
        let tx = self.tx(Access::Read).await?;
        // Narrowed to the facilities in reach before the limit, so a district's alerts are
        // never crowded out by other districts'.
        let in_reach: Option<Vec<Uuid>> = if reach.whole {
            None
        } else {
            Some(
                arogya_infra::repos::oxygen::sources::reporting_facilities(&tx, None)
                    .await?
                    .into_iter()
                    .filter(|(id, path, _)| {
                        reach.sees(FacilityId(*id), &UnitPath::from_stored(path.clone()))
                    })
                    .map(|(id, _, _)| id)
                    .collect(),
            )
        };
        let list = repo::list(&tx, in_reach.as_deref(), open, limit.clamp(1, 500)).await?;
        let mut ids: Vec<Uuid> = list.iter().map(|a| a.facility_id).collect();
        ids.sort();
        ids.dedup();
        let places = facilities::find_many(&tx, &ids).await?;
        let mut people: Vec<Uuid> = list.iter().filter_map(|a| a.acknowledged_by).collect();
        people.sort();
        people.dedup();
        let names = users::find_many(&tx, &people).await?;
        tx.commit().await?;
        Ok(list
            .into_iter()
            .filter_map(|a| {
                let f = places.iter().find(|f| f.id == a.facility_id)?;
                if !reach.sees(
                    FacilityId(f.id),
                    &UnitPath::from_stored(f.unit_path.clone()),
                ) {
                    return None;
                }
                let by = a
                    .acknowledged_by
                    .and_then(|u| names.iter().find(|n| n.id == u))
                    .map(|n| n.display_name.clone());
                Some(AlertView {
                    facility_name: f.name.clone(),
                    acknowledged_by: by,
                    alert: a,
                })
            })
            .collect())
    }

    /// Acknowledge an alert with the action taken (5 to 500 characters).
    pub async fn acknowledge_alert(&self, id: Uuid, action: String) -> ApiResult<AlertView> {
        let now = Utc::now();
        let mut tx = self.tx(Access::Write).await?;
        let a = repo::find(&tx, id).await?.ok_or(DomainError::NotFound {
            entity: "oxygen alert",
        })?;
        let f = self.watched_facility(&tx, a.facility_id).await?;
        if !repo::acknowledge(&tx, id, self.principal.user_id().0, &action, now).await? {
            return Err(ApiError::Conflict(
                "someone has already acknowledged this alert".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::OxygenAlert,
            "oxygen_alert",
            id,
            serde_json::json!({ "acknowledged": true, "facilityId": a.facility_id, "actionTaken": action }),
        )
        .await?;
        let ev = event(self.tenant()?, &a, "acknowledged", now);
        self.state.oxygen.announce(&tx, &ev).await?;
        let after = repo::find(&tx, id).await?.ok_or(DomainError::NotFound {
            entity: "oxygen alert",
        })?;
        let me = users::find(&tx, self.principal.user_id()).await?;
        tx.commit().await?;
        self.state.oxygen.committed(ev);
        Ok(AlertView {
            alert: after,
            facility_name: f.name,
            acknowledged_by: me.map(|u| u.display_name),
        })
    }
}

//! Emergency dispatch from a tier-2 ticket: where help is needed, the nearest
//! facilities that receive emergencies (from the registry, by distance), where the
//! patient is taken, and how it stands: dispatched → arrived → closed. Each step is
//! in the ticket's timeline and the audit trail.

use super::*;
use arogya_domain::dispatch::{
    bounding_box, emergency_types, nearest, DispatchLocation, DispatchStatus, SEARCH_RADII_KM,
    SUGGESTIONS,
};
use arogya_domain::facility::GeoPoint;
use arogya_domain::ids::FacilityId;
use arogya_infra::repos::dispatches::{self, DispatchRecord, NewDispatch};
use arogya_infra::repos::facilities::{self, FacilityRecord};

pub struct DispatchInput {
    pub ticket: Uuid,
    pub expected_version: i32,
    pub location: DispatchLocation,
    /// Where the patient is taken; `None`: the nearest suggestion.
    pub facility: Option<Uuid>,
    pub note: Option<String>,
}

/// Boxes beyond this many candidates are ranked on a sample: they only arise for
/// the widest radius, and the nearest lie in the smaller boxes searched first.
const MAX_CANDIDATES: u64 = 5000;

/// The nearest operating facilities that receive emergencies, nearest first.
pub async fn nearest_facilities(
    tx: &TenantTx,
    at: GeoPoint,
) -> ApiResult<Vec<(FacilityRecord, f64)>> {
    let types = emergency_types();
    let mut found = Vec::new();
    for radius in SEARCH_RADII_KM {
        found = facilities::in_box(tx, &bounding_box(at, radius), &types, MAX_CANDIDATES).await?;
        if found.len() >= SUGGESTIONS {
            break;
        }
    }
    let located: Vec<(FacilityRecord, GeoPoint)> = found
        .into_iter()
        .filter_map(|f| {
            let p = GeoPoint {
                latitude: f.latitude?,
                longitude: f.longitude?,
            };
            Some((f, p))
        })
        .collect();
    Ok(nearest(at, located, SUGGESTIONS))
}

fn suggestions_json(ranked: &[(FacilityRecord, f64)]) -> serde_json::Value {
    serde_json::Value::Array(
        ranked
            .iter()
            .map(|(f, km)| {
                serde_json::json!({
                    "facilityId": f.id,
                    "name": f.name,
                    "type": f.facility_type,
                    "phone": f.phone,
                    "distanceKm": (km * 10.0).round() / 10.0,
                    "bedsIcu": f.beds_icu,
                })
            })
            .collect(),
    )
}

fn dispatch_not_found() -> ApiError {
    DomainError::NotFound { entity: "dispatch" }.into()
}

impl Helpline<'_> {
    /// Send help for a ticket a tier-2 doctor is working.
    pub async fn dispatch(&self, input: DispatchInput) -> ApiResult<DispatchRecord> {
        let agent = self.agent()?;
        agent.require_tier(2)?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let (ticket, state) = self
            .worked_at_tier_two(
                &tx,
                input.ticket,
                input.expected_version,
                "help is dispatched while a tier-2 doctor works the ticket",
            )
            .await?;
        let ranked = nearest_facilities(&tx, input.location.point).await?;
        let facility = match input.facility {
            Some(f) => {
                facilities::find(&tx, FacilityId(f))
                    .await?
                    .ok_or_else(|| ApiError::validation("facilityId", "no such facility"))?;
                Some(f)
            }
            None => ranked.first().map(|(f, _)| f.id),
        };
        let d = dispatches::insert(
            &tx,
            NewDispatch {
                ticket: ticket.id,
                location: &input.location,
                suggestions: suggestions_json(&ranked),
                facility,
                created_by: agent.user.0,
            },
        )
        .await?;
        let note = match input.note {
            Some(n) => format!("dispatch {}: {n}", d.id),
            None => format!("dispatch {}", d.id),
        };
        self.record(
            &mut tx,
            &ticket,
            "dispatch",
            AuditAction::DispatchCreate,
            Some(state.status),
            Some(note),
        )
        .await?;
        self.commit(tx).await?;
        Ok(d)
    }

    /// Help arrived, or the dispatch is closed (helpline doctors).
    pub async fn set_dispatch_status(
        &self,
        id: Uuid,
        expected_version: i32,
        to: DispatchStatus,
        note: Option<String>,
    ) -> ApiResult<DispatchRecord> {
        let agent = self.agent()?;
        agent.require_tier(2)?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let d = dispatches::find(&tx, id)
            .await?
            .ok_or_else(dispatch_not_found)?;
        let from = DispatchStatus::parse(&d.status).map_err(|_| {
            ApiError::internal(&anyhow::anyhow!(
                "dispatch {} has status {}",
                d.id,
                d.status
            ))
        })?;
        from.transition(to)?;
        let saved = dispatches::set_status(&tx, &d, expected_version, to).await?;
        let ticket = repo::find(&tx, d.ticket_id)
            .await?
            .ok_or_else(ticket_not_found)?;
        let text = match note {
            Some(n) => format!("dispatch {} {}: {n}", d.id, to.as_str()),
            None => format!("dispatch {} {}", d.id, to.as_str()),
        };
        self.record(
            &mut tx,
            &ticket,
            &format!("dispatch_{}", to.as_str()),
            AuditAction::DispatchUpdate,
            Some(state_of(&ticket)?.status),
            Some(text),
        )
        .await?;
        self.commit(tx).await?;
        Ok(saved)
    }

    /// Dispatches in some statuses, newest first (agents and administrators).
    pub async fn dispatches(
        &self,
        statuses: &[DispatchStatus],
        limit: u64,
    ) -> ApiResult<Vec<DispatchRecord>> {
        let tenant = self.reader_tenant()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let rows = dispatches::with_status(&tx, statuses, limit).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Nearby facilities for a location, without dispatching (any agent).
    pub async fn suggest_facilities(&self, at: GeoPoint) -> ApiResult<Vec<(FacilityRecord, f64)>> {
        let agent = self.agent()?;
        let tx = self.state.db.tenant_tx(agent.tenant, Access::Read).await?;
        let ranked = nearest_facilities(&tx, at).await?;
        tx.commit().await?;
        Ok(ranked)
    }
}

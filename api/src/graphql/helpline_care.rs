//! Tier-2 care over GraphQL: a helpline doctor's teleconsultation (into the patient's
//! record when the patient is known) and emergency dispatch with the nearest
//! facilities from the registry.

use super::context::ContextExt;
use super::helpline::{helpline, optional_note, Ticket};
use super::types::parse_id;
use crate::app::helpline::{DispatchInput, TeleconsultationInput};
use crate::error::{ApiError, ApiResult};
use arogya_domain::dispatch::DispatchLocation;
use arogya_domain::facility::GeoPoint;
use arogya_domain::helpline::ticket_text;
use arogya_domain::ids::TenantId;
use arogya_domain::patient::health_id::HealthId;
use arogya_infra::repos::dispatches::DispatchRecord;
use arogya_infra::repos::facilities::FacilityRecord;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::dispatch::DispatchStatus")]
pub enum DispatchStatus {
    Dispatched,
    Arrived,
    Closed,
}

/// A facility that can receive the emergency, and how far it is.
#[derive(SimpleObject)]
pub struct SuggestedFacility {
    pub facility_id: ID,
    pub name: String,
    /// The registry's facility type, e.g. `district_hospital`.
    pub facility_type: String,
    pub phone: Option<String>,
    /// Straight-line distance.
    pub distance_km: f64,
    pub beds_icu: i32,
}

fn suggested(f: &FacilityRecord, km: f64) -> SuggestedFacility {
    SuggestedFacility {
        facility_id: ID(f.id.to_string()),
        name: f.name.clone(),
        facility_type: f.facility_type.clone(),
        phone: f.phone.clone(),
        distance_km: (km * 10.0).round() / 10.0,
        beds_icu: f.beds_icu,
    }
}

/// Where the patient is taken.
#[derive(SimpleObject)]
pub struct DispatchDestination {
    pub facility_id: ID,
    pub name: String,
    pub phone: Option<String>,
}

pub struct EmergencyDispatch(pub DispatchRecord);

fn internal(what: &str) -> ApiError {
    ApiError::internal(&anyhow::anyhow!("a stored dispatch has a bad {what}"))
}

#[Object]
impl EmergencyDispatch {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn ticket_id(&self) -> ID {
        ID(self.0.ticket_id.to_string())
    }
    /// Address or landmark.
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn latitude(&self) -> f64 {
        self.0.latitude
    }
    async fn longitude(&self) -> f64 {
        self.0.longitude
    }
    async fn status(&self) -> ApiResult<DispatchStatus> {
        arogya_domain::dispatch::DispatchStatus::parse(&self.0.status)
            .map(Into::into)
            .map_err(|_| internal("status"))
    }
    /// The statuses it may move to now.
    async fn allowed_statuses(&self) -> ApiResult<Vec<DispatchStatus>> {
        let s = arogya_domain::dispatch::DispatchStatus::parse(&self.0.status)
            .map_err(|_| internal("status"))?;
        Ok(s.allowed_next().iter().map(|s| (*s).into()).collect())
    }
    /// The nearest facilities that receive emergencies, as suggested when help was sent.
    async fn suggestions(&self) -> ApiResult<Vec<SuggestedFacility>> {
        let rows = self
            .0
            .suggestions
            .as_array()
            .ok_or_else(|| internal("suggestions"))?;
        rows.iter()
            .map(|r| {
                Some(SuggestedFacility {
                    facility_id: ID(r["facilityId"].as_str()?.to_owned()),
                    name: r["name"].as_str()?.to_owned(),
                    facility_type: r["type"].as_str()?.to_owned(),
                    phone: r["phone"].as_str().map(str::to_owned),
                    distance_km: r["distanceKm"].as_f64()?,
                    beds_icu: r["bedsIcu"].as_i64().unwrap_or(0) as i32,
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| internal("suggestion"))
    }
    async fn destination(&self, ctx: &Context<'_>) -> ApiResult<Option<DispatchDestination>> {
        let Some(id) = self.0.facility_id else {
            return Ok(None);
        };
        let f = ctx
            .loaders()?
            .facilities
            .load_one((TenantId(self.0.tenant_id), id))
            .await?;
        Ok(f.map(|f| DispatchDestination {
            facility_id: ID(f.id.to_string()),
            name: f.name,
            phone: f.phone,
        }))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn arrived_at(&self) -> Option<DateTime<Utc>> {
        self.0.arrived_at
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(InputObject)]
pub struct RecordTeleconsultationInput {
    pub ticket_id: ID,
    pub expected_version: i32,
    /// The caller's card number, when they were identified during the call.
    pub patient_health_id: Option<String>,
    /// Where it is recorded; default: your only posting.
    pub facility_id: Option<ID>,
    /// Reason for the encounter; default: the ticket's notes.
    pub reason: Option<String>,
    /// The consultation: history, advice, what the caller should do next.
    pub note: String,
}

#[derive(SimpleObject)]
pub struct TeleconsultationRecorded {
    pub ticket: Ticket,
    /// The teleconsultation encounter in the patient's record; null when the caller
    /// is not a known patient (the note is then in the ticket's timeline).
    pub encounter_id: Option<ID>,
}

#[derive(InputObject)]
pub struct DispatchEmergencyInput {
    pub ticket_id: ID,
    pub expected_version: i32,
    pub latitude: f64,
    pub longitude: f64,
    /// Address or landmark, as the caller gave it.
    pub description: String,
    /// Where the patient is taken; default: the nearest suggestion.
    pub facility_id: Option<ID>,
    pub note: Option<String>,
}

#[derive(Default)]
pub struct HelplineCareQuery;

#[Object]
impl HelplineCareQuery {
    /// Emergency dispatches, newest first; default: those not yet closed (helpline
    /// agents, state and district administrators).
    async fn emergency_dispatches(
        &self,
        ctx: &Context<'_>,
        statuses: Option<Vec<DispatchStatus>>,
        #[graphql(default = 50)] limit: i32,
    ) -> ApiResult<Vec<EmergencyDispatch>> {
        let statuses: Vec<arogya_domain::dispatch::DispatchStatus> = match statuses {
            Some(s) if !s.is_empty() => s.into_iter().map(Into::into).collect(),
            _ => vec![
                arogya_domain::dispatch::DispatchStatus::Dispatched,
                arogya_domain::dispatch::DispatchStatus::Arrived,
            ],
        };
        Ok(helpline(ctx)?
            .dispatches(&statuses, limit.clamp(1, 200) as u64)
            .await?
            .into_iter()
            .map(EmergencyDispatch)
            .collect())
    }

    /// The nearest operating facilities that receive emergencies (helpline agents).
    async fn nearest_emergency_facilities(
        &self,
        ctx: &Context<'_>,
        latitude: f64,
        longitude: f64,
    ) -> ApiResult<Vec<SuggestedFacility>> {
        let at = GeoPoint::new(Some(latitude), Some(longitude))?
            .ok_or_else(|| ApiError::validation("latitude", "give the location"))?;
        Ok(helpline(ctx)?
            .suggest_facilities(at)
            .await?
            .iter()
            .map(|(f, km)| suggested(f, *km))
            .collect())
    }
}

#[derive(Default)]
pub struct HelplineCareMutation;

#[Object]
impl HelplineCareMutation {
    /// Record the teleconsultation of a ticket you work at tier 2. With a known patient
    /// it becomes a finished teleconsultation encounter with your consultation note in
    /// their record: you must be a verified doctor of the registry, posted at the
    /// facility it is recorded at.
    async fn record_teleconsultation(
        &self,
        ctx: &Context<'_>,
        input: RecordTeleconsultationInput,
    ) -> ApiResult<TeleconsultationRecorded> {
        let input = TeleconsultationInput {
            ticket: parse_id("ticketId", &input.ticket_id)?,
            expected_version: input.expected_version,
            patient_health_id: input
                .patient_health_id
                .as_deref()
                .map(HealthId::parse)
                .transpose()?,
            facility: input
                .facility_id
                .as_ref()
                .map(|f| parse_id("facilityId", f))
                .transpose()?,
            reason: input
                .reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(|r| ticket_text(r, "reason", 1000))
                .transpose()?,
            note: ticket_text(&input.note, "note", 20_000)?,
        };
        let (ticket, encounter) = helpline(ctx)?.teleconsult(input).await?;
        Ok(TeleconsultationRecorded {
            ticket: Ticket(ticket),
            encounter_id: encounter.map(|e| ID(e.id.to_string())),
        })
    }

    /// Send help for an emergency on a ticket you work at tier 2. The nearest
    /// facilities that receive emergencies are suggested from the registry.
    async fn dispatch_emergency(
        &self,
        ctx: &Context<'_>,
        input: DispatchEmergencyInput,
    ) -> ApiResult<EmergencyDispatch> {
        let input = DispatchInput {
            ticket: parse_id("ticketId", &input.ticket_id)?,
            expected_version: input.expected_version,
            location: DispatchLocation::new(input.latitude, input.longitude, &input.description)?,
            facility: input
                .facility_id
                .as_ref()
                .map(|f| parse_id("facilityId", f))
                .transpose()?,
            note: optional_note(input.note)?,
        };
        Ok(EmergencyDispatch(helpline(ctx)?.dispatch(input).await?))
    }

    /// Help arrived, or the dispatch is closed.
    async fn update_dispatch_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        status: DispatchStatus,
        note: Option<String>,
    ) -> ApiResult<EmergencyDispatch> {
        let id = parse_id("id", &id)?;
        Ok(EmergencyDispatch(
            helpline(ctx)?
                .set_dispatch_status(id, expected_version, status.into(), optional_note(note)?)
                .await?,
        ))
    }
}

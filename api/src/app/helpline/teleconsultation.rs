//! A helpline doctor's teleconsultation note. When the caller is a known patient it is
//! recorded in their health record, through the records module, as a finished
//! teleconsultation encounter with a consultation note; otherwise it stays in the
//! ticket's timeline. Either way in one transaction with the ticket's change.

use super::*;
use crate::app::records::{self, Clinical, Teleconsultation};
use arogya_infra::repos::clinical::EntryRecord;

pub struct TeleconsultationInput {
    pub ticket: Uuid,
    pub expected_version: i32,
    /// The caller, identified during the call (if the ticket has no patient yet).
    pub patient_health_id: Option<HealthId>,
    pub facility: Option<Uuid>,
    pub reason: Option<String>,
    pub note: String,
}

impl Helpline<'_> {
    /// When the doctor joined the call: the last time the ticket was taken at tier 2.
    async fn consultation_start(
        &self,
        tx: &TenantTx,
        t: &TicketRecord,
    ) -> ApiResult<DateTime<Utc>> {
        let events = repo::events_of(tx, &[t.id]).await?;
        Ok(events
            .iter()
            .rev()
            .find(|e| e.tier == 2 && matches!(e.action.as_str(), "take" | "assign" | "reopen"))
            .map(|e| e.at)
            .unwrap_or(t.created_at))
    }

    /// Record the teleconsultation of a ticket a tier-2 doctor is working. Returns the
    /// ticket and, when the patient is known, the encounter.
    pub async fn teleconsult(
        &self,
        input: TeleconsultationInput,
    ) -> ApiResult<(TicketRecord, Option<EntryRecord>)> {
        let agent = self.agent()?;
        agent.require_tier(2)?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let (ticket, state) = self
            .worked_at_tier_two(
                &tx,
                input.ticket,
                input.expected_version,
                "a teleconsultation is recorded while a tier-2 doctor works the ticket",
            )
            .await?;
        if ticket.encounter_id.is_some() {
            return Err(ApiError::validation(
                "ticketId",
                "this ticket's teleconsultation is already in the patient's record; correct it there",
            ));
        }
        let identified = match &input.patient_health_id {
            Some(h) => {
                let found = patients::find_by_health_id(&tx, h).await?.ok_or_else(|| {
                    ApiError::validation("patientHealthId", "no patient has this health ID here")
                })?;
                let p = patients::resolve(&tx, found).await?;
                if ticket.patient_id.is_some_and(|known| known != p.id) {
                    return Err(ApiError::validation(
                        "patientHealthId",
                        "the ticket is already about another patient",
                    ));
                }
                Some(p.id)
            }
            None => None,
        };
        let Some(patient) = ticket.patient_id.or(identified) else {
            // No patient: the note stays with the call.
            self.record(
                &mut tx,
                &ticket,
                "teleconsultation",
                AuditAction::TicketTeleconsultation,
                Some(state.status),
                Some(input.note),
            )
            .await?;
            self.commit(tx).await?;
            return Ok((ticket, None));
        };
        let clinical = Clinical {
            state: self.state,
            staff: self.principal.teleconsultant()?,
            actor: self.actor(),
            meta: self.meta.clone(),
        };
        let start = self.consultation_start(&tx, &ticket).await?;
        let (encounter, _note) = records::record_teleconsultation(
            &clinical,
            &mut tx,
            Teleconsultation {
                patient,
                facility: input.facility,
                reason: input
                    .reason
                    .or_else(|| Some(ticket.notes.chars().take(1000).collect())),
                note: input.note,
                start,
            },
        )
        .await?;
        let change = TicketChange {
            patient: ticket.patient_id.is_none().then_some(patient),
            encounter: Some(encounter.id),
            ..TicketChange::to(state)
        };
        let saved = repo::update(&tx, &ticket, input.expected_version, change).await?;
        // The timeline names the encounter; the clinical note itself stays in the record,
        // out of sight of tier-1 operators.
        self.record(
            &mut tx,
            &saved,
            "teleconsultation",
            AuditAction::TicketTeleconsultation,
            Some(state.status),
            Some(format!("encounter {}", encounter.id)),
        )
        .await?;
        self.commit(tx).await?;
        Ok((saved, Some(encounter)))
    }
}

//! Referring an admitted patient to another facility of the tenant. The patient keeps
//! their bed until the receiving facility answers: accepting admits them there (to a
//! bed it chooses) and discharges them here as referred, in one transaction;
//! declining leaves the stay as it was.

use super::{not_found, stale, Inpatient};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::FacilityId;
use arogya_domain::inpatient::admission::{
    discharge, AdmissionFacts, AdmissionStatus, Attendant, DischargeOutcome,
};
use arogya_domain::inpatient::wards::Department;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::admissions::{self as repo, AdmissionRecord, NewAdmission};
use arogya_infra::repos::inpatient::referrals::{
    self as referrals, ReferralRecord, ACCEPTED, DECLINED,
};
use arogya_infra::repos::inpatient::wards;
use chrono::Utc;
use uuid::Uuid;

impl Inpatient<'_> {
    pub async fn refer(
        &self,
        admission: Uuid,
        expected_version: i32,
        to: Uuid,
        reason: &str,
    ) -> ApiResult<ReferralRecord> {
        let reason = arogya_domain::helpline::ticket_text(reason, "reason", 500)?;
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, admission).await?;
        self.require_ward_staff(&tx, a.facility_id, true).await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        if a.version != expected_version {
            return Err(stale("admission"));
        }
        let dest = arogya_infra::repos::facilities::find(&tx, FacilityId(to))
            .await?
            .ok_or_else(|| ApiError::validation("toFacilityId", "no such facility"))?;
        if dest.id == a.facility_id {
            return Err(ApiError::validation(
                "toFacilityId",
                "refer to another facility",
            ));
        }
        let r = referrals::insert(
            &tx,
            a.id,
            a.facility_id,
            dest.id,
            &reason,
            self.principal.user_id().0,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::Transfer,
            "referral",
            r.id,
            serde_json::json!({ "admission": a.id, "to": dest.id }),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// Referrals waiting at the facilities the caller works at or oversees, with the
    /// admission each is for.
    pub async fn pending_referrals(&self) -> ApiResult<Vec<(ReferralRecord, AdmissionRecord)>> {
        let tx = self.tx(Access::Read).await?;
        let sight = self.sight(&tx).await?;
        if sight.is_empty() {
            return Ok(Vec::new());
        }
        let seen = self.seen_facilities(&tx, &sight).await?;
        let list = referrals::pending_to(&tx, seen.as_deref()).await?;
        let ids: Vec<Uuid> = list.iter().map(|r| r.admission_id).collect();
        let stays = repo::find_many(&tx, &ids).await?;
        tx.commit().await?;
        Ok(list
            .into_iter()
            .filter_map(|r| {
                stays
                    .iter()
                    .find(|a| a.id == r.admission_id)
                    .cloned()
                    .map(|a| (r, a))
            })
            .collect())
    }

    async fn pending_referral(
        &self,
        tx: &arogya_infra::TenantTx,
        id: Uuid,
    ) -> ApiResult<ReferralRecord> {
        let r = referrals::find(tx, id)
            .await?
            .ok_or_else(|| not_found("referral"))?;
        self.require_ward_staff(tx, r.to_facility_id, true).await?;
        if r.status != referrals::PENDING {
            return Err(ApiError::Conflict(format!(
                "the referral was already {}",
                r.status
            )));
        }
        Ok(r)
    }

    /// The receiving facility admits the patient to one of its beds.
    pub async fn accept_referral(
        &self,
        id: Uuid,
        bed: Uuid,
        admitting: Uuid,
    ) -> ApiResult<AdmissionRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let r = self.pending_referral(&tx, id).await?;
        let from = self.admission(&tx, r.admission_id).await?;
        if from.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict(
                "the patient was discharged meanwhile".into(),
            ));
        }
        let bed = self.bed(&tx, bed).await?;
        if bed.facility_id != r.to_facility_id {
            return Err(ApiError::validation(
                "bedId",
                "the bed is not at the receiving facility",
            ));
        }
        self.check_admitting(&tx, admitting, bed.facility_id)
            .await?;
        self.require_free(&tx, &bed).await?;
        let (professional, _) = self.postings(&tx).await?;
        // Discharged here as referred: the sending bed goes for cleaning.
        let now = Utc::now();
        let d = discharge(
            DischargeOutcome::Referred,
            Some(now),
            None,
            Some(&format!("referred: {}", r.reason)),
            from.admitted_at,
            now,
        )?;
        repo::release_bed(&tx, from.id, now).await?;
        wards::needs_cleaning(&tx, from.bed_id).await?;
        if let Some(enc) = from.encounter_id {
            self.finish_encounter(&tx, enc, professional.unwrap_or(admitting), &d)
                .await?;
        }
        repo::discharged(&tx, &from, &d)
            .await?
            .ok_or_else(|| stale("admission"))?;
        // Admitted there, with a new inpatient encounter and the same attendants.
        let department = Department::parse(&from.department).unwrap_or(Department::Other);
        let facts = AdmissionFacts {
            reason: format!("Referred from another facility: {}", r.reason)
                .chars()
                .take(500)
                .collect(),
            provisional_diagnosis: from.provisional_diagnosis.clone(),
            admitted_at: now,
            unidentified: from.unidentified.clone(),
        };
        let encounter = match from.patient_id {
            Some(p) => Some(
                self.open_encounter(
                    &tx,
                    p,
                    bed.facility_id,
                    professional,
                    admitting,
                    department,
                    &facts.reason,
                    now,
                )
                .await?,
            ),
            None => None,
        };
        let a = repo::insert(
            &tx,
            NewAdmission {
                patient: from.patient_id,
                facility: bed.facility_id,
                ward: bed.ward_id,
                bed: bed.id,
                encounter,
                admitting_professional: admitting,
                department,
                facts: &facts,
                by: self.principal.user_id().0,
            },
        )
        .await?;
        self.seat(&tx, a.id, &bed, now).await?;
        for p in repo::attendants_of(&tx, &[from.id], true).await? {
            if let Ok(person) = Attendant::parse(&p.name, &p.relationship, &p.phone) {
                repo::insert_attendant(&tx, a.id, &person).await?;
            }
        }
        if !referrals::decide(
            &tx,
            r.id,
            ACCEPTED,
            self.principal.user_id().0,
            None,
            Some(a.id),
        )
        .await?
        {
            return Err(DomainError::conflict("the referral was answered meanwhile").into());
        }
        self.audit(
            &mut tx,
            AuditAction::Admit,
            "admission",
            a.id,
            serde_json::json!({ "referral": r.id, "from": from.id }),
        )
        .await?;
        let left = self.announce(&tx, &from, "discharge").await?;
        let came = self.announce(&tx, &a, "admit").await?;
        tx.commit().await?;
        self.told(left);
        self.told(came);
        Ok(a)
    }

    pub async fn decline_referral(&self, id: Uuid, note: &str) -> ApiResult<ReferralRecord> {
        let note = arogya_domain::helpline::ticket_text(note, "note", 500)?;
        let mut tx = self.tx(Access::Write).await?;
        let r = self.pending_referral(&tx, id).await?;
        if !referrals::decide(
            &tx,
            r.id,
            DECLINED,
            self.principal.user_id().0,
            Some(note),
            None,
        )
        .await?
        {
            return Err(DomainError::conflict("the referral was answered meanwhile").into());
        }
        self.audit(
            &mut tx,
            AuditAction::Transfer,
            "referral",
            r.id,
            serde_json::json!({ "declined": true }),
        )
        .await?;
        let r = referrals::find(&tx, r.id)
            .await?
            .ok_or_else(|| not_found("referral"))?;
        tx.commit().await?;
        Ok(r)
    }
}

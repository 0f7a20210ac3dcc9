//! Award rounds: the state freezes a scorecard's ranking (its rules, every hospital's
//! counts and the result are written once and read back unchanged, whatever happens
//! to the data later), records the decision and the winners once, and prints each
//! winner's certificate with a QR code signed by the tenant's card key.

use super::scorecards::score_inputs;
use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::dashboards::awards::{AwardTitle, CertificateClaims, Decision};
use arogya_domain::dashboards::scorecard::{self, ScoreInput, ScorecardRules, Standing};
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::dashboards::awards::{self, Freeze, RoundRecord, WinnerRecord};
use arogya_infra::repos::{tenants, users};
use std::collections::HashMap;
use uuid::Uuid;

/// The kind of signed payload a certificate's QR code holds.
pub const CERTIFICATE_TYP: &str = "arogya-award+jwt";

/// A round as frozen, with its decision.
#[derive(Debug, Clone)]
pub struct Round {
    pub record: RoundRecord,
    pub rules: ScorecardRules,
    pub inputs: Vec<ScoreInput>,
    pub result: Vec<Standing>,
    pub winners: Vec<WinnerRecord>,
    pub frozen_by: Option<String>,
    pub decided_by: Option<String>,
}

impl Round {
    pub fn name_of(&self, facility: Uuid) -> String {
        self.inputs
            .iter()
            .find(|i| i.facility == facility)
            .map(|i| i.name.clone())
            .unwrap_or_default()
    }
}

/// What a certificate prints.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub tenant_name: String,
    pub claims: CertificateClaims,
    pub specialty: String,
    pub period: (chrono::NaiveDate, chrono::NaiveDate),
    pub payload: String,
}

/// What a scanned certificate says.
#[derive(Debug, Clone)]
pub struct CertificateCheck {
    pub claims: Option<CertificateClaims>,
    pub signature_valid: bool,
    /// `None` for another tenant's certificate (theirs to confirm).
    pub on_record: Option<bool>,
    pub message: String,
}

impl Dashboards<'_> {
    async fn round_of(&self, tx: &arogya_infra::TenantTx, record: RoundRecord) -> ApiResult<Round> {
        let winners = awards::winners(tx, &[record.id]).await?;
        let ids: Vec<Uuid> = [Some(record.frozen_by), record.decided_by]
            .into_iter()
            .flatten()
            .collect();
        let names: HashMap<Uuid, String> = users::find_many(tx, &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        Ok(Round {
            rules: awards::rules_of(&record)?,
            inputs: awards::inputs_of(&record)?,
            result: awards::result_of(&record)?,
            winners,
            frozen_by: names.get(&record.frozen_by).cloned(),
            decided_by: record.decided_by.and_then(|d| names.get(&d).cloned()),
            record,
        })
    }

    /// Every round, newest first, with its winners.
    pub async fn award_rounds(&self) -> ApiResult<Vec<Round>> {
        let tx = self.tx(Access::Read).await?;
        let mut out = Vec::new();
        let records = awards::list(&tx).await?;
        let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
        let mut winners: HashMap<Uuid, Vec<WinnerRecord>> = HashMap::new();
        for w in awards::winners(&tx, &ids).await? {
            winners.entry(w.round_id).or_default().push(w);
        }
        let people: Vec<Uuid> = records
            .iter()
            .flat_map(|r| [Some(r.frozen_by), r.decided_by])
            .flatten()
            .collect();
        let names: HashMap<Uuid, String> = users::find_many(&tx, &people)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        tx.commit().await?;
        for record in records {
            out.push(Round {
                rules: awards::rules_of(&record)?,
                inputs: awards::inputs_of(&record)?,
                result: awards::result_of(&record)?,
                winners: winners.remove(&record.id).unwrap_or_default(),
                frozen_by: names.get(&record.frozen_by).cloned(),
                decided_by: record.decided_by.and_then(|d| names.get(&d).cloned()),
                record,
            });
        }
        Ok(out)
    }

    pub async fn award_round(&self, id: Uuid) -> ApiResult<Round> {
        let tx = self.tx(Access::Read).await?;
        let record = awards::find(&tx, id)
            .await?
            .ok_or_else(|| ApiError::NotFound("award round not found".into()))?;
        let round = self.round_of(&tx, record).await?;
        tx.commit().await?;
        Ok(round)
    }

    /// Freeze the ranking of the scorecard's version the caller saw (state
    /// administrators): the rules, the counts and the result are kept as they are now.
    pub async fn freeze_award_round(
        &self,
        scorecard_id: Uuid,
        expected_version: i32,
        title: AwardTitle,
    ) -> ApiResult<Round> {
        self.principal.require_state_admin("freeze award rounds")?;
        let mut tx = self.tx(Access::Write).await?;
        let card = self.scorecard_in(&tx, scorecard_id).await?;
        if card.record.version != expected_version {
            return Err(ApiError::Conflict(format!(
                "the scorecard is now at version {}; look at its ranking again before freezing",
                card.record.version
            )));
        }
        let range = card.period().so_far(today());
        let (mut inputs, _) = score_inputs(&tx, &card.rules, &[range]).await?;
        let inputs = inputs.pop().unwrap_or_default();
        let result = scorecard::rank(&card.rules, &inputs);
        let by = self.principal.user_id().0;
        let record = awards::freeze(
            &tx,
            Freeze {
                title: title.as_str(),
                scorecard: (card.record.id, card.record.version),
                from: range.from,
                to: range.to,
                rules: &card.rules,
                inputs: &inputs,
                result: &result,
                by,
            },
        )
        .await?;
        let event = NewAuditEvent::new(Actor::User(by), AuditAction::AwardFreeze, "award_round", Some(record.id))
            .with_detail(serde_json::json!({
                "title": record.title, "scorecard": card.record.id, "scorecardVersion": card.record.version,
            }));
        audit::record(&mut tx, &self.meta, event).await?;
        let round = self.round_of(&tx, record).await?;
        tx.commit().await?;
        Ok(round)
    }

    /// Record the decision and the winners once (state administrators).
    pub async fn decide_award_round(
        &self,
        id: Uuid,
        expected_version: i32,
        note: &str,
        winners: &[(Uuid, u32)],
    ) -> ApiResult<Round> {
        self.principal.require_state_admin("decide award rounds")?;
        let mut tx = self.tx(Access::Write).await?;
        let record = awards::find(&tx, id)
            .await?
            .ok_or_else(|| ApiError::NotFound("award round not found".into()))?;
        let result = awards::result_of(&record)?;
        let decision = Decision::parse(note, winners, &result)?;
        let by = self.principal.user_id().0;
        let rows: Vec<_> = decision
            .winners
            .iter()
            .map(|w| {
                (
                    w.facility,
                    w.place as i32,
                    w.score,
                    w.rank.map(|r| r as i32),
                )
            })
            .collect();
        awards::decide(&tx, &record, expected_version, &decision.note, &rows, by).await?;
        let event = NewAuditEvent::new(Actor::User(by), AuditAction::AwardDecide, "award_round", Some(id))
            .with_detail(serde_json::json!({
                "winners": decision.winners.iter().map(|w| serde_json::json!({"facility": w.facility, "place": w.place})).collect::<Vec<_>>(),
            }));
        audit::record(&mut tx, &self.meta, event).await?;
        let record = awards::find(&tx, id)
            .await?
            .ok_or_else(|| ApiError::NotFound("award round not found".into()))?;
        let round = self.round_of(&tx, record).await?;
        tx.commit().await?;
        Ok(round)
    }

    /// A winner's certificate (any staff of the tenant may print it: an award is
    /// public news); printing is audited.
    pub async fn certificate(&self, round: Uuid, facility: Uuid) -> ApiResult<Certificate> {
        let tenant = self.tenant()?;
        let mut tx = self.tx(Access::Write).await?;
        let not_found = || {
            ApiError::NotFound(
                "no such award: the round is not decided or the hospital did not win".into(),
            )
        };
        let record = awards::find(&tx, round).await?.ok_or_else(not_found)?;
        let decided_at = record.decided_at.ok_or_else(not_found)?;
        let winner = awards::winners(&tx, &[round])
            .await?
            .into_iter()
            .find(|w| w.facility_id == facility)
            .ok_or_else(not_found)?;
        let t = self
            .state
            .tenants
            .get(tenant)
            .await?
            .ok_or_else(|| ApiError::NotFound("tenant not found".into()))?;
        let inputs = awards::inputs_of(&record)?;
        let rules = awards::rules_of(&record)?;
        let claims = CertificateClaims {
            tnt: t.code.clone(),
            rid: record.id.to_string(),
            fid: facility.to_string(),
            title: record.title.clone(),
            fac: inputs
                .iter()
                .find(|i| i.facility == facility)
                .map(|i| i.name.clone())
                .unwrap_or_default(),
            place: winner.place.max(1) as u32,
            score: winner.score,
            iat: decided_at.timestamp(),
        };
        let payload = self
            .state
            .pii
            .sign_document(tenant, CERTIFICATE_TYP, &claims);
        let event = NewAuditEvent::new(
            Actor::from(self.principal),
            AuditAction::AwardCertificate,
            "award_round",
            Some(round),
        )
        .with_detail(serde_json::json!({ "facility": facility }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(Certificate {
            tenant_name: t.name.clone(),
            claims,
            specialty: rules.specialty,
            period: (record.from_month, record.to_month),
            payload,
        })
    }

    /// Check a scanned certificate: its signature against the named tenant's keys
    /// and, for this tenant's, that the round still lists the hospital as a winner.
    pub async fn verify_certificate(&self, payload: &str) -> ApiResult<CertificateCheck> {
        let invalid = |m: &str| CertificateCheck {
            claims: None,
            signature_valid: false,
            on_record: Some(false),
            message: m.to_owned(),
        };
        let Ok(claims) = arogya_infra::pii::unverified_claims::<CertificateClaims>(payload) else {
            return Ok(invalid("this is not an Arogya award certificate"));
        };
        let Ok(code) = TenantCode::parse(&claims.tnt) else {
            return Ok(invalid("the certificate names an unknown tenant"));
        };
        let Some(issuer) = tenants::find_by_code(self.state.db.ready_conn()?, &code).await? else {
            return Ok(invalid("the certificate names an unknown tenant"));
        };
        let issuer = TenantId(issuer.id);
        let Ok(claims) =
            self.state
                .pii
                .verify_document::<CertificateClaims>(issuer, CERTIFICATE_TYP, payload)
        else {
            return Ok(invalid(
                "the signature does not match: the certificate may be forged or altered",
            ));
        };
        if issuer != self.tenant()? {
            return Ok(CertificateCheck {
                message: format!("a genuine certificate of tenant {code}; ask them to confirm it"),
                claims: Some(claims),
                signature_valid: true,
                on_record: None,
            });
        }
        let (round, facility) = (
            Uuid::parse_str(&claims.rid).ok(),
            Uuid::parse_str(&claims.fid).ok(),
        );
        let tx = self.tx(Access::Read).await?;
        let listed = match (round, facility) {
            (Some(r), Some(f)) => awards::winners(&tx, &[r])
                .await?
                .iter()
                .any(|w| w.facility_id == f && w.place as u32 == claims.place),
            _ => false,
        };
        tx.commit().await?;
        Ok(CertificateCheck {
            message: if listed {
                "a genuine certificate, and the award is on record".into()
            } else {
                "a genuine signature, but no such award is on record".into()
            },
            claims: Some(claims),
            signature_valid: true,
            on_record: Some(listed),
        })
    }
}

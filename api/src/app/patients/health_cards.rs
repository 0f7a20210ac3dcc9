//! E-health cards: issue, reissue, revoke, delivery, printing and QR verification.

#[allow(unused_imports)]
use super::*;

/// The signed QR payload of a card.
pub fn card_payload(
    state: &AppState,
    card: &CardRecord,
    patient: &PatientRecord,
    tenant_code: &str,
) -> String {
    let name = match &patient.family_name {
        Some(f) => format!("{} {f}", patient.given_name),
        None => patient.given_name.clone(),
    };
    let claims = CardClaims {
        hid: card.health_id.clone(),
        tnt: tenant_code.to_owned(),
        name,
        yob: patient.birth_year,
        cid: card.id.to_string(),
        iat: card.issued_at.timestamp(),
    };
    state.pii.sign_card(TenantId(card.tenant_id), &claims)
}

async fn live_patient(caller: &Caller<'_>, tx: &TenantTx, id: Uuid) -> ApiResult<PatientRecord> {
    let p = repo::find(tx, id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    if p.merged_into.is_some() {
        return Err(ApiError::validation(
            "patientId",
            "this record was merged: issue the card for the surviving record",
        ));
    }
    Ok(p)
}

/// Issue a card for `holder` in an open transaction, audited: a first card, or one
/// replacing `replaces` (the old card already ended) for the reason given.
pub(super) async fn issue_card_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    holder: &PatientRecord,
    replaces: Option<(&CardRecord, ReissueReason)>,
) -> ApiResult<CardRecord> {
    let card = cards::insert(
        tx,
        NewCard {
            patient: holder.id,
            health_id: holder.health_id.clone(),
            unit_path: holder.unit_path.clone(),
            replaces: replaces.map(|(old, _)| old.id),
            issued_by: caller.actor.id(),
        },
    )
    .await?;
    let (action, detail) = match replaces {
        None => (
            AuditAction::CardIssue,
            serde_json::json!({ "healthId": holder.health_id }),
        ),
        Some((old, reason)) => (
            AuditAction::CardReissue,
            serde_json::json!({ "healthId": holder.health_id, "replaces": old.id, "reason": reason.as_str() }),
        ),
    };
    caller
        .record(tx, action, "card", Some(card.id), detail)
        .await?;
    Ok(card)
}

/// Issue a first card; a patient with an active card gets a reissue instead.
pub async fn issue_card(caller: &Caller<'_>, patient: Uuid) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let p = live_patient(caller, &tx, patient).await?;
    if cards::active_for_health_id(&tx, &p.health_id)
        .await?
        .is_some()
    {
        return Err(ApiError::validation(
            "patientId",
            "the patient already has an active card: reissue it if it is lost or damaged",
        ));
    }
    let card = issue_card_in(caller, &mut tx, &p, None).await?;
    tx.commit().await?;
    Ok(card)
}

async fn active_card(
    caller: &Caller<'_>,
    tx: &TenantTx,
    id: Uuid,
) -> ApiResult<(CardRecord, PatientRecord)> {
    let card = cards::find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "card" })?;
    let p = repo::find(tx, card.patient_id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or(DomainError::NotFound { entity: "card" })?;
    CardStatus::parse(&card.status)?.require_active()?;
    Ok((card, p))
}

/// A new card for a lost or damaged one, which is marked replaced.
pub async fn reissue_card(
    caller: &Caller<'_>,
    card: Uuid,
    reason: ReissueReason,
    note: Option<&str>,
) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let note = note.map(reason_text).transpose()?;
    let mut tx = caller.write().await?;
    let (old, p) = active_card(caller, &tx, card).await?;
    let stated = match &note {
        Some(n) => format!("{}: {n}", reason.as_str()),
        None => reason.as_str().to_owned(),
    };
    cards::end(&tx, &old, CardStatus::Replaced, &stated).await?;
    let holder = repo::resolve(&tx, p).await?;
    let new = issue_card_in(caller, &mut tx, &holder, Some((&old, reason))).await?;
    tx.commit().await?;
    Ok(new)
}

pub async fn revoke_card(caller: &Caller<'_>, card: Uuid, reason: &str) -> ApiResult<CardRecord> {
    caller.access.require_admin()?;
    let reason = reason_text(reason)?;
    let mut tx = caller.write().await?;
    let (old, _) = active_card(caller, &tx, card).await?;
    cards::end(&tx, &old, CardStatus::Revoked, &reason).await?;
    caller
        .record(
            &mut tx,
            AuditAction::CardRevoke,
            "card",
            Some(old.id),
            serde_json::json!({ "reason": reason }),
        )
        .await?;
    let c = cards::find(&tx, old.id)
        .await?
        .ok_or(DomainError::NotFound { entity: "card" })?;
    tx.commit().await?;
    Ok(c)
}

pub async fn set_delivery(
    caller: &Caller<'_>,
    card: Uuid,
    delivery: DeliveryStatus,
) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let (c, _) = active_card(caller, &tx, card).await?;
    let from = DeliveryStatus::parse(&c.delivery)?;
    if !from.can_move_to(delivery) {
        return Err(ApiError::validation(
            "delivery",
            format!(
                "a {} card cannot become {}",
                from.as_str(),
                delivery.as_str()
            ),
        ));
    }
    let c = cards::set_delivery(&tx, &c, delivery).await?;
    caller
        .record(
            &mut tx,
            AuditAction::CardDelivery,
            "card",
            Some(c.id),
            serde_json::json!({ "from": from.as_str(), "to": delivery.as_str() }),
        )
        .await?;
    tx.commit().await?;
    Ok(c)
}

/// The active card for a health ID and its holder, for printing (audited).
pub async fn card_for_print(
    caller: &Caller<'_>,
    raw: &str,
    format: &str,
) -> ApiResult<(CardRecord, PatientRecord, String)> {
    let id = HealthId::parse(raw)?;
    let code = caller.tenant_code().await?;
    if !id.issued_by(&code) {
        return Err(patient_not_found());
    }
    let mut tx = caller.write().await?;
    let card = cards::active_for_health_id(&tx, &id.to_string())
        .await?
        .ok_or_else(|| {
            ApiError::NotFound("no active card for this health ID: issue one first".into())
        })?;
    let p = repo::find(&tx, card.patient_id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    caller
        .record(
            &mut tx,
            AuditAction::CardPrint,
            "card",
            Some(card.id),
            serde_json::json!({ "healthId": card.health_id, "format": format }),
        )
        .await?;
    tx.commit().await?;
    let tenant = caller
        .state
        .tenants
        .get(caller.tenant())
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    Ok((card, p, tenant))
}

/// What a scanned QR code says, and whether the card is still current.
pub struct CardCheck {
    pub claims: Option<CardClaims>,
    pub signature_valid: bool,
    /// `None` when the card belongs to another tenant (its status is theirs to tell).
    pub current: Option<bool>,
    pub status: Option<CardStatus>,
    pub message: String,
}

pub async fn verify_card(caller: &Caller<'_>, payload: &str) -> ApiResult<CardCheck> {
    use arogya_infra::pii::unverified_card_claims;
    let invalid = |m: &str| CardCheck {
        claims: None,
        signature_valid: false,
        current: Some(false),
        status: None,
        message: m.to_owned(),
    };
    let Ok(claims) = unverified_card_claims(payload) else {
        return Ok(invalid("this is not an Arogya card code"));
    };
    let Ok(code) = TenantCode::parse(&claims.tnt) else {
        return Ok(invalid("the card names an unknown tenant"));
    };
    let Some(issuer) =
        arogya_infra::repos::tenants::find_by_code(caller.state.db.ready_conn()?, &code).await?
    else {
        return Ok(invalid("the card names an unknown tenant"));
    };
    let issuer = TenantId(issuer.id);
    let Ok(claims) = caller.state.pii.verify_card(issuer, payload) else {
        return Ok(invalid(
            "the signature does not match: the card may be forged or altered",
        ));
    };
    if issuer != caller.tenant() {
        return Ok(CardCheck {
            claims: Some(claims),
            signature_valid: true,
            current: None,
            status: None,
            message: format!(
                "a genuine card of tenant {}; ask them whether it is still current",
                code
            ),
        });
    }
    let card_id = Uuid::parse_str(&claims.cid).ok();
    let tx = caller
        .state
        .db
        .tenant_tx(caller.tenant(), Access::Read)
        .await?;
    let card = match card_id {
        Some(id) => cards::find(&tx, id).await?,
        None => None,
    };
    tx.commit().await?;
    let status = card
        .as_ref()
        .map(|c| CardStatus::parse(&c.status))
        .transpose()?;
    let current = status == Some(CardStatus::Active);
    let message = match status {
        Some(CardStatus::Active) => "a genuine, current card".to_owned(),
        Some(s) => format!("a genuine card, but it was {}", s.as_str()),
        None => "a genuine signature, but no such card is on record".to_owned(),
    };
    Ok(CardCheck {
        claims: Some(claims),
        signature_valid: true,
        current: Some(current),
        status,
        message,
    })
}

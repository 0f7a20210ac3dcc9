//! One-time codes to attendants' phones: proving a number at admission, and the
//! family status page. A family member names the patient (health ID, or name and
//! hospital); a code goes **only** to the attendants the ward registered, never to a
//! number the requester types; the code shows the patient's condition once.
//!
//! The answer to a request is the same whether or not anyone matched, so the page
//! does not tell a stranger who is in hospital. Limits: per client address (in this
//! process), per admission and per phone (in the database, seen by every instance).

use super::{not_found, Inpatient};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::inpatient::admission::AdmissionStatus;
use arogya_domain::patient::health_id::HealthId;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::inpatient::admissions::{self, AdmissionRecord};
use arogya_infra::repos::inpatient::codes::{self, NewCode, ATTENDANT, FAMILY};
use arogya_infra::repos::inpatient::wards;
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::record_access::{self, NewAccess};
use arogya_infra::repos::{facilities, patients};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use uuid::Uuid;

/// A code lives this long.
pub const CODE_MINUTES: i64 = 10;
/// Wrong guesses before a request's codes are spent.
const ATTEMPTS: i16 = 5;
/// Family requests per admission, and codes per phone, in an hour.
const PER_ADMISSION_PER_HOUR: u64 = 6;
const PER_PHONE_PER_HOUR: u64 = 6;
/// After discharge the family still sees the outcome this long.
const AFTER_DISCHARGE_DAYS: i64 = 30;

fn new_code() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

fn wrong_code() -> ApiError {
    ApiError::validation(
        "code",
        "the code is wrong, used or expired: ask for a new one",
    )
}

/// How a family member names the patient.
pub enum FamilyLookup {
    HealthId(String),
    NameAt { name: String, facility: Uuid },
}

/// The same answer whoever asks.
pub struct FamilyCodeRequested {
    pub request_id: Uuid,
    pub expires_at: DateTime<Utc>,
}

/// What a family is told, and nothing more.
#[derive(Debug)]
pub struct FamilyStatus {
    pub hospital: String,
    pub ward: String,
    pub ward_phone: Option<String>,
    pub category: Option<String>,
    pub life_support: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub discharged: bool,
    pub outcome: Option<String>,
}

fn address(meta: &RequestMeta) -> String {
    meta.client_addr.clone().unwrap_or_else(|| "-".into())
}

fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The stay a family may ask about: open, or ended within the last month.
async fn find_stay(tx: &TenantTx, lookup: &FamilyLookup) -> ApiResult<Option<AdmissionRecord>> {
    let recent = |a: &AdmissionRecord| {
        a.status == AdmissionStatus::Admitted.as_str()
            || a.discharged_at
                .is_some_and(|d| d > Utc::now() - Duration::days(AFTER_DISCHARGE_DAYS))
    };
    match lookup {
        FamilyLookup::HealthId(raw) => {
            let Ok(h) = HealthId::parse(raw.trim()) else {
                return Ok(None);
            };
            let Some(p) = patients::find_by_health_id(tx, &h).await? else {
                return Ok(None);
            };
            let p = patients::resolve(tx, p).await?;
            let mut ids = vec![p.id];
            ids.extend(
                patients::merged_into(tx, p.id)
                    .await?
                    .into_iter()
                    .map(|m| m.id),
            );
            Ok(admissions::of_patients(tx, &ids)
                .await?
                .into_iter()
                .find(recent))
        }
        FamilyLookup::NameAt { name, facility } => {
            let wanted = name_key(name);
            if wanted.chars().count() < 3 {
                return Ok(None);
            }
            let filter = admissions::OpenFilter {
                facilities: Some(vec![*facility]),
                ..Default::default()
            };
            let open = admissions::open(tx, &filter, 2000).await?;
            let ids: Vec<Uuid> = open.iter().filter_map(|a| a.patient_id).collect();
            let matching: Vec<Uuid> = patients::find_many(tx, &ids)
                .await?
                .into_iter()
                .filter(|p| {
                    let full = format!(
                        "{} {}",
                        p.given_name,
                        p.family_name.clone().unwrap_or_default()
                    );
                    name_key(&full) == wanted
                })
                .map(|p| p.id)
                .collect();
            // Two patients of one name: no guess.
            if matching.len() != 1 {
                return Ok(None);
            }
            Ok(open.into_iter().find(|a| a.patient_id == Some(matching[0])))
        }
    }
}

/// Send codes for `admission` to its attendants (within the per-phone limit).
#[allow(clippy::too_many_arguments)]
async fn send_codes(
    state: &AppState,
    tx: &TenantTx,
    request: Uuid,
    purpose: &'static str,
    a: &AdmissionRecord,
    attendants: &[admissions::AttendantRecord],
    hospital: &str,
    client: Option<String>,
) -> ApiResult<DateTime<Utc>> {
    let expires_at = Utc::now() + Duration::minutes(CODE_MINUTES);
    for person in attendants {
        let sent =
            codes::sent_to_phone_since(tx, &person.phone, Utc::now() - Duration::hours(1)).await?;
        if sent >= PER_PHONE_PER_HOUR {
            continue;
        }
        let code = new_code();
        let id = Uuid::now_v7();
        codes::insert(
            tx,
            NewCode {
                id,
                request,
                purpose,
                admission: a.id,
                attendant: person.id,
                phone: &person.phone,
                code_hash: state.pii.otp_hash(tx.tenant(), id, &code),
                expires_at,
                attempts: ATTEMPTS,
                client_addr: client.clone(),
            },
        )
        .await?;
        let body = match purpose {
            FAMILY => format!("Arogya: {code} is your code to see your patient's condition at {hospital}. It works once, for {CODE_MINUTES} minutes. Never share it."),
            _ => format!("Arogya: {code} is the code to confirm this number as an attendant at {hospital}. Tell it only to the ward staff."),
        };
        outbox::enqueue(tx, Channel::Sms, &person.phone, "Arogya code", &body).await?;
    }
    Ok(expires_at)
}

/// A family member asks for a code.
pub async fn request_family_code(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    lookup: FamilyLookup,
) -> ApiResult<FamilyCodeRequested> {
    let client = address(meta);
    state
        .family_throttle
        .check(&format!("family-request:{client}"), &client)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    state
        .family_throttle
        .record_failure(&format!("family-request:{client}"), &client);
    let tenant = super::public::active_tenant(state, tenant_code).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let request = Uuid::new_v4();
    let mut expires_at = Utc::now() + Duration::minutes(CODE_MINUTES);
    if let Some(a) = find_stay(&tx, &lookup).await? {
        let recent =
            codes::requests_for_admission_since(&tx, a.id, FAMILY, Utc::now() - Duration::hours(1))
                .await?;
        let people = admissions::attendants_of(&tx, &[a.id], true).await?;
        if recent < PER_ADMISSION_PER_HOUR && !people.is_empty() {
            let hospital = facilities::find(&tx, arogya_domain::ids::FacilityId(a.facility_id))
                .await?
                .map(|f| f.name)
                .unwrap_or_default();
            expires_at = send_codes(
                state,
                &tx,
                request,
                FAMILY,
                &a,
                &people,
                &hospital,
                Some(client.clone()),
            )
            .await?;
        }
        let event = NewAuditEvent::new(Actor::Anonymous, AuditAction::FamilyCodeRequest, "admission", Some(a.id))
            .with_detail(serde_json::json!({ "request": request, "attendants": people.len(), "withinLimit": recent < PER_ADMISSION_PER_HOUR }));
        audit::record(&mut tx, meta, event).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(FamilyCodeRequested {
        request_id: request,
        expires_at,
    })
}

/// The status after a right code, once: the page shows it and forgets it.
pub async fn family_status(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    request: Uuid,
    code: &str,
) -> ApiResult<FamilyStatus> {
    let client = address(meta);
    let key = format!("family-code:{request}");
    state
        .family_throttle
        .check(&key, &client)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let tenant = super::public::active_tenant(state, tenant_code).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let rows = codes::of_request(&tx, request, FAMILY).await?;
    let now = Utc::now();
    let live = !rows.is_empty()
        && rows
            .iter()
            .all(|r| r.used_at.is_none() && r.expires_at > now && r.attempts_left > 0);
    let code = code.trim();
    let matched = live
        && code.len() == 6
        && rows
            .iter()
            .any(|r| state.pii.otp_matches(tenant, r.id, code, &r.code_hash));
    if !matched {
        if live {
            codes::spend_attempt(&tx, request).await?;
            tx.commit().await?;
        }
        state.family_throttle.record_failure(&key, &client);
        return Err(wrong_code());
    }
    if !codes::use_up(&tx, request).await? {
        return Err(wrong_code());
    }
    let a = admissions::find(&tx, rows[0].admission_id)
        .await?
        .ok_or_else(|| not_found("admission"))?;
    let hospital = facilities::find(&tx, arogya_domain::ids::FacilityId(a.facility_id)).await?;
    let ward = wards::find_ward(&tx, a.ward_id).await?;
    if let Some(p) = a.patient_id {
        record_access::record(
            &tx,
            NewAccess {
                patient: p,
                actor: Uuid::nil(),
                professional: None,
                facility: Some(a.facility_id),
                unit_path: None,
                viewed: "family_status",
                entry: None,
                purpose: Some(
                    "family status page, after a code sent to a registered attendant".into(),
                ),
                break_glass: None,
            },
        )
        .await?;
    }
    let event = NewAuditEvent::new(
        Actor::Anonymous,
        AuditAction::FamilyStatusView,
        "admission",
        Some(a.id),
    )
    .with_detail(serde_json::json!({ "request": request, "patientId": a.patient_id }));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    let discharged = a.status == AdmissionStatus::Discharged.as_str();
    Ok(FamilyStatus {
        hospital: hospital.map(|f| f.name).unwrap_or_default(),
        ward: ward.as_ref().map(|w| w.name.clone()).unwrap_or_default(),
        ward_phone: ward.and_then(|w| w.phone),
        category: if discharged {
            None
        } else {
            // The latest condition, as copied onto the admission when it was recorded.
            a.category.clone()
        },
        life_support: if discharged {
            None
        } else {
            a.life_support.clone()
        },
        updated_at: a.condition_at.or(a.discharged_at).unwrap_or(a.admitted_at),
        discharged,
        outcome: a.outcome.clone(),
    })
}

impl Inpatient<'_> {
    /// Send a code to an attendant's phone to prove the number on the spot.
    pub async fn send_attendant_code(&self, attendant: Uuid) -> ApiResult<DateTime<Utc>> {
        let mut tx = self.tx(Access::Write).await?;
        let person = admissions::find_attendant(&tx, attendant)
            .await?
            .ok_or_else(|| not_found("attendant"))?;
        let a = self.admission(&tx, person.admission_id).await?;
        self.require_ward_staff(&tx, a.facility_id, true).await?;
        if person.removed_at.is_some() {
            return Err(ApiError::Conflict("the attendant was removed".into()));
        }
        if codes::sent_to_phone_since(&tx, &person.phone, Utc::now() - Duration::hours(1)).await?
            >= PER_PHONE_PER_HOUR
        {
            return Err(ApiError::RateLimited {
                retry_after_secs: 3600,
            });
        }
        let hospital = self.facility(&tx, a.facility_id).await?.name;
        let expires = send_codes(
            self.state,
            &tx,
            Uuid::new_v4(),
            ATTENDANT,
            &a,
            std::slice::from_ref(&person),
            &hospital,
            self.meta.client_addr.clone(),
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::AttendantChange,
            "admission",
            a.id,
            serde_json::json!({ "codeSentTo": person.id }),
        )
        .await?;
        tx.commit().await?;
        self.state.outbox_wake.notify_one();
        Ok(expires)
    }

    /// The attendant tells the ward the code: their number is proved.
    pub async fn verify_attendant(
        &self,
        attendant: Uuid,
        code: &str,
    ) -> ApiResult<admissions::AttendantRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let person = admissions::find_attendant(&tx, attendant)
            .await?
            .ok_or_else(|| not_found("attendant"))?;
        let a = self.admission(&tx, person.admission_id).await?;
        self.require_ward_staff(&tx, a.facility_id, true).await?;
        let Some(c) = codes::latest_for_attendant(&tx, attendant, ATTENDANT).await? else {
            return Err(wrong_code());
        };
        let tenant = tx.tenant();
        let live = c.used_at.is_none() && c.expires_at > Utc::now() && c.attempts_left > 0;
        if !live
            || !self
                .state
                .pii
                .otp_matches(tenant, c.id, code.trim(), &c.code_hash)
        {
            if live {
                codes::spend_attempt(&tx, c.request_id).await?;
                tx.commit().await?;
            }
            return Err(wrong_code());
        }
        codes::use_up(&tx, c.request_id).await?;
        admissions::attendant_verified(&tx, attendant).await?;
        self.audit(
            &mut tx,
            AuditAction::AttendantChange,
            "admission",
            a.id,
            serde_json::json!({ "verified": attendant }),
        )
        .await?;
        tx.commit().await?;
        admissions_find_attendant(self, attendant).await
    }
}

async fn admissions_find_attendant(
    i: &Inpatient<'_>,
    id: Uuid,
) -> ApiResult<admissions::AttendantRecord> {
    let tx = i.tx(Access::Read).await?;
    let r = admissions::find_attendant(&tx, id)
        .await?
        .ok_or_else(|| not_found("attendant"))?;
    tx.commit().await?;
    Ok(r)
}

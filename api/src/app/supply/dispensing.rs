//! Dispensing at a facility's pharmacy: the pharmacist finds a patient's current
//! prescriptions by health ID (the read is logged on the patient's access log),
//! gives each line as prescribed, as a substitute with a reason, or records it as
//! not available; walk-ins get only over-the-counter items. Controlled drugs need a
//! second person's signature: a colleague at the facility signs with their own
//! password.

use super::stock::{optional, take_out};
use super::{not_found, Supply};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::clinical::prescription::Prescription;
use arogya_domain::ids::UserId;
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::role::{Role, RoleScope};
use arogya_domain::supply::dispensing::{self as rules, Chosen, DispenseOutcome, Prescribed};
use arogya_domain::supply::fefo::Pick;
use arogya_domain::supply::item::Schedule;
use arogya_domain::supply::ledger::MovementKind;
use arogya_domain::supply::store::StoreLevel;
use arogya_domain::user::LoginName;
use arogya_infra::auth::password::verify_password;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::clinical::EntryRecord;
use arogya_infra::repos::patients::{self, PatientRecord};
use arogya_infra::repos::record_access::{self, NewAccess};
use arogya_infra::repos::supply::dispenses::{self as repo, DispenseRecord, NewDispense};
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::stock::{self as stock_repo, Post};
use arogya_infra::repos::supply::stores::StoreRecord;
use arogya_infra::repos::{roles, users};
use arogya_infra::TenantTx;
use chrono::{Duration, Utc};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Prescriptions older than this are not dispensed against.
const PRESCRIPTIONS_VALID_DAYS: i64 = 90;

pub struct DispenseLine {
    /// The prescription's line (0-based); none for a walk-in.
    pub line: Option<i32>,
    /// The catalogue item given; none when the drug is not available.
    pub item_id: Option<Uuid>,
    pub quantity: i64,
    /// Batches named instead of first-expiry-first-out, with `batch_reason`.
    pub batches: Option<Vec<Pick>>,
    pub batch_reason: Option<String>,
    /// Why a substitute is given (or why nothing was).
    pub reason: Option<String>,
}

pub struct Witness {
    pub login: String,
    pub password: String,
}

/// A prescription as the pharmacy sees it.
pub struct ToDispense {
    pub entry: EntryRecord,
    pub prescription: Prescription,
    pub dispensed: Vec<DispenseRecord>,
    /// Per line: catalogue items that match the drug, with usable stock here.
    pub candidates: Vec<Vec<(ItemRecord, i64)>>,
}

/// What one line gives, and to whom.
struct Given<'a> {
    item: Option<&'a ItemRecord>,
    /// (patient, prescription, line)
    rx: Option<(Uuid, Uuid, i32)>,
    prescribed: &'a str,
    outcome: DispenseOutcome,
    reason: Option<String>,
    witness: Option<Uuid>,
    walk_in: Option<String>,
}

fn pharmacy(store: &StoreRecord) -> ApiResult<()> {
    match StoreLevel::parse(&store.level)? {
        StoreLevel::Facility | StoreLevel::Ward => Ok(()),
        _ => Err(ApiError::validation(
            "storeId",
            "dispensing is done at a facility's pharmacy or ward store",
        )),
    }
}

impl Supply<'_> {
    async fn patient_by_health_id(&self, tx: &TenantTx, raw: &str) -> ApiResult<PatientRecord> {
        let health_id = HealthId::parse(raw.trim())?;
        let p = patients::find_by_health_id(tx, &health_id)
            .await?
            .ok_or_else(|| not_found("patient"))?;
        Ok(patients::resolve(tx, p).await?)
    }

    /// Logged on the patient's access log and in the audit trail, in `tx`.
    async fn log_read(
        &self,
        tx: &mut TenantTx,
        patient: Uuid,
        store: &StoreRecord,
        what: &str,
    ) -> ApiResult<()> {
        record_access::record(
            tx,
            NewAccess {
                patient,
                actor: self.user(),
                professional: None,
                facility: store.facility_id,
                unit_path: Some(store.unit_path.clone()),
                viewed: "dispensing",
                entry: None,
                purpose: Some(format!("{what} at {}", store.name)),
                break_glass: None,
            },
        )
        .await?;
        let event = NewAuditEvent::new(
            Actor::from(self.principal),
            AuditAction::PatientRead,
            "patient",
            Some(patient),
        )
        .with_detail(json!({ "purpose": what, "storeId": store.id }));
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }

    /// The patient's current prescriptions, with what was dispensed of each line and
    /// what the pharmacy has that matches.
    pub async fn prescriptions_to_dispense(
        &self,
        store: Uuid,
        health_id: &str,
    ) -> ApiResult<(PatientRecord, Vec<ToDispense>)> {
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, store).await?;
        pharmacy(&store)?;
        let patient = self.patient_by_health_id(&tx, health_id).await?;
        let since = Utc::now() - Duration::days(PRESCRIPTIONS_VALID_DAYS);
        let entries = repo::prescriptions_of(&tx, patient.id, since, 20).await?;
        let ids: Vec<Uuid> = entries.iter().map(|e| e.id).collect();
        let dispensed = repo::of_prescriptions(&tx, &ids).await?;
        let parsed: Vec<(EntryRecord, Prescription)> = entries
            .into_iter()
            .filter_map(|e| {
                let p = serde_json::from_value::<Prescription>(e.details.clone()).ok()?;
                Some((e, p))
            })
            .collect();
        // Candidates: items whose code or generic name the prescriptions name.
        let mut codes = Vec::new();
        let mut names = Vec::new();
        for (_, p) in &parsed {
            for i in &p.items {
                if let Some(c) = &i.drug_code {
                    codes.push(c.trim().to_uppercase());
                }
                names.push(i.drug_name.trim().to_lowercase());
            }
        }
        let items = item_repo::by_codes_or_names(&tx, &codes, &names).await?;
        let mut usable: HashMap<Uuid, i64> = HashMap::new();
        for l in stock_repo::stock_lines(&tx, store.id).await? {
            if l.batch
                .blocked(crate::app::professionals::today())
                .is_none()
            {
                *usable.entry(l.item_id).or_default() += l.batch.quantity;
            }
        }
        let out = parsed
            .into_iter()
            .map(|(entry, prescription)| {
                let candidates = prescription
                    .items
                    .iter()
                    .map(|pi| {
                        items
                            .iter()
                            .filter(|it| {
                                pi.drug_code
                                    .as_deref()
                                    .is_some_and(|c| c.trim().eq_ignore_ascii_case(&it.code))
                                    || pi.drug_name.trim().eq_ignore_ascii_case(it.name.trim())
                            })
                            .map(|it| (it.clone(), usable.get(&it.id).copied().unwrap_or(0)))
                            .collect()
                    })
                    .collect();
                ToDispense {
                    dispensed: dispensed
                        .iter()
                        .filter(|d| d.prescription_id == Some(entry.id))
                        .cloned()
                        .collect(),
                    entry,
                    prescription,
                    candidates,
                }
            })
            .collect();
        self.log_read(&mut tx, patient.id, &store, "prescriptions to dispense")
            .await?;
        tx.commit().await?;
        Ok((patient, out))
    }

    /// A second signature: a colleague with a role at the store's facility, other than
    /// the caller, signs with their own password.
    async fn witness(&self, store: &StoreRecord, w: Witness) -> ApiResult<Uuid> {
        let refused = || {
            ApiError::validation("witness", "the witness's login or password is not right, or they do not work at this facility")
        };
        let login = LoginName::parse(&w.login).map_err(|_| refused())?;
        let conn = self.state.db.ready_conn()?;
        let key = format!("witness:{}", w.login.trim().to_lowercase());
        let address = self.meta.client_addr.clone().unwrap_or_else(|| "-".into());
        self.state
            .login_lock
            .check(conn, &key, &address)
            .await?
            .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
        let tx = self.tx(Access::Read).await?;
        let user = users::find_by_login(&tx, &login)
            .await?
            .filter(|u| u.status == users::STATUS_ACTIVE);
        let grants = match &user {
            Some(u) => roles::grants_for(&tx, UserId(u.id)).await?,
            None => Vec::new(),
        };
        tx.commit().await?;
        // Hash outside any transaction: it takes tens of milliseconds.
        let ok = verify_password(user.as_ref().map(|u| u.password_hash.clone()), w.password).await;
        let Some(user) = user.filter(|_| ok) else {
            self.state.login_lock.failed(conn, &key, &address).await?;
            return Err(refused());
        };
        if user.id == self.user() {
            return Err(ApiError::validation(
                "witness",
                "the second signature is someone else's",
            ));
        }
        let at_facility = grants.iter().any(|g| {
            matches!(
                g.role,
                Role::Pharmacist
                    | Role::StoreKeeper
                    | Role::Doctor
                    | Role::Nurse
                    | Role::FacilityAdmin
            ) && matches!(g.scope, RoleScope::Facility(f) if Some(f.0) == store.facility_id)
        });
        if !at_facility {
            return Err(refused());
        }
        Ok(user.id)
    }

    /// Dispense against a prescription, line by line, in one transaction.
    pub async fn dispense(
        &self,
        store: Uuid,
        prescription: Uuid,
        lines: Vec<DispenseLine>,
        witness: Option<Witness>,
    ) -> ApiResult<Vec<DispenseRecord>> {
        if lines.is_empty() || lines.len() > arogya_domain::clinical::prescription::MAX_ITEMS {
            return Err(ApiError::validation("lines", "dispense at least one line"));
        }
        // The witness signs first, outside the dispensing transaction.
        let witness_id = {
            let tx = self.tx(Access::Read).await?;
            let s = self.worked_store(&tx, store).await?;
            tx.commit().await?;
            match witness {
                Some(w) => Some(self.witness(&s, w).await?),
                None => None,
            }
        };
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, store).await?;
        pharmacy(&store)?;
        let entry = arogya_infra::repos::clinical::find(&tx, prescription)
            .await?
            .filter(|e| e.kind == "prescription" && e.status != "entered_in_error")
            .ok_or_else(|| not_found("prescription"))?;
        let rx: Prescription = serde_json::from_value(entry.details.clone())
            .map_err(|e| ApiError::from(anyhow::anyhow!("stored prescription unreadable: {e}")))?;
        let item_ids: Vec<Uuid> = lines.iter().filter_map(|l| l.item_id).collect();
        let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(&tx, &item_ids)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let now = Utc::now();
        let mut saved = Vec::new();
        for (n, l) in lines.into_iter().enumerate() {
            let field = format!("lines.{n}");
            let line = l.line.ok_or_else(|| {
                ApiError::validation(&format!("{field}.line"), "name the prescription's line")
            })?;
            let pi = usize::try_from(line)
                .ok()
                .and_then(|i| rx.items.get(i))
                .ok_or_else(|| {
                    ApiError::validation(
                        &format!("{field}.line"),
                        "the prescription has no such line",
                    )
                })?;
            let item = match l.item_id {
                Some(id) => Some(items.get(&id).ok_or_else(|| {
                    ApiError::validation(
                        &format!("{field}.itemId"),
                        "no such item in the catalogue",
                    )
                })?),
                None => None,
            };
            let (outcome, reason) = rules::outcome(
                Prescribed {
                    name: &pi.drug_name,
                    code: pi.drug_code.as_deref(),
                    strength: pi.strength.as_deref(),
                },
                item.map(|i| Chosen {
                    code: &i.code,
                    name: &i.name,
                    strength: i.strength.as_deref(),
                }),
                l.quantity,
                l.reason.as_deref(),
                &field,
            )?;
            let controlled = item.is_some_and(|i| {
                rules::needs_witness(Schedule::parse(&i.schedule).unwrap_or(Schedule::None))
            });
            if controlled && witness_id.is_none() {
                return Err(ApiError::validation(
                    "witness",
                    "a controlled drug needs a second signature",
                ));
            }
            let given = Given {
                item,
                rx: Some((entry.patient_id, entry.id, line)),
                prescribed: &pi.drug_name,
                outcome,
                reason,
                witness: controlled.then_some(witness_id).flatten(),
                walk_in: None,
            };
            let record = self.give(&tx, &store, &l, given, now, &field).await?;
            saved.push(record);
        }
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "prescription",
            entry.id,
            json!({ "kind": "dispense", "patientId": entry.patient_id, "storeId": store.id,
                    "lines": saved.iter().map(|d| json!({ "line": d.line, "itemId": d.item_id, "quantity": d.quantity, "outcome": d.outcome })).collect::<Vec<_>>() }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Over-the-counter items to someone without a prescription.
    pub async fn dispense_walk_in(
        &self,
        store: Uuid,
        name: Option<String>,
        lines: Vec<DispenseLine>,
    ) -> ApiResult<Vec<DispenseRecord>> {
        if lines.is_empty() || lines.len() > 20 {
            return Err(ApiError::validation("lines", "give 1 to 20 items"));
        }
        let name = optional(name, "name", 120)?;
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, store).await?;
        pharmacy(&store)?;
        let ids: Vec<Uuid> = lines.iter().filter_map(|l| l.item_id).collect();
        let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(&tx, &ids)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let now = Utc::now();
        let mut saved = Vec::new();
        for (n, l) in lines.into_iter().enumerate() {
            let field = format!("lines.{n}");
            let item = l.item_id.and_then(|id| items.get(&id)).ok_or_else(|| {
                ApiError::validation(
                    &format!("{field}.itemId"),
                    "name an item from the catalogue",
                )
            })?;
            rules::walk_in_allowed(
                item.over_the_counter,
                Schedule::parse(&item.schedule)?,
                &item.name,
                &format!("{field}.itemId"),
            )?;
            arogya_domain::supply::ledger::quantity(l.quantity, &format!("{field}.quantity"))?;
            let given = Given {
                item: Some(item),
                rx: None,
                prescribed: &item.name,
                outcome: DispenseOutcome::Dispensed,
                reason: None,
                witness: None,
                walk_in: name.clone(),
            };
            saved.push(self.give(&tx, &store, &l, given, now, &field).await?);
        }
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_store",
            store.id,
            json!({ "kind": "walk_in", "lines": saved.iter().map(|d| json!({ "itemId": d.item_id, "quantity": d.quantity })).collect::<Vec<_>>() }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Take one line's stock out (if any) and record the dispense.
    async fn give(
        &self,
        tx: &TenantTx,
        store: &StoreRecord,
        l: &DispenseLine,
        g: Given<'_>,
        now: chrono::DateTime<Utc>,
        field: &str,
    ) -> ApiResult<DispenseRecord> {
        let Given {
            item,
            rx,
            prescribed,
            outcome,
            reason,
            witness,
            walk_in,
        } = g;
        let id = Uuid::now_v7();
        if let (Some(item), true) = (item, l.quantity > 0) {
            if let Some(b) = &l.batches {
                if b.iter().map(|p| p.quantity).sum::<i64>() != l.quantity {
                    return Err(ApiError::validation(
                        &format!("{field}.batches"),
                        "the batches' quantities must add up to the quantity given",
                    ));
                }
            }
            let by = self.user();
            take_out(
                tx,
                store,
                item.id,
                l.quantity,
                MovementKind::Dispense,
                l.batches.as_deref().map(|b| (b, l.batch_reason.as_deref())),
                |p| Post {
                    store: store.id,
                    item: item.id,
                    batch: p.batch,
                    kind: MovementKind::Dispense,
                    reason: None,
                    delta: 0,
                    note: None,
                    counterpart: None,
                    document: Some(("dispense", id)),
                    at: now,
                    by,
                },
            )
            .await
            .map_err(|e| match e {
                ApiError::Conflict(m) => ApiError::Conflict(format!("{}: {m}", item.name)),
                other => other,
            })?;
        }
        Ok(repo::insert(
            tx,
            NewDispense {
                id,
                store_id: store.id,
                patient_id: rx.map(|r| r.0),
                prescription_id: rx.map(|r| r.1),
                line: rx.map(|r| r.2),
                prescribed: prescribed.chars().take(260).collect(),
                item_id: item.map(|i| i.id),
                quantity: l.quantity.max(0),
                outcome: outcome.as_str(),
                reason,
                walk_in_name: walk_in,
                witness_by: witness,
                at: now,
                by: self.user(),
            },
        )
        .await?)
    }
}

//! The controlled drugs register (schedule H1 and X): every movement of the drug in
//! a store with its running balance, and for each dispense the patient, who gave it
//! and who signed as witness. Reading it is audited with the patients it shows.

use super::Supply;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::item::Schedule;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches as batch_repo;
use arogya_infra::repos::supply::dispenses as dispense_repo;
use arogya_infra::repos::supply::stock::{self as stock_repo, LedgerRow};
use arogya_infra::repos::{patients, users};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

pub struct RegisterLine {
    pub row: LedgerRow,
    pub batch_no: String,
    pub by: String,
    pub witness: Option<String>,
    pub patient_health_id: Option<String>,
}

impl Supply<'_> {
    pub async fn controlled_register(
        &self,
        store: Uuid,
        item: Uuid,
        limit: u64,
    ) -> ApiResult<Vec<RegisterLine>> {
        let mut tx = self.tx(Access::Write).await?;
        let s = self.seen_store(&tx, store).await?;
        let it = self.item(&tx, item).await?;
        if !Schedule::parse(&it.schedule)?.is_controlled() {
            return Err(ApiError::validation(
                "itemId",
                format!("{} is not a controlled drug (schedule H1 or X)", it.name),
            ));
        }
        let rows = stock_repo::stock_card(&tx, s.id, item, limit.clamp(1, 1000)).await?;
        let dispense_ids: Vec<Uuid> = rows
            .iter()
            .filter(|r| r.document_kind.as_deref() == Some("dispense"))
            .filter_map(|r| r.document_id)
            .collect();
        let dispenses: HashMap<Uuid, _> = dispense_repo::by_ids(&tx, &dispense_ids)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect();
        let mut people: Vec<Uuid> = rows.iter().map(|r| r.by).collect();
        people.extend(dispenses.values().filter_map(|d| d.witness_by));
        people.sort();
        people.dedup();
        let names: HashMap<Uuid, String> = users::find_many(&tx, &people)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let patient_ids: Vec<Uuid> = dispenses.values().filter_map(|d| d.patient_id).collect();
        let health: HashMap<Uuid, String> = patients::find_many(&tx, &patient_ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p.health_id))
            .collect();
        let batch_ids: Vec<Uuid> = rows.iter().map(|r| r.batch_id).collect();
        let batches: HashMap<Uuid, String> = batch_repo::by_ids(&tx, &batch_ids)
            .await?
            .into_iter()
            .map(|b| (b.id, b.batch_no))
            .collect();
        self.audit(
            &mut tx,
            AuditAction::PatientRead,
            "supply_store",
            s.id,
            json!({ "purpose": "controlled drugs register", "itemId": item, "patients": patient_ids }),
        )
        .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let d = row.document_id.and_then(|id| dispenses.get(&id));
                RegisterLine {
                    batch_no: batches.get(&row.batch_id).cloned().unwrap_or_default(),
                    by: names.get(&row.by).cloned().unwrap_or_default(),
                    witness: d
                        .and_then(|d| d.witness_by)
                        .and_then(|w| names.get(&w).cloned()),
                    patient_health_id: d
                        .and_then(|d| d.patient_id)
                        .and_then(|p| health.get(&p).cloned()),
                    row,
                }
            })
            .collect())
    }
}

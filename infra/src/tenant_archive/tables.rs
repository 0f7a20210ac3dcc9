//! The tenant tables an archive holds, in an order where every row's references come
//! before it (children are cleared in reverse), and the generic work on each through
//! its entity.

use crate::db::{InfraResult, TenantTx};
use crate::entities;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, EntityTrait, IntoActiveModel, Iterable, PrimaryKeyToColumn, QueryFilter,
    QueryOrder,
};
use serde_json::Value;

/// Tables with a tenant that an archive leaves out, and why: sessions are not revived
/// (everyone signs in again), idempotency keys are answers kept for a day, presence is
/// who is at their desk right now, and machine clients' secrets do not travel in a
/// file (their accounts do; an administrator issues new clients after a restore).
pub const EXCLUDED: &[&str] = &[
    "refresh_tokens",
    "idempotency_keys",
    "agent_presence",
    "api_clients",
];

/// The audit trail and its chain are never rewritten: restoring adds the archive's
/// rows that are missing and leaves every other one in place.
pub const KEPT: &[&str] = &["audit_events", "audit_chain"];

async fn dump_entity<E>(tx: &TenantTx, table: &str) -> InfraResult<Vec<Value>>
where
    E: EntityTrait,
    E::Model: serde::Serialize,
{
    let mut q = E::find().filter(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0));
    for pk in E::PrimaryKey::iter() {
        q = q.order_by_asc(pk.into_column());
    }
    let rows = q.all(tx.conn()).await?;
    rows.iter()
        .map(|m| {
            serde_json::to_value(m)
                .map_err(|e| anyhow::anyhow!("writing a row of {table}: {e}").into())
        })
        .collect()
}

async fn load_entity<E>(tx: &TenantTx, table: &str, rows: Vec<Value>) -> InfraResult<()>
where
    E: EntityTrait,
    E::Model: serde::de::DeserializeOwned + IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let keep_existing = KEPT.contains(&table);
    let models = rows
        .into_iter()
        .map(|r| {
            serde_json::from_value::<E::Model>(r)
                .map(IntoActiveModel::into_active_model)
                .map_err(|e| anyhow::anyhow!("reading a row of {table}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut models = models.into_iter().peekable();
    while models.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = models.by_ref().take(200).collect();
        let mut insert = E::insert_many(chunk);
        if keep_existing {
            insert = insert.on_conflict(
                OnConflict::columns(E::PrimaryKey::iter().map(|pk| pk.into_column()))
                    .do_nothing()
                    .to_owned(),
            );
            insert.exec_without_returning(tx.conn()).await?;
        } else {
            insert.exec_without_returning(tx.conn()).await?;
        }
    }
    Ok(())
}

async fn clear_entity<E: EntityTrait>(tx: &TenantTx) -> InfraResult<()> {
    E::delete_many()
        .filter(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .exec(tx.conn())
        .await?;
    Ok(())
}

macro_rules! tables {
    ($($name:literal => $module:ident),* $(,)?) => {
        /// Every tenant table an archive holds, parents before children.
        pub const TABLES: &[&str] = &[$($name),*];

        pub(super) async fn dump(tx: &TenantTx, table: &str) -> InfraResult<Vec<Value>> {
            match table {
                $($name => dump_entity::<entities::$module::Entity>(tx, table).await,)*
                _ => Err(anyhow::anyhow!("no table {table} in a tenant archive").into()),
            }
        }

        pub(super) async fn load(tx: &TenantTx, table: &str, rows: Vec<Value>) -> InfraResult<()> {
            match table {
                $($name => load_entity::<entities::$module::Entity>(tx, table, rows).await,)*
                _ => Err(anyhow::anyhow!("no table {table} in a tenant archive").into()),
            }
        }

        pub(super) async fn clear(tx: &TenantTx, table: &str) -> InfraResult<()> {
            match table {
                $($name => clear_entity::<entities::$module::Entity>(tx).await,)*
                _ => Err(anyhow::anyhow!("no table {table} in a tenant archive").into()),
            }
        }
    };
}

tables! {
    "users" => user,
    "admin_units" => admin_unit,
    "facilities" => facility,
    "role_assignments" => role_assignment,
    "professionals" => professional,
    "professional_registrations" => professional_registration,
    "professional_facilities" => professional_facility,
    "households" => household,
    "patients" => patient,
    "patient_cards" => patient_card,
    "clinical_entries" => clinical_entry,
    "clinical_entry_versions" => clinical_entry_version,
    "record_access_log" => record_access,
    "document_settings" => document_settings,
    "documents" => document,
    "hospital_signups" => hospital_signup,
    "otp_codes" => otp_code,
    "hospital_applications" => hospital_application,
    "application_events" => application_event,
    "notification_outbox" => notification,
    "email_verifications" => email_verification,
    "kb_articles" => kb_article,
    "helpline_sla" => helpline_sla,
    "helpline_tickets" => helpline_ticket,
    "ticket_events" => ticket_event,
    "emergency_dispatches" => emergency_dispatch,
    "clinic_sessions" => clinic_session,
    "schedule_exceptions" => schedule_exception,
    "appointments" => appointment,
    "appointment_tokens" => appointment_token,
    "inpatient_settings" => inpatient_settings,
    "wards" => ward,
    "beds" => bed,
    "admissions" => admission,
    "bed_assignments" => bed_assignment,
    "admission_attendants" => admission_attendant,
    "condition_entries" => condition_entry,
    "inpatient_codes" => inpatient_code,
    "referrals" => referral,
    "medication_administrations" => medication_administration,
    "intake_output" => intake_output,
    "handover_notes" => handover_note,
    "ward_census" => ward_census,
    "bed_snapshots" => bed_snapshot,
    "district_bed_snapshots" => district_bed_snapshot,
    "oxygen_settings" => oxygen_settings,
    "oxygen_cylinder_types" => oxygen_cylinder_type,
    "oxygen_sources" => oxygen_source,
    "oxygen_entries" => oxygen_entry,
    "oxygen_facility_days" => oxygen_facility_day,
    "oxygen_alerts" => oxygen_alert,
    "oxygen_deliveries" => oxygen_delivery,
    "equipment_orders" => equipment_order,
    "equipment" => equipment,
    "equipment_events" => equipment_event,
    "supply_items" => supply_item,
    "supply_stores" => supply_store,
    "supply_batches" => supply_batch,
    "supply_store_items" => supply_store_item,
    "supply_stock" => supply_stock,
    "supply_ledger" => supply_ledger_row,
    "supply_indents" => supply_indent,
    "supply_indent_lines" => supply_indent_line,
    "supply_voucher_lines" => supply_voucher_line,
    "supply_dispenses" => supply_dispense,
    "supply_counts" => supply_count,
    "supply_count_lines" => supply_count_line,
    "supply_budget_heads" => supply_budget_head,
    "supply_purchase_orders" => supply_purchase_order,
    "supply_order_lines" => supply_order_line,
    "supply_order_receipts" => supply_order_receipt,
    "supply_alerts" => supply_alert,
    "supply_kits" => supply_kit,
    "supply_kit_lines" => supply_kit_line,
    "notifiable_conditions" => notifiable_condition,
    "surveillance_cases" => surveillance_case,
    "surveillance_weekly_counts" => surveillance_weekly_count,
    "surveillance_place_counts" => surveillance_place_count,
    "surveillance_alerts" => surveillance_alert,
    "dhis2_mappings" => dhis2_mapping,
    "outbreak_investigations" => outbreak_investigation,
    "outbreak_entries" => outbreak_entry,
    "surveillance_weekly_reports" => surveillance_weekly_report,
    "surveillance_alert_rules" => surveillance_alert_rule,
    "surveillance_populations" => surveillance_population,
    "training_sessions" => training_session,
    "training_nominees" => training_nominee,
    "training_attendance" => training_attendance,
    "emr_readiness_changes" => emr_readiness_change,
    "emr_deadlines" => emr_deadline,
    "indicator_facility_days" => indicator_facility_day,
    "indicator_unit_months" => indicator_unit_month,
    "indicator_facility_months" => indicator_facility_month,
    "indicator_recounts" => indicator_recount,
    "scorecards" => scorecard,
    "award_rounds" => award_round,
    "award_winners" => award_winner,
    "report_recipients" => report_recipient,
    "report_sends" => report_send,
    "audit_events" => audit_event,
    "audit_chain" => audit_link,
}

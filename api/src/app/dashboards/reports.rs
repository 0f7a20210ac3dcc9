//! The monthly indicators report by e-mail: state administrators name who receives a
//! place's report, and on the first of the month (or the first round of the
//! maintenance job after it) each receives last month's figures with the address of
//! the printable report, through the notification outbox. A month is sent to a
//! recipient once: the send is recorded with its message in one transaction, keyed by
//! recipient and month.

use super::indicators::{PlaceRef, Report};
use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::user::Email;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::dashboards::report_recipients::{self, NewRecipient, RecipientRecord};
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::{facilities, tenants, units};
use chrono::{Datelike, Months, NaiveDate};
use uuid::Uuid;

/// A recipient with the name of the place whose report they receive.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub record: RecipientRecord,
    pub place: String,
}

fn place_of(r: &RecipientRecord) -> PlaceRef {
    match (r.facility_id, r.unit_id) {
        (Some(f), _) => PlaceRef::Facility(FacilityId(f)),
        (None, Some(u)) => PlaceRef::Unit(UnitId(u)),
        (None, None) => PlaceRef::Reach,
    }
}

impl Dashboards<'_> {
    /// Every recipient not removed (state administrators: these are e-mail addresses).
    pub async fn report_recipients(&self) -> ApiResult<Vec<Recipient>> {
        self.principal
            .require_state_admin("see who receives the monthly reports")?;
        let tx = self.tx(Access::Read).await?;
        let rows = report_recipients::active(&tx).await?;
        let unit_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.unit_id).collect();
        let facility_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.facility_id).collect();
        let unit_names: std::collections::HashMap<Uuid, String> = units::find_many(&tx, &unit_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let facility_names: std::collections::HashMap<Uuid, String> =
            facilities::find_many(&tx, &facility_ids)
                .await?
                .into_iter()
                .map(|f| (f.id, f.name))
                .collect();
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|r| Recipient {
                place: match (r.facility_id, r.unit_id) {
                    (Some(f), _) => facility_names.get(&f).cloned().unwrap_or_default(),
                    (None, Some(u)) => unit_names.get(&u).cloned().unwrap_or_default(),
                    (None, None) => String::new(),
                },
                record: r,
            })
            .collect())
    }

    /// Add a recipient of a place's report (the whole tenant, a unit or a facility).
    pub async fn add_report_recipient(
        &self,
        email: Email,
        place: PlaceRef,
    ) -> ApiResult<Recipient> {
        self.principal
            .require_state_admin("choose who receives the monthly reports")?;
        let mut tx = self.tx(Access::Write).await?;
        let not_found = |what: &str| ApiError::NotFound(format!("{what} not found"));
        let (unit, facility, name) = match place {
            PlaceRef::Facility(id) => {
                let f = facilities::find(&tx, id)
                    .await?
                    .ok_or_else(|| not_found("facility"))?;
                (None, Some(f.id), f.name)
            }
            PlaceRef::Unit(id) => {
                let u = units::find(&tx, id)
                    .await?
                    .ok_or_else(|| not_found("unit"))?;
                (Some(u.id), None, u.name)
            }
            PlaceRef::Reach => (None, None, String::new()),
        };
        let by = self.principal.user_id().0;
        let record = report_recipients::add(
            &tx,
            NewRecipient {
                email: email.as_str(),
                unit,
                facility,
                by,
            },
        )
        .await?;
        let event = NewAuditEvent::new(
            Actor::User(by),
            AuditAction::ReportRecipients,
            "report_recipient",
            Some(record.id),
        )
        .with_detail(serde_json::json!({ "added": true, "unit": unit, "facility": facility }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(Recipient {
            record,
            place: name,
        })
    }

    /// Stop sending to a recipient (kept, marked removed).
    pub async fn remove_report_recipient(&self, id: Uuid) -> ApiResult<()> {
        self.principal
            .require_state_admin("choose who receives the monthly reports")?;
        let mut tx = self.tx(Access::Write).await?;
        let by = self.principal.user_id().0;
        if !report_recipients::remove(&tx, id, by).await? {
            return Err(ApiError::NotFound("recipient not found".into()));
        }
        let event = NewAuditEvent::new(
            Actor::User(by),
            AuditAction::ReportRecipients,
            "report_recipient",
            Some(id),
        )
        .with_detail(serde_json::json!({ "removed": true }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The e-mail of a place's month: its figures in words and where the printable report is.
pub fn message(r: &Report, month: NaiveDate, link: &str) -> (String, String) {
    let f = r.months.last().map(|(_, f)| *f).unwrap_or_default();
    let rate = |v: Option<f64>| v.map_or("–".to_owned(), |x| format!("{x:.1}"));
    let place = if r.place_name.is_empty() {
        "everything in reach"
    } else {
        &r.place_name
    };
    let subject = format!("Monthly report, {}: {place}", month.format("%B %Y"));
    let body = format!(
        "{place}, {month}\n\
         Outpatient visits: {}\nAdmissions: {}\nDischarges: {}\nDeaths: {}\nReferred out: {}\n\
         Inpatient mortality (%): {}\nAverage length of stay (days): {}\nBed occupancy (%): {}\n\
         Lab tests: {}\nLab turnaround (hours): {}\nPrescriptions per visit: {}\n\n\
         The full report with its charts (sign in to open it): {link}\n",
        f.opd_visits,
        f.admissions,
        f.discharges,
        f.deaths,
        f.referrals_out,
        rate(f.mortality_rate()),
        rate(f.average_length_of_stay()),
        rate(f.bed_occupancy_rate()),
        f.lab_tests,
        rate(f.lab_turnaround_hours()),
        rate(f.prescriptions_per_visit()),
        month = month.format("%B %Y"),
    );
    (subject, body)
}

/// Last month's report to every recipient not yet sent it, tenant by tenant; returns
/// how many were queued.
pub async fn send_monthly_reports(state: &AppState) -> anyhow::Result<u64> {
    let today = today();
    let this_month = today.with_day(1).unwrap_or(today);
    let month = this_month
        .checked_sub_months(Months::new(1))
        .unwrap_or(this_month);
    let mut queued = 0;
    for t in tenants::all(state.db.conn()).await? {
        let tenant = TenantId(t.id);
        let tx = state.db.tenant_tx(tenant, Access::Read).await?;
        let sent = report_recipients::sent_in(&tx, month).await?;
        let due: Vec<RecipientRecord> = report_recipients::active(&tx)
            .await?
            .into_iter()
            .filter(|r| !sent.contains(&r.id))
            .collect();
        tx.commit().await?;
        for r in due {
            // Read as the administrator who named the recipient, across the tenant.
            let principal = Principal::Staff {
                id: UserId(r.added_by),
                tenant,
                grants: vec![],
            };
            let d = Dashboards {
                state,
                principal: &principal,
                meta: RequestMeta::default(),
            };
            let m = month.format("%Y-%m").to_string();
            let report = match d.indicators(place_of(&r), &m, &m, None).await {
                Ok(report) => report,
                Err(e) => {
                    tracing::warn!(recipient = %r.id, error = ?e, "a monthly report could not be made");
                    continue;
                }
            };
            let place = match (r.facility_id, r.unit_id) {
                (Some(f), _) => format!("&facility={f}"),
                (None, Some(u)) => format!("&unit={u}"),
                _ => String::new(),
            };
            let base = state.config.public_url.clone().unwrap_or_default();
            let link = format!(
                "{}/dashboards/report.pdf?month={m}{place}",
                base.trim_end_matches('/')
            );
            let (subject, body) = message(&report, month, &link);
            let tx = state.db.tenant_tx(tenant, Access::Write).await?;
            let note = outbox::enqueue(&tx, Channel::Email, &r.email, &subject, &body).await?;
            match report_recipients::mark_sent(&tx, r.id, month, note.id).await {
                Ok(()) => {
                    tx.commit().await?;
                    queued += 1;
                }
                // Another server sent it first: this message is rolled back with the row.
                Err(arogya_infra::db::InfraError::Domain(_)) => drop(tx),
                Err(e) => return Err(e.into()),
            }
        }
    }
    if queued > 0 {
        state.outbox_wake.notify_one();
    }
    Ok(queued)
}

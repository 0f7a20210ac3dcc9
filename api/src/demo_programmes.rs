//! Demo figures for the programme indicators: six months of helpline calls (most
//! answered within their first-response target, some late, a few of today's still
//! waiting) and this year's population of the state and the demo district, so the
//! Indicators screen shows calls answered in time and survey coverage. The recount job
//! counts them like any other record.

use crate::state::AppState;
use arogya_domain::helpline::{default_sla, Category, Channel, Priority};
use arogya_domain::ids::{TenantId, UnitId};
use arogya_infra::db::Access;
use arogya_infra::repos::helpline::{self, NewTicket};
use arogya_infra::repos::surveillance::rules;
use chrono::{Datelike, Duration, Utc};
use uuid::Uuid;

/// West Bengal and Nadia at the 2011 census.
const STATE_POPULATION: i64 = 91_276_115;
const DISTRICT_POPULATION: i64 = 5_167_600;

const CATEGORIES: [Category; 4] = [
    Category::Information,
    Category::Appointment,
    Category::Teleconsultation,
    Category::Complaint,
];

pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    root: UnitId,
    district: UnitId,
    agent: Uuid,
) -> anyhow::Result<()> {
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let year = (Utc::now() + Duration::minutes(330)).year();
    for (unit, people) in [(root, STATE_POPULATION), (district, DISTRICT_POPULATION)] {
        if rules::population(&tx, unit.0, year).await?.is_none() {
            rules::insert_population(
                &tx,
                rules::PopulationRecord {
                    tenant_id: tenant.0,
                    unit_id: unit.0,
                    year,
                    population: people,
                    version: 1,
                    updated_at: Utc::now(),
                    updated_by: None,
                },
            )
            .await?;
        }
    }
    // 180 days, one to three calls a day; every ninth answered late; today's last
    // three still waiting.
    let now = Utc::now();
    let mut n: i64 = 0;
    for day in (0..180).rev() {
        for k in 0..(1 + day % 3) {
            n += 1;
            let category = CATEGORIES[(n as usize) % CATEGORIES.len()];
            let target = default_sla(category).first_response_minutes;
            let created = now - Duration::days(day) - Duration::minutes(30 + 97 * k + n % 40);
            let waiting = day == 0;
            let answered = (!waiting).then(|| {
                let late = n % 9 == 0;
                created + Duration::minutes(if late { target + 4 } else { target - 1 })
            });
            helpline::insert_at(
                &tx,
                NewTicket {
                    channel: Channel::Phone,
                    caller_phone: &format!("+9198300{:05}", 10_000 + n),
                    caller_name: None,
                    language: if n % 2 == 0 { "bn" } else { "hi" },
                    patient: None,
                    category,
                    notes: "Demo call".into(),
                    priority: Priority::Normal,
                    created_by: agent,
                },
                created,
                answered.map(|a| (a, agent)),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

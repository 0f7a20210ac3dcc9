//! Recounting the indicators kept from other modules' records (registrations, cards,
//! surveys, helpline calls, verifications, notifiable cases, stock-outs, oxygen):
//! every `indicator_recount_secs` the months still open to correction (this one and
//! the last), and once an India day everything, so a correction to an older record is
//! counted by the next morning. Run by the maintenance loop, tenant by tenant.

use crate::app::professionals::today;
use crate::state::AppState;
use arogya_domain::dashboards::measures::india_day;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::indicators::recount;
use arogya_infra::repos::tenants;
use chrono::{Datelike, Months, Utc};

/// What a round did, for logs and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recounted {
    pub full: u32,
    pub recent: u32,
}

pub async fn recount_indicators(state: &AppState) -> anyhow::Result<Recounted> {
    let mut done = Recounted::default();
    let every = chrono::Duration::seconds(state.config.indicator_recount_secs.max(1) as i64);
    for t in tenants::all(state.db.conn()).await? {
        let now = Utc::now();
        let today = today();
        let tx = state.db.tenant_tx(TenantId(t.id), Access::Write).await?;
        let last = recount::claim(&tx).await?;
        let full = last.full_at.is_none_or(|at| india_day(at) < today);
        let recent = last.recent_at.is_none_or(|at| now - at >= every);
        if full {
            recount::recount(&tx, None, now).await?;
            done.full += 1;
        } else if recent {
            let this_month = today.with_day(1).unwrap_or(today);
            let since = this_month
                .checked_sub_months(Months::new(1))
                .unwrap_or(this_month);
            recount::recount(&tx, Some(since), now).await?;
            done.recent += 1;
        }
        if full || recent {
            recount::mark(&tx, now, full).await?;
        }
        tx.commit().await?;
    }
    Ok(done)
}

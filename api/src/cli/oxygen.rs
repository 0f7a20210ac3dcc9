//! `arogya oxygen`: run the oxygen alert rules now (the server does so every
//! maintenance round), or as of another time to see what they would have raised.

use crate::app::oxygen::alerts;
use crate::state::AppState;
use anyhow::Context;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::repos::tenants;
use chrono::{DateTime, Utc};
use clap::Subcommand;

#[derive(Subcommand)]
pub(crate) enum OxygenCommand {
    /// Raise the alerts the readings call for and escalate critical ones left
    /// unacknowledged; prints what was done.
    Alerts {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
        /// Run the rules as of this time (RFC 3339), e.g. to replay a night.
        #[arg(long)]
        at: Option<DateTime<Utc>>,
    },
}

pub(super) async fn run(state: &AppState, command: OxygenCommand) -> anyhow::Result<()> {
    let OxygenCommand::Alerts { tenant, at } = command;
    let code = TenantCode::parse(&tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let round = alerts::evaluate(state, TenantId(t.id), at.unwrap_or_else(Utc::now), None)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "{code}: {} alerts raised, {} escalated",
        round.raised, round.escalated
    );
    Ok(())
}

//! `arogya export dhis2`: a week's counts as a DHIS2 `dataValueSets` payload on standard
//! output (the same as the `dhis2Export` query), what could not be mapped on standard
//! error. Post it with `curl -u user:pass -H 'Content-Type: application/json'
//! --data @week.json https://dhis2.example.org/api/dataValueSets` (docs/SURVEILLANCE.md).

use super::cli_meta;
use crate::app::surveillance::dhis2::{audit_export, export_week};
use crate::state::AppState;
use anyhow::Context;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::tenant::TenantCode;
use arogya_infra::db::Access;
use arogya_infra::repos::tenants;
use clap::Subcommand;

#[derive(Subcommand)]
pub(crate) enum ExportCommand {
    /// A week's surveillance counts for DHIS2 (JSON on standard output).
    Dhis2 {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
        /// The epidemiological week, e.g. 2026W49.
        #[arg(long)]
        week: String,
    },
}

pub(super) async fn run(state: &AppState, command: ExportCommand) -> anyhow::Result<()> {
    let ExportCommand::Dhis2 { tenant, week } = command;
    let week = EpiWeek::parse(&week, "week")?;
    let code = TenantCode::parse(&tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let mut tx = state.db.tenant_tx(TenantId(t.id), Access::Write).await?;
    let view = export_week(&tx, week).await.map_err(super::api_err)?;
    audit_export(&mut tx, &cli_meta(), Actor::System, &view)
        .await
        .map_err(super::api_err)?;
    tx.commit().await?;
    println!("{}", serde_json::to_string_pretty(&view.export.payload)?);
    for s in &view.export.skipped {
        eprintln!(
            "left out: {} case(s) of {} ({})",
            s.cases,
            view.skipped_label(s),
            s.reason.as_str().replace('_', " ")
        );
    }
    Ok(())
}

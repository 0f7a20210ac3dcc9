//! `arogya audit`: sealing and checking a tenant's tamper-evident audit chain.

use crate::app::audit_chain;
use crate::state::AppState;
use anyhow::Context;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::repos::tenants;
use clap::Subcommand;

#[derive(Subcommand)]
pub(crate) enum AuditCommand {
    /// Check every link of a tenant's chain; exits non-zero at the first broken one.
    Verify {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
    },
    /// Seal the tenant's events not yet in the chain now (the server does so every
    /// maintenance round).
    Seal {
        #[arg(long)]
        tenant: String,
    },
}

pub(super) async fn run(state: &AppState, command: AuditCommand) -> anyhow::Result<()> {
    let (AuditCommand::Verify { tenant } | AuditCommand::Seal { tenant }) = &command;
    let code = TenantCode::parse(tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let tenant = TenantId(t.id);
    match command {
        AuditCommand::Seal { .. } => {
            let sealed = audit_chain::seal_all(state, tenant).await?;
            println!("{code}: {sealed} events sealed");
        }
        AuditCommand::Verify { .. } => {
            let v = audit_chain::verify(state, tenant).await?;
            match v.broken {
                None => {
                    println!(
                        "{code}: the audit chain is intact: {} links, head {}; {} events not sealed yet",
                        v.links, v.head, v.unsealed
                    );
                }
                Some((seq, event, why)) => {
                    println!(
                        "{code}: the audit chain is BROKEN at link {seq} (event {event}): {why}; {} links before it are intact",
                        v.links
                    );
                    anyhow::bail!("the audit chain of {code} is broken at link {seq}");
                }
            }
        }
    }
    Ok(())
}

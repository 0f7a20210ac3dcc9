//! `arogya tenant export` and `arogya tenant import`.

use crate::app::tenant_archive;
use crate::state::AppState;
use arogya_infra::Db;
use std::path::Path;

pub(super) async fn export(
    state: &AppState,
    tenant: &str,
    out: &Path,
    with_documents: bool,
) -> anyhow::Result<()> {
    let s = tenant_archive::export(state, tenant, out, with_documents).await?;
    let rows: u64 = s.tables.values().map(|d| d.rows).sum();
    println!(
        "{tenant}: {rows} rows in {} tables and {} documents{} written to {}",
        s.tables.values().filter(|d| d.rows > 0).count(),
        s.objects,
        if with_documents {
            ""
        } else {
            " (keys and digests only)"
        },
        out.display()
    );
    Ok(())
}

/// Restore as the table owner when one is configured (PostgreSQL): the application
/// role may not remove rows of the append-only tables a restore replaces.
pub(super) async fn import(
    state: &AppState,
    owner_url: Option<&str>,
    file: &Path,
) -> anyhow::Result<()> {
    let owner = match owner_url {
        Some(url) => Db::connect(url, 2).await?,
        None => state.db.clone(),
    };
    let s = tenant_archive::import(state, &owner, file).await?;
    let rows: u64 = s.tables.values().map(|d| d.rows).sum();
    println!(
        "restored {rows} rows and {} documents from {}; the tenant's users sign in again",
        s.objects,
        file.display()
    );
    Ok(())
}

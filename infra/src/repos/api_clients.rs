//! Machine clients of one tenant (OAuth 2.0 `client_credentials`): the argon2id hash of
//! each one's secret beside its account.

use crate::db::{InfraResult, TenantTx};
use crate::repos::inpatient::statement;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct ApiClientRecord {
    pub id: Uuid,
    pub name: String,
    pub secret_hash: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub version: i32,
    /// Its account's status (`users.status`): an administrator may disable it.
    pub account_status: String,
}

const SELECT: &str =
    "SELECT c.id, u.display_name AS name, c.secret_hash, c.created_by, c.created_at,
        c.rotated_at, c.revoked_at, c.version, u.status AS account_status
 FROM api_clients c JOIN users u ON u.tenant_id = c.tenant_id AND u.id = c.id
 WHERE c.tenant_id = $1";

fn record(r: &sea_orm::QueryResult) -> InfraResult<ApiClientRecord> {
    Ok(ApiClientRecord {
        id: r.try_get("", "id")?,
        name: r.try_get("", "name")?,
        secret_hash: r.try_get("", "secret_hash")?,
        created_by: r.try_get("", "created_by")?,
        created_at: r.try_get("", "created_at")?,
        rotated_at: r.try_get("", "rotated_at")?,
        revoked_at: r.try_get("", "revoked_at")?,
        version: r.try_get("", "version")?,
        account_status: r.try_get("", "account_status")?,
    })
}

/// The client for the account `id` (its account must exist: the foreign key).
pub async fn insert(tx: &TenantTx, id: Uuid, secret_hash: String, by: Uuid) -> InfraResult<()> {
    tx.conn()
        .execute_raw(statement(
            tx,
            "INSERT INTO api_clients (tenant_id, id, secret_hash, created_by, created_at, version)
             VALUES ($1, $2, $3, $4, $5, 1)",
            vec![
                tx.tenant().0.into(),
                id.into(),
                secret_hash.into(),
                by.into(),
                Utc::now().into(),
            ],
        ))
        .await?;
    Ok(())
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ApiClientRecord>> {
    let row = tx
        .conn()
        .query_one_raw(statement(
            tx,
            &format!("{SELECT} AND c.id = $2"),
            vec![tx.tenant().0.into(), id.into()],
        ))
        .await?;
    row.as_ref().map(record).transpose()
}

/// Every client of the tenant, newest first.
pub async fn list(tx: &TenantTx) -> InfraResult<Vec<ApiClientRecord>> {
    let rows = tx
        .conn()
        .query_all_raw(statement(
            tx,
            &format!("{SELECT} ORDER BY c.created_at DESC"),
            vec![tx.tenant().0.into()],
        ))
        .await?;
    rows.iter().map(record).collect()
}

/// A new secret for a client that is not revoked; false when there is none such.
pub async fn rotate(tx: &TenantTx, id: Uuid, secret_hash: String) -> InfraResult<bool> {
    let done = tx
        .conn()
        .execute_raw(statement(
            tx,
            "UPDATE api_clients SET secret_hash = $3, rotated_at = $4, version = version + 1
             WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL",
            vec![
                tx.tenant().0.into(),
                id.into(),
                secret_hash.into(),
                Utc::now().into(),
            ],
        ))
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Mark a client revoked; false when there is none, or it already was.
pub async fn revoke(tx: &TenantTx, id: Uuid) -> InfraResult<bool> {
    let done = tx
        .conn()
        .execute_raw(statement(
            tx,
            "UPDATE api_clients SET revoked_at = $3, version = version + 1
             WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL",
            vec![tx.tenant().0.into(), id.into(), Utc::now().into()],
        ))
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Forget every client of the tenant (before a restore replaces its accounts).
pub async fn delete_all(tx: &TenantTx) -> InfraResult<()> {
    tx.conn()
        .execute_raw(statement(
            tx,
            "DELETE FROM api_clients WHERE tenant_id = $1",
            vec![tx.tenant().0.into()],
        ))
        .await?;
    Ok(())
}

/// Is the account a machine client's (no password sign-in, no password reset)?
pub async fn is_client(tx: &TenantTx, id: Uuid) -> InfraResult<bool> {
    Ok(find(tx, id).await?.is_some())
}

//! One tenant's data as a single archive, and back: what `arogya tenant export` and
//! `arogya tenant import` are made of.
//!
//! The archive is gzip-compressed JSON lines: a header (format version, the schema's
//! migrations, the tenant), every row of every tenant table (`row`), the tenant's
//! documents or only their keys and digests (`object`), and a manifest with each
//! table's row count and SHA-256 and an HMAC over header and manifest, keyed by the
//! deployment's PII master key (which a state moving to its own installation carries
//! with it anyway: national-ID hashes and card signatures derive from it). A truncated
//! archive has no manifest; a changed row breaks its table's digest; a changed
//! manifest breaks the HMAC. Rows are read through the entities, so an archive made
//! on PostgreSQL loads into SQLite and back.

mod tables;

pub use tables::{EXCLUDED, KEPT, TABLES};

use crate::db::{InfraResult, TenantTx};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const FORMAT: &str = "arogya-tenant-archive";
pub const VERSION: u32 = 1;

/// One line of an archive.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Line {
    Header(Header),
    Row { table: String, row: Value },
    Object(Object),
    Manifest(Manifest),
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The migrations of the schema it was made with, in order.
    pub schema: Vec<String>,
    /// The tenant's own row.
    pub tenant: Value,
    pub exported_at: chrono::DateTime<chrono::Utc>,
    pub with_documents: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Object {
    pub key: String,
    pub sha256: String,
    pub size: u64,
    pub content_type: String,
    /// Base64; absent with `--without-documents`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TableDigest {
    pub rows: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub tables: BTreeMap<String, TableDigest>,
    pub objects: u64,
    /// HMAC-SHA256 (hex) of the header and the manifest without this field.
    pub mac: String,
}

/// A JSON value with object keys sorted, written compactly: the same row gives the
/// same bytes on every backend.
pub fn canonical(v: &Value) -> String {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                let mut out = serde_json::Map::new();
                for k in keys {
                    out.insert(k.clone(), sorted(&m[k]));
                }
                Value::Object(out)
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(v).to_string()
}

/// Running digest of one table's rows, in archive order.
#[derive(Default)]
pub struct Digester {
    hasher: Sha256,
    rows: u64,
}

impl Digester {
    pub fn add(&mut self, row: &Value) {
        self.hasher.update(canonical(row).as_bytes());
        self.hasher.update(b"\n");
        self.rows += 1;
    }
    pub fn finish(self) -> TableDigest {
        TableDigest {
            rows: self.rows,
            sha256: self
                .hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        }
    }
}

/// The HMAC that seals an archive.
pub fn seal(
    key: &[u8; 32],
    header: &Header,
    tables: &BTreeMap<String, TableDigest>,
    objects: u64,
) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    let header = serde_json::to_value(header).unwrap_or(Value::Null);
    let body = serde_json::json!({ "tables": tables, "objects": objects });
    mac.update(canonical(&header).as_bytes());
    mac.update(b"\n");
    mac.update(canonical(&body).as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The migrations of this build's schema, in order (an archive records them).
pub fn schema() -> Vec<String> {
    use sea_orm_migration::MigratorTrait;
    crate::migrations::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// Insert the tenant's own row (restoring into an installation without it).
pub async fn insert_tenant(
    ptx: &crate::db::PlatformTx,
    t: crate::entities::tenant::Model,
) -> InfraResult<()> {
    use sea_orm::{EntityTrait, IntoActiveModel};
    crate::entities::tenant::Entity::insert(t.into_active_model())
        .exec_without_returning(ptx.conn())
        .await?;
    Ok(())
}

/// End every session of the tenant and forget its machine clients (a restore revives
/// none: clients' secrets are not archived).
pub async fn end_sessions(tx: &TenantTx) -> InfraResult<()> {
    use crate::entities::refresh_token;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    crate::repos::api_clients::delete_all(tx).await?;
    refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::TenantId.eq(tx.tenant().0))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Every row of `table` of the transaction's tenant, in primary-key order.
pub async fn dump(tx: &TenantTx, table: &str) -> InfraResult<Vec<Value>> {
    tables::dump(tx, table).await
}

/// Insert `rows` into `table` (the tenant's own rows: each is checked to carry the
/// transaction's tenant). For the kept tables (the audit trail), rows already there
/// are left as they are.
pub async fn load(tx: &TenantTx, table: &str, rows: Vec<Value>) -> InfraResult<()> {
    let tenant = tx.tenant().0.to_string();
    if let Some(bad) = rows
        .iter()
        .find(|r| r["tenant_id"].as_str() != Some(tenant.as_str()))
    {
        return Err(anyhow::anyhow!("a row of {table} belongs to another tenant: {bad}").into());
    }
    let mut rows = rows;
    if table == "admin_units" {
        // A unit's parent first, whatever order their ids were made in.
        rows.sort_by_key(|r| r["depth"].as_i64().unwrap_or(0));
    }
    tables::load(tx, table, rows).await
}

/// Remove the tenant's rows of every table but the kept ones, children first.
pub async fn clear(tx: &TenantTx) -> InfraResult<()> {
    for table in TABLES.iter().rev() {
        if !KEPT.contains(table) {
            tables::clear(tx, table).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_ignores_key_order_and_a_seal_covers_everything() {
        let a = serde_json::json!({ "b": 1, "a": { "y": [1, { "d": 2, "c": 3 }], "x": null } });
        let b = serde_json::json!({ "a": { "x": null, "y": [1, { "c": 3, "d": 2 }] }, "b": 1 });
        assert_eq!(canonical(&a), canonical(&b));
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            schema: vec!["m1".into()],
            tenant: serde_json::json!({ "code": "WB" }),
            exported_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            with_documents: true,
        };
        let mut tables = BTreeMap::new();
        tables.insert(
            "users".to_owned(),
            TableDigest {
                rows: 2,
                sha256: "ab".into(),
            },
        );
        let key = [3u8; 32];
        let mac = seal(&key, &header, &tables, 1);
        assert_eq!(mac, seal(&key, &header, &tables, 1));
        assert_ne!(mac, seal(&key, &header, &tables, 2));
        let mut other = tables.clone();
        other.get_mut("users").unwrap().rows = 3;
        assert_ne!(mac, seal(&key, &header, &other, 1));
        assert_ne!(mac, seal(&[4u8; 32], &header, &tables, 1));
        let mut later = header.clone();
        later.schema.push("m2".into());
        assert_ne!(mac, seal(&key, &later, &tables, 1));
    }
}

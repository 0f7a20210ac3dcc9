//! `arogya tenant export` and `arogya tenant import`: one tenant's data (and its
//! documents) out to a single sealed archive, and back, alone (see
//! `arogya_infra::tenant_archive` for the format).

use crate::state::AppState;
use anyhow::{bail, ensure, Context};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::auth::revocations::RevocationKind;
use arogya_infra::db::Access;
use arogya_infra::entities::tenant;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::tenants;
use arogya_infra::tenant_archive::{self as archive, Digester, Header, Line, Manifest, Object};
use arogya_infra::Db;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

/// What an export or an import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub tables: BTreeMap<String, archive::TableDigest>,
    pub objects: u64,
}

fn schema() -> Vec<String> {
    archive::schema()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Write the tenant `code`'s archive to `out` (atomically: a partial file never has
/// the final name).
pub async fn export(
    state: &AppState,
    code: &str,
    out: &Path,
    with_documents: bool,
) -> anyhow::Result<Summary> {
    let code = TenantCode::parse(code)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let id = TenantId(t.id);
    let tenant_row = t.clone();
    let header = Header {
        format: archive::FORMAT.into(),
        version: archive::VERSION,
        schema: schema(),
        tenant: serde_json::to_value(&tenant_row)?,
        exported_at: chrono::Utc::now(),
        with_documents,
    };
    let partial = out.with_extension("partial");
    let file = std::fs::File::create(&partial)
        .with_context(|| format!("creating {}", partial.display()))?;
    let mut w = flate2::write::GzEncoder::new(BufWriter::new(file), flate2::Compression::default());
    let mut line = |l: &Line| -> anyhow::Result<()> {
        serde_json::to_writer(&mut w, l)?;
        w.write_all(b"\n")?;
        Ok(())
    };
    line(&Line::Header(header.clone()))?;
    let mut summary = Summary::default();
    let tx = state.db.tenant_snapshot(id).await?;
    let mut documents = Vec::new();
    for table in archive::TABLES {
        let rows = archive::dump(&tx, table).await?;
        let mut digest = Digester::default();
        for row in rows {
            digest.add(&row);
            if *table == "documents" {
                documents.push(row.clone());
            }
            line(&Line::Row {
                table: (*table).to_owned(),
                row,
            })?;
        }
        summary.tables.insert((*table).to_owned(), digest.finish());
    }
    tx.commit().await?;
    // The documents' bytes (those that exist: pending slots and purged ones have none).
    for doc in documents {
        let (Some(key), Some(content_type)) =
            (doc["object_key"].as_str(), doc["content_type"].as_str())
        else {
            continue;
        };
        let Some(bytes) = state.store.get(key).await? else {
            continue;
        };
        line(&Line::Object(Object {
            key: key.to_owned(),
            sha256: hex(&Sha256::digest(&bytes)),
            size: bytes.len() as u64,
            content_type: content_type.to_owned(),
            data: with_documents.then(|| base64::engine::general_purpose::STANDARD.encode(&bytes)),
        }))?;
        summary.objects += 1;
    }
    let mac = archive::seal(
        &state.pii.archive_key(id),
        &header,
        &summary.tables,
        summary.objects,
    );
    line(&Line::Manifest(Manifest {
        tables: summary.tables.clone(),
        objects: summary.objects,
        mac,
    }))?;
    w.finish()?.flush()?;
    std::fs::rename(&partial, out).with_context(|| format!("naming {}", out.display()))?;
    Ok(summary)
}

fn lines(path: &Path) -> anyhow::Result<impl Iterator<Item = anyhow::Result<Line>>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    Ok(reader.lines().enumerate().map(|(n, l)| {
        let l =
            l.with_context(|| format!("the archive is damaged or cut short (line {})", n + 1))?;
        serde_json::from_str::<Line>(&l)
            .with_context(|| format!("line {} of the archive is not readable", n + 1))
    }))
}

/// Read the whole archive once and check it: format, version, schema, every table's
/// count and digest, every object's digest, and the seal. Nothing is written.
fn check(state: &AppState, path: &Path) -> anyhow::Result<(Header, Summary)> {
    let mut it = lines(path)?;
    let header = match it.next() {
        Some(Ok(Line::Header(h))) => h,
        Some(Err(e)) => return Err(e),
        _ => bail!("this is not a tenant archive: it does not begin with a header"),
    };
    ensure!(
        header.format == archive::FORMAT,
        "this is not a tenant archive ({})",
        header.format
    );
    ensure!(
        header.version == archive::VERSION,
        "archive format version {} is unknown to this build (it reads version {})",
        header.version,
        archive::VERSION
    );
    ensure!(
        header.schema == schema(),
        "the archive was made with another schema version ({} migrations, the last {:?}); restore it with the build that made it, or migrate that installation first",
        header.schema.len(),
        header.schema.last()
    );
    let tenant_id: uuid::Uuid = header.tenant["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .context("the archive's tenant has no id")?;
    let mut digests: BTreeMap<String, Digester> = BTreeMap::new();
    let mut objects = 0u64;
    let mut manifest = None;
    for l in it {
        match l? {
            Line::Row { table, row } => {
                ensure!(
                    archive::TABLES.contains(&table.as_str()),
                    "the archive has a table this build does not know: {table}"
                );
                ensure!(
                    manifest.is_none(),
                    "the archive has rows after its manifest"
                );
                digests.entry(table).or_default().add(&row);
            }
            Line::Object(o) => {
                if let Some(data) = &o.data {
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(data)
                        .context("a document is damaged")?;
                    ensure!(
                        hex(&Sha256::digest(&bytes)) == o.sha256,
                        "the document {} is damaged",
                        o.key
                    );
                }
                ensure!(
                    o.key.starts_with(&format!("tenants/{tenant_id}/")),
                    "the document {} is not this tenant's",
                    o.key
                );
                objects += 1;
            }
            Line::Manifest(m) => manifest = Some(m),
            Line::Header(_) => bail!("the archive has a second header"),
        }
    }
    let manifest = manifest.context("the archive is cut short: it has no manifest")?;
    let mut found = BTreeMap::new();
    for table in archive::TABLES {
        let d = digests.remove(*table).unwrap_or_default().finish();
        found.insert((*table).to_owned(), d);
    }
    for (table, d) in &found {
        let listed = manifest.tables.get(table).cloned().unwrap_or_default();
        let listed_empty = listed.rows == 0 && d.rows == 0;
        ensure!(
            listed_empty || listed == *d,
            "the archive's {table} does not match its manifest ({} rows listed, {} found): it was changed or damaged",
            listed.rows,
            d.rows
        );
    }
    ensure!(
        manifest.objects == objects,
        "the archive lists {} documents but holds {objects}",
        manifest.objects
    );
    let expected = archive::seal(
        &state.pii.archive_key(TenantId(tenant_id)),
        &header,
        &manifest.tables,
        manifest.objects,
    );
    ensure!(
        expected == manifest.mac,
        "the archive's seal does not match: it was changed, or it was made by an installation with another PII master key"
    );
    Ok((
        header,
        Summary {
            tables: found,
            objects,
        },
    ))
}

/// Restore an archive: into an installation without the tenant, or over the same
/// tenant (an undo). One transaction; the audit trail is kept and gains an event
/// describing the restore; sessions are not revived.
pub async fn import(state: &AppState, owner: &Db, path: &Path) -> anyhow::Result<Summary> {
    let (header, summary) = check(state, path)?;
    let tenant_row: tenant::Model =
        serde_json::from_value(header.tenant.clone()).context("the archive's tenant")?;
    let id = TenantId(tenant_row.id);
    let existing = tenants::find(owner.conn(), id).await?;
    let by_code =
        tenants::find_by_code(owner.conn(), &TenantCode::parse(&tenant_row.code)?).await?;
    if let Some(other) = by_code.filter(|t| t.id != tenant_row.id) {
        bail!(
            "another tenant ({}) already has the code {}: this archive is of a different tenant",
            other.id,
            tenant_row.code
        );
    }
    let ptx = owner.platform_tx(Access::Write).await?;
    if existing.is_none() {
        archive::insert_tenant(&ptx, tenant_row.clone()).await?;
    }
    let mut tx = ptx.enter_tenant(id).await?;
    if existing.is_some() {
        archive::clear(&tx).await?;
        // Everyone signs in again: the sessions of the state being undone end.
        archive::end_sessions(&tx).await?;
    }
    // Rows come table by table, in the archive's (dependency) order.
    let mut current: Option<(String, Vec<serde_json::Value>)> = None;
    for l in lines(path)? {
        if let Line::Row { table, row } = l? {
            match &mut current {
                Some((t, rows)) if *t == table => rows.push(row),
                _ => {
                    if let Some((t, rows)) = current.take() {
                        archive::load(&tx, &t, rows).await?;
                    }
                    current = Some((table, vec![row]));
                }
            }
        }
    }
    if let Some((t, rows)) = current.take() {
        archive::load(&tx, &t, rows).await?;
    }
    let revoked = state
        .revocations
        .record(&tx, RevocationKind::Tenant, id.0)
        .await?;
    let rows: u64 = summary.tables.values().map(|d| d.rows).sum();
    let event = NewAuditEvent::new(
        Actor::System,
        AuditAction::TenantRestore,
        "tenant",
        Some(id.0),
    )
    .with_detail(serde_json::json!({
        "exportedAt": header.exported_at,
        "over": existing.is_some(),
        "rows": rows,
        "documents": summary.objects,
        "withDocuments": header.with_documents,
    }));
    audit::record(
        &mut tx,
        &RequestMeta {
            request_id: None,
            client_addr: Some("cli".into()),
        },
        event,
    )
    .await?;
    tx.commit().await?;
    state.revocations.apply(revoked);
    // The documents' bytes, after the rows (a document's key never changes, so writing
    // the same bytes again is harmless).
    if header.with_documents {
        for l in lines(path)? {
            if let Line::Object(o) = l? {
                if let Some(data) = o.data {
                    let bytes = base64::engine::general_purpose::STANDARD.decode(data)?;
                    state.store.put(&o.key, bytes, &o.content_type).await?;
                }
            }
        }
    }
    Ok(summary)
}

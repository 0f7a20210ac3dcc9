//! Running totals for planning (`arogya_domain::supply::usage`): every ledger row
//! keeps the units consumed and the milliseconds without stock from the store's first
//! row of the item up to it, and the store's row for the item keeps the same for its
//! latest row, with the times of its first and latest rows. A store's AMC and days out
//! of stock then come from one row per item before the look-back instead of every row
//! in it. Rows already stored get their totals here, tenant by tenant.

use arogya_domain::supply::planning::ItemMove;
use arogya_domain::supply::usage::UsageMark;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyLedger {
    Table,
    ConsumedTotal,
    OutMsTotal,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyStoreItems {
    Table,
    ConsumedTotal,
    OutMsTotal,
    FirstMoveAt,
    LastMoveAt,
}

/// Kinds that count as consumption, as `repos::supply::stock` reads them.
const CONSUMING: [&str; 3] = ["issue", "transfer_out", "dispense"];

async fn backfill(m: &SchemaManager<'_>, tenant: Uuid) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = m.get_database_backend();
    let stmt = |sql: &str, values: Vec<sea_orm::Value>| {
        Statement::from_sql_and_values(backend, sql_for(backend, sql), values)
    };
    if backend == DbBackend::Postgres {
        db.execute_raw(stmt(
            "SELECT set_config('app.tenant_id', $1, true)",
            vec![tenant.to_string().into()],
        ))
        .await?;
    }
    let rows = db
        .query_all_raw(stmt(
            "SELECT id, store_id, item_id, at, quantity, item_balance, kind FROM supply_ledger
             WHERE tenant_id = $1 ORDER BY store_id, item_id, at, id",
            vec![tenant.into()],
        ))
        .await?;
    let mut last: Option<(Uuid, Uuid, DateTime, UsageMark)> = None;
    for r in rows {
        let (id, store, item): (Uuid, Uuid, Uuid) = (
            r.try_get("", "id")?,
            r.try_get("", "store_id")?,
            r.try_get("", "item_id")?,
        );
        let kind: String = r.try_get("", "kind")?;
        let mv = ItemMove {
            at: r.try_get("", "at")?,
            delta: r.try_get("", "quantity")?,
            item_balance: r.try_get("", "item_balance")?,
            consumed: CONSUMING.contains(&kind.as_str()),
        };
        let (first, prev) = match &last {
            Some((s, i, first, mark)) if (*s, *i) == (store, item) => (*first, Some(mark)),
            _ => {
                if let Some(done) = last.take() {
                    close(m, tenant, done).await?;
                }
                (mv.at, None)
            }
        };
        let mark = UsageMark::after(prev, &mv);
        if mark.consumed != 0 || mark.out_ms != 0 {
            db.execute_raw(stmt(
                "UPDATE supply_ledger SET consumed_total = $3, out_ms_total = $4
                 WHERE tenant_id = $1 AND id = $2",
                vec![
                    tenant.into(),
                    id.into(),
                    mark.consumed.into(),
                    mark.out_ms.into(),
                ],
            ))
            .await?;
        }
        last = Some((store, item, first, mark));
    }
    if let Some(done) = last {
        close(m, tenant, done).await?;
    }
    Ok(())
}

type DateTime = chrono::DateTime<chrono::Utc>;

/// The store's row for the item takes its latest mark.
async fn close(
    m: &SchemaManager<'_>,
    tenant: Uuid,
    (store, item, first, mark): (Uuid, Uuid, DateTime, UsageMark),
) -> Result<(), DbErr> {
    let backend = m.get_database_backend();
    m.get_connection()
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql_for(
                backend,
                "UPDATE supply_store_items SET consumed_total = $4, out_ms_total = $5,
                        first_move_at = $6, last_move_at = $7
                 WHERE tenant_id = $1 AND store_id = $2 AND item_id = $3",
            ),
            vec![
                tenant.into(),
                store.into(),
                item.into(),
                mark.consumed.into(),
                mark.out_ms.into(),
                first.into(),
                mark.at.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// `$n` placeholders for PostgreSQL, `?n` for SQLite (as the repositories do).
fn sql_for(backend: DbBackend, sql: &str) -> String {
    if backend == DbBackend::Postgres {
        sql.to_owned()
    } else {
        sql.replace('$', "?")
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for c in [SupplyLedger::ConsumedTotal, SupplyLedger::OutMsTotal] {
            m.alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(SupplyLedger::Table)
                    .add_column(big_integer(c).default(0))
                    .to_owned(),
            )
            .await?;
        }
        for c in [
            SupplyStoreItems::ConsumedTotal,
            SupplyStoreItems::OutMsTotal,
        ] {
            m.alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(SupplyStoreItems::Table)
                    .add_column(big_integer(c).default(0))
                    .to_owned(),
            )
            .await?;
        }
        for c in [SupplyStoreItems::FirstMoveAt, SupplyStoreItems::LastMoveAt] {
            m.alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(SupplyStoreItems::Table)
                    .add_column(timestamp_with_time_zone_null(c))
                    .to_owned(),
            )
            .await?;
        }
        // `tenants` is readable without a tenant set; each tenant's rows are read with it.
        let tenants = m
            .get_connection()
            .query_all_raw(Statement::from_string(
                m.get_database_backend(),
                "SELECT id AS tenant_id FROM tenants",
            ))
            .await?;
        for t in tenants {
            backfill(m, t.try_get("", "tenant_id")?).await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the planning totals stay once kept".into(),
        ))
    }
}

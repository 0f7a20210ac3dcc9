//! Each facility's day in oxygen (stock at the day's last reading; use, receipts and
//! production over the intervals ending that day), written with each reading, so a
//! district's 90-day chart reads 90 rows a facility instead of folding every reading.
//! Readings already stored are rolled up here, tenant by tenant.

use super::{create_index, rls};
use arogya_domain::oxygen::balance::Point;
use arogya_domain::oxygen::days::facility_days;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum OxygenFacilityDays {
    Table,
    TenantId,
    FacilityId,
    /// India's day.
    Day,
    StockNm3,
    UsableNm3,
    ConsumptionNm3,
    ReceivedNm3,
    ProducedNm3,
    /// How long the intervals ending that day lasted.
    Hours,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

/// Roll up one tenant's stored readings (the tenant is set for row-level security).
async fn backfill(m: &SchemaManager<'_>, tenant: Uuid) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = m.get_database_backend();
    if backend == DbBackend::Postgres {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT set_config('app.tenant_id', $1, true)",
            [tenant.to_string().into()],
        ))
        .await?;
    }
    let e = Alias::new("oxygen_entries");
    let col = |c: &str| (e.clone(), Alias::new(c));
    let select = Query::select()
        .columns([
            col("facility_id"),
            col("reading_at"),
            col("held_nm3"),
            col("usable_nm3"),
            col("received_nm3"),
            col("produced_nm3"),
            col("estimated"),
        ])
        .from(e.clone())
        .and_where(Expr::col(col("tenant_id")).eq(tenant))
        .and_where(Expr::col(col("superseded_at")).is_null())
        .order_by(col("facility_id"), Order::Asc)
        .order_by(col("reading_at"), Order::Asc)
        .to_owned();
    let rows = db.query_all_raw(backend.build(&select)).await?;
    let mut by_facility: Vec<(Uuid, Vec<Point>)> = Vec::new();
    for r in rows {
        let facility: Uuid = r.try_get("", "facility_id")?;
        let point = Point {
            at: r.try_get("", "reading_at")?,
            held: r.try_get("", "held_nm3")?,
            usable: r.try_get("", "usable_nm3")?,
            received: r.try_get("", "received_nm3")?,
            produced: r.try_get("", "produced_nm3")?,
            estimated: r.try_get("", "estimated")?,
        };
        match by_facility.last_mut() {
            Some((f, points)) if *f == facility => points.push(point),
            _ => by_facility.push((facility, vec![point])),
        }
    }
    // One statement per facility and 500 days (4,500 values, within both databases'
    // limits), not one per day.
    for (facility, points) in by_facility {
        for chunk in facility_days(None, &points).chunks(500) {
            use OxygenFacilityDays::*;
            let mut insert = Query::insert();
            insert.into_table(OxygenFacilityDays::Table).columns([
                TenantId,
                FacilityId,
                Day,
                StockNm3,
                UsableNm3,
                ConsumptionNm3,
                ReceivedNm3,
                ProducedNm3,
                Hours,
            ]);
            for d in chunk {
                insert.values_panic([
                    tenant.into(),
                    facility.into(),
                    d.day.into(),
                    d.stock_nm3.into(),
                    d.usable_nm3.into(),
                    d.consumption_nm3.into(),
                    d.received_nm3.into(),
                    d.produced_nm3.into(),
                    d.hours.into(),
                ]);
            }
            db.execute_raw(backend.build(&insert)).await?;
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OxygenFacilityDays::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(OxygenFacilityDays::Table)
                    .col(uuid(TenantId))
                    .col(uuid(FacilityId))
                    .col(date(Day))
                    .col(double(StockNm3))
                    .col(double(UsableNm3))
                    .col(double(ConsumptionNm3))
                    .col(double(ReceivedNm3))
                    .col(double(ProducedNm3))
                    .col(double(Hours))
                    .primary_key(Index::create().col(TenantId).col(FacilityId).col(Day))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OxygenFacilityDays::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        // The state's chart reads every facility's days in a range.
        create_index(
            manager,
            "ix_oxygen_facility_days_day",
            OxygenFacilityDays::Table,
            &[TenantId, Day][..],
            false,
        )
        .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            rls::protect_tenant_table(manager, "oxygen_facility_days").await?;
        }
        // `tenants` is readable without a tenant set; each tenant's rows are read with it.
        let tenants = manager
            .get_connection()
            .query_all_raw(Statement::from_string(
                manager.get_database_backend(),
                "SELECT id AS tenant_id FROM tenants",
            ))
            .await?;
        for t in tenants {
            backfill(manager, t.try_get("", "tenant_id")?).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A roll-up only: the readings it comes from stay.
        manager
            .drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(OxygenFacilityDays::Table)
                    .to_owned(),
            )
            .await
    }
}

//! When each tenant's indicators from other modules' records (registrations, cards,
//! surveys, helpline calls, verifications, notifiable cases, stock-outs, oxygen) were
//! last recounted, and the indexes the recount reads those records by.

use super::rls;
use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorRecounts {
    Table,
    TenantId,
    RecentAt,
    FullAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

/// (index, table, columns): each source read from a day onwards.
const INDEXES: &[(&str, &str, &str)] = &[
    (
        "ix_patient_cards_issued",
        "patient_cards",
        "tenant_id, issued_at",
    ),
    (
        "ix_households_created",
        "households",
        "tenant_id, created_at",
    ),
    (
        "ix_helpline_tickets_created",
        "helpline_tickets",
        "tenant_id, created_at",
    ),
    (
        "ix_surveillance_cases_reported",
        "surveillance_cases",
        "tenant_id, reported_at",
    ),
    (
        "ix_supply_alerts_kind_raised",
        "supply_alerts",
        "tenant_id, kind, raised_at",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use IndicatorRecounts::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(IndicatorRecounts::Table)
                .col(uuid(TenantId))
                .col(timestamp_with_time_zone_null(RecentAt))
                .col(timestamp_with_time_zone_null(FullAt))
                .primary_key(Index::create().col(TenantId))
                .foreign_key(
                    ForeignKey::create()
                        .from(IndicatorRecounts::Table, TenantId)
                        .to(Tenants::Table, Tenants::Id),
                )
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        for (name, table, cols) in INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON {table} ({cols})"))
                .await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            rls::protect_tenant_table(m, "indicator_recounts").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (name, _, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        m.drop_table(Table::drop().table(IndicatorRecounts::Table).to_owned())
            .await
    }
}

//! The weekly counts rolled up to every place over a block (and the block itself):
//! condition × place × week, summed over age group and sex. The weekly table reads one
//! row per place it shows instead of summing the blocks' rows under it. Kept current
//! with the block rows, in the same transaction; counts already stored are rolled up
//! here, tenant by tenant.

use super::{create_index, rls};
use sea_orm::{DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SurveillancePlaceCounts {
    Table,
    TenantId,
    ConditionId,
    UnitId,
    EpiWeek,
    Cases,
    Confirmed,
    Deaths,
}

#[derive(DeriveIden, Clone, Copy)]
enum NotifiableConditions {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

/// Roll up one tenant's stored block counts (the tenant is set for row-level security).
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
    // A block's row counts in every unit whose path starts its own.
    let sql = "INSERT INTO surveillance_place_counts (tenant_id, condition_id, unit_id, epi_week, cases, confirmed, deaths)
         SELECT w.tenant_id, w.condition_id, u.id, w.epi_week, SUM(w.cases), SUM(w.confirmed), SUM(w.deaths)
         FROM surveillance_weekly_counts w
         JOIN admin_units u ON u.tenant_id = w.tenant_id AND w.unit_path LIKE u.path || '%'
         WHERE w.tenant_id = $1
         GROUP BY w.tenant_id, w.condition_id, u.id, w.epi_week";
    let sql = if backend == DbBackend::Sqlite {
        sql.replace("$1", "?")
    } else {
        sql.to_owned()
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [tenant.into()],
    ))
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SurveillancePlaceCounts::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SurveillancePlaceCounts::Table)
                .col(uuid(TenantId))
                .col(uuid(ConditionId))
                .col(uuid(UnitId))
                .col(integer(EpiWeek))
                .col(big_integer(Cases).default(0))
                .col(big_integer(Confirmed).default(0))
                .col(big_integer(Deaths).default(0))
                .primary_key(
                    Index::create()
                        .col(TenantId)
                        .col(ConditionId)
                        .col(UnitId)
                        .col(EpiWeek),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveillancePlaceCounts::Table, (TenantId, ConditionId))
                        .to(
                            NotifiableConditions::Table,
                            (NotifiableConditions::TenantId, NotifiableConditions::Id),
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveillancePlaceCounts::Table, (TenantId, UnitId))
                        .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                )
                .to_owned(),
        )
        .await?;
        // The table of every condition reads by place and week.
        create_index(
            m,
            "ix_place_counts_unit_week",
            SurveillancePlaceCounts::Table,
            &[TenantId, UnitId, EpiWeek],
            false,
        )
        .await?;
        if m.get_database_backend() == DbBackend::Postgres {
            rls::protect_tenant_table(m, "surveillance_place_counts").await?;
        }
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

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A roll-up only: the block counts it comes from stay.
        m.drop_table(
            sea_orm_migration::prelude::Table::drop()
                .table(SurveillancePlaceCounts::Table)
                .to_owned(),
        )
        .await
    }
}

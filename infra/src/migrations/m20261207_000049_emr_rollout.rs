//! Tracking the EMR roll-out: every change of a facility's readiness (adoption and the
//! checklist) kept as a numbered row with who made it, and the tenant's deadline, each
//! new deadline a new version. The readiness the registry holds today becomes each
//! facility's first row, tenant by tenant.

use super::{create_index, rls};
use sea_orm::{DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum EmrReadinessChanges {
    Table,
    TenantId,
    FacilityId,
    /// 1 for the facility's first row, one more for each change.
    Seq,
    Adopted,
    AdoptedOn,
    Checklist,
    /// registry (as it stood when tracking began), form, import or onboarding.
    Source,
    /// The user who made the change; none for the system.
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EmrDeadlines {
    Table,
    TenantId,
    Version,
    Deadline,
    SetBy,
    SetAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

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
    let sql = "INSERT INTO emr_readiness_changes (tenant_id, facility_id, seq, adopted, adopted_on, checklist, source, changed_by, changed_at)
               SELECT tenant_id, id, 1, emr_adopted, emr_adopted_on, emr_checklist, 'registry', NULL, updated_at
               FROM facilities WHERE tenant_id = $1";
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
        {
            use EmrReadinessChanges::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(EmrReadinessChanges::Table)
                    .col(uuid(TenantId))
                    .col(uuid(FacilityId))
                    .col(integer(Seq))
                    .col(boolean(Adopted))
                    .col(date_null(AdoptedOn))
                    .col(json_binary(Checklist))
                    .col(string_len(Source, 20))
                    .col(uuid_null(ChangedBy))
                    .col(timestamp_with_time_zone(ChangedAt))
                    .primary_key(Index::create().col(TenantId).col(FacilityId).col(Seq))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmrReadinessChanges::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_emr_readiness_changes_at",
                EmrReadinessChanges::Table,
                &[TenantId, ChangedAt],
                false,
            )
            .await?;
        }
        {
            use EmrDeadlines::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(EmrDeadlines::Table)
                    .col(uuid(TenantId))
                    .col(integer(Version))
                    .col(date(Deadline))
                    .col(uuid(SetBy))
                    .col(timestamp_with_time_zone(SetAt))
                    .primary_key(Index::create().col(TenantId).col(Version))
                    .to_owned(),
            )
            .await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            for t in ["emr_readiness_changes", "emr_deadlines"] {
                rls::protect_tenant_table(m, t).await?;
            }
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
        for t in [
            EmrDeadlines::Table.into_iden(),
            EmrReadinessChanges::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

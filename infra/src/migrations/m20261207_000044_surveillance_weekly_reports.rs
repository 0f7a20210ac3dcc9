//! Weekly reports: a reporting unit (facility) says it sent its week, a nil report when
//! it saw no case. The first sending decides timeliness; sending again (a correction)
//! moves the version and the last time on.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceWeeklyReports {
    Table,
    TenantId,
    Id,
    FacilityId,
    UnitPath,
    EpiWeek,
    FirstSubmittedAt,
    LastSubmittedAt,
    SubmittedBy,
    /// The facility's cases of the week when it was sent (0: a nil report).
    Cases,
    Note,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SurveillanceWeeklyReports::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SurveillanceWeeklyReports::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(FacilityId))
                .col(string_len(UnitPath, 1024))
                .col(integer(EpiWeek))
                .col(timestamp_with_time_zone(FirstSubmittedAt))
                .col(timestamp_with_time_zone(LastSubmittedAt))
                .col(uuid(SubmittedBy))
                .col(big_integer(Cases))
                .col(string_len_null(Note, 500))
                .col(integer(Version).default(1))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveillanceWeeklyReports::Table, (TenantId, FacilityId))
                        .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                )
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ux_weekly_reports_facility_week",
            SurveillanceWeeklyReports::Table,
            &[TenantId, FacilityId, EpiWeek],
            true,
        )
        .await?;
        create_index(
            m,
            "ix_weekly_reports_week_place",
            SurveillanceWeeklyReports::Table,
            &[TenantId, EpiWeek, UnitPath],
            false,
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "surveillance_weekly_reports").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            sea_orm_migration::prelude::Table::drop()
                .table(SurveillanceWeeklyReports::Table)
                .to_owned(),
        )
        .await
    }
}

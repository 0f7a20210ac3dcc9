//! Who receives a place's monthly indicators report on the first of the month, and
//! which months each was sent (one row a recipient and month: a report is never sent
//! twice, however often the job runs or however many servers run it). A recipient
//! removed is kept, marked with when and by whom.

use super::{create_index, rls};
use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ReportRecipients {
    Table,
    TenantId,
    Id,
    Email,
    /// The place: a unit, a facility, or neither (the whole tenant).
    UnitId,
    FacilityId,
    AddedBy,
    AddedAt,
    RemovedBy,
    RemovedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReportSends {
    Table,
    TenantId,
    RecipientId,
    /// The first day of the month reported.
    Month,
    NotificationId,
    SentAt,
}

#[derive(DeriveIden)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use ReportRecipients::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(ReportRecipients::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Email, 254))
                    .col(uuid_null(UnitId))
                    .col(uuid_null(FacilityId))
                    .col(uuid(AddedBy))
                    .col(timestamp_with_time_zone(AddedAt))
                    .col(uuid_null(RemovedBy))
                    .col(timestamp_with_time_zone_null(RemovedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportRecipients::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportRecipients::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_report_recipients_added",
                ReportRecipients::Table,
                &[TenantId, AddedAt],
                false,
            )
            .await?;
        }
        {
            use ReportSends::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(ReportSends::Table)
                    .col(uuid(TenantId))
                    .col(uuid(RecipientId))
                    .col(date(Month))
                    .col(uuid(NotificationId))
                    .col(timestamp_with_time_zone(SentAt))
                    .primary_key(Index::create().col(TenantId).col(RecipientId).col(Month))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportSends::Table, (TenantId, RecipientId))
                            .to(
                                ReportRecipients::Table,
                                (ReportRecipients::TenantId, ReportRecipients::Id),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
            // Which recipients a month was sent to, read by the monthly job.
            create_index(
                m,
                "ix_report_sends_month",
                ReportSends::Table,
                &[TenantId, Month],
                false,
            )
            .await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            for t in ["report_recipients", "report_sends"] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ReportSends::Table.into_iden(),
            ReportRecipients::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

//! Outbreak investigations (one per alert verified as a true signal) and their entries:
//! actions, team members, samples and results, linked cases, status changes. Entries are
//! appended, never changed; a result points at its sample.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum OutbreakInvestigations {
    Table,
    TenantId,
    Id,
    AlertId,
    ConditionId,
    UnitId,
    UnitPath,
    Village,
    /// open, investigating, contained or closed.
    Status,
    /// When the alert was raised and verified, and the first action taken (the clocks).
    RaisedAt,
    VerifiedAt,
    RespondedAt,
    OpenedBy,
    FinalReport,
    ClosedAt,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OutbreakEntries {
    Table,
    TenantId,
    Id,
    InvestigationId,
    /// action, team_member, sample, sample_result, case_link or status.
    Kind,
    HappenedOn,
    /// What was done, the member's name, the specimen, or a note.
    Text,
    /// The member's role, the laboratory, or the status reached.
    Detail,
    SampleId,
    /// positive, negative or inconclusive (results).
    Result,
    CaseId,
    RecordedAt,
    RecordedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceAlerts {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceCases {
    Table,
    TenantId,
    Id,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use OutbreakInvestigations::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(OutbreakInvestigations::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(AlertId))
                    .col(uuid(ConditionId))
                    .col(uuid(UnitId))
                    .col(string_len(UnitPath, 1024))
                    .col(string_len_null(Village, 120))
                    .col(string_len(Status, 16))
                    .col(timestamp_with_time_zone(RaisedAt))
                    .col(timestamp_with_time_zone(VerifiedAt))
                    .col(timestamp_with_time_zone_null(RespondedAt))
                    .col(uuid_null(OpenedBy))
                    .col(text_null(FinalReport))
                    .col(timestamp_with_time_zone_null(ClosedAt))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakInvestigations::Table, (TenantId, AlertId))
                            .to(
                                SurveillanceAlerts::Table,
                                (SurveillanceAlerts::TenantId, SurveillanceAlerts::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakInvestigations::Table, (TenantId, ConditionId))
                            .to(
                                NotifiableConditions::Table,
                                (NotifiableConditions::TenantId, NotifiableConditions::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakInvestigations::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            // One investigation per alert, however often "true signal" is sent.
            create_index(
                m,
                "ux_investigations_alert",
                OutbreakInvestigations::Table,
                &[TenantId, AlertId],
                true,
            )
            .await?;
            create_index(
                m,
                "ix_investigations_place",
                OutbreakInvestigations::Table,
                &[TenantId, UnitPath],
                false,
            )
            .await?;
        }
        {
            use OutbreakEntries::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(OutbreakEntries::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(InvestigationId))
                    .col(string_len(Kind, 16))
                    .col(date(HappenedOn))
                    .col(string_len(Text, 500))
                    .col(string_len_null(Detail, 120))
                    .col(uuid_null(SampleId))
                    .col(string_len_null(Result, 16))
                    .col(uuid_null(CaseId))
                    .col(timestamp_with_time_zone(RecordedAt))
                    .col(uuid_null(RecordedBy))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakEntries::Table, (TenantId, InvestigationId))
                            .to(
                                OutbreakInvestigations::Table,
                                (OutbreakInvestigations::TenantId, OutbreakInvestigations::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakEntries::Table, (TenantId, SampleId))
                            .to(OutbreakEntries::Table, (TenantId, Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutbreakEntries::Table, (TenantId, CaseId))
                            .to(
                                SurveillanceCases::Table,
                                (SurveillanceCases::TenantId, SurveillanceCases::Id),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_outbreak_entries_investigation",
                OutbreakEntries::Table,
                &[TenantId, InvestigationId],
                false,
            )
            .await?;
        }
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "outbreak_investigations").await?;
            rls::protect_tenant_table(m, "outbreak_entries").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["outbreak_entries", "outbreak_investigations"] {
            m.drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(Alias::new(t))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

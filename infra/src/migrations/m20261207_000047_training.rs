//! Training of the workforce: sessions at a facility, the professionals nominated to
//! them, and the attendance register, whose cells (a nominee's day) are versioned:
//! a changed mark is a new row, never an update.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum TrainingSessions {
    Table,
    TenantId,
    Id,
    Title,
    Topic,
    /// The venue, and its place (for reach and counts by district).
    FacilityId,
    UnitPath,
    StartsOn,
    EndsOn,
    Capacity,
    /// The trainer, a professional of the registry; none: an outside trainer.
    TrainerId,
    /// scheduled, closed or cancelled.
    Status,
    StatusReason,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum TrainingNominees {
    Table,
    TenantId,
    SessionId,
    ProfessionalId,
    NominatedBy,
    NominatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TrainingAttendance {
    Table,
    TenantId,
    Id,
    SessionId,
    ProfessionalId,
    Day,
    /// present or absent.
    Mark,
    /// The cell's version: 1 for its first mark, one more for each change.
    Version,
    /// When the phone says the mark was made; when the server recorded it.
    MarkedAt,
    RecordedAt,
    RecordedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Professionals {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        sessions(m).await?;
        nominees(m).await?;
        attendance(m).await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            for t in [
                "training_sessions",
                "training_nominees",
                "training_attendance",
            ] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            TrainingAttendance::Table.into_iden(),
            TrainingNominees::Table.into_iden(),
            TrainingSessions::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn sessions(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    use TrainingSessions::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(TrainingSessions::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(string_len(Title, 200))
            .col(string_len(Topic, 40))
            .col(uuid(FacilityId))
            .col(string_len(UnitPath, 1024))
            .col(date(StartsOn))
            .col(date(EndsOn))
            .col(integer_null(Capacity))
            .col(uuid_null(TrainerId))
            .col(string_len(Status, 20))
            .col(string_len_null(StatusReason, 500))
            .col(uuid(CreatedBy))
            .col(timestamp_with_time_zone(CreatedAt))
            .col(timestamp_with_time_zone(UpdatedAt))
            .col(integer(Version).default(1))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(
                ForeignKey::create()
                    .from(TrainingSessions::Table, (TenantId, FacilityId))
                    .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(TrainingSessions::Table, (TenantId, TrainerId))
                    .to(
                        Professionals::Table,
                        (Professionals::TenantId, Professionals::Id),
                    ),
            )
            .to_owned(),
    )
    .await?;
    create_index(
        m,
        "ix_training_sessions_starts",
        TrainingSessions::Table,
        &[TenantId, StartsOn],
        false,
    )
    .await?;
    create_index(
        m,
        "ix_training_sessions_trainer",
        TrainingSessions::Table,
        &[TenantId, TrainerId],
        false,
    )
    .await?;
    create_index(
        m,
        "ix_training_sessions_facility",
        TrainingSessions::Table,
        &[TenantId, FacilityId],
        false,
    )
    .await
}

async fn nominees(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    use TrainingNominees::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(TrainingNominees::Table)
            .col(uuid(TenantId))
            .col(uuid(SessionId))
            .col(uuid(ProfessionalId))
            .col(uuid(NominatedBy))
            .col(timestamp_with_time_zone(NominatedAt))
            .primary_key(
                Index::create()
                    .col(TenantId)
                    .col(SessionId)
                    .col(ProfessionalId),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(TrainingNominees::Table, (TenantId, SessionId))
                    .to(
                        TrainingSessions::Table,
                        (TrainingSessions::TenantId, TrainingSessions::Id),
                    ),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(TrainingNominees::Table, (TenantId, ProfessionalId))
                    .to(
                        Professionals::Table,
                        (Professionals::TenantId, Professionals::Id),
                    ),
            )
            .to_owned(),
    )
    .await?;
    create_index(
        m,
        "ix_training_nominees_professional",
        TrainingNominees::Table,
        &[TenantId, ProfessionalId],
        false,
    )
    .await
}

async fn attendance(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    use TrainingAttendance::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(TrainingAttendance::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(uuid(SessionId))
            .col(uuid(ProfessionalId))
            .col(date(Day))
            .col(string_len(Mark, 10))
            .col(integer(Version))
            .col(timestamp_with_time_zone(MarkedAt))
            .col(timestamp_with_time_zone(RecordedAt))
            .col(uuid(RecordedBy))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(
                ForeignKey::create()
                    .from(
                        TrainingAttendance::Table,
                        (TenantId, SessionId, ProfessionalId),
                    )
                    .to(
                        TrainingNominees::Table,
                        (
                            TrainingNominees::TenantId,
                            TrainingNominees::SessionId,
                            TrainingNominees::ProfessionalId,
                        ),
                    ),
            )
            .to_owned(),
    )
    .await?;
    // One row per version of a cell: two phones changing the same cell at once cannot
    // both write its next version.
    create_index(
        m,
        "ux_training_attendance_cell_version",
        TrainingAttendance::Table,
        &[TenantId, SessionId, ProfessionalId, Day, Version],
        true,
    )
    .await
}

//! Health records: clinical entries (encounters and what is recorded in them), every
//! version of each entry, and the log of who read a patient's record.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntries {
    Table,
    TenantId,
    Id,
    PatientId,
    EncounterId,
    Kind,
    Status,
    FacilityId,
    AuthorUserId,
    AuthorProfessionalId,
    OccurredAt,
    RecordedAt,
    UpdatedAt,
    Version,
    Details,
    Code,
    OrderId,
    DocumentId,
    ErrorReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntryVersions {
    Table,
    TenantId,
    EntryId,
    Version,
    Status,
    OccurredAt,
    Details,
    AuthorUserId,
    AuthorProfessionalId,
    RecordedAt,
    ChangeReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecordAccessLog {
    Table,
    TenantId,
    Id,
    PatientId,
    ActorUserId,
    ActorProfessionalId,
    FacilityId,
    UnitPath,
    Viewed,
    EntryId,
    Purpose,
    BreakGlass,
    Reason,
    At,
    ReviewedBy,
    ReviewedAt,
    ReviewNote,
}

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use ClinicalEntries::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ClinicalEntries::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        // An encounter's own id for encounters.
                        .col(uuid(EncounterId))
                        .col(string_len(Kind, 20))
                        .col(string_len(Status, 20))
                        .col(uuid(FacilityId))
                        .col(uuid(AuthorUserId))
                        .col(uuid(AuthorProfessionalId))
                        .col(timestamp_with_time_zone(OccurredAt))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .col(json_binary(Details))
                        // The ICD-10 code of a diagnosis, for reports by code.
                        .col(string_len_null(Code, 10))
                        // A lab result's order.
                        .col(uuid_null(OrderId))
                        // A report document in the document store (lab reports,
                        // discharge papers), linked once that store exists.
                        .col(uuid_null(DocumentId))
                        .col(string_len_null(ErrorReason, 500))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ClinicalEntries::Table, (TenantId, PatientId))
                                .to(Patients::Table, (Patients::TenantId, Patients::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                // The timeline: a patient's entries by time.
                (
                    "ix_entries_timeline",
                    &[TenantId, PatientId, OccurredAt, Id][..],
                ),
                ("ix_entries_encounter", &[TenantId, EncounterId][..]),
                // Is the patient in care at a facility?
                (
                    "ix_entries_patient_facility",
                    &[TenantId, PatientId, FacilityId][..],
                ),
                ("ix_entries_order", &[TenantId, OrderId][..]),
                ("ix_entries_code", &[TenantId, Code][..]),
            ] {
                create_index(manager, name, ClinicalEntries::Table, cols, false).await?;
            }
        }
        {
            use ClinicalEntryVersions::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ClinicalEntryVersions::Table)
                        .col(uuid(TenantId))
                        .col(uuid(EntryId))
                        .col(integer(Version))
                        .col(string_len(Status, 20))
                        .col(timestamp_with_time_zone(OccurredAt))
                        .col(json_binary(Details))
                        .col(uuid(AuthorUserId))
                        .col(uuid(AuthorProfessionalId))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(string_len_null(ChangeReason, 500))
                        .primary_key(Index::create().col(TenantId).col(EntryId).col(Version))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ClinicalEntryVersions::Table, (TenantId, EntryId))
                                .to(
                                    ClinicalEntries::Table,
                                    (ClinicalEntries::TenantId, ClinicalEntries::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
        }
        {
            use RecordAccessLog::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(RecordAccessLog::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        .col(uuid(ActorUserId))
                        .col(uuid_null(ActorProfessionalId))
                        .col(uuid_null(FacilityId))
                        .col(string_len_null(UnitPath, 1024))
                        .col(string_len(Viewed, 40))
                        .col(uuid_null(EntryId))
                        .col(string_len_null(Purpose, 200))
                        .col(boolean(BreakGlass))
                        .col(string_len_null(Reason, 500))
                        .col(timestamp_with_time_zone(At))
                        .col(uuid_null(ReviewedBy))
                        .col(timestamp_with_time_zone_null(ReviewedAt))
                        .col(string_len_null(ReviewNote, 500))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_access_patient", &[TenantId, PatientId, Id][..]),
                ("ix_access_break_glass", &[TenantId, BreakGlass, Id][..]),
                ("ix_access_actor", &[TenantId, ActorUserId, Id][..]),
            ] {
                create_index(manager, name, RecordAccessLog::Table, cols, false).await?;
            }
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "clinical_entries",
                "clinical_entry_versions",
                "record_access_log",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "health records are never dropped by a migration".into(),
        ))
    }
}

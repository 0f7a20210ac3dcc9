//! The nurses' registers: the medication administration record, the intake–output
//! chart and shift handover notes. Rows are added, never changed in place: a
//! corrected dose mark replaces the old one (kept, with when it was replaced), a
//! wrong intake–output line is marked entered in error.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum MedicationAdministrations {
    Table,
    TenantId,
    Id,
    AdmissionId,
    PrescriptionId,
    ItemIndex,
    DueAt,
    Status,
    Note,
    RecordedBy,
    RecordedAt,
    ReplacedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum IntakeOutput {
    Table,
    TenantId,
    Id,
    AdmissionId,
    At,
    Direction,
    Kind,
    VolumeMl,
    Note,
    RecordedBy,
    RecordedAt,
    EnteredInErrorAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum HandoverNotes {
    Table,
    TenantId,
    Id,
    WardId,
    Day,
    Shift,
    Summary,
    PendingTasks,
    OutgoingBy,
    OutgoingAt,
    IncomingBy,
    IncomingAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Admissions {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntries {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Wards {
    Table,
    TenantId,
    Id,
}

/// A due dose is marked once (a correction replaces the mark).
const ONE_MARK: &str = "CREATE UNIQUE INDEX ux_mar_dose ON medication_administrations (tenant_id, prescription_id, item_index, due_at) WHERE replaced_at IS NULL AND due_at IS NOT NULL";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use MedicationAdministrations::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(MedicationAdministrations::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(AdmissionId))
                        .col(uuid(PrescriptionId))
                        .col(small_integer(ItemIndex))
                        .col(timestamp_with_time_zone_null(DueAt))
                        .col(string_len(Status, 20))
                        .col(string_len_null(Note, 300))
                        .col(uuid(RecordedBy))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(timestamp_with_time_zone_null(ReplacedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(MedicationAdministrations::Table, (TenantId, AdmissionId))
                                .to(Admissions::Table, (Admissions::TenantId, Admissions::Id)),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(MedicationAdministrations::Table, (TenantId, PrescriptionId))
                                .to(
                                    ClinicalEntries::Table,
                                    (ClinicalEntries::TenantId, ClinicalEntries::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_mar_admission",
                MedicationAdministrations::Table,
                &[TenantId, AdmissionId, DueAt][..],
                false,
            )
            .await?;
            manager
                .get_connection()
                .execute_unprepared(ONE_MARK)
                .await?;
        }
        {
            use IntakeOutput::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(IntakeOutput::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(AdmissionId))
                        .col(timestamp_with_time_zone(At))
                        .col(string_len(Direction, 4))
                        .col(string_len(Kind, 20))
                        .col(integer(VolumeMl))
                        .col(string_len_null(Note, 200))
                        .col(uuid(RecordedBy))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(timestamp_with_time_zone_null(EnteredInErrorAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(IntakeOutput::Table, (TenantId, AdmissionId))
                                .to(Admissions::Table, (Admissions::TenantId, Admissions::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_intake_output_admission",
                IntakeOutput::Table,
                &[TenantId, AdmissionId, At][..],
                false,
            )
            .await?;
        }
        {
            use HandoverNotes::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(HandoverNotes::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(WardId))
                        .col(date(Day))
                        .col(string_len(Shift, 10))
                        .col(text(Summary))
                        .col(text_null(PendingTasks))
                        .col(uuid(OutgoingBy))
                        .col(timestamp_with_time_zone(OutgoingAt))
                        .col(uuid_null(IncomingBy))
                        .col(timestamp_with_time_zone_null(IncomingAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(HandoverNotes::Table, (TenantId, WardId))
                                .to(Wards::Table, (Wards::TenantId, Wards::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_handover_shift",
                HandoverNotes::Table,
                &[TenantId, WardId, Day, Shift][..],
                true,
            )
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for t in [
                "medication_administrations",
                "intake_output",
                "handover_notes",
            ] {
                rls::protect_tenant_table(manager, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "nursing registers are never dropped by a migration".into(),
        ))
    }
}

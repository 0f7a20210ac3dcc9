//! Appointments: clinicians' weekly sessions at a facility's department, their leave
//! and holidays, bookings, and the daily token counter of each department.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ClinicSessions {
    Table,
    TenantId,
    Id,
    FacilityId,
    Department,
    ProfessionalId,
    Weekday,
    StartTime,
    EndTime,
    SlotMinutes,
    ValidFrom,
    ValidUntil,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ScheduleExceptions {
    Table,
    TenantId,
    Id,
    ProfessionalId,
    OnDate,
    Reason,
}

#[derive(DeriveIden, Clone, Copy)]
enum Appointments {
    Table,
    TenantId,
    Id,
    PatientId,
    FacilityId,
    Department,
    ProfessionalId,
    SlotStart,
    SlotEnd,
    Day,
    TokenNumber,
    Status,
    TicketId,
    BookedBy,
    CreatedAt,
    CancelledAt,
    CancelReason,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum AppointmentTokens {
    Table,
    TenantId,
    FacilityId,
    Department,
    Day,
    Last,
}

/// A slot is booked at most once: enforced by the database, so two simultaneous
/// bookings cannot both succeed. Partial, so a cancelled booking frees the slot.
const NO_DOUBLE_BOOKING: &str = "CREATE UNIQUE INDEX ux_appointments_slot ON appointments (tenant_id, professional_id, slot_start) WHERE status = 'booked'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use ClinicSessions::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ClinicSessions::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(FacilityId))
                        .col(string_len(Department, 100))
                        .col(uuid(ProfessionalId))
                        .col(small_integer(Weekday))
                        .col(string_len(StartTime, 5))
                        .col(string_len(EndTime, 5))
                        .col(small_integer(SlotMinutes))
                        .col(date(ValidFrom))
                        .col(date_null(ValidUntil))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_sessions_professional",
                ClinicSessions::Table,
                &[TenantId, ProfessionalId][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_sessions_department",
                ClinicSessions::Table,
                &[TenantId, FacilityId, Department][..],
                false,
            )
            .await?;
        }
        {
            use ScheduleExceptions::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ScheduleExceptions::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(ProfessionalId))
                        .col(date(OnDate))
                        .col(string_len(Reason, 200))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_exceptions_day",
                ScheduleExceptions::Table,
                &[TenantId, ProfessionalId, OnDate][..],
                true,
            )
            .await?;
        }
        {
            use Appointments::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Appointments::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        .col(uuid(FacilityId))
                        .col(string_len(Department, 100))
                        .col(uuid(ProfessionalId))
                        .col(timestamp_with_time_zone(SlotStart))
                        .col(timestamp_with_time_zone(SlotEnd))
                        .col(date(Day))
                        .col(integer(TokenNumber))
                        .col(string_len(Status, 20))
                        .col(uuid_null(TicketId))
                        .col(uuid(BookedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone_null(CancelledAt))
                        .col(string_len_null(CancelReason, 300))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                (
                    "ix_appointments_patient",
                    &[TenantId, PatientId, SlotStart][..],
                ),
                (
                    "ix_appointments_day",
                    &[TenantId, ProfessionalId, Day, SlotStart][..],
                ),
            ] {
                create_index(manager, name, Appointments::Table, cols, false).await?;
            }
            manager
                .get_connection()
                .execute_unprepared(NO_DOUBLE_BOOKING)
                .await?;
        }
        {
            use AppointmentTokens::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(AppointmentTokens::Table)
                        .col(uuid(TenantId))
                        .col(uuid(FacilityId))
                        .col(string_len(Department, 100))
                        .col(date(Day))
                        .col(integer(Last))
                        .primary_key(
                            Index::create()
                                .col(TenantId)
                                .col(FacilityId)
                                .col(Department)
                                .col(Day),
                        )
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "clinic_sessions",
                "schedule_exceptions",
                "appointments",
                "appointment_tokens",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "appointments are never dropped by a migration".into(),
        ))
    }
}

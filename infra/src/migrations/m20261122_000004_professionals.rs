//! The Health Professional Registry: professionals, their council registrations, and
//! their attachments to facilities.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Professionals {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Kind,
    Sex,
    DateOfBirth,
    Phone,
    Email,
    Qualifications,
    Languages,
    Status,
    StatusReason,
    StatusChangedBy,
    StatusChangedAt,
    UserId,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProfessionalRegistrations {
    Table,
    TenantId,
    Id,
    ProfessionalId,
    Council,
    CouncilKey,
    Number,
    NumberKey,
    RegisteredOn,
    ValidUntil,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProfessionalFacilities {
    Table,
    TenantId,
    Id,
    ProfessionalId,
    FacilityId,
    FacilityUnitPath,
    Designation,
    Department,
    FromDate,
    ToDate,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use Professionals::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Professionals::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(Name, 120))
                        .col(string_len(NameKey, 120))
                        .col(string_len(Kind, 20))
                        .col(string_len_null(Sex, 8))
                        .col(date_null(DateOfBirth))
                        .col(string_len_null(Phone, 16))
                        .col(string_len_null(Email, 254))
                        .col(json_binary(Qualifications))
                        .col(json_binary(Languages))
                        .col(string_len(Status, 12))
                        .col(string_len_null(StatusReason, 500))
                        .col(uuid_null(StatusChangedBy))
                        .col(timestamp_with_time_zone_null(StatusChangedAt))
                        .col(uuid_null(UserId))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(Professionals::Table, TenantId)
                                .to(Tenants::Table, Tenants::Id),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_professionals_email",
                Professionals::Table,
                &[TenantId, Email],
                true,
            )
            .await?;
            create_index(
                manager,
                "ux_professionals_user",
                Professionals::Table,
                &[TenantId, UserId],
                true,
            )
            .await?;
            create_index(
                manager,
                "ix_professionals_name",
                Professionals::Table,
                &[TenantId, NameKey],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_professionals_kind_status",
                Professionals::Table,
                &[TenantId, Kind, Status],
                false,
            )
            .await?;
        }
        {
            use ProfessionalRegistrations::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ProfessionalRegistrations::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(ProfessionalId))
                        .col(string_len(Council, 120))
                        .col(string_len(CouncilKey, 120))
                        .col(string_len(Number, 40))
                        .col(string_len(NumberKey, 40))
                        .col(date(RegisteredOn))
                        .col(date_null(ValidUntil))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ProfessionalRegistrations::Table, (TenantId, ProfessionalId))
                                .to(
                                    Professionals::Table,
                                    (Professionals::TenantId, Professionals::Id),
                                )
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_registrations_council_number",
                ProfessionalRegistrations::Table,
                &[TenantId, CouncilKey, NumberKey],
                true,
            )
            .await?;
            create_index(
                manager,
                "ix_registrations_professional",
                ProfessionalRegistrations::Table,
                &[TenantId, ProfessionalId],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_registrations_valid_until",
                ProfessionalRegistrations::Table,
                &[TenantId, ValidUntil],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_registrations_number",
                ProfessionalRegistrations::Table,
                &[TenantId, NumberKey],
                false,
            )
            .await?;
        }
        {
            use ProfessionalFacilities::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ProfessionalFacilities::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(ProfessionalId))
                        .col(uuid(FacilityId))
                        .col(string_len(FacilityUnitPath, 1024))
                        .col(string_len(Designation, 80))
                        .col(string_len_null(Department, 80))
                        .col(date(FromDate))
                        .col(date_null(ToDate))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ProfessionalFacilities::Table, (TenantId, ProfessionalId))
                                .to(
                                    Professionals::Table,
                                    (Professionals::TenantId, Professionals::Id),
                                ),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(ProfessionalFacilities::Table, (TenantId, FacilityId))
                                .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_attachments_professional",
                ProfessionalFacilities::Table,
                &[TenantId, ProfessionalId],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_attachments_facility",
                ProfessionalFacilities::Table,
                &[TenantId, FacilityId],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_attachments_unit_path",
                ProfessionalFacilities::Table,
                &[TenantId, FacilityUnitPath],
                false,
            )
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "professionals",
                "professional_registrations",
                "professional_facilities",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "registries are never dropped by a migration".into(),
        ))
    }
}

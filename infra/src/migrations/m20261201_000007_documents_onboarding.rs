//! Documents in object storage (only their metadata here), each tenant's document
//! settings, the notification outbox, hospital sign-ups with their one-time codes,
//! and hospital applications with their review timeline.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Documents {
    Table,
    TenantId,
    Id,
    /// `application` or `clinical_entry`.
    OwnerKind,
    OwnerId,
    Purpose,
    FileName,
    ContentType,
    SizeBytes,
    ObjectKey,
    Status,
    Sha256,
    RejectReason,
    UploadedBy,
    CreatedAt,
    SlotExpiresAt,
    ConfirmedAt,
    DeletedAt,
    PurgeAfter,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum DocumentSettings {
    Table,
    TenantId,
    AllowedTypes,
    RequiredDocuments,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum NotificationOutbox {
    Table,
    TenantId,
    Id,
    Channel,
    Destination,
    Subject,
    Body,
    Status,
    Attempts,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum HospitalSignups {
    Table,
    TenantId,
    Id,
    Name,
    Phone,
    Email,
    Status,
    UserId,
    CreatedAt,
    VerifiedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OtpCodes {
    Table,
    TenantId,
    Id,
    SignupId,
    Phone,
    CodeHash,
    ExpiresAt,
    Attempts,
    ConsumedAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum HospitalApplications {
    Table,
    TenantId,
    Id,
    ApplicantUserId,
    Status,
    Name,
    Form,
    UnitId,
    UnitPath,
    DistrictId,
    FacilityId,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    DecidedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApplicationEvents {
    Table,
    TenantId,
    Id,
    ApplicationId,
    At,
    ActorUserId,
    Action,
    FromStatus,
    ToStatus,
    Note,
    Comments,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use Documents::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Documents::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(OwnerKind, 20))
                        .col(uuid(OwnerId))
                        .col(string_len(Purpose, 50))
                        .col(string_len(FileName, 200))
                        .col(string_len(ContentType, 50))
                        .col(big_integer(SizeBytes))
                        .col(string_len(ObjectKey, 200))
                        .col(string_len(Status, 20))
                        .col(string_len_null(Sha256, 64))
                        .col(string_len_null(RejectReason, 300))
                        .col(uuid(UploadedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(SlotExpiresAt))
                        .col(timestamp_with_time_zone_null(ConfirmedAt))
                        .col(timestamp_with_time_zone_null(DeletedAt))
                        .col(timestamp_with_time_zone_null(PurgeAfter))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                (
                    "ix_documents_owner",
                    &[TenantId, OwnerKind, OwnerId, Id][..],
                ),
                // The maintenance task: unconfirmed slots past their expiry, and
                // deleted documents past their retention.
                (
                    "ix_documents_slot_expiry",
                    &[TenantId, Status, SlotExpiresAt][..],
                ),
                ("ix_documents_purge", &[TenantId, Status, PurgeAfter][..]),
            ] {
                create_index(manager, name, Documents::Table, cols, false).await?;
            }
            create_index(
                manager,
                "ux_documents_object_key",
                Documents::Table,
                &[ObjectKey],
                true,
            )
            .await?;
        }
        {
            use DocumentSettings::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(DocumentSettings::Table)
                        .col(uuid(TenantId).primary_key())
                        // Comma-separated stable names, e.g. `application/pdf,image/png`.
                        .col(string_len(AllowedTypes, 500))
                        .col(string_len(RequiredDocuments, 1000))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .to_owned(),
                )
                .await?;
        }
        {
            use NotificationOutbox::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(NotificationOutbox::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(Channel, 10))
                        .col(string_len(Destination, 254))
                        .col(string_len(Subject, 200))
                        .col(text(Body))
                        .col(string_len(Status, 10))
                        .col(integer(Attempts).default(0))
                        .col(string_len_null(LastError, 500))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone_null(SentAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_outbox_pending",
                NotificationOutbox::Table,
                &[TenantId, Status, Id],
                false,
            )
            .await?;
        }
        {
            use HospitalSignups::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(HospitalSignups::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(Name, 120))
                        .col(string_len(Phone, 20))
                        .col(string_len(Email, 254))
                        .col(string_len(Status, 20))
                        .col(uuid_null(UserId))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone_null(VerifiedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
        }
        {
            use OtpCodes::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(OtpCodes::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(SignupId))
                        .col(string_len(Phone, 20))
                        // HMAC-SHA256 of the code under a server key: six digits are
                        // too few for a plain hash to protect.
                        .col(string_len(CodeHash, 64))
                        .col(timestamp_with_time_zone(ExpiresAt))
                        .col(integer(Attempts).default(0))
                        .col(timestamp_with_time_zone_null(ConsumedAt))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(OtpCodes::Table, (TenantId, SignupId))
                                .to(
                                    HospitalSignups::Table,
                                    (HospitalSignups::TenantId, HospitalSignups::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_otp_signup", &[TenantId, SignupId, Id][..]),
                // Rate limit: codes sent to a phone recently.
                ("ix_otp_phone", &[TenantId, Phone, CreatedAt][..]),
            ] {
                create_index(manager, name, OtpCodes::Table, cols, false).await?;
            }
        }
        {
            use HospitalApplications::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(HospitalApplications::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(ApplicantUserId))
                        .col(string_len(Status, 20))
                        .col(string_len_null(Name, 200))
                        .col(json_binary(Form))
                        .col(uuid_null(UnitId))
                        .col(string_len_null(UnitPath, 1024))
                        .col(uuid_null(DistrictId))
                        .col(uuid_null(FacilityId))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(timestamp_with_time_zone_null(SubmittedAt))
                        .col(timestamp_with_time_zone_null(DecidedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_applications_status", &[TenantId, Status, Id][..]),
                (
                    "ix_applications_applicant",
                    &[TenantId, ApplicantUserId, Id][..],
                ),
                (
                    "ix_applications_district",
                    &[TenantId, DistrictId, Status][..],
                ),
            ] {
                create_index(manager, name, HospitalApplications::Table, cols, false).await?;
            }
        }
        {
            use ApplicationEvents::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ApplicationEvents::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(ApplicationId))
                        .col(timestamp_with_time_zone(At))
                        .col(uuid(ActorUserId))
                        .col(string_len(Action, 30))
                        .col(string_len_null(FromStatus, 20))
                        .col(string_len(ToStatus, 20))
                        .col(text_null(Note))
                        .col(json_binary_null(Comments))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ApplicationEvents::Table, (TenantId, ApplicationId))
                                .to(
                                    HospitalApplications::Table,
                                    (HospitalApplications::TenantId, HospitalApplications::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_application_events",
                ApplicationEvents::Table,
                &[TenantId, ApplicationId, Id],
                false,
            )
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "documents",
                "document_settings",
                "notification_outbox",
                "hospital_signups",
                "otp_codes",
                "hospital_applications",
                "application_events",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "documents and applications are never dropped by a migration".into(),
        ))
    }
}

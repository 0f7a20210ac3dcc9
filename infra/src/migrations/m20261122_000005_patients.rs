//! The patient index: patients, their e-health cards, and surveyed households.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The hospitals' main flow, lookup by health ID with its audit entry, in one round
/// trip on PostgreSQL: the function sets the tenant for its own (implicit)
/// transaction, reads through row-level security as the calling role (SECURITY
/// INVOKER), and records the read in the same transaction. A merged record is returned
/// unaudited: the caller then resolves the survivor and audits that read itself.
const READ_BY_HEALTH_ID: &str = r#"
CREATE OR REPLACE FUNCTION app_read_patient_by_health_id(
  p_tenant uuid, p_health_id text, p_audit_id uuid, p_actor_kind text, p_actor_id uuid,
  p_request_id text, p_client_addr text, p_detail jsonb, p_at timestamptz)
RETURNS SETOF patients
LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
DECLARE
  r patients;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  SELECT * INTO r FROM patients WHERE tenant_id = p_tenant AND health_id = p_health_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF r.merged_into IS NULL THEN
    INSERT INTO audit_events (tenant_id, id, actor_kind, actor_id, action, entity_type,
                              entity_id, request_id, client_addr, detail, created_at)
    VALUES (p_tenant, p_audit_id, p_actor_kind, p_actor_id, 'patient.read', 'patient',
            r.id, p_request_id, p_client_addr, p_detail, p_at);
  END IF;
  RETURN NEXT r;
END
$$;
"#;

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
    Table,
    TenantId,
    Id,
    HealthId,
    GivenName,
    FamilyName,
    LocalName,
    GivenKey,
    FamilyKey,
    Sex,
    BirthDate,
    BirthEstimated,
    BirthYear,
    Phone,
    UnitId,
    UnitPath,
    AddressLine,
    Pincode,
    GuardianName,
    GuardianRelation,
    GuardianPhone,
    PreferredLanguage,
    AbhaNumber,
    NationalIdHash,
    NationalIdLast4,
    HouseholdId,
    RegisteredBy,
    MergedInto,
    MergedAt,
    MergedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum PatientCards {
    Table,
    TenantId,
    Id,
    PatientId,
    HealthId,
    Status,
    StatusReason,
    Replaces,
    IssuedBy,
    IssuedAt,
    Delivery,
    DeliveryChangedAt,
    UnitPath,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Households {
    Table,
    TenantId,
    Id,
    UnitId,
    UnitPath,
    AddressLine,
    Latitude,
    Longitude,
    HeadPatientId,
    EnrolledBy,
    CreatedAt,
    UpdatedAt,
    Version,
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
            use Patients::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Patients::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(HealthId, 32))
                        .col(string_len(GivenName, 80))
                        .col(string_len_null(FamilyName, 80))
                        .col(string_len_null(LocalName, 120))
                        .col(string_len(GivenKey, 80))
                        .col(string_len(FamilyKey, 80))
                        .col(string_len(Sex, 8))
                        .col(date(BirthDate))
                        .col(boolean(BirthEstimated))
                        .col(integer(BirthYear))
                        .col(string_len_null(Phone, 16))
                        .col(uuid_null(UnitId))
                        .col(string_len_null(UnitPath, 1024))
                        .col(string_len_null(AddressLine, 300))
                        .col(string_len_null(Pincode, 6))
                        .col(string_len_null(GuardianName, 120))
                        .col(string_len_null(GuardianRelation, 12))
                        .col(string_len_null(GuardianPhone, 16))
                        .col(string_len_null(PreferredLanguage, 4))
                        .col(string_len_null(AbhaNumber, 17))
                        .col(string_len_null(NationalIdHash, 64))
                        .col(string_len_null(NationalIdLast4, 4))
                        .col(uuid_null(HouseholdId))
                        .col(uuid_null(RegisteredBy))
                        .col(uuid_null(MergedInto))
                        .col(timestamp_with_time_zone_null(MergedAt))
                        .col(uuid_null(MergedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(Patients::Table, TenantId)
                                .to(Tenants::Table, Tenants::Id),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols, unique) in [
                ("ux_patients_health_id", &[TenantId, HealthId][..], true),
                ("ix_patients_phone", &[TenantId, Phone][..], false),
                (
                    "ix_patients_name",
                    &[TenantId, GivenKey, FamilyKey, BirthYear][..],
                    false,
                ),
                (
                    "ix_patients_family_name",
                    &[TenantId, FamilyKey, GivenKey][..],
                    false,
                ),
                (
                    "ix_patients_national_id",
                    &[TenantId, NationalIdHash][..],
                    false,
                ),
                ("ix_patients_abha", &[TenantId, AbhaNumber][..], false),
                ("ix_patients_household", &[TenantId, HouseholdId][..], false),
                (
                    "ix_patients_merged_into",
                    &[TenantId, MergedInto][..],
                    false,
                ),
                ("ix_patients_unit_path", &[TenantId, UnitPath][..], false),
            ] {
                create_index(manager, name, Patients::Table, cols, unique).await?;
            }
        }
        {
            use PatientCards::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(PatientCards::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        .col(string_len(HealthId, 32))
                        .col(string_len(Status, 12))
                        .col(string_len_null(StatusReason, 500))
                        .col(uuid_null(Replaces))
                        .col(uuid_null(IssuedBy))
                        .col(timestamp_with_time_zone(IssuedAt))
                        .col(string_len(Delivery, 12))
                        .col(timestamp_with_time_zone_null(DeliveryChangedAt))
                        .col(string_len_null(UnitPath, 1024))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(PatientCards::Table, (TenantId, PatientId))
                                .to(Patients::Table, (Patients::TenantId, Patients::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_cards_patient", &[TenantId, PatientId][..]),
                ("ix_cards_health_id", &[TenantId, HealthId][..]),
                ("ix_cards_unit_path", &[TenantId, UnitPath][..]),
            ] {
                create_index(manager, name, PatientCards::Table, cols, false).await?;
            }
        }
        {
            use Households::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Households::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(UnitId))
                        .col(string_len(UnitPath, 1024))
                        .col(string_len(AddressLine, 300))
                        .col(double_null(Latitude))
                        .col(double_null(Longitude))
                        .col(uuid_null(HeadPatientId))
                        .col(uuid(EnrolledBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(Households::Table, TenantId)
                                .to(Tenants::Table, Tenants::Id),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_households_unit_path", &[TenantId, UnitPath][..]),
                ("ix_households_enrolled_by", &[TenantId, EnrolledBy][..]),
            ] {
                create_index(manager, name, Households::Table, cols, false).await?;
            }
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in ["patients", "patient_cards", "households"] {
                rls::protect_tenant_table(manager, table).await?;
            }
            manager
                .get_connection()
                .execute_unprepared(READ_BY_HEALTH_ID)
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "patient records are never dropped by a migration".into(),
        ))
    }
}

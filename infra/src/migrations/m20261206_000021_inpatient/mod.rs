//! Inpatient care: wards, beds, admissions, bed assignments, attendants, condition
//! entries and the one-time codes of attendants and of the family status page.
//!
//! Occupancy is never stored on a bed: it is derived from the assignments, and two
//! partial unique indexes make the database refuse a second patient in a bed and a
//! second open assignment of one admission, whatever the race.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

// Named by hand: the derive takes the file's name, which is `mod` for a folder module,
// and databases know this migration by the name it was first applied under.
impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000021_inpatient"
    }
}

mod tables;
use tables::*;

/// A composite foreign key `(tenant_id, col)` → `to (tenant_id, id)`.
fn fk<F: IntoIden + Copy + 'static, T: IntoIden + Copy + 'static>(
    from: F,
    tenant: F,
    col: F,
    to: T,
    to_tenant: T,
    to_id: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, (tenant, col))
        .to(to, (to_tenant, to_id))
        .to_owned()
}

const PARTIAL_UNIQUE: [&str; 3] = [
    // One patient per bed: a reserved or active assignment holds it.
    "CREATE UNIQUE INDEX ux_bed_assignments_bed ON bed_assignments (tenant_id, bed_id) WHERE status IN ('reserved', 'active')",
    // One bed per admission at a time.
    "CREATE UNIQUE INDEX ux_bed_assignments_admission ON bed_assignments (tenant_id, admission_id) WHERE status = 'active'",
    // A registered patient is admitted once at a time.
    "CREATE UNIQUE INDEX ux_admissions_patient_open ON admissions (tenant_id, patient_id) WHERE status = 'admitted' AND patient_id IS NOT NULL",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use Wards::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Wards::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(FacilityId))
                        .col(string_len(Name, 80))
                        .col(string_len(Department, 20))
                        .col(string_len_null(Floor, 20))
                        .col(string_len_null(Phone, 16))
                        .col(integer(Version).default(1))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            Wards::Table,
                            TenantId,
                            FacilityId,
                            Facilities::Table,
                            Facilities::TenantId,
                            Facilities::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_wards_name",
                Wards::Table,
                &[TenantId, FacilityId, Name][..],
                true,
            )
            .await?;
        }
        {
            use Beds::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Beds::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(FacilityId))
                        .col(uuid(WardId))
                        .col(string_len(Label, 20))
                        .col(string_len(BedType, 20))
                        .col(string_len(Housekeeping, 20))
                        .col(string_len_null(Reason, 200))
                        .col(integer(Version).default(1))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            Beds::Table,
                            TenantId,
                            FacilityId,
                            Facilities::Table,
                            Facilities::TenantId,
                            Facilities::Id,
                        ))
                        .foreign_key(&mut fk(
                            Beds::Table,
                            TenantId,
                            WardId,
                            Wards::Table,
                            Wards::TenantId,
                            Wards::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ux_beds_label",
                Beds::Table,
                &[TenantId, WardId, Label][..],
                true,
            )
            .await?;
            create_index(
                manager,
                "ix_beds_facility",
                Beds::Table,
                &[TenantId, FacilityId, BedType][..],
                false,
            )
            .await?;
        }
        {
            use Admissions::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(Admissions::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid_null(PatientId))
                        .col(string_len_null(Unidentified, 200))
                        .col(uuid(FacilityId))
                        .col(uuid(WardId))
                        .col(uuid(BedId))
                        .col(uuid_null(EncounterId))
                        .col(uuid(AdmittingProfessionalId))
                        .col(string_len(Department, 20))
                        .col(string_len(Reason, 500))
                        .col(string_len_null(ProvisionalDiagnosis, 200))
                        .col(timestamp_with_time_zone(AdmittedAt))
                        .col(string_len(Status, 20))
                        .col(string_len_null(Outcome, 30))
                        .col(timestamp_with_time_zone_null(DischargedAt))
                        .col(timestamp_with_time_zone_null(TimeOfDeath))
                        .col(string_len_null(DischargeNote, 500))
                        .col(string_len_null(Category, 20))
                        .col(string_len_null(LifeSupport, 30))
                        .col(timestamp_with_time_zone_null(ConditionAt))
                        .col(integer_null(News2))
                        .col(integer(Version).default(1))
                        .col(uuid(CreatedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            PatientId,
                            Patients::Table,
                            Patients::TenantId,
                            Patients::Id,
                        ))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            FacilityId,
                            Facilities::Table,
                            Facilities::TenantId,
                            Facilities::Id,
                        ))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            WardId,
                            Wards::Table,
                            Wards::TenantId,
                            Wards::Id,
                        ))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            BedId,
                            Beds::Table,
                            Beds::TenantId,
                            Beds::Id,
                        ))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            EncounterId,
                            ClinicalEntries::Table,
                            ClinicalEntries::TenantId,
                            ClinicalEntries::Id,
                        ))
                        .foreign_key(&mut fk(
                            Admissions::Table,
                            TenantId,
                            AdmittingProfessionalId,
                            Professionals::Table,
                            Professionals::TenantId,
                            Professionals::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_admissions_facility",
                Admissions::Table,
                &[TenantId, FacilityId, Status][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_admissions_ward",
                Admissions::Table,
                &[TenantId, WardId, Status][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_admissions_patient",
                Admissions::Table,
                &[TenantId, PatientId][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_admissions_status",
                Admissions::Table,
                &[TenantId, Status, Category][..],
                false,
            )
            .await?;
        }
        {
            use BedAssignments::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(BedAssignments::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(AdmissionId))
                        .col(uuid(BedId))
                        .col(string_len(Status, 20))
                        .col(timestamp_with_time_zone(StartAt))
                        .col(timestamp_with_time_zone_null(EndAt))
                        .col(uuid(CreatedBy))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            BedAssignments::Table,
                            TenantId,
                            AdmissionId,
                            Admissions::Table,
                            Admissions::TenantId,
                            Admissions::Id,
                        ))
                        .foreign_key(&mut fk(
                            BedAssignments::Table,
                            TenantId,
                            BedId,
                            Beds::Table,
                            Beds::TenantId,
                            Beds::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_bed_assignments_history",
                BedAssignments::Table,
                &[TenantId, AdmissionId, StartAt][..],
                false,
            )
            .await?;
        }
        {
            use AdmissionAttendants::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(AdmissionAttendants::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(AdmissionId))
                        .col(string_len(Name, 100))
                        .col(string_len(Relationship, 40))
                        .col(string_len(Phone, 16))
                        .col(timestamp_with_time_zone_null(VerifiedAt))
                        .col(timestamp_with_time_zone_null(RemovedAt))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            AdmissionAttendants::Table,
                            TenantId,
                            AdmissionId,
                            Admissions::Table,
                            Admissions::TenantId,
                            Admissions::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_attendants_admission",
                AdmissionAttendants::Table,
                &[TenantId, AdmissionId][..],
                false,
            )
            .await?;
        }
        {
            use ConditionEntries::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ConditionEntries::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(AdmissionId))
                        .col(string_len(Category, 20))
                        .col(string_len(LifeSupport, 30))
                        .col(string_len(Consciousness, 20))
                        .col(string_len_null(Remark, 300))
                        .col(json_binary_null(Observations))
                        .col(integer_null(News2))
                        .col(string_len_null(News2Risk, 20))
                        .col(uuid(RecordedBy))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            ConditionEntries::Table,
                            TenantId,
                            AdmissionId,
                            Admissions::Table,
                            Admissions::TenantId,
                            Admissions::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_condition_entries_admission",
                ConditionEntries::Table,
                &[TenantId, AdmissionId, RecordedAt][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_condition_entries_news2",
                ConditionEntries::Table,
                &[TenantId, News2][..],
                false,
            )
            .await?;
        }
        {
            use InpatientCodes::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(InpatientCodes::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(RequestId))
                        .col(string_len(Purpose, 20))
                        .col(uuid(AdmissionId))
                        .col(uuid(AttendantId))
                        .col(string_len(Phone, 16))
                        .col(string_len(CodeHash, 64))
                        .col(timestamp_with_time_zone(ExpiresAt))
                        .col(small_integer(AttemptsLeft))
                        .col(timestamp_with_time_zone_null(UsedAt))
                        .col(string_len_null(ClientAddr, 64))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(&mut fk(
                            InpatientCodes::Table,
                            TenantId,
                            AdmissionId,
                            Admissions::Table,
                            Admissions::TenantId,
                            Admissions::Id,
                        ))
                        .foreign_key(&mut fk(
                            InpatientCodes::Table,
                            TenantId,
                            AttendantId,
                            AdmissionAttendants::Table,
                            AdmissionAttendants::TenantId,
                            AdmissionAttendants::Id,
                        ))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_inpatient_codes_request",
                InpatientCodes::Table,
                &[TenantId, RequestId][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_inpatient_codes_phone",
                InpatientCodes::Table,
                &[TenantId, Phone, CreatedAt][..],
                false,
            )
            .await?;
            create_index(
                manager,
                "ix_inpatient_codes_admission",
                InpatientCodes::Table,
                &[TenantId, AdmissionId, CreatedAt][..],
                false,
            )
            .await?;
        }
        let conn = manager.get_connection();
        for sql in PARTIAL_UNIQUE {
            conn.execute_unprepared(sql).await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "wards",
                "beds",
                "admissions",
                "bed_assignments",
                "admission_attendants",
                "condition_entries",
                "inpatient_codes",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "inpatient records are never dropped by a migration".into(),
        ))
    }
}

//! The names of migration 21's tables and columns, and of the tables it refers to.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Wards {
    Table,
    TenantId,
    Id,
    FacilityId,
    Name,
    Department,
    Floor,
    Phone,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Beds {
    Table,
    TenantId,
    Id,
    FacilityId,
    WardId,
    Label,
    BedType,
    Housekeeping,
    Reason,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Admissions {
    Table,
    TenantId,
    Id,
    PatientId,
    Unidentified,
    FacilityId,
    WardId,
    BedId,
    EncounterId,
    AdmittingProfessionalId,
    Department,
    Reason,
    ProvisionalDiagnosis,
    AdmittedAt,
    Status,
    Outcome,
    DischargedAt,
    TimeOfDeath,
    DischargeNote,
    /// The latest condition entry's values, kept here in the same transaction as the
    /// entry so the monitoring list filters and counts without reading the history.
    Category,
    LifeSupport,
    ConditionAt,
    News2,
    Version,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum BedAssignments {
    Table,
    TenantId,
    Id,
    AdmissionId,
    BedId,
    Status,
    StartAt,
    EndAt,
    CreatedBy,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum AdmissionAttendants {
    Table,
    TenantId,
    Id,
    AdmissionId,
    Name,
    Relationship,
    Phone,
    VerifiedAt,
    RemovedAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum ConditionEntries {
    Table,
    TenantId,
    Id,
    AdmissionId,
    Category,
    LifeSupport,
    Consciousness,
    Remark,
    Observations,
    News2,
    News2Risk,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum InpatientCodes {
    Table,
    TenantId,
    Id,
    /// Codes sent together (one per attendant's phone) share a request id.
    RequestId,
    /// `attendant` (proving a phone at admission) or `family` (the status page).
    Purpose,
    AdmissionId,
    AttendantId,
    Phone,
    CodeHash,
    ExpiresAt,
    AttemptsLeft,
    UsedAt,
    ClientAddr,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Patients {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Professionals {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum ClinicalEntries {
    Table,
    TenantId,
    Id,
}

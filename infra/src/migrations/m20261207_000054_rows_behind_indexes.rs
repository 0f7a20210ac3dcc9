//! Indexes for the records behind an indicator: a facility's clinical entries by time,
//! and its stays by admission and by discharge.

use super::create_index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntries {
    Table,
    TenantId,
    FacilityId,
    OccurredAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Admissions {
    Table,
    TenantId,
    FacilityId,
    AdmittedAt,
    DischargedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use ClinicalEntries::*;
            create_index(
                m,
                "ix_entries_facility_time",
                ClinicalEntries::Table,
                &[TenantId, FacilityId, OccurredAt],
                false,
            )
            .await?;
        }
        use Admissions::*;
        create_index(
            m,
            "ix_admissions_facility_admitted",
            Admissions::Table,
            &[TenantId, FacilityId, AdmittedAt],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_admissions_facility_discharged",
            Admissions::Table,
            &[TenantId, FacilityId, DischargedAt],
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_entries_facility_time", "clinical_entries"),
            ("ix_admissions_facility_admitted", "admissions"),
            ("ix_admissions_facility_discharged", "admissions"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

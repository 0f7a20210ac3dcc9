//! Referrals of admitted patients to another facility of the tenant: the receiving
//! facility accepts (admitting the patient to one of its beds, which discharges them
//! at the sending one as referred) or declines; until then the patient keeps their bed.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Referrals {
    Table,
    TenantId,
    Id,
    AdmissionId,
    FromFacilityId,
    ToFacilityId,
    Reason,
    Status,
    RequestedBy,
    RequestedAt,
    DecidedBy,
    DecidedAt,
    DecisionNote,
    ReceivedAdmissionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Admissions {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

/// One pending referral per admission.
const ONE_PENDING: &str = "CREATE UNIQUE INDEX ux_referrals_pending ON referrals (tenant_id, admission_id) WHERE status = 'pending'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Referrals::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Referrals::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(AdmissionId))
                    .col(uuid(FromFacilityId))
                    .col(uuid(ToFacilityId))
                    .col(string_len(Reason, 500))
                    .col(string_len(Status, 20))
                    .col(uuid(RequestedBy))
                    .col(timestamp_with_time_zone(RequestedAt))
                    .col(uuid_null(DecidedBy))
                    .col(timestamp_with_time_zone_null(DecidedAt))
                    .col(string_len_null(DecisionNote, 500))
                    .col(uuid_null(ReceivedAdmissionId))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referrals::Table, (TenantId, AdmissionId))
                            .to(Admissions::Table, (Admissions::TenantId, Admissions::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referrals::Table, (TenantId, ReceivedAdmissionId))
                            .to(Admissions::Table, (Admissions::TenantId, Admissions::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referrals::Table, (TenantId, FromFacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referrals::Table, (TenantId, ToFacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ix_referrals_to",
            Referrals::Table,
            &[TenantId, ToFacilityId, Status][..],
            false,
        )
        .await?;
        manager
            .get_connection()
            .execute_unprepared(ONE_PENDING)
            .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "referrals").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "referrals are never dropped by a migration".into(),
        ))
    }
}

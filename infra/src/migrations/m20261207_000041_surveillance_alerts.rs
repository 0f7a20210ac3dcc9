//! Surveillance alerts: a rule that fired for a condition in a place (and village, for
//! a cluster), with the numbers that made it fire, until someone verifies it.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceAlerts {
    Table,
    TenantId,
    Id,
    ConditionId,
    /// The rule's key (`cluster-5-in-14-days`).
    RuleKey,
    UnitId,
    UnitPath,
    Village,
    WindowFrom,
    WindowTo,
    Cases,
    /// The line the cases crossed.
    Line,
    Explanation,
    /// open, true_signal or false_signal.
    Status,
    RaisedAt,
    VerifiedAt,
    VerifiedBy,
    VerificationNote,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum NotifiableConditions {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SurveillanceAlerts::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SurveillanceAlerts::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(ConditionId))
                .col(string_len(RuleKey, 40))
                .col(uuid(UnitId))
                .col(string_len(UnitPath, 1024))
                .col(string_len_null(Village, 120))
                .col(date(WindowFrom))
                .col(date(WindowTo))
                .col(big_integer(Cases))
                .col(double(Line))
                .col(string_len(Explanation, 300))
                .col(string_len(Status, 16))
                .col(timestamp_with_time_zone(RaisedAt))
                .col(timestamp_with_time_zone_null(VerifiedAt))
                .col(uuid_null(VerifiedBy))
                .col(string_len_null(VerificationNote, 500))
                .col(integer(Version).default(1))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveillanceAlerts::Table, (TenantId, ConditionId))
                        .to(
                            NotifiableConditions::Table,
                            (NotifiableConditions::TenantId, NotifiableConditions::Id),
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveillanceAlerts::Table, (TenantId, UnitId))
                        .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                )
                .to_owned(),
        )
        .await?;
        // The last signal of a rule in a place (quiet days), and the queue by place.
        create_index(
            m,
            "ix_alerts_rule_place",
            SurveillanceAlerts::Table,
            &[TenantId, ConditionId, RuleKey, UnitId],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_alerts_place",
            SurveillanceAlerts::Table,
            &[TenantId, UnitPath],
            false,
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "surveillance_alerts").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            sea_orm_migration::prelude::Table::drop()
                .table(SurveillanceAlerts::Table)
                .to_owned(),
        )
        .await
    }
}

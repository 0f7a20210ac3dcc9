//! The state's own alert rules per condition (a set replaced as a whole: the old rows
//! stay, retired) and the populations of places per year (the denominators of rates).

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceAlertRules {
    Table,
    TenantId,
    Id,
    ConditionId,
    RuleKey,
    /// fixed, baseline, sd, cluster or rate.
    Kind,
    /// block or district.
    Scope,
    /// week or rolling_7_days.
    Window,
    /// The threshold, multiple, k, rate per 100,000 or cluster size.
    Amount,
    Years,
    HalfWidth,
    Days,
    MinCases,
    QuietDays,
    ValidFrom,
    RetiredAt,
    SetBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveillancePopulations {
    Table,
    TenantId,
    UnitId,
    Year,
    Population,
    Version,
    UpdatedAt,
    UpdatedBy,
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
        {
            use SurveillanceAlertRules::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SurveillanceAlertRules::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(ConditionId))
                    .col(string_len(RuleKey, 40))
                    .col(string_len(Kind, 16))
                    .col(string_len(Scope, 16))
                    .col(string_len(Window, 16))
                    .col(double(Amount))
                    .col(integer_null(Years))
                    .col(integer_null(HalfWidth))
                    .col(integer_null(Days))
                    .col(big_integer(MinCases))
                    .col(integer(QuietDays))
                    .col(timestamp_with_time_zone(ValidFrom))
                    .col(timestamp_with_time_zone_null(RetiredAt))
                    .col(uuid_null(SetBy))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceAlertRules::Table, (TenantId, ConditionId))
                            .to(
                                NotifiableConditions::Table,
                                (NotifiableConditions::TenantId, NotifiableConditions::Id),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_alert_rules_condition",
                SurveillanceAlertRules::Table,
                &[TenantId, ConditionId, RetiredAt],
                false,
            )
            .await?;
        }
        {
            use SurveillancePopulations::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SurveillancePopulations::Table)
                    .col(uuid(TenantId))
                    .col(uuid(UnitId))
                    .col(integer(Year))
                    .col(big_integer(Population))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .col(uuid_null(UpdatedBy))
                    .primary_key(Index::create().col(TenantId).col(UnitId).col(Year))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillancePopulations::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        }
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "surveillance_alert_rules").await?;
            rls::protect_tenant_table(m, "surveillance_populations").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["surveillance_populations", "surveillance_alert_rules"] {
            m.drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(Alias::new(t))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

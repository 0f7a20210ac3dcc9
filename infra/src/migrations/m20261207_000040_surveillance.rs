//! Disease surveillance (`arogya_domain::surveillance`): each tenant's notifiable
//! conditions (seeded with IDSP's list, here for the tenants already there and at
//! creation for new ones), the cases, and the weekly counts kept current with every
//! change of a case (condition × place × onset week × age group × sex).

use super::{create_index, rls};
use arogya_domain::surveillance::condition::idsp_seed;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum NotifiableConditions {
    Table,
    TenantId,
    Id,
    Code,
    Name,
    /// ICD-10 codes, comma-separated.
    Icd10,
    /// LOINC codes of confirming tests, comma-separated.
    Loinc,
    Syndromic,
    Presumptive,
    Confirmed,
    EpisodeDays,
    Active,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceCases {
    Table,
    TenantId,
    Id,
    ConditionId,
    PatientId,
    Level,
    Classification,
    Outcome,
    OnsetDate,
    /// The onset's epidemiological week, as `EpiWeek::key` (202649).
    EpiWeek,
    ReportedAt,
    UnitId,
    UnitPath,
    Village,
    FacilityId,
    /// For a person reported from the field who is not registered.
    Name,
    AgeYears,
    AgeGroup,
    Sex,
    Symptoms,
    /// The clinical entry (diagnosis or lab result) that last raised the case.
    SourceEntryId,
    ReportedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceWeeklyCounts {
    Table,
    TenantId,
    ConditionId,
    UnitId,
    EpiWeek,
    AgeGroup,
    Sex,
    UnitPath,
    Cases,
    Confirmed,
    Deaths,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
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

/// `$n` placeholders for PostgreSQL, `?n` for SQLite (as the repositories do).
fn sql_for(backend: DbBackend, sql: &str) -> String {
    if backend == DbBackend::Postgres {
        sql.to_owned()
    } else {
        sql.replace('$', "?")
    }
}

/// IDSP's list for one tenant that has none yet.
pub(crate) async fn seed_conditions<C: ConnectionTrait>(db: &C, tenant: Uuid) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let stmt = |sql: &str, values: Vec<sea_orm::Value>| {
        Statement::from_sql_and_values(backend, sql_for(backend, sql), values)
    };
    if backend == DbBackend::Postgres {
        db.execute_raw(stmt(
            "SELECT set_config('app.tenant_id', $1, true)",
            vec![tenant.to_string().into()],
        ))
        .await?;
    }
    let now = chrono::Utc::now();
    for c in idsp_seed() {
        db.execute_raw(stmt(
            "INSERT INTO notifiable_conditions (tenant_id, id, code, name, icd10, loinc, syndromic,
                presumptive, confirmed, episode_days, active, version, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12)",
            vec![
                tenant.into(),
                Uuid::now_v7().into(),
                c.code.into(),
                c.name.into(),
                c.icd10.join(",").into(),
                c.loinc.join(",").into(),
                c.syndromic.into(),
                c.presumptive.into(),
                c.confirmed.into(),
                c.episode_days.into(),
                true.into(),
                now.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use NotifiableConditions::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(NotifiableConditions::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Code, 20))
                    .col(string_len(Name, 120))
                    .col(text(Icd10))
                    .col(text(Loinc))
                    .col(text(Syndromic))
                    .col(text(Presumptive))
                    .col(text(Confirmed))
                    .col(integer(EpisodeDays))
                    .col(boolean(Active))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NotifiableConditions::Table, TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ux_conditions_code",
                NotifiableConditions::Table,
                &[TenantId, Code],
                true,
            )
            .await?;
        }
        {
            use SurveillanceCases::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SurveillanceCases::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(ConditionId))
                    .col(uuid_null(PatientId))
                    .col(string_len(Level, 1))
                    .col(string_len(Classification, 12))
                    .col(string_len_null(Outcome, 12))
                    .col(date(OnsetDate))
                    .col(integer(EpiWeek))
                    .col(timestamp_with_time_zone(ReportedAt))
                    .col(uuid(UnitId))
                    .col(string_len(UnitPath, 1024))
                    .col(string_len_null(Village, 120))
                    .col(uuid_null(FacilityId))
                    .col(string_len_null(Name, 120))
                    .col(integer_null(AgeYears))
                    .col(string_len(AgeGroup, 8))
                    .col(string_len(Sex, 8))
                    .col(string_len_null(Symptoms, 500))
                    .col(uuid_null(SourceEntryId))
                    .col(uuid(ReportedBy))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .col(integer(Version).default(1))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceCases::Table, (TenantId, ConditionId))
                            .to(
                                NotifiableConditions::Table,
                                (NotifiableConditions::TenantId, NotifiableConditions::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceCases::Table, (TenantId, PatientId))
                            .to(Patients::Table, (Patients::TenantId, Patients::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceCases::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceCases::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            for (name, cols) in [
                // A diagnosis finds the person's open episode of the condition.
                ("ix_cases_patient", &[TenantId, PatientId, ConditionId][..]),
                // Line lists by condition and week, in a place.
                (
                    "ix_cases_condition_week",
                    &[TenantId, ConditionId, EpiWeek][..],
                ),
                ("ix_cases_place_week", &[TenantId, UnitPath, EpiWeek][..]),
            ] {
                create_index(m, name, SurveillanceCases::Table, cols, false).await?;
            }
        }
        {
            use SurveillanceWeeklyCounts::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SurveillanceWeeklyCounts::Table)
                    .col(uuid(TenantId))
                    .col(uuid(ConditionId))
                    .col(uuid(UnitId))
                    .col(integer(EpiWeek))
                    .col(string_len(AgeGroup, 8))
                    .col(string_len(Sex, 8))
                    .col(string_len(UnitPath, 1024))
                    .col(big_integer(Cases).default(0))
                    .col(big_integer(Confirmed).default(0))
                    .col(big_integer(Deaths).default(0))
                    .primary_key(
                        Index::create()
                            .col(TenantId)
                            .col(ConditionId)
                            .col(UnitId)
                            .col(EpiWeek)
                            .col(AgeGroup)
                            .col(Sex),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceWeeklyCounts::Table, (TenantId, ConditionId))
                            .to(
                                NotifiableConditions::Table,
                                (NotifiableConditions::TenantId, NotifiableConditions::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveillanceWeeklyCounts::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            // The weekly table of a place: weeks, then everything under the place.
            create_index(
                m,
                "ix_weekly_counts_week_place",
                SurveillanceWeeklyCounts::Table,
                &[TenantId, EpiWeek, UnitPath],
                false,
            )
            .await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            for t in [
                "notifiable_conditions",
                "surveillance_cases",
                "surveillance_weekly_counts",
            ] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        let db = m.get_connection();
        let tenants = db
            .query_all_raw(Statement::from_string(
                m.get_database_backend(),
                "SELECT id FROM tenants",
            ))
            .await?;
        for t in tenants {
            let id: Uuid = t.try_get("", "id")?;
            seed_conditions(db, id).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            SurveillanceWeeklyCounts::Table.into_iden(),
            SurveillanceCases::Table.into_iden(),
            NotifiableConditions::Table.into_iden(),
        ] {
            m.drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(t)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

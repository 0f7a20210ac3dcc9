//! Hospital scorecards and award rounds. A scorecard is versioned: each save is a new
//! row and the highest version is in force. An award round freezes one version's
//! ranking: its rules, every hospital's counts and the result are written once and
//! never changed, so later corrections of the data do not move a decided award. The
//! decision and its winners are recorded once, the winners as rows of their own.

use super::{create_index, rls};
use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Scorecards {
    Table,
    TenantId,
    Id,
    Version,
    Name,
    Specialty,
    /// The whole rules (indicators, directions, weights, minimum volume, types).
    Rules,
    FromMonth,
    ToMonth,
    SavedBy,
    SavedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AwardRounds {
    Table,
    TenantId,
    Id,
    Title,
    ScorecardId,
    ScorecardVersion,
    FromMonth,
    ToMonth,
    /// The scorecard's rules as they were frozen.
    Rules,
    /// Every hospital's counts as they were frozen.
    Inputs,
    /// The ranking worked out from them.
    Result,
    FrozenBy,
    FrozenAt,
    DecisionNote,
    DecidedBy,
    DecidedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum AwardWinners {
    Table,
    TenantId,
    RoundId,
    FacilityId,
    /// 1 for the first place.
    Place,
    Score,
    Rank,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use Scorecards::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Scorecards::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(integer(Version))
                    .col(string_len(Name, 120))
                    .col(string_len(Specialty, 40))
                    .col(json_binary(Rules))
                    .col(date(FromMonth))
                    .col(date(ToMonth))
                    .col(uuid(SavedBy))
                    .col(timestamp_with_time_zone(SavedAt))
                    .primary_key(Index::create().col(TenantId).col(Id).col(Version))
                    .to_owned(),
            )
            .await?;
        }
        {
            use AwardRounds::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(AwardRounds::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Title, 160))
                    .col(uuid(ScorecardId))
                    .col(integer(ScorecardVersion))
                    .col(date(FromMonth))
                    .col(date(ToMonth))
                    .col(json_binary(Rules))
                    .col(json_binary(Inputs))
                    .col(json_binary(Result))
                    .col(uuid(FrozenBy))
                    .col(timestamp_with_time_zone(FrozenAt))
                    .col(text_null(DecisionNote))
                    .col(uuid_null(DecidedBy))
                    .col(timestamp_with_time_zone_null(DecidedAt))
                    .col(integer(Version))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                AwardRounds::Table,
                                (TenantId, ScorecardId, ScorecardVersion),
                            )
                            .to(
                                Scorecards::Table,
                                (Scorecards::TenantId, Scorecards::Id, Scorecards::Version),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
            // One round of a title: a repeated freeze cannot make a second.
            create_index(
                m,
                "ux_award_rounds_title",
                AwardRounds::Table,
                &[TenantId, Title],
                true,
            )
            .await?;
            create_index(
                m,
                "ix_award_rounds_frozen",
                AwardRounds::Table,
                &[TenantId, FrozenAt],
                false,
            )
            .await?;
        }
        {
            use AwardWinners::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(AwardWinners::Table)
                    .col(uuid(TenantId))
                    .col(uuid(RoundId))
                    .col(uuid(FacilityId))
                    .col(integer(Place))
                    .col(double_null(Score))
                    .col(integer_null(Rank))
                    .primary_key(Index::create().col(TenantId).col(RoundId).col(FacilityId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AwardWinners::Table, (TenantId, RoundId))
                            .to(AwardRounds::Table, (AwardRounds::TenantId, AwardRounds::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AwardWinners::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            // A facility's awards, for its page and the certificate check.
            create_index(
                m,
                "ix_award_winners_facility",
                AwardWinners::Table,
                &[TenantId, FacilityId],
                false,
            )
            .await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            for t in ["scorecards", "award_rounds", "award_winners"] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AwardWinners::Table.into_iden(),
            AwardRounds::Table.into_iden(),
            Scorecards::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

//! The helpline: tickets (calls and messages), their timeline, the knowledge base
//! tier 1 answers from, and each tenant's SLA targets per category.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum HelplineTickets {
    Table,
    TenantId,
    Id,
    Channel,
    CallerPhone,
    CallerName,
    Language,
    PatientId,
    Category,
    Notes,
    Priority,
    /// 0 for critical: queues order by this, then by age.
    PriorityRank,
    Tier,
    Status,
    AssigneeUserId,
    KbArticleId,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    FirstResponseAt,
    ResolvedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum TicketEvents {
    Table,
    TenantId,
    Id,
    TicketId,
    At,
    ActorUserId,
    Action,
    FromStatus,
    ToStatus,
    Tier,
    Note,
}

#[derive(DeriveIden, Clone, Copy)]
enum KbArticles {
    Table,
    TenantId,
    Id,
    Language,
    Title,
    Body,
    Tags,
    /// Title, tags and body folded to lowercase, for word search on both backends.
    SearchText,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum HelplineSla {
    Table,
    TenantId,
    Category,
    FirstResponseMinutes,
    ResolutionMinutes,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use HelplineTickets::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(HelplineTickets::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(Channel, 10))
                        .col(string_len(CallerPhone, 20))
                        .col(string_len_null(CallerName, 120))
                        .col(string_len(Language, 10))
                        .col(uuid_null(PatientId))
                        .col(string_len(Category, 20))
                        .col(text(Notes))
                        .col(string_len(Priority, 10))
                        .col(integer(PriorityRank))
                        .col(small_integer(Tier))
                        .col(string_len(Status, 20))
                        .col(uuid_null(AssigneeUserId))
                        .col(uuid_null(KbArticleId))
                        .col(uuid(CreatedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(timestamp_with_time_zone_null(FirstResponseAt))
                        .col(timestamp_with_time_zone_null(ResolvedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                // The live queues: by tier and status, most urgent and oldest first.
                (
                    "ix_tickets_queue",
                    &[TenantId, Tier, Status, PriorityRank, CreatedAt][..],
                ),
                ("ix_tickets_caller", &[TenantId, CallerPhone, Id][..]),
                ("ix_tickets_patient", &[TenantId, PatientId, Id][..]),
                ("ix_tickets_open", &[TenantId, Status, CreatedAt][..]),
            ] {
                create_index(manager, name, HelplineTickets::Table, cols, false).await?;
            }
        }
        {
            use TicketEvents::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(TicketEvents::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(TicketId))
                        .col(timestamp_with_time_zone(At))
                        .col(uuid(ActorUserId))
                        .col(string_len(Action, 20))
                        .col(string_len_null(FromStatus, 20))
                        .col(string_len(ToStatus, 20))
                        .col(small_integer(Tier))
                        .col(text_null(Note))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(TicketEvents::Table, (TenantId, TicketId))
                                .to(
                                    HelplineTickets::Table,
                                    (HelplineTickets::TenantId, HelplineTickets::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_ticket_events",
                TicketEvents::Table,
                &[TenantId, TicketId, Id],
                false,
            )
            .await?;
        }
        {
            use KbArticles::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(KbArticles::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(string_len(Language, 10))
                        .col(string_len(Title, 200))
                        .col(text(Body))
                        .col(string_len(Tags, 500))
                        .col(text(SearchText))
                        .col(uuid(CreatedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_kb_language",
                KbArticles::Table,
                &[TenantId, Language, Id],
                false,
            )
            .await?;
        }
        {
            use HelplineSla::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(HelplineSla::Table)
                        .col(uuid(TenantId))
                        .col(string_len(Category, 20))
                        .col(integer(FirstResponseMinutes))
                        .col(integer(ResolutionMinutes))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .primary_key(Index::create().col(TenantId).col(Category))
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "helpline_tickets",
                "ticket_events",
                "kb_articles",
                "helpline_sla",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "helpline records are never dropped by a migration".into(),
        ))
    }
}

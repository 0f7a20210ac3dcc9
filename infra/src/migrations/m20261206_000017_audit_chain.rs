//! The audit trail made tamper-evident: each tenant's events are sealed, in order, into
//! a chain where every link is an HMAC (keyed by the deployment's PII master key) of the
//! event and the link before. The application role cannot change either table, but an
//! owner or a database administrator could: changing, removing or inserting an event
//! then breaks the chain at that point, and without the key the chain cannot be
//! forged again. `arogya audit verify` finds the first broken link.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum AuditChain {
    Table,
    TenantId,
    /// 1, 2, 3… per tenant, with no gaps.
    Seq,
    EventId,
    /// The previous link's MAC (hex); 64 zeros for the first.
    PrevMac,
    Mac,
    SealedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditEvents {
    Table,
    TenantId,
    Id,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AuditChain::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(AuditChain::Table)
                    .col(uuid(TenantId))
                    .col(big_integer(Seq))
                    .col(uuid(EventId))
                    .col(string_len(PrevMac, 64))
                    .col(string_len(Mac, 64))
                    .col(timestamp_with_time_zone(SealedAt))
                    .primary_key(Index::create().col(TenantId).col(Seq))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditChain::Table, (TenantId, EventId))
                            .to(AuditEvents::Table, (AuditEvents::TenantId, AuditEvents::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ux_audit_chain_event",
            AuditChain::Table,
            &[TenantId, EventId][..],
            true,
        )
        .await?;
        // The sealer reads the newest events of a tenant.
        create_index(
            manager,
            "ix_audit_events_created",
            AuditEvents::Table,
            &[AuditEvents::TenantId, AuditEvents::CreatedAt][..],
            false,
        )
        .await?;
        let db = manager.get_connection();
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "audit_chain").await?;
            db.execute_unprepared(
                "CREATE FUNCTION audit_chain_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'audit_chain is append-only'; END $$;
                 CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
                 FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();",
            )
            .await?;
        } else {
            db.execute_unprepared(
                "CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
                 BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;
                 CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
                 BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the audit chain is never dropped by a migration".into(),
        ))
    }
}

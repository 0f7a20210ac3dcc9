//! Tenants, platform administrators, users, role assignments, refresh tokens and the
//! audit trail.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
    Kind,
    Code,
    Name,
    ParentId,
    Status,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum PlatformAdmins {
    Table,
    Id,
    Username,
    Email,
    DisplayName,
    PasswordHash,
    Status,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    TenantId,
    Id,
    Username,
    Email,
    DisplayName,
    PasswordHash,
    Status,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoleAssignments {
    Table,
    TenantId,
    Id,
    UserId,
    Role,
    UnitId,
    FacilityId,
    ScopeKey,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefreshTokens {
    Table,
    Id,
    TenantId,
    UserId,
    FamilyId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    RevokedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditEvents {
    Table,
    TenantId,
    Id,
    ActorKind,
    ActorId,
    Action,
    EntityType,
    EntityId,
    RequestId,
    ClientAddr,
    Detail,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == sea_orm::DbBackend::Postgres;

        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(uuid(Tenants::Id).primary_key())
                    .col(string_len(Tenants::Kind, 16))
                    .col(string_len(Tenants::Code, 16).unique_key())
                    .col(string_len(Tenants::Name, 200))
                    .col(uuid_null(Tenants::ParentId))
                    .col(string_len(Tenants::Status, 16))
                    .col(timestamp_with_time_zone(Tenants::CreatedAt))
                    .col(timestamp_with_time_zone(Tenants::UpdatedAt))
                    .col(integer(Tenants::Version).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Tenants::Table, Tenants::ParentId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlatformAdmins::Table)
                    .col(uuid(PlatformAdmins::Id).primary_key())
                    .col(string_len(PlatformAdmins::Username, 64).unique_key())
                    .col(string_len_null(PlatformAdmins::Email, 254))
                    .col(string_len(PlatformAdmins::DisplayName, 200))
                    .col(string(PlatformAdmins::PasswordHash))
                    .col(string_len(PlatformAdmins::Status, 16))
                    .col(timestamp_with_time_zone(PlatformAdmins::CreatedAt))
                    .col(timestamp_with_time_zone(PlatformAdmins::UpdatedAt))
                    .col(integer(PlatformAdmins::Version).default(1))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid(Users::TenantId))
                    .col(uuid(Users::Id))
                    .col(string_len(Users::Username, 64))
                    .col(string_len_null(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 200))
                    .col(string(Users::PasswordHash))
                    .col(string_len(Users::Status, 16))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .col(integer(Users::Version).default(1))
                    .primary_key(Index::create().col(Users::TenantId).col(Users::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "ux_users_tenant_username",
            Users::Table,
            &[Users::TenantId, Users::Username],
        )
        .await?;
        unique_index(
            manager,
            "ux_users_tenant_email",
            Users::Table,
            &[Users::TenantId, Users::Email],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleAssignments::Table)
                    .col(uuid(RoleAssignments::TenantId))
                    .col(uuid(RoleAssignments::Id))
                    .col(uuid(RoleAssignments::UserId))
                    .col(string_len(RoleAssignments::Role, 32))
                    .col(uuid_null(RoleAssignments::UnitId))
                    .col(uuid_null(RoleAssignments::FacilityId))
                    .col(string_len(RoleAssignments::ScopeKey, 64))
                    .col(uuid_null(RoleAssignments::CreatedBy))
                    .col(timestamp_with_time_zone(RoleAssignments::CreatedAt))
                    .col(timestamp_with_time_zone(RoleAssignments::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(RoleAssignments::TenantId)
                            .col(RoleAssignments::Id),
                    )
                    // The composite key makes a grant to another tenant's user impossible.
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                RoleAssignments::Table,
                                (RoleAssignments::TenantId, RoleAssignments::UserId),
                            )
                            .to(Users::Table, (Users::TenantId, Users::Id))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "ux_role_assignments_grant",
            RoleAssignments::Table,
            &[
                RoleAssignments::TenantId,
                RoleAssignments::UserId,
                RoleAssignments::Role,
                RoleAssignments::ScopeKey,
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(uuid(RefreshTokens::Id).primary_key())
                    .col(uuid_null(RefreshTokens::TenantId))
                    .col(uuid(RefreshTokens::UserId))
                    .col(uuid(RefreshTokens::FamilyId))
                    .col(string_len(RefreshTokens::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RevokedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_refresh_tokens_family",
            RefreshTokens::Table,
            &[RefreshTokens::TenantId, RefreshTokens::FamilyId],
        )
        .await?;
        index(
            manager,
            "ix_refresh_tokens_user",
            RefreshTokens::Table,
            &[RefreshTokens::TenantId, RefreshTokens::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(uuid(AuditEvents::TenantId))
                    .col(uuid(AuditEvents::Id))
                    .col(string_len(AuditEvents::ActorKind, 32))
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(string_len(AuditEvents::Action, 64))
                    .col(string_len(AuditEvents::EntityType, 64))
                    .col(uuid_null(AuditEvents::EntityId))
                    .col(string_len_null(AuditEvents::RequestId, 64))
                    .col(string_len_null(AuditEvents::ClientAddr, 64))
                    .col(json_binary(AuditEvents::Detail))
                    .col(timestamp_with_time_zone(AuditEvents::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(AuditEvents::TenantId)
                            .col(AuditEvents::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditEvents::Table, AuditEvents::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_audit_events_entity",
            AuditEvents::Table,
            &[
                AuditEvents::TenantId,
                AuditEvents::EntityType,
                AuditEvents::EntityId,
            ],
        )
        .await?;
        index(
            manager,
            "ix_audit_events_actor",
            AuditEvents::Table,
            &[AuditEvents::TenantId, AuditEvents::ActorId],
        )
        .await?;
        index(
            manager,
            "ix_audit_events_action",
            AuditEvents::Table,
            &[AuditEvents::TenantId, AuditEvents::Action],
        )
        .await?;

        let db = manager.get_connection();
        if postgres {
            db.execute_unprepared(rls::FUNCTIONS).await?;
            for table in ["users", "role_assignments", "audit_events"] {
                rls::protect_tenant_table(manager, table).await?;
            }
            rls::protect_with_policy(
                manager,
                "refresh_tokens",
                "tenant_id = app_current_tenant() OR (tenant_id IS NULL AND app_in_platform_scope())",
            )
            .await?;
            // Append-only, even for the owner; the application role is not even granted UPDATE or DELETE.
            db.execute_unprepared(
                "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
                 CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                 FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();",
            )
            .await?;
        } else {
            db.execute_unprepared(
                "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                 CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Dropping the audit trail or patients' accounts is never automated.
        Err(DbErr::Migration(
            "the foundation migration cannot be reverted".into(),
        ))
    }
}

async fn index<T: IntoIden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
) -> Result<(), DbErr> {
    create_index(manager, name, table, cols, false).await
}

async fn unique_index<T: IntoIden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
) -> Result<(), DbErr> {
    create_index(manager, name, table, cols, true).await
}

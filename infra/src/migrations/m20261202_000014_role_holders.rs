//! An index for finding who holds a role in a tenant (the reviewers to notify when a
//! hospital application is submitted).

use super::create_index;
use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
enum RoleAssignments {
    Table,
    TenantId,
    Role,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_index(
            manager,
            "ix_role_assignments_role",
            RoleAssignments::Table,
            &[RoleAssignments::TenantId, RoleAssignments::Role],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_role_assignments_role")
                    .table(RoleAssignments::Table)
                    .to_owned(),
            )
            .await
    }
}

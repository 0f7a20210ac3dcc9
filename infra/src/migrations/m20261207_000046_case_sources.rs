//! The cases an entry gave evidence to, found when the entry is corrected or marked
//! entered in error.

use super::create_index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SurveillanceCases {
    Table,
    TenantId,
    SourceEntryId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SurveillanceCases::*;
        create_index(
            m,
            "ix_cases_source_entry",
            SurveillanceCases::Table,
            &[TenantId, SourceEntryId],
            false,
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_cases_source_entry")
                .table(SurveillanceCases::Table)
                .to_owned(),
        )
        .await
    }
}

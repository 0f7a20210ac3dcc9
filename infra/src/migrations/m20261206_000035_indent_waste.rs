//! What the asking store holds that will expire before it can be used, kept on each
//! indent line when it is raised: the store above sees that plenty of stock that
//! will expire is not plenty.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SupplyIndentLines {
    Table,
    WastedBeforeUse,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            sea_orm_migration::prelude::Table::alter()
                .table(SupplyIndentLines::Table)
                .add_column(big_integer(SupplyIndentLines::WastedBeforeUse).default(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "indent lines keep what they recorded".into(),
        ))
    }
}

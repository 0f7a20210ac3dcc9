//! The item catalogue.

use super::Supply;
use crate::error::ApiResult;
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::item::{Item, ItemForm};
use arogya_infra::db::Access;
use arogya_infra::repos::supply::items::{self as repo, ItemRecord};
use serde_json::json;

impl Supply<'_> {
    pub async fn add_item(&self, form: ItemForm) -> ApiResult<ItemRecord> {
        self.require_configurer()?;
        let item = Item::parse(&form)?;
        let mut tx = self.tx(Access::Write).await?;
        let saved = repo::insert(&tx, &item).await?;
        self.audit(
            &mut tx,
            AuditAction::SupplySetup,
            "supply_item",
            saved.id,
            json!({ "code": saved.code, "name": saved.name }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// The catalogue (everyone in the tenant who works with stock may read it).
    pub async fn items(&self, text: Option<&str>, limit: u64) -> ApiResult<Vec<ItemRecord>> {
        let tx = self.tx(Access::Read).await?;
        Ok(repo::list(&tx, text, limit.clamp(1, 500)).await?)
    }
}

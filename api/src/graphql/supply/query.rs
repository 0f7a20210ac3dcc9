//! Supply queries.

#[allow(unused_imports)]
use super::*;
use crate::app::professionals::today;

#[derive(Default)]
pub struct SupplyQuery;

#[Object]
impl SupplyQuery {
    /// The item catalogue, optionally those whose name or code contains `search`.
    async fn supply_items(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        #[graphql(default = 200)] limit: i32,
    ) -> ApiResult<Vec<SupplyItem>> {
        let list = supply(ctx)?
            .items(search.as_deref(), limit.max(1) as u64)
            .await?;
        Ok(list.iter().map(Into::into).collect())
    }

    /// The stores the caller sees.
    async fn stores(&self, ctx: &Context<'_>) -> ApiResult<Vec<Store>> {
        let s = supply(ctx)?;
        let list = s.stores().await?;
        Ok(list
            .iter()
            .map(|(r, _)| Store::of(r, s.principal))
            .collect())
    }

    /// A store's stock on hand, item by item and batch by batch, with its planning figures.
    async fn store_stock(&self, ctx: &Context<'_>, store_id: ID) -> ApiResult<StoreStock> {
        let store = parse_id("storeId", &store_id)?;
        let s = supply(ctx)?;
        let (rec, positions) = s.stock_on_hand(store).await?;
        let day = today();
        Ok(StoreStock {
            store: Store::of(&rec, s.principal),
            items: positions
                .iter()
                .map(|p| StockPosition::of(p, day))
                .collect(),
        })
    }

    /// An item's stock card in a store: its latest movements, newest first.
    async fn stock_card(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        item_id: ID,
        #[graphql(default = 100)] limit: i32,
    ) -> ApiResult<Vec<LedgerEntry>> {
        let rows = supply(ctx)?
            .stock_card(
                parse_id("storeId", &store_id)?,
                parse_id("itemId", &item_id)?,
                limit.max(1) as u64,
            )
            .await?;
        Ok(rows.iter().map(Into::into).collect())
    }

    /// Whether a store's balances agree with its ledger (they always should).
    async fn store_ledger_check(&self, ctx: &Context<'_>, store_id: ID) -> ApiResult<LedgerCheck> {
        let (b, i) = supply(ctx)?
            .ledger_check(parse_id("storeId", &store_id)?)
            .await?;
        Ok(LedgerCheck {
            batches_disagreeing: b,
            items_disagreeing: i,
        })
    }

    /// Indents a store raised or must answer, newest first.
    async fn indents(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        #[graphql(default = 50)] limit: i32,
    ) -> ApiResult<Vec<Indent>> {
        let list = supply(ctx)?
            .indents_of(parse_id("storeId", &store_id)?, limit.max(1) as u64)
            .await?;
        Ok(list.iter().map(Into::into).collect())
    }

    async fn indent(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Indent> {
        Ok((&supply(ctx)?.indent(parse_id("id", &id)?).await?).into())
    }
}

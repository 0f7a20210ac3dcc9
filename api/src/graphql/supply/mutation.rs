//! Supply mutations.

#[allow(unused_imports)]
use super::*;

#[derive(Default)]
pub struct SupplyMutation;

#[Object]
impl SupplyMutation {
    /// Add an item to the catalogue (state administrators, state procurement officer).
    async fn add_supply_item(
        &self,
        ctx: &Context<'_>,
        input: SupplyItemInput,
    ) -> ApiResult<SupplyItem> {
        Ok((&supply(ctx)?.add_item(input.into()).await?).into())
    }

    /// Set up a store in the hierarchy.
    async fn create_store(&self, ctx: &Context<'_>, input: StoreInput) -> ApiResult<Store> {
        let s = supply(ctx)?;
        Ok(Store::of(
            &s.create_store(input.parse()?).await?,
            s.principal,
        ))
    }

    /// Change a store's planning thresholds.
    async fn set_store_settings(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        expected_version: i32,
        settings: StoreSettingsInput,
    ) -> ApiResult<Store> {
        let s = supply(ctx)?;
        let saved = s
            .set_store_settings(
                parse_id("storeId", &store_id)?,
                expected_version,
                settings.into(),
            )
            .await?;
        Ok(Store::of(&saved, s.principal))
    }

    /// Receive a batch into a store (from a supplier, or opening stock).
    async fn receive_stock(
        &self,
        ctx: &Context<'_>,
        input: ReceiveStockInput,
    ) -> ApiResult<PostedMovement> {
        Ok((&supply(ctx)?.receive_stock(input.parse()?).await?).into())
    }

    /// Issue stock out of the stores, first-expiry-first-out unless batches are named
    /// with a reason. One movement per batch taken.
    async fn issue_stock(
        &self,
        ctx: &Context<'_>,
        input: IssueStockInput,
    ) -> ApiResult<Vec<PostedMovement>> {
        let done = supply(ctx)?.issue_stock(input.parse()?).await?;
        Ok(done
            .iter()
            .map(|(p, posted)| PostedMovement {
                batch_id: Some(id(p.batch)),
                quantity: p.quantity,
                ..posted.into()
            })
            .collect())
    }

    /// Correct a batch's stock with a reason.
    async fn adjust_stock(
        &self,
        ctx: &Context<'_>,
        input: AdjustStockInput,
    ) -> ApiResult<PostedMovement> {
        Ok((&supply(ctx)?.adjust_stock(input.parse()?).await?).into())
    }

    /// Put a batch on hold or release it, with its quality-test status.
    async fn set_batch_quality(
        &self,
        ctx: &Context<'_>,
        batch_id: ID,
        expected_version: i32,
        on_hold: bool,
        quality_status: QualityStatus,
    ) -> ApiResult<SupplyBatch> {
        let b = supply(ctx)?
            .set_batch_quality(
                parse_id("batchId", &batch_id)?,
                expected_version,
                on_hold,
                quality_status.into(),
            )
            .await?;
        Ok((&b).into())
    }

    /// Ask the store above for stock.
    async fn raise_indent(&self, ctx: &Context<'_>, input: RaiseIndentInput) -> ApiResult<Indent> {
        let (store, lines, note) = input.parse()?;
        Ok((&supply(ctx)?.raise_indent(store, lines, note).await?).into())
    }

    /// Approve an indent's lines in full, in part or not at all (the store above).
    async fn decide_indent(
        &self,
        ctx: &Context<'_>,
        input: DecideIndentInput,
    ) -> ApiResult<Indent> {
        let (indent, version, lines) = input.parse()?;
        Ok((&supply(ctx)?.decide_indent(indent, version, lines).await?).into())
    }

    /// Issue an approved indent from the store above, onto its voucher.
    async fn issue_indent(
        &self,
        ctx: &Context<'_>,
        indent_id: ID,
        expected_version: i32,
    ) -> ApiResult<Indent> {
        Ok((&supply(ctx)?
            .issue_indent(parse_id("indentId", &indent_id)?, expected_version)
            .await?)
            .into())
    }

    /// Record what arrived of an issued indent (the asking store).
    async fn receive_indent(
        &self,
        ctx: &Context<'_>,
        input: ReceiveIndentInput,
    ) -> ApiResult<Indent> {
        let (indent, version, arrivals) = input.parse()?;
        Ok((&supply(ctx)?
            .receive_indent(indent, version, arrivals)
            .await?)
            .into())
    }
}

//! Returning stock to the store above.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::returns::ReturnInput;

mirror!(ReturnReason = "arogya_domain::supply::returns::ReturnReason" {
    NearExpiry, Excess, Expired, Recalled, Damaged
});

#[derive(InputObject)]
pub struct ReturnStockInput {
    /// The returning store; the stock goes to the store it indents from.
    pub store_id: ID,
    pub batch_id: ID,
    pub quantity: i64,
    pub reason: ReturnReason,
    pub note: Option<String>,
}

/// Both ends of a return.
#[derive(SimpleObject)]
pub struct StockReturn {
    pub to_store_id: ID,
    /// The returning store's row (its balances after the return).
    pub out: PostedMovement,
    /// The store above's row.
    pub into: PostedMovement,
}

#[derive(Default)]
pub struct ReturnMutation;

#[Object]
impl ReturnMutation {
    /// Give a batch back to the store above: near expiry, excess, expired (for
    /// disposal), recalled or damaged. Out of one store and into the other at once.
    async fn return_stock(
        &self,
        ctx: &Context<'_>,
        input: ReturnStockInput,
    ) -> ApiResult<StockReturn> {
        let batch = parse_id("batchId", &input.batch_id)?;
        let r = supply(ctx)?
            .return_stock(ReturnInput {
                store_id: parse_id("storeId", &input.store_id)?,
                batch_id: batch,
                quantity: input.quantity,
                reason: input.reason.into(),
                note: input.note,
            })
            .await?;
        let side = |p: &arogya_infra::repos::supply::stock::Posted| PostedMovement {
            batch_id: Some(id(batch)),
            quantity: input.quantity,
            ..p.into()
        };
        Ok(StockReturn {
            to_store_id: id(r.to_store),
            out: side(&r.out),
            into: side(&r.into),
        })
    }
}

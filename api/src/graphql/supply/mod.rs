//! Medicines and supplies over GraphQL: the catalogue, stores, stock on hand by
//! batch with planning figures, stock movements and the indent cycle.

// The imports below serve the submodules too: each starts with `use super::*`.
use crate::app::supply::Supply;
use crate::error::ApiResult;
use crate::graphql::context::ContextExt;
use crate::graphql::types::parse_id;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

macro_rules! mirror {
    ($name:ident = $remote:literal { $($v:ident),+ $(,)? }) => {
        #[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(remote = $remote)]
        pub enum $name { $($v),+ }
    };
}

mod counts;
mod dispensing;
mod inputs;
mod mutation;
mod objects;
mod preparedness;
mod procurement;
mod query;
mod reports;
mod returns;

pub use counts::*;
pub use dispensing::*;
pub use inputs::*;
pub use mutation::*;
pub use objects::*;
pub use preparedness::*;
pub use procurement::*;
pub use query::*;
pub use reports::*;
pub use returns::*;

/// Every supply query, merged here so the schema's root stays shallow.
#[derive(async_graphql::MergedObject, Default)]
pub struct SupplyQueries(
    SupplyQuery,
    DispensingQuery,
    CountQuery,
    ProcurementQuery,
    ReportQuery,
    PreparednessQuery,
);

/// Every supply mutation.
#[derive(async_graphql::MergedObject, Default)]
pub struct SupplyMutations(
    SupplyMutation,
    DispensingMutation,
    CountMutation,
    ProcurementMutation,
    PreparednessMutation,
    ReturnMutation,
);

fn supply<'a>(ctx: &'a Context<'_>) -> ApiResult<Supply<'a>> {
    let req = ctx.request()?;
    Ok(Supply {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

fn id(u: Uuid) -> ID {
    ID(u.to_string())
}

mirror!(ItemKind = "arogya_domain::supply::item::ItemKind" { Medicine, Consumable, Reagent });
mirror!(DrugSchedule = "arogya_domain::supply::item::Schedule" { None, G, H, H1, X });
mirror!(StoreLevel = "arogya_domain::supply::store::StoreLevel" { State, District, Facility, Ward });
mirror!(QualityStatus = "arogya_domain::supply::fefo::QualityStatus" { NotRequired, Pending, Passed, Failed });
mirror!(AdjustmentReason = "arogya_domain::supply::ledger::AdjustmentReason" {
    Expired, Damaged, Lost, FoundAtCount, MissingAtCount
});
mirror!(MovementKind = "arogya_domain::supply::ledger::MovementKind" {
    Receipt, Issue, TransferOut, TransferIn, Dispense, Return, Adjustment
});
mirror!(IndentStatus = "arogya_domain::supply::indent::IndentStatus" {
    Submitted, Approved, Rejected, Issued, Received, Cancelled
});

/// Where an item stands in a store.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum StockStatus {
    StockOut,
    UnderStocked,
    Normal,
    OverStocked,
}

impl From<arogya_domain::supply::planning::StockStatus> for StockStatus {
    fn from(s: arogya_domain::supply::planning::StockStatus) -> Self {
        use arogya_domain::supply::planning::StockStatus as D;
        match s {
            D::StockOut => StockStatus::StockOut,
            D::UnderStocked => StockStatus::UnderStocked,
            D::Normal => StockStatus::Normal,
            D::OverStocked => StockStatus::OverStocked,
        }
    }
}

/// How near a batch is to its expiry, by the store's bands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ExpiryBand {
    Expired,
    /// Within the store's alert band (30 days unless set otherwise).
    Alert,
    /// Within the store's warning band (90 days unless set otherwise).
    Warning,
    Good,
}

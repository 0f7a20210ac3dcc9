//! Demo procurement in West Bengal: this financial year's budget heads for essential
//! medicines and for consumables, an order from the Central Medical Stores partly
//! delivered (one batch rejected at receipt) and one still open, so the budget view
//! shows allocation, committed, spent and balance; and the first check of the supply
//! alerts, so the alerts page has something to show before the maintenance task runs.

use crate::app::supply::procurement::{GoodsIn, OrderInput};
use crate::app::supply::Supply;
use crate::demo_oxygen::err;
use crate::state::AppState;
use arogya_domain::ids::TenantId;
use arogya_domain::supply::procurement::{financial_year, financial_year_label};
use chrono::{Duration, Utc};
use uuid::Uuid;

/// `admin` keeps the budget; `keeper` works the warehouse. `items` are the demo
/// catalogue in order (0 paracetamol, 2 ORS, 8 gloves, 9 malaria test kits).
pub(crate) async fn seed(
    state: &AppState,
    tenant: TenantId,
    admin: &Supply<'_>,
    keeper: &Supply<'_>,
    warehouse: Uuid,
    items: &[Uuid],
) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    let year = financial_year_label(financial_year(today));
    let (medicines, _) = admin
        .add_budget_head(
            "EML-DRUGS",
            "Essential medicines (free drugs initiative)",
            &year,
            25_000_000_000, // ₹25 crore, in paise
        )
        .await
        .map_err(err)?;
    let (consumables, _) = admin
        .add_budget_head(
            "CONSUMABLES",
            "Consumables and rapid test kits",
            &year,
            4_000_000_000, // ₹4 crore
        )
        .await
        .map_err(err)?;
    let order = |head: Uuid, supplier: &str, days: i64, lines: Vec<(Uuid, i64, i64)>| OrderInput {
        store_id: warehouse,
        budget_head_id: head,
        supplier: supplier.into(),
        expected_on: today + Duration::days(days),
        lines,
        override_reason: None,
    };
    let po = keeper
        .place_order(order(
            medicines.id,
            "Karnataka Antibiotics & Pharmaceuticals",
            21,
            vec![(items[0], 500_000, 48), (items[2], 200_000, 310)],
        ))
        .await
        .map_err(err)?;
    keeper
        .receive_order(
            po.order.id,
            po.order.version,
            vec![
                GoodsIn {
                    item_id: items[0],
                    batch_no: Some("KAPL-P2611".into()),
                    expires_on: Some(today + Duration::days(700)),
                    manufactured_on: Some(today - Duration::days(30)),
                    manufacturer: Some("Karnataka Antibiotics & Pharmaceuticals".into()),
                    accepted: 300_000,
                    rejected: 0,
                    reason: None,
                },
                GoodsIn {
                    item_id: items[2],
                    batch_no: Some("KAPL-O2611".into()),
                    expires_on: Some(today + Duration::days(500)),
                    manufactured_on: Some(today - Duration::days(20)),
                    manufacturer: Some("Karnataka Antibiotics & Pharmaceuticals".into()),
                    accepted: 0,
                    rejected: 20_000,
                    reason: Some("sachets torn in transit".into()),
                },
            ],
        )
        .await
        .map_err(err)?;
    keeper
        .place_order(order(
            consumables.id,
            "Bengal Surgicals",
            30,
            vec![(items[8], 200_000, 900), (items[9], 50_000, 2_500)],
        ))
        .await
        .map_err(err)?;
    crate::app::supply::alerts::evaluate_tenant(state, tenant, Duration::days(1))
        .await
        .map_err(err)?;
    Ok(())
}

//! What the supply tests share: a state warehouse, Kolkata's district drug store and
//! Kolkata DH's pharmacy, their staff, and three catalogue items.

use super::records::Clinic;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

pub const ITEM: &str = "mutation($i: SupplyItemInput!) { addSupplyItem(input: $i) { id code name schedule overTheCounter } }";
pub const STORE: &str =
    "mutation($i: StoreInput!) { createStore(input: $i) { id name level parentId version } }";
pub const RECEIVE: &str = "mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { ledgerId batchBalance itemBalance } }";
pub const ISSUE: &str = "mutation($i: IssueStockInput!) { issueStock(input: $i) { ledgerId batchId quantity batchBalance itemBalance } }";
pub const ADJUST: &str = "mutation($i: AdjustStockInput!) { adjustStock(input: $i) { ledgerId batchBalance itemBalance } }";
pub const STOCK: &str = "query($s: ID!) { storeStock(storeId: $s) { store { name worksHere } items { item { id code } onHand usable status inTransit suggestedQuantity expiring amc monthsOfStock batches { batchId batchNo expiresOn expiry quantity onHold qualityStatus blocked } } } }";
pub const CARD: &str = "query($s: ID!, $i: ID!) { stockCard(storeId: $s, itemId: $i) { kind reason quantity batchBalance itemBalance note documentKind } }";
pub const CHECK: &str =
    "query($s: ID!) { storeLedgerCheck(storeId: $s) { batchesDisagreeing itemsDisagreeing } }";

pub struct Depots {
    pub c: Clinic,
    pub warehouse: Value,
    pub district: Value,
    pub pharmacy: Value,
    /// The warehouse's store keeper (whole tenant).
    pub keeper: String,
    /// Kolkata's district drug officer.
    pub ddo: String,
    /// Kolkata DH's pharmacist.
    pub pharmacist: String,
    pub paracetamol: Value,
    pub amoxicillin: Value,
    pub gloves: Value,
}

pub async fn user(app: &TestApp, admin: &str, name: &str, roles: Value) -> String {
    expect_data(
        &app.gql(Some(admin), CREATE_USER, new_user(name, roles))
            .await,
    );
    app.token(Some("WB"), name, "a long enough password").await
}

/// India's date `n` days from today (the server's "today" is India's).
pub fn days(n: i64) -> String {
    (india_today() + Duration::days(n)).to_string()
}

pub fn india_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::minutes(330)).date_naive()
}

impl Depots {
    pub async fn new(app: &TestApp) -> Self {
        let c = Clinic::new(app).await;
        let wb = c.wb.clone();
        let store = |i: Value| {
            let wb = wb.clone();
            async move {
                expect_data(&app.gql(Some(&wb), STORE, json!({ "i": i })).await)["createStore"]
                    .clone()
            }
        };
        let warehouse = store(json!({ "name": "West Bengal Central Medical Stores", "level": "STATE", "unitId": c.tree.state["id"] })).await;
        let district = store(json!({ "name": "Kolkata District Drug Store", "level": "DISTRICT", "unitId": c.tree.kolkata["id"], "parentId": warehouse["id"] })).await;
        let pharmacy = store(json!({ "name": "Kolkata DH Pharmacy", "level": "FACILITY", "facilityId": c.kolkata["id"], "parentId": district["id"] })).await;
        let keeper = user(app, &wb, "cms.keeper", json!([{ "role": "STORE_KEEPER" }])).await;
        let ddo = user(
            app,
            &wb,
            "ddo.kolkata",
            json!([{ "role": "DISTRICT_DRUG_OFFICER", "unitId": c.tree.kolkata["id"] }]),
        )
        .await;
        let pharmacist = user(
            app,
            &wb,
            "pharm.kolkata",
            json!([{ "role": "PHARMACIST", "facilityId": c.kolkata["id"] }]),
        )
        .await;
        let item = |i: Value| {
            let wb = wb.clone();
            async move {
                expect_data(&app.gql(Some(&wb), ITEM, json!({ "i": i })).await)["addSupplyItem"]
                    .clone()
            }
        };
        let paracetamol = item(json!({ "code": "PARA-500", "name": "Paracetamol", "strength": "500 mg", "form": "TABLET", "packSize": 10, "unitOfIssue": "tablet", "essential": true, "overTheCounter": true })).await;
        let amoxicillin = item(json!({ "code": "AMOX-500", "name": "Amoxicillin", "strength": "500 mg", "form": "CAPSULE", "packSize": 10, "unitOfIssue": "capsule", "essential": true, "schedule": "H" })).await;
        let gloves = item(json!({ "code": "GLV-M", "name": "Examination gloves, medium", "kind": "CONSUMABLE", "packSize": 100, "unitOfIssue": "pair" })).await;
        Self {
            c,
            warehouse,
            district,
            pharmacy,
            keeper,
            ddo,
            pharmacist,
            paracetamol,
            amoxicillin,
            gloves,
        }
    }

    /// Receive a batch into a store as `token`; returns the posted movement.
    #[allow(clippy::too_many_arguments)]
    pub async fn receive(
        &self,
        app: &TestApp,
        token: &str,
        store: &Value,
        item: &Value,
        batch: &str,
        expiry_days: i64,
        quantity: i64,
    ) -> Value {
        expect_data(&app.gql(Some(token), RECEIVE, json!({ "i": {
            "storeId": store["id"], "itemId": item["id"], "batchNo": batch, "expiresOn": days(expiry_days),
            "manufacturer": "Hindustan Antibiotics", "supplier": "WBMSCL", "unitPricePaise": 45, "quantity": quantity } })).await)["receiveStock"].clone()
    }

    pub async fn stock(&self, app: &TestApp, token: &str, store: &Value) -> Value {
        expect_data(
            &app.gql(Some(token), STOCK, json!({ "s": store["id"] }))
                .await,
        )["storeStock"]
            .clone()
    }

    /// The store's position in an item.
    pub async fn position(&self, app: &TestApp, token: &str, store: &Value, item: &Value) -> Value {
        let s = self.stock(app, token, store).await;
        s["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["item"]["id"] == item["id"])
            .cloned()
            .unwrap_or(Value::Null)
    }
}

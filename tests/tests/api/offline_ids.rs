//! Ids made on the phone: a household created offline carries a UUID v7 the phone
//! made, so its members can be enrolled into it before either reached the server.
//! The id is checked like any input, collides with nothing in another tenant, and a
//! repeat of the same creation is replayed by its idempotency key or refused.

use super::idempotency::post;
use super::patients::{person, staff_token};
use super::units::create_unit;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};
use uuid::{NoContext, Timestamp, Uuid};

on_both_backends!(
    a_household_keeps_the_id_its_phone_made,
    each_person_has_their_own_offline_secret
);

const CREATE: &str =
    "mutation($i: HouseholdInput!) { createHousehold(input: $i) { id addressLine } }";
const ENROL: &str = "mutation($h: ID!, $p: PatientInput!) { enrollHouseholdMember(householdId: $h, patient: $p) { patient { healthId } } }";
const MEMBERS: &str =
    "query($id: ID!) { household(id: $id) { addressLine members { givenName } } }";

fn v7_days_from_now(days: i64) -> Uuid {
    let t = chrono::Utc::now() + chrono::Duration::days(days);
    Uuid::new_v7(Timestamp::from_unix(
        NoContext,
        t.timestamp() as u64,
        t.timestamp_subsec_nanos(),
    ))
}

async fn block(app: &TestApp, admin: &str, name: &str) -> Value {
    let state = create_unit(app, admin, None, "STATE", &format!("{name} state"), None).await;
    let district = create_unit(
        app,
        admin,
        Some(&state["id"]),
        "DISTRICT",
        &format!("{name} district"),
        None,
    )
    .await;
    let sub = create_unit(
        app,
        admin,
        Some(&district["id"]),
        "SUB_DIVISION",
        &format!("{name} sub-division"),
        None,
    )
    .await;
    create_unit(app, admin, Some(&sub["id"]), "BLOCK", name, None).await
}

async fn a_household_keeps_the_id_its_phone_made(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let nadia = block(&app, &wb, "Krishnanagar-I").await;
    let surveyor = staff_token(&app, &wb, "surveyor.offline", "SURVEYOR").await;
    let id = Uuid::now_v7().to_string();
    let input = json!({ "i": { "id": id, "unitId": nadia["id"], "addressLine": "4 Ghat Road" } });

    let (_, _, first) = post(&app, &surveyor, Some("hh-1"), CREATE, input.clone()).await;
    assert_eq!(expect_data(&first)["createHousehold"]["id"], id.as_str());
    // The member queued after it on the phone goes to the same id.
    expect_data(
        &app.gql(
            Some(&surveyor),
            ENROL,
            json!({ "h": id, "p": person("Rina", "Das", 30, None) }),
        )
        .await,
    );
    // The acknowledgement was lost and the phone sends again: the same answer, once.
    let (_, replayed, again) = post(&app, &surveyor, Some("hh-1"), CREATE, input.clone()).await;
    assert!(replayed);
    assert_eq!(again, first);
    // The same id sent as a new creation is refused, and nothing is overwritten.
    expect_error(
        &app.gql(
            Some(&surveyor),
            CREATE,
            json!({ "i": { "id": id, "unitId": nadia["id"], "addressLine": "9 Other Lane" } }),
        )
        .await,
        "CONFLICT",
    );
    let mine = expect_data(&app.gql(Some(&surveyor), MEMBERS, json!({ "id": id })).await);
    assert_eq!(
        mine["household"],
        json!({ "addressLine": "4 Ghat Road", "members": [{ "givenName": "Rina" }] })
    );

    // Checked like any input: a random (v4) id, a clock days ahead, not an id at all.
    for (bad, why) in [
        (Uuid::new_v4().to_string(), "version 7"),
        (v7_days_from_now(3).to_string(), "future"),
        ("not-an-id".to_owned(), ""),
    ] {
        let r = app.gql(Some(&surveyor), CREATE, json!({ "i": { "id": bad, "unitId": nadia["id"], "addressLine": "1 Bad Id Road" } })).await;
        let e = expect_error(&r, "VALIDATION");
        assert_eq!(e["extensions"]["field"], "id", "{bad}");
        assert!(e["message"].as_str().unwrap().contains(why), "{e}");
    }

    // Another tenant's phone that happened on the same id makes its own household and
    // learns nothing of West Bengal's.
    let br = app.br_admin().await;
    let patna = block(&app, &br, "Phulwari").await;
    let theirs = expect_data(
        &app.gql(
            Some(&br),
            CREATE,
            json!({ "i": { "id": id, "unitId": patna["id"], "addressLine": "2 Canal Road" } }),
        )
        .await,
    );
    assert_eq!(theirs["createHousehold"]["addressLine"], "2 Canal Road");
    let seen = expect_data(&app.gql(Some(&br), MEMBERS, json!({ "id": id })).await);
    assert_eq!(seen["household"]["members"], json!([]));
    // Bihar cannot enrol into West Bengal's household through the shared id either:
    // the member lands in Bihar's own.
    expect_data(
        &app.gql(
            Some(&br),
            ENROL,
            json!({ "h": id, "p": person("Sunita", "Devi", 41, None) }),
        )
        .await,
    );
    let still = expect_data(&app.gql(Some(&surveyor), MEMBERS, json!({ "id": id })).await);
    assert_eq!(
        still["household"]["members"],
        json!([{ "givenName": "Rina" }])
    );
}

/// The secret a phone seals a person's offline work with: theirs in every session,
/// nobody else's, and none for a platform administrator (who keeps nothing on a phone).
async fn each_person_has_their_own_offline_secret(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let surveyor = staff_token(&app, &wb, "surveyor.secret", "SURVEYOR").await;
    let q = "{ me { offlineSecret } }";
    let secret = |v: Value| v["me"]["offlineSecret"].as_str().map(str::to_owned);
    let mine = secret(expect_data(&app.gql(Some(&surveyor), q, json!({})).await)).unwrap();
    // 32 bytes, base64url without padding.
    assert_eq!(mine.len(), 43);
    let again = app
        .token(Some("WB"), "surveyor.secret", "a long enough password")
        .await;
    assert_eq!(
        secret(expect_data(&app.gql(Some(&again), q, json!({})).await)).as_deref(),
        Some(mine.as_str()),
        "the same in a new session"
    );
    let admin = secret(expect_data(&app.gql(Some(&wb), q, json!({})).await)).unwrap();
    let br = secret(expect_data(
        &app.gql(Some(&app.br_admin().await), q, json!({})).await,
    ))
    .unwrap();
    assert!(admin != mine && br != mine && br != admin);
    let platform = app.platform_token().await;
    assert_eq!(
        expect_data(&app.gql(Some(&platform), q, json!({})).await)["me"]["offlineSecret"],
        Value::Null
    );
    expect_error(&app.gql(None, q, json!({})).await, "UNAUTHENTICATED");
}

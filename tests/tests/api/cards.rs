//! E-health cards: printed as PDF and PNG, verified offline, reissued.

use super::patients::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

on_both_backends!(cards_print_verify_and_reissue);

fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

/// The page size of a one-page PDF, in points, read from its MediaBox.
fn pdf_media_box(pdf: &[u8]) -> (f64, f64) {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/MediaBox").expect("a MediaBox");
    let inside = &text[at..];
    let (open, close) = (inside.find('[').unwrap(), inside.find(']').unwrap());
    let n: Vec<f64> = inside[open + 1..close]
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    (n[2] - n[0], n[3] - n[1])
}

pub fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("card-{}.pdf", uuid::Uuid::now_v7()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "pdftotext failed: the PDF does not parse"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn cards_print_verify_and_reissue(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let p = register(&app, &wb, json!({ "givenName": "Lakshmi", "familyName": "Devi", "localName": "लक्ष्मी देवी", "sex": "FEMALE", "dateOfBirth": "1990-05-17" }), false).await["patient"].clone();
    let hid = p["healthId"].as_str().unwrap().to_owned();
    let http = reqwest::Client::new();
    let get = |path: String, token: Option<String>| {
        let req = http.get(app.url(&path));
        let req = match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        };
        req.send()
    };
    // No card yet; no token, no card.
    assert_eq!(
        get(format!("/cards/{hid}.pdf"), Some(wb.clone()))
            .await
            .unwrap()
            .status(),
        404
    );
    let card =
        expect_data(&app.gql(Some(&wb), ISSUE, json!({ "p": p["id"] })).await)["issueCard"].clone();
    assert_eq!(card["status"], "ACTIVE");
    expect_error(
        &app.gql(Some(&wb), ISSUE, json!({ "p": p["id"] })).await,
        "VALIDATION",
    );
    assert_eq!(
        get(format!("/cards/{hid}.pdf"), None)
            .await
            .unwrap()
            .status(),
        401
    );

    let resp = get(format!("/cards/{hid}.pdf"), Some(wb.clone()))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let pdf = resp.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let (w, h) = pdf_media_box(&pdf);
    // ID-1: 85.6 × 54 mm = 242.65 × 153.07 pt.
    assert!(
        (w - 242.65).abs() < 0.5 && (h - 153.07).abs() < 0.5,
        "{w} × {h}"
    );
    let text = pdf_text(&pdf);
    assert!(text.contains(&hid), "{text}");
    assert!(text.contains("Lakshmi Devi") && text.contains("1990"));
    let png = get(format!("/cards/{hid}.png"), Some(wb.clone()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(png_size(&png), (1011, 638));

    // The QR payload verifies offline with the published key, and not when tampered.
    let jwks: Value = get("/tenants/WB/card-keys.json".into(), None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let x = URL_SAFE_NO_PAD
        .decode(jwks["keys"][0]["x"].as_str().unwrap())
        .unwrap();
    let key = ed25519_dalek::VerifyingKey::from_bytes(&x.try_into().unwrap()).unwrap();
    let payload = card["qrPayload"].as_str().unwrap().to_owned();
    let (input, sig) = payload.rsplit_once('.').unwrap();
    let sig = ed25519_dalek::Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).unwrap()).unwrap();
    assert!(key.verify_strict(input.as_bytes(), &sig).is_ok());
    let claims: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(input.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["hid"], hid.as_str());
    assert_eq!(claims["tnt"], "WB");
    assert_eq!(claims["name"], "Lakshmi Devi");
    assert_eq!(claims["yob"], 1990);
    assert!(claims.get("phone").is_none() && claims.get("sex").is_none());
    let mut forged = claims.clone();
    forged["yob"] = json!(1950);
    let forged_payload = format!(
        "{}.{}.{}",
        input.split('.').next().unwrap(),
        URL_SAFE_NO_PAD.encode(forged.to_string()),
        payload.rsplit('.').next().unwrap()
    );
    let forged_input = forged_payload.rsplit_once('.').unwrap().0;
    assert!(key.verify_strict(forged_input.as_bytes(), &sig).is_err());

    let verify = "query($p: String!) { verifyCard(payload: $p) { signatureValid current status claims { healthId name yearOfBirth } message } }";
    let ok = expect_data(&app.gql(Some(&wb), verify, json!({ "p": payload })).await)["verifyCard"]
        .clone();
    assert_eq!(
        (
            ok["signatureValid"].clone(),
            ok["current"].clone(),
            ok["status"].clone()
        ),
        (json!(true), json!(true), json!("ACTIVE"))
    );
    let bad = expect_data(
        &app.gql(Some(&wb), verify, json!({ "p": forged_payload }))
            .await,
    )["verifyCard"]
        .clone();
    assert_eq!(bad["signatureValid"], false);
    assert_eq!(bad["current"], false);

    // Reissue (lost): the old card is replaced and no longer current.
    let reissue = "mutation($c: ID!) { reissueCard(cardId: $c, reason: LOST, note: \"lost on the bus\") { id status replacesId } }";
    let new = expect_data(
        &app.gql(Some(&wb), reissue, json!({ "c": card["id"] }))
            .await,
    )["reissueCard"]
        .clone();
    assert_eq!(new["replacesId"], card["id"]);
    expect_error(
        &app.gql(Some(&wb), reissue, json!({ "c": card["id"] }))
            .await,
        "VALIDATION",
    );
    let old = expect_data(&app.gql(Some(&wb), verify, json!({ "p": payload })).await)["verifyCard"]
        .clone();
    assert_eq!(
        (
            old["signatureValid"].clone(),
            old["current"].clone(),
            old["status"].clone()
        ),
        (json!(true), json!(false), json!("REPLACED"))
    );
    let revoke = "mutation($c: ID!) { revokeCard(cardId: $c, reason: \"issued in error\") { status statusReason } }";
    let revoked = expect_data(&app.gql(Some(&wb), revoke, json!({ "c": new["id"] })).await);
    assert_eq!(revoked["revokeCard"]["status"], "REVOKED");
    assert_eq!(
        get(format!("/cards/{hid}.png"), Some(wb.clone()))
            .await
            .unwrap()
            .status(),
        404
    );

    // Another tenant's verifier sees a genuine signature but not the card's status.
    let br = app.br_admin().await;
    let other = expect_data(&app.gql(Some(&br), verify, json!({ "p": payload })).await)
        ["verifyCard"]
        .clone();
    assert_eq!(
        (other["signatureValid"].clone(), other["current"].clone()),
        (json!(true), Value::Null)
    );
}

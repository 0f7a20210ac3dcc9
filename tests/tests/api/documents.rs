//! Documents in object storage, on the folder store and on a real S3-compatible
//! server: presigned upload with a plain HTTP client, confirm, download; wrong real
//! type, wrong size, wrong digest and oversize refused; URLs that cannot be bent to
//! another object or tenant; slots never confirmed expire and their objects go.

use super::onboarding::{applicant, new_application};
use super::records::{add, added, Clinic};
use arogya_tests::{expect_data, expect_error, Backend, Store, TestApp};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub const SLOT: &str = "mutation($i: RequestUploadInput!) { requestUpload(input: $i) { document { id status version fileName sizeBytes contentType } upload { url method headers { name value } expiresAt } } }";
pub const CONFIRM: &str = "mutation($id: ID!, $sha: String!) { confirmUpload(documentId: $id, sha256: $sha) { id status rejectReason sha256 version } }";
pub const DOWNLOAD: &str = "query($id: ID!, $bg: String) { documentDownload(documentId: $id, breakGlassReason: $bg) { url method expiresAt } }";

/// A real one-page PDF of exactly `n` bytes (at least about 400): the server parses
/// uploads whole.
pub fn pdf(n: usize) -> Vec<u8> {
    arogya_tests::pdf_of_size(n)
}

pub fn png(n: usize) -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    b.resize(n, 0);
    b
}

pub fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Ask for a slot; returns `requestUpload`'s whole answer (or the error body).
pub async fn slot(
    app: &TestApp,
    token: &str,
    owner: (&str, &Value),
    purpose: &str,
    content_type: &str,
    size: usize,
) -> Value {
    let ext = match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "pdf",
    };
    let mut input = json!({ "purpose": purpose, "fileName": format!("{purpose}.{ext}"), "contentType": content_type, "sizeBytes": size });
    input[owner.0] = owner.1.clone();
    app.gql(Some(token), SLOT, json!({ "i": input })).await
}

/// PUT bytes to a slot as a browser or phone would: a plain HTTP client, the URL and
/// headers as given.
pub async fn put(app: &TestApp, slot: &Value, bytes: Vec<u8>) -> u16 {
    let upload = &slot["upload"];
    assert_eq!(upload["method"], "PUT");
    let mut req = app.http.put(upload["url"].as_str().unwrap()).body(bytes);
    for h in upload["headers"].as_array().unwrap() {
        let name = h["name"].as_str().unwrap();
        // reqwest sets the length from the body itself.
        if !name.eq_ignore_ascii_case("content-length") {
            req = req.header(name, h["value"].as_str().unwrap());
        }
    }
    req.send().await.expect("uploading").status().as_u16()
}

pub async fn confirm(app: &TestApp, token: &str, doc: &Value, digest: &str) -> Value {
    expect_data(
        &app.gql(
            Some(token),
            CONFIRM,
            json!({ "id": doc["id"], "sha": digest }),
        )
        .await,
    )["confirmUpload"]
        .clone()
}

/// Slot, upload and confirm a file; returns the confirmed document.
pub async fn upload(
    app: &TestApp,
    token: &str,
    owner: (&str, &Value),
    purpose: &str,
    bytes: Vec<u8>,
) -> Value {
    let s = expect_data(&slot(app, token, owner, purpose, "application/pdf", bytes.len()).await)
        ["requestUpload"]
        .clone();
    let digest = sha(&bytes);
    assert_eq!(
        put(app, &s, bytes).await,
        200,
        "upload to {}",
        s["upload"]["url"]
    );
    confirm(app, token, &s["document"], &digest).await
}

/// Declare `bytes` a PDF, PUT them and confirm: the document as the server judged it.
async fn uploaded_as_pdf(
    app: &TestApp,
    token: &str,
    owner: (&str, &Value),
    bytes: Vec<u8>,
) -> Value {
    let s = expect_data(&slot(app, token, owner, "PAN_GST", "application/pdf", bytes.len()).await)
        ["requestUpload"]
        .clone();
    assert_eq!(put(app, &s, bytes.clone()).await, 200);
    confirm(app, token, &s["document"], &sha(&bytes)).await
}

pub async fn download(app: &TestApp, token: &str, doc: &Value) -> (u16, Vec<u8>, String) {
    let d = expect_data(
        &app.gql(Some(token), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
    )["documentDownload"]
        .clone();
    get(app, d["url"].as_str().unwrap()).await
}

async fn get(app: &TestApp, url: &str) -> (u16, Vec<u8>, String) {
    let resp = app.http.get(url).send().await.expect("downloading");
    let status = resp.status().as_u16();
    let disposition = resp
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, resp.bytes().await.unwrap().to_vec(), disposition)
}

pub(crate) fn object_key(tenant: &str, doc: &Value) -> String {
    format!("tenants/{tenant}/documents/{}", doc["id"].as_str().unwrap())
}

const MAX: u64 = 256 * 1024;

on_all_stores!(uploads_are_checked_and_downloads_are_scoped);

async fn uploads_are_checked_and_downloads_are_scoped(backend: Backend, store: Store) {
    let app = TestApp::spawn_store(backend, store, |c| c.upload_max_bytes = MAX).await;
    let wb = app.tenant_id("WB").await;
    let (token, _) = applicant(&app, "WB", "9830011111", "owner@sunrise.example").await;
    let appl = new_application(&app, &token).await;
    let owner = ("applicationId", &appl["id"]);

    // Presigned upload with a plain HTTP client, confirm, then download the same bytes.
    let bytes = pdf(40_000);
    let doc = upload(&app, &token, owner, "FIRE_SAFETY_NOC", bytes.clone()).await;
    assert_eq!(doc["status"], "AVAILABLE", "{doc}");
    assert_eq!(doc["sha256"], sha(&bytes));
    assert!(app.object_exists(&object_key(&wb, &doc)));
    let (status, got, disposition) = download(&app, &token, &doc).await;
    assert_eq!(status, 200);
    assert!(got == bytes, "downloaded bytes differ");
    assert!(disposition.contains("FIRE_SAFETY_NOC.pdf"), "{disposition}");
    assert!(disposition.starts_with("attachment"), "{disposition}");
    if store == Store::Fs {
        // Served by the API itself: never sniffed into something else by a browser.
        let d = expect_data(
            &app.gql(Some(&token), DOWNLOAD, json!({ "id": doc["id"] }))
                .await,
        )["documentDownload"]
            .clone();
        let resp = app
            .http
            .get(d["url"].as_str().unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.headers()
                .get("x-content-type-options")
                .and_then(|v| v.to_str().ok()),
            Some("nosniff")
        );
    }
    // Confirming again with the same digest is harmless.
    assert_eq!(
        confirm(&app, &token, &doc, &sha(&bytes)).await["status"],
        "AVAILABLE"
    );

    // Once confirmed, the upload URL cannot swap the checked file for another.
    let original = pdf(2_500);
    let s = expect_data(
        &slot(
            &app,
            &token,
            owner,
            "OTHER_LICENCE",
            "application/pdf",
            original.len(),
        )
        .await,
    )["requestUpload"]
        .clone();
    assert_eq!(put(&app, &s, original.clone()).await, 200);
    let checked = confirm(&app, &token, &s["document"], &sha(&original)).await;
    assert_eq!(checked["status"], "AVAILABLE");
    let mut swapped = png(original.len());
    swapped[100] = 1;
    let again = put(&app, &s, swapped).await;
    assert!(again == 200 || (400..500).contains(&again), "{again}");
    let (status, got, _) = download(&app, &token, &checked).await;
    assert_eq!(status, 200);
    assert!(
        got == original,
        "the confirmed file changed after confirmation"
    );

    // Declared a PDF, uploaded a PNG: rejected by its leading bytes, object removed.
    let fake = png(5_000);
    let s = expect_data(
        &slot(
            &app,
            &token,
            owner,
            "PAN_GST",
            "application/pdf",
            fake.len(),
        )
        .await,
    )["requestUpload"]
        .clone();
    assert_eq!(put(&app, &s, fake.clone()).await, 200);
    let rejected = confirm(&app, &token, &s["document"], &sha(&fake)).await;
    assert_eq!(rejected["status"], "REJECTED");
    assert!(
        rejected["rejectReason"]
            .as_str()
            .unwrap()
            .contains("image/png"),
        "{rejected}"
    );
    assert!(
        !app.object_exists(&object_key(&wb, &s["document"])),
        "a rejected object must not be kept"
    );
    let body = app
        .gql(Some(&token), DOWNLOAD, json!({ "id": s["document"]["id"] }))
        .await;
    expect_error(&body, "VALIDATION");

    // A file that is not a PDF, JPEG or PNG at all.
    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".repeat(64);
    assert_eq!(
        uploaded_as_pdf(&app, &token, owner, exe.clone()).await["status"],
        "REJECTED"
    );
    // `%PDF-1.4` and then a program: the first bytes say PDF, the parser says no.
    let mut disguised = b"%PDF-1.4\n".to_vec();
    disguised.extend_from_slice(&exe);
    let rejected = uploaded_as_pdf(&app, &token, owner, disguised).await;
    assert_eq!(rejected["status"], "REJECTED");
    assert!(
        rejected["rejectReason"]
            .as_str()
            .unwrap()
            .contains("all the way through"),
        "{rejected}"
    );
    // A real PDF with a program appended after its end.
    let mut appended = pdf(2_000);
    appended.extend_from_slice(&exe);
    let rejected = uploaded_as_pdf(&app, &token, owner, appended).await;
    assert_eq!(rejected["status"], "REJECTED", "{rejected}");
    // A name that does not fit the type is refused before any URL is given.
    let mut named = json!({ "purpose": "PAN_GST", "fileName": "setup.exe", "contentType": "application/pdf", "sizeBytes": 2_000 });
    named[owner.0] = owner.1.clone();
    let e = expect_error(
        &app.gql(Some(&token), SLOT, json!({ "i": named })).await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "fileName", "{e}");

    // The digest the client claims must be the file's.
    let s = expect_data(&slot(&app, &token, owner, "PAN_GST", "application/pdf", 3_000).await)
        ["requestUpload"]
        .clone();
    assert_eq!(put(&app, &s, pdf(3_000)).await, 200);
    let rejected = confirm(&app, &token, &s["document"], &sha(b"something else")).await;
    assert_eq!(rejected["status"], "REJECTED");
    assert!(rejected["rejectReason"]
        .as_str()
        .unwrap()
        .contains("SHA-256"));

    // Oversize: refused before any URL is given, naming the limit.
    let big = slot(
        &app,
        &token,
        owner,
        "PAN_GST",
        "application/pdf",
        MAX as usize + 1,
    )
    .await;
    let e = expect_error(&big, "VALIDATION");
    assert_eq!(e["extensions"]["field"], "sizeBytes");
    assert!(e["message"].as_str().unwrap().contains("256 KB"), "{e}");
    // A type the tenant does not accept, and an empty file.
    expect_error(
        &slot(&app, &token, owner, "PAN_GST", "text/html", 10).await,
        "VALIDATION",
    );
    expect_error(
        &slot(&app, &token, owner, "PAN_GST", "application/pdf", 0).await,
        "VALIDATION",
    );
    // Health-record purposes do not belong on an application.
    expect_error(
        &slot(&app, &token, owner, "LAB_REPORT", "application/pdf", 10).await,
        "VALIDATION",
    );

    // More bytes than declared: the store refuses the PUT, or confirmation does.
    let s = expect_data(&slot(&app, &token, owner, "PAN_GST", "application/pdf", 1_000).await)
        ["requestUpload"]
        .clone();
    let status = put(&app, &s, pdf(2_000)).await;
    if status == 200 {
        let r = confirm(&app, &token, &s["document"], &sha(&pdf(2_000))).await;
        assert_eq!(r["status"], "REJECTED", "{r}");
    } else {
        assert!((400..500).contains(&status), "{status}");
        let r = confirm(&app, &token, &s["document"], &sha(&pdf(2_000))).await;
        assert_eq!(r["status"], "REJECTED", "{r}");
        assert!(
            r["rejectReason"]
                .as_str()
                .unwrap()
                .contains("nothing was uploaded"),
            "{r}"
        );
    }

    // Another tenant's user cannot get a URL for the document, nor confirm it.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            CONFIRM,
            json!({ "id": doc["id"], "sha": sha(&bytes) }),
        )
        .await,
        "NOT_FOUND",
    );
    // Nor can another applicant of the same tenant, nor a reviewer before submission.
    let (other, _) = applicant(&app, "WB", "9830022222", "other@example.org").await;
    expect_error(
        &app.gql(Some(&other), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
        "NOT_FOUND",
    );
    let wb_admin = app.wb_admin().await;
    expect_error(
        &app.gql(Some(&wb_admin), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
        "NOT_FOUND",
    );
    // Anonymous callers get nothing.
    expect_error(
        &app.gql(None, DOWNLOAD, json!({ "id": doc["id"] })).await,
        "UNAUTHENTICATED",
    );

    // A URL bent towards another object (here: another tenant's prefix) is refused.
    let d = expect_data(
        &app.gql(Some(&token), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
    )["documentDownload"]
        .clone();
    let url = d["url"].as_str().unwrap().to_owned();
    let br_id = app.tenant_id("BR").await;
    let bent = match store {
        // The folder store's token carries the key, signed: change a byte of it.
        Store::Fs => {
            let (head, sig) = url.rsplit_once('.').unwrap();
            let mut sig: Vec<char> = sig.chars().collect();
            sig[3] = if sig[3] == 'A' { 'B' } else { 'A' };
            format!("{head}.{}", sig.into_iter().collect::<String>())
        }
        // S3 signs the path: point it at the other tenant's prefix.
        Store::S3 => url.replace(&wb, &br_id),
    };
    assert_ne!(bent, url);
    assert_eq!(get(&app, &bent).await.0, 403, "bent URL {bent}");
    // An upload URL cannot be used to download, nor a download URL to upload.
    let s = expect_data(&slot(&app, &token, owner, "PAN_GST", "application/pdf", 10).await)
        ["requestUpload"]
        .clone();
    let up = s["upload"]["url"].as_str().unwrap();
    assert!(
        matches!(get(&app, up).await.0, 403 | 405),
        "GET on an upload URL"
    );
    let put_on_get = app
        .http
        .put(&url)
        .header("content-type", "application/pdf")
        .body(pdf(1_000))
        .send()
        .await
        .unwrap();
    assert!(
        matches!(put_on_get.status().as_u16(), 403 | 405),
        "PUT on a download URL"
    );

    // Withdrawn while the draft is open: marked deleted, the object kept for retention.
    let del = "mutation($id: ID!, $v: Int!) { deleteDocument(documentId: $id, expectedVersion: $v) { status version } }";
    expect_error(
        &app.gql(Some(&token), del, json!({ "id": doc["id"], "v": 99 }))
            .await,
        "CONFLICT",
    );
    let gone = expect_data(
        &app.gql(
            Some(&token),
            del,
            json!({ "id": doc["id"], "v": doc["version"] }),
        )
        .await,
    )["deleteDocument"]
        .clone();
    assert_eq!(gone["status"], "DELETED");
    assert!(
        app.object_exists(&object_key(&wb, &doc)),
        "kept until the retention period ends"
    );
    expect_error(
        &app.gql(Some(&token), DOWNLOAD, json!({ "id": doc["id"] }))
            .await,
        "VALIDATION",
    );

    // Every step is in the audit trail.
    let rows = app
        .rows_in_tenant(
            &wb,
            "SELECT action FROM audit_events WHERE entity_type = $1",
            "document",
        )
        .await;
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect();
    for a in [
        "document.upload_slot",
        "document.confirm",
        "document.download",
        "document.delete",
    ] {
        assert!(
            actions.iter().any(|x| x == a),
            "{a} missing from {actions:?}"
        );
    }
}

on_all_stores!(lab_reports_attach_to_results_and_reading_them_is_logged);

async fn lab_reports_attach_to_results_and_reading_them_is_logged(backend: Backend, store: Store) {
    let app = TestApp::spawn_store(backend, store, |_| {}).await;
    let c = Clinic::new(&app).await;
    let patient = c.patient(&app, "Rina", "9830044444").await;
    let enc = c.encounter(&app, &patient).await;
    let order = added(&add(&app, &c.doctor, &enc, json!({ "labOrder": { "tests": [{ "name": "Haemoglobin" }], "priority": "ROUTINE", "specimen": "BLOOD" } })).await);
    let result = added(&add(&app, &c.lab, &enc, json!({ "labResult": { "orderId": order["id"], "measurements": [{ "test": "Haemoglobin", "value": "11.2", "unit": "g/dL", "referenceLow": 12.0, "referenceHigh": 15.5 }] } })).await);

    // Only the lab technician who may write results attaches the report, and only to a result.
    let owner = ("entryId", &result["id"]);
    expect_error(
        &slot(&app, &c.doctor, owner, "LAB_REPORT", "application/pdf", 100).await,
        "FORBIDDEN",
    );
    expect_error(
        &slot(
            &app,
            &c.lab,
            ("entryId", &order["id"]),
            "LAB_REPORT",
            "application/pdf",
            100,
        )
        .await,
        "VALIDATION",
    );
    expect_error(
        &slot(
            &app,
            &c.lab,
            owner,
            "FIRE_SAFETY_NOC",
            "application/pdf",
            100,
        )
        .await,
        "VALIDATION",
    );
    let report = upload(&app, &c.lab, owner, "LAB_REPORT", pdf(20_000)).await;
    assert_eq!(report["status"], "AVAILABLE");

    // The entry lists it; the treating doctor downloads it, and the read is logged.
    let q = "query($id: ID!) { clinicalEntry(id: $id) { documents { id purpose status } } }";
    let e = expect_data(
        &app.gql(Some(&c.doctor), q, json!({ "id": result["id"] }))
            .await,
    );
    assert_eq!(e["clinicalEntry"]["documents"][0]["id"], report["id"]);
    let (status, bytes, _) = download(&app, &c.doctor, &report).await;
    assert_eq!((status, bytes.len()), (200, 20_000));
    let log = "query($id: ID!) { patient(id: $id) { recordAccessLog(first: 50) { edges { node { viewed breakGlass } } } } }";
    let rows = expect_data(
        &app.gql(Some(&c.wb), log, json!({ "id": patient["id"] }))
            .await,
    );
    let viewed: Vec<&str> = rows["patient"]["recordAccessLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["viewed"].as_str().unwrap())
        .collect();
    assert!(viewed.contains(&"document"), "{viewed:?}");

    // A doctor elsewhere needs an emergency reason, which is flagged.
    let body = app
        .gql(
            Some(&c.lalbag_doctor),
            DOWNLOAD,
            json!({ "id": report["id"] }),
        )
        .await;
    expect_error(&body, "FORBIDDEN");
    let body = app
        .gql(
            Some(&c.lalbag_doctor),
            DOWNLOAD,
            json!({ "id": report["id"], "bg": "Unconscious in emergency, needs history" }),
        )
        .await;
    expect_data(&body);
    // Administrators do not read health records; other tenants see nothing.
    expect_error(
        &app.gql(Some(&c.wb), DOWNLOAD, json!({ "id": report["id"] }))
            .await,
        "NOT_FOUND",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), DOWNLOAD, json!({ "id": report["id"] }))
            .await,
        "NOT_FOUND",
    );
    // Record documents are never deleted.
    let del = "mutation($id: ID!, $v: Int!) { deleteDocument(documentId: $id, expectedVersion: $v) { status } }";
    expect_error(
        &app.gql(
            Some(&c.lab),
            del,
            json!({ "id": report["id"], "v": report["version"] }),
        )
        .await,
        "VALIDATION",
    );
}

//! A tenant is backed up and restored alone: `arogya tenant export` writes one sealed
//! archive, `arogya tenant import` restores it over the same tenant (an undo) or into
//! an installation without it, on PostgreSQL and SQLite alike; other tenants are
//! untouched, a damaged archive is refused and changes nothing.

use super::documents::{pdf, upload};
use super::onboarding::{applicant, new_application};
use super::patients::{person, register, staff_token};
use arogya_tests::{
    arogya_bin, create_pg_database, expect_data, pg_url, Backend, TestApp, APP_ROLE, OWNER_ROLE,
};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where the command line points: a database (and, on PostgreSQL, its owner) and the
/// keys and documents of an installation.
struct Install {
    db: String,
    owner: Option<String>,
    keys: PathBuf,
    pii: PathBuf,
    objects: PathBuf,
}

impl Install {
    fn of(app: &TestApp) -> Self {
        Self {
            db: app.config.database_url.clone(),
            owner: app.config.database_migration_url.clone(),
            keys: app.config.jwt_keys_dir.clone(),
            pii: app.config.pii_key_file.clone(),
            objects: app.config.object_store_dir.clone(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(arogya_bin());
        cmd.env_remove("AROGYA_CONFIG")
            .env("AROGYA_DATABASE_URL", &self.db)
            .env("AROGYA_JWT_KEYS_DIR", &self.keys)
            .env("AROGYA_PII_KEY_FILE", &self.pii)
            .env("AROGYA_OBJECT_STORE_DIR", &self.objects)
            .env("AROGYA_LOG_FILTER", "warn")
            .args(args);
        match &self.owner {
            Some(o) => cmd
                .env("AROGYA_DATABASE_MIGRATION_URL", o)
                .env("AROGYA_DATABASE_APP_ROLE", APP_ROLE),
            None => cmd.env("AROGYA_MIGRATE_ON_START", "true"),
        };
        cmd.output().expect("running arogya")
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Export `tenant` and return its manifest's table digests.
    fn export(&self, tenant: &str, out: &Path) -> BTreeMap<String, Value> {
        self.ok(&[
            "tenant",
            "export",
            "--tenant",
            tenant,
            "--out",
            out.to_str().unwrap(),
        ]);
        manifest(out)
    }
}

/// The `tables` of an archive's manifest (its last line).
fn manifest(path: &Path) -> BTreeMap<String, Value> {
    let file = std::fs::File::open(path).unwrap();
    let last = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(Result::unwrap)
        .last()
        .unwrap();
    let m: Value = serde_json::from_str(&last).unwrap();
    assert_eq!(m["kind"], "manifest");
    serde_json::from_value(m["tables"].clone()).unwrap()
}

/// The digests without the audit trail (a restore adds an event describing itself).
fn without_audit(mut t: BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    t.remove("audit_events");
    t.remove("audit_chain");
    t
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "arogya-archive-{name}-{}",
        uuid::Uuid::now_v7().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

on_both_backends!(a_tenant_is_exported_and_restored_alone);

async fn a_tenant_is_exported_and_restored_alone(backend: Backend) {
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.maintenance_interval_secs = 1;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let install = Install::of(&app);
    let wb = app.wb_admin().await;
    let surveyor = staff_token(&app, &wb, "surveyor.arch", "SURVEYOR").await;
    register(
        &app,
        &surveyor,
        person("Rina", "Das", 34, Some("9830012345")),
        true,
    )
    .await;
    let (applicant_token, _) = applicant(&app, "WB", "9830077777", "arch@example.org").await;
    let appl = new_application(&app, &applicant_token).await;
    let doc = upload(
        &app,
        &applicant_token,
        ("applicationId", &appl["id"]),
        "PAN_GST",
        pdf(3_000),
    )
    .await;
    let object = app.config.object_store_dir.join(format!(
        "tenants/{}/documents/{}",
        app.tenant_id("WB").await,
        doc["id"].as_str().unwrap()
    ));
    assert!(object.exists());
    let work = temp("work");
    let archive = work.join("wb.arogya");
    let before = install.export("WB", &archive);
    assert!(
        before["patients"]["rows"].as_u64().unwrap() >= 1,
        "{before:?}"
    );
    assert!(before["documents"]["rows"].as_u64().unwrap() >= 1);
    let br_before = install.export("BR", &work.join("br-before.arogya"));

    // A bad day: more patients, a unit renamed... and a document's bytes lost.
    register(&app, &surveyor, person("Extra", "Patient", 50, None), true).await;
    let unit = super::units::create_unit(&app, &wb, None, "STATE", "West Bengal", None).await;
    assert!(unit["id"].is_string());
    std::fs::remove_file(&object).unwrap();
    let damaged = install.export("WB", &work.join("wb-damaged.arogya"));
    assert_ne!(without_audit(damaged), without_audit(before.clone()));

    // A damaged archive is refused with a clear message and changes nothing.
    let bytes = std::fs::read(&archive).unwrap();
    let cut = work.join("cut.arogya");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = install.run(&["tenant", "import", cut.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        said.contains("cut short") || said.contains("damaged"),
        "{said}"
    );
    let tampered = work.join("tampered.arogya");
    {
        // Re-pack the archive with one patient's name changed but the manifest kept.
        use std::io::Write;
        let text: Vec<String> = BufReader::new(flate2::read::GzDecoder::new(&bytes[..]))
            .lines()
            .map(Result::unwrap)
            .collect();
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&tampered).unwrap(),
            flate2::Compression::fast(),
        );
        for l in text {
            let l = if l.contains("\"table\":\"patients\"") {
                l.replace("Rina", "Rita")
            } else {
                l
            };
            writeln!(enc, "{l}").unwrap();
        }
        enc.finish().unwrap();
    }
    let out = install.run(&["tenant", "import", tampered.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(said.contains("patients does not match"), "{said}");
    // Made by a build with another schema: refused as such.
    let older = work.join("older.arogya");
    {
        use std::io::Write;
        let text: Vec<String> = BufReader::new(flate2::read::GzDecoder::new(&bytes[..]))
            .lines()
            .map(Result::unwrap)
            .collect();
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&older).unwrap(),
            flate2::Compression::fast(),
        );
        for (i, l) in text.into_iter().enumerate() {
            let l = if i == 0 {
                let mut h: Value = serde_json::from_str(&l).unwrap();
                h["schema"].as_array_mut().unwrap().pop();
                h.to_string()
            } else {
                l
            };
            writeln!(enc, "{l}").unwrap();
        }
        enc.finish().unwrap();
    }
    let out = install.run(&["tenant", "import", older.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("another schema version"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unchanged = install.export("WB", &work.join("wb-still-damaged.arogya"));
    assert_eq!(
        without_audit(unchanged),
        without_audit(install.export("WB", &work.join("wb-damaged-2.arogya")))
    );

    // The undo: every table of the tenant as it was, the document's bytes back.
    install.ok(&["tenant", "import", archive.to_str().unwrap()]);
    let after = install.export("WB", &work.join("wb-after.arogya"));
    assert_eq!(without_audit(after.clone()), without_audit(before.clone()));
    assert!(
        after["audit_events"]["rows"].as_u64() > before["audit_events"]["rows"].as_u64(),
        "the audit trail is kept and the restore adds to it"
    );
    assert!(object.exists(), "the document's bytes are restored");
    // Other tenants are untouched.
    let br_after = install.export("BR", &work.join("br-after.arogya"));
    assert_eq!(br_after, br_before);
    // The restore is in the audit trail; sessions are not revived.
    let found = expect_data(&app.gql(Some(&app.wb_admin().await), "{ auditEvents(first: 5, filter: { action: \"tenant.restore\" }) { edges { node { action detail } } } }", json!({})).await);
    assert_eq!(
        found["auditEvents"]["edges"][0]["node"]["action"], "tenant.restore",
        "{found}"
    );
    let mut refused = false;
    for _ in 0..40 {
        if app.gql(Some(&wb), "{ me { userId } }", json!({})).await["errors"][0]["extensions"]
            ["code"]
            == "UNAUTHENTICATED"
        {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(refused, "a token from before the restore still works");
    let _ = std::fs::remove_dir_all(&work);
}

/// From PostgreSQL into an installation without the tenant on SQLite (a district
/// moving to the embedded default), and from there into a fresh PostgreSQL again:
/// every table the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_archive_moves_between_postgres_and_sqlite() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let wb = app.wb_admin().await;
    let surveyor = staff_token(&app, &wb, "surveyor.move", "SURVEYOR").await;
    register(
        &app,
        &surveyor,
        person("Mita", "Roy", 41, Some("9830054321")),
        true,
    )
    .await;
    // Stores, batches (dates), stock, the ledger and an indent travel too.
    let d = super::supply_support::Depots::new(&app).await;
    d.receive(
        &app,
        &d.ddo,
        &d.district,
        &d.paracetamol,
        "MOVE-1",
        300,
        100,
    )
    .await;
    let ask = serde_json::json!({ "i": { "storeId": d.pharmacy["id"], "lines": [{ "itemId": d.paracetamol["id"], "quantity": 40 }] } });
    arogya_tests::expect_data(
        &app.gql(Some(&d.pharmacist), super::supply_indents::RAISE, ask)
            .await,
    );
    let from_pg = Install::of(&app);
    let work = temp("move");
    let archive = work.join("wb.arogya");
    let original = without_audit(from_pg.export("WB", &archive));
    assert_eq!(original["supply_ledger"]["rows"], 1, "{original:?}");
    assert_eq!(original["supply_indent_lines"]["rows"], 1);

    // An empty SQLite installation holding the same PII master key.
    let sqlite = Install {
        db: format!("sqlite://{}/arogya.db?mode=rwc", work.display()),
        owner: None,
        keys: work.join("keys"),
        pii: from_pg.pii.clone(),
        objects: work.join("objects"),
    };
    sqlite.ok(&["migrate"]);
    sqlite.ok(&["tenant", "import", archive.to_str().unwrap()]);
    let on_sqlite = sqlite.export("WB", &work.join("wb-sqlite.arogya"));
    assert_eq!(without_audit(on_sqlite), original);

    // And into a fresh PostgreSQL.
    let name = create_pg_database().await.unwrap();
    let pg_again = Install {
        db: pg_url(APP_ROLE, &name),
        owner: Some(pg_url(OWNER_ROLE, &name)),
        keys: work.join("keys2"),
        pii: from_pg.pii.clone(),
        objects: work.join("objects2"),
    };
    pg_again.ok(&["migrate"]);
    pg_again.ok(&[
        "tenant",
        "import",
        work.join("wb-sqlite.arogya").to_str().unwrap(),
    ]);
    let back = pg_again.export("WB", &work.join("wb-back.arogya"));
    assert_eq!(without_audit(back), original);

    // Another installation's key cannot open it.
    let stranger = Install {
        db: format!("sqlite://{}/other.db?mode=rwc", work.display()),
        owner: None,
        keys: work.join("keys3"),
        pii: work.join("other-pii.key"),
        objects: work.join("objects3"),
    };
    stranger.ok(&["migrate"]);
    let out = stranger.run(&["tenant", "import", archive.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("seal"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&work);
}

/// Every table with a tenant is in the archive or deliberately left out: a new
/// module's table cannot be forgotten.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_tenant_table_is_archived_or_left_out_on_purpose() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn(Backend::Postgres).await;
    let rows = app
        .owner_db()
        .await
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = 'public' ORDER BY 1",
        ))
        .await
        .unwrap();
    let with_tenant: std::collections::BTreeSet<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "table_name").unwrap())
        .collect();
    let covered: std::collections::BTreeSet<String> = arogya_infra::tenant_archive::TABLES
        .iter()
        .chain(arogya_infra::tenant_archive::EXCLUDED)
        .map(|t| t.to_string())
        .collect();
    assert_eq!(with_tenant, covered);
}

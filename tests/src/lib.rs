//! Test harness: starts the real server on port 0 against a fresh database (an SQLite
//! file or a new PostgreSQL database reached through the RLS-bound application role),
//! and speaks GraphQL to it over HTTP.

use anyhow::Context;
use arogya_api::config::Config;
use arogya_api::server;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use arogya_api::demo::PLATFORM_ADMIN;

mod proxy;
mod s3;
pub use proxy::DbSwitch;
pub use s3::{s3_server, S3Server};

/// Where a test server keeps documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// The local folder, with URLs signed and served by the API.
    Fs,
    /// A real S3-compatible server (s3s-fs), with presigned URLs.
    S3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Superuser URL used only to create roles and databases for tests.
pub fn pg_admin_url() -> String {
    std::env::var("AROGYA_TEST_PG_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn pg_server_url() -> String {
    std::env::var("AROGYA_TEST_PG_SERVER").unwrap_or_else(|_| "127.0.0.1:5432".into())
}

pub const OWNER_ROLE: &str = "arogya_owner";
pub const APP_ROLE: &str = "arogya_app";
pub const PLATFORM_ROLE: &str = "arogya_platform";

/// Create the owner and application roles if they are missing (idempotent).
async fn ensure_pg_roles(admin: &DatabaseConnection) -> anyhow::Result<()> {
    let sql = format!(
        "DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
             CREATE ROLE {OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
           END IF;
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
             CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
           END IF;
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PLATFORM_ROLE}') THEN
             CREATE ROLE {PLATFORM_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
           END IF;
         EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END $$;"
    );
    admin.execute_unprepared(&sql).await?;
    Ok(())
}

/// A fresh PostgreSQL database owned by the owner role. Returns its name.
pub async fn create_pg_database() -> anyhow::Result<String> {
    let admin = Database::connect(pg_admin_url()).await.context(
        "PostgreSQL is needed for the postgres half of the suite: start it, or set AROGYA_TEST_PG_ADMIN_URL",
    )?;
    ensure_pg_roles(&admin).await?;
    let name = format!("arogya_t_{}", uuid::Uuid::now_v7().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name} OWNER {OWNER_ROLE}"))
        .await?;
    admin.close().await.ok();
    Ok(name)
}

pub fn pg_url(role: &str, db: &str) -> String {
    format!("postgres://{role}@{}/{db}", pg_server_url())
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("arogya-test-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("creating a temporary folder");
    dir
}

/// Configuration for a test server with its own database and folders.
pub async fn test_config(backend: Backend) -> (Config, PathBuf, Option<String>) {
    let dir = temp_dir();
    let mut config = Config {
        bind: "127.0.0.1:0".into(),
        object_store_dir: dir.join("objects"),
        jwt_keys_dir: dir.join("keys"),
        pii_key_file: dir.join("pii.key"),
        database_max_connections: 8,
        shutdown_grace_secs: 5,
        // A test reads its own writes at once; the dashboards' answers kept a few
        // seconds are tested where a test turns them on.
        indicator_cache_secs: 0,
        ..Config::default()
    };
    let mut pg_db = None;
    match backend {
        Backend::Sqlite => {
            config.database_url = format!("sqlite://{}?mode=rwc", dir.join("arogya.db").display())
        }
        Backend::Postgres => {
            let name = create_pg_database()
                .await
                .expect("creating a test database");
            config.database_url = pg_url(APP_ROLE, &name);
            config.database_migration_url = Some(pg_url(OWNER_ROLE, &name));
            config.database_app_role = APP_ROLE.into();
            // Platform work on its own role, as in production.
            config.database_platform_url = Some(pg_url(PLATFORM_ROLE, &name));
            pg_db = Some(name);
        }
    }
    (config, dir, pg_db)
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub backend: Backend,
    pub config: Config,
    pub dir: PathBuf,
    pub pg_db: Option<String>,
    pub http: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
}

impl TestApp {
    /// A server on a fresh database with the demo tenants and logins.
    pub async fn spawn(backend: Backend) -> Self {
        let (config, dir, pg_db) = test_config(backend).await;
        Self::spawn_with(backend, config, dir, pg_db).await
    }

    /// The same, keeping documents in `store` (S3: a fresh bucket on the shared
    /// s3s-fs server), with `adjust` applied to the configuration.
    pub async fn spawn_store(
        backend: Backend,
        store: Store,
        adjust: impl FnOnce(&mut Config),
    ) -> Self {
        let (mut config, dir, pg_db) = test_config(backend).await;
        if store == Store::S3 {
            let s3 = s3_server();
            config.object_store = arogya_api::config::ObjectStoreKind::S3;
            config.s3_bucket = s3.new_bucket();
            config.s3_endpoint_url = Some(s3.endpoint.clone());
            config.s3_force_path_style = true;
            config.s3_region = "us-east-1".into();
            config.s3_access_key_id = Some(s3::ACCESS_KEY.into());
            config.s3_secret_access_key = Some(s3::SECRET_KEY.into());
        }
        adjust(&mut config);
        Self::spawn_with(backend, config, dir, pg_db).await
    }

    /// Is an object stored at `key`, in whichever store the server uses?
    pub fn object_exists(&self, key: &str) -> bool {
        match self.config.object_store {
            arogya_api::config::ObjectStoreKind::Fs => {
                self.config.object_store_dir.join(key).exists()
            }
            arogya_api::config::ObjectStoreKind::S3 => s3_server()
                .root
                .join(&self.config.s3_bucket)
                .join(key)
                .exists(),
        }
    }

    /// Rows of `sql` (one `$1` parameter, written PostgreSQL-style) as the table
    /// owner inside `tenant` (row-level security applies to the owner too).
    pub async fn rows_in_tenant(
        &self,
        tenant: &str,
        sql: &str,
        param: &str,
    ) -> Vec<sea_orm::QueryResult> {
        self.rows_in_tenant_with(tenant, sql, vec![param.into()])
            .await
    }

    /// The same with any parameters (`$1`, `$2`, … in order), bound as their types
    /// (a `uuid::Uuid` matches a UUID column on either backend).
    pub async fn rows_in_tenant_with(
        &self,
        tenant: &str,
        sql: &str,
        params: Vec<sea_orm::Value>,
    ) -> Vec<sea_orm::QueryResult> {
        use sea_orm::{DbBackend, Statement, TransactionTrait};
        let db = self.owner_db().await;
        let tx = db.begin().await.expect("a transaction");
        let backend = match self.backend {
            Backend::Postgres => {
                tx.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT set_config('app.tenant_id', $1, true)",
                    [tenant.into()],
                ))
                .await
                .expect("setting the tenant");
                DbBackend::Postgres
            }
            Backend::Sqlite => DbBackend::Sqlite,
        };
        let sql = if backend == DbBackend::Sqlite {
            sql.replace('$', "?")
        } else {
            sql.to_owned()
        };
        let rows = tx
            .query_all_raw(Statement::from_sql_and_values(backend, sql, params))
            .await
            .expect("a query beneath the API");
        tx.commit().await.expect("commit");
        db.close().await.ok();
        rows
    }

    /// A tenant's id by its code (the tenants table has no row-level security).
    pub async fn tenant_id(&self, code: &str) -> String {
        use sea_orm::{DbBackend, Statement};
        let db = self.owner_db().await;
        let (backend, sql) = match self.backend {
            Backend::Postgres => (
                DbBackend::Postgres,
                "SELECT CAST(id AS text) AS id FROM tenants WHERE code = $1",
            ),
            Backend::Sqlite => (DbBackend::Sqlite, "SELECT id FROM tenants WHERE code = ?"),
        };
        let row = db
            .query_one_raw(Statement::from_sql_and_values(backend, sql, [code.into()]))
            .await
            .expect("reading tenants")
            .expect("the tenant exists");
        let id = match self.backend {
            Backend::Postgres => row.try_get::<String>("", "id").expect("an id"),
            Backend::Sqlite => row
                .try_get::<uuid::Uuid>("", "id")
                .expect("an id")
                .to_string(),
        };
        db.close().await.ok();
        id
    }

    pub async fn spawn_with(
        backend: Backend,
        config: Config,
        dir: PathBuf,
        pg_db: Option<String>,
    ) -> Self {
        if std::env::var("TEST_LOG").is_ok() {
            arogya_api::telemetry::init(&config);
        }
        let state = server::build_state(config.clone())
            .await
            .expect("building the server");
        arogya_api::demo::seed(&state)
            .await
            .expect("seeding demo data");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding port 0");
        let addr = listener.local_addr().expect("local address");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(server::serve(state, listener, async move {
            let _ = rx.await;
        }));
        Self {
            addr,
            backend,
            config,
            dir,
            pg_db,
            http: reqwest::Client::new(),
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// Stop the server and wait until it has finished.
    pub async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = h.await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// POST a GraphQL operation; returns the decoded JSON body.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.gql_full(token, query, variables, None).await.1
    }

    /// POST a GraphQL operation with an optional request id; returns status and body.
    pub async fn gql_full(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
        request_id: Option<&str>,
    ) -> (u16, Value) {
        let mut req = self
            .http
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(id) = request_id {
            req = req.header("x-request-id", id);
        }
        let resp = req.send().await.expect("sending a GraphQL request");
        let status = resp.status().as_u16();
        let body = resp.json::<Value>().await.expect("a JSON response");
        (status, body)
    }

    /// Log in and return the whole `login` payload; panics when it fails.
    pub async fn login(&self, tenant: Option<&str>, login: &str, password: &str) -> Value {
        let body = self.try_login(tenant, login, password).await;
        assert!(body["errors"].is_null(), "login failed: {body}");
        body["data"]["login"].clone()
    }

    pub async fn try_login(&self, tenant: Option<&str>, login: &str, password: &str) -> Value {
        self.gql(
            None,
            "mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken accessTokenExpiresAt me { userId roles { role } tenant { id code } } } }",
            json!({ "i": { "tenantCode": tenant, "login": login, "password": password } }),
        )
        .await
    }

    pub async fn token(&self, tenant: Option<&str>, login: &str, password: &str) -> String {
        self.login(tenant, login, password).await["accessToken"]
            .as_str()
            .expect("an access token")
            .to_owned()
    }

    pub async fn platform_token(&self) -> String {
        self.token(None, PLATFORM_ADMIN.username, PLATFORM_ADMIN.password)
            .await
    }

    pub async fn wb_admin(&self) -> String {
        self.token(Some("WB"), "wb.admin", "wb-demo-admin-2026")
            .await
    }

    pub async fn br_admin(&self) -> String {
        self.token(Some("BR"), "br.admin", "br-demo-admin-2026")
            .await
    }

    /// A direct database connection as the table owner (SQLite: the file), for checks
    /// that must look beneath the API.
    pub async fn owner_db(&self) -> DatabaseConnection {
        let url = self
            .config
            .database_migration_url
            .clone()
            .unwrap_or_else(|| self.config.database_url.clone());
        Database::connect(url).await.expect("connecting as owner")
    }

    /// PostgreSQL only: a direct connection as the application role.
    pub async fn app_role_db(&self) -> DatabaseConnection {
        Database::connect(self.config.database_url.clone())
            .await
            .expect("connecting as the app role")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The `extensions.code` of the first error, if any.
pub fn error_code(body: &Value) -> Option<String> {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .map(str::to_owned)
}

/// Assert the response failed with `code` and return the first error.
#[track_caller]
pub fn expect_error(body: &Value, code: &str) -> Value {
    assert_eq!(
        error_code(body).as_deref(),
        Some(code),
        "expected {code}, got {body}"
    );
    body["errors"][0].clone()
}

/// Assert success and return `data`.
#[track_caller]
pub fn expect_data(body: &Value) -> Value {
    assert!(body["errors"].is_null(), "unexpected errors: {body}");
    body["data"].clone()
}

/// The `arogya` binary built from this workspace (`cargo build --bin arogya`).
pub fn arogya_bin() -> PathBuf {
    if let Ok(p) = std::env::var("AROGYA_BIN") {
        return PathBuf::from(p);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let bin = target.join("debug/arogya");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build --bin arogya` first (scripts/test does)",
        bin.display()
    );
    bin
}

/// A real one-page PDF of exactly `n` bytes (padded inside its content stream, so
/// every offset in its cross-reference table is right), for upload tests: the server
/// parses uploads whole. Needs `n` of about 400 or more.
pub fn pdf_of_size(n: usize) -> Vec<u8> {
    let build = |pad: usize| {
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let stream = format!("% {}\n", "x".repeat(pad));
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_owned(),
            format!("<< /Length {} >>\nstream\n{stream}endstream", stream.len()),
        ];
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        out
    };
    let base = build(0).len();
    assert!(n >= base + 8, "a PDF needs at least {} bytes", base + 8);
    // The padding's length changes the digits of /Length and the offsets: settle it.
    let mut pad = n - base;
    loop {
        let pdf = build(pad);
        match pdf.len().cmp(&n) {
            std::cmp::Ordering::Equal => return pdf,
            std::cmp::Ordering::Greater => pad -= pdf.len() - n,
            std::cmp::Ordering::Less => pad += n - pdf.len(),
        }
    }
}

/// A UUID as an SQL literal for `backend`: PostgreSQL's text form, or the 16-byte blob
/// SQLite stores (`X'…'`), for statements written beneath the API.
pub fn sql_uuid(backend: Backend, id: &str) -> String {
    match backend {
        Backend::Postgres => format!("'{id}'"),
        Backend::Sqlite => format!(
            "X'{}'",
            uuid::Uuid::parse_str(id)
                .expect("a UUID")
                .simple()
                .to_string()
                .to_uppercase()
        ),
    }
}

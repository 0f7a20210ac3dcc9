//! Building the application state and router, and running the server with graceful
//! shutdown.

use crate::config::{Config, ObjectStoreKind};
use crate::graphql::{build_schema, AppSchema};
use crate::http::{
    cards, fhir, graphql_http, indents, metrics::Metrics, ops, oxygen, prescriptions, registers,
    storage, supply,
};
use crate::state::{AppState, SharedState};
use anyhow::Context;
use arogya_domain::ids::TenantId;
use arogya_infra::auth::keys::KeyRing;
use arogya_infra::auth::login_lock::LoginLock;
use arogya_infra::auth::revocations::Revocations;
use arogya_infra::auth::throttle::{LoginThrottle, ThrottleConfig};
use arogya_infra::auth::token_cache::TokenCache;
use arogya_infra::db::{grant_app_role, grant_platform_role, migrate, Backend};
use arogya_infra::notify::{LogNotifier, Notifier, WebhookNotifier};
use arogya_infra::pii::PiiKeys;
use arogya_infra::storage::{FsStore, ObjectStore, S3Settings, S3Store};
use arogya_infra::tenant_directory::TenantDirectory;
use arogya_infra::Db;
use arogya_infra::Secret;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tracing::Instrument;

/// Apply migrations with the owner's URL and, on PostgreSQL with a separate owner,
/// grant the application role its (limited) rights.
pub async fn run_migrations(config: &Config) -> anyhow::Result<()> {
    let url = config.migration_url();
    let owner = Db::connect(url.expose(), 2).await?;
    migrate(owner.conn()).await?;
    if owner.backend() == Backend::Postgres && config.database_migration_url.is_some() {
        grant_app_role(owner.conn(), &config.database_app_role).await?;
        if config.database_platform_url.is_some() {
            grant_platform_role(
                owner.conn(),
                &config.database_platform_role,
                &config.database_app_role,
            )
            .await?;
        }
    }
    owner.conn().clone().close().await.ok();
    Ok(())
}

fn load_keys(config: &Config) -> anyhow::Result<KeyRing> {
    match &config.jwt_signing_keys {
        Some(text) => {
            let pems: Vec<String> = text
                .split_inclusive("-----END PRIVATE KEY-----")
                .map(str::trim)
                .filter(|p| p.contains("BEGIN PRIVATE KEY"))
                .map(str::to_owned)
                .collect();
            KeyRing::from_pems(&pems).context("reading AROGYA_JWT_SIGNING_KEYS")
        }
        None => KeyRing::load_or_create(&config.jwt_keys_dir),
    }
}

/// Warn loudly when PostgreSQL row-level security cannot apply to the app's role.
async fn check_rls_role(db: &Db) {
    match db.role_bypasses_rls().await {
        Ok(true) => tracing::warn!(
            "the database role is a superuser or has BYPASSRLS: row-level security is NOT enforced. \
             Connect as the application role (see README, PostgreSQL)."
        ),
        Ok(false) => {}
        Err(e) => tracing::warn!(error = format!("{e:#}"), "could not check the database role"),
    }
}

pub async fn build_state(config: Config) -> anyhow::Result<SharedState> {
    if config.migrate_on_start {
        run_migrations(&config).await?;
    }
    let mut db = Db::connect(&config.database_url, config.database_max_connections).await?;
    if let Some(url) = &config.database_platform_url {
        db = db.with_platform_pool(url).await?;
    }
    check_rls_role(&db).await;
    let keys = load_keys(&config)?;
    let pii = match &config.pii_key {
        Some(hex) => PiiKeys::from_hex(hex)?,
        None => PiiKeys::load_or_create(&config.pii_key_file)?,
    };
    let (store, fs_store) = object_store(&config, &pii).await?;
    let notifier: Arc<dyn Notifier> = match &config.notify_webhook_url {
        Some(url) => Arc::new(WebhookNotifier::new(
            url,
            config.notify_webhook_secret.clone().map(Secret::new),
        )?),
        None => Arc::new(LogNotifier),
    };
    let login_lock = LoginLock {
        max_per_account: config.login_max_failures_per_account,
        max_per_address: config.login_max_failures_per_address,
        window_secs: config.login_lockout_secs,
    };
    // Sign-up codes: at most 20 sent to one client address an hour.
    let signup_throttle = LoginThrottle::new(ThrottleConfig {
        max_failures_per_account: 20,
        max_failures_per_address: 20,
        window: Duration::from_secs(3600),
        lockout: Duration::from_secs(3600),
    });
    // Family status page: 10 code requests an hour per address; 5 wrong codes per
    // request (the request's own attempts stop sooner, at 5).
    let family_throttle = LoginThrottle::new(ThrottleConfig {
        max_failures_per_account: 5,
        max_failures_per_address: 10,
        window: Duration::from_secs(3600),
        lockout: Duration::from_secs(3600),
    });
    // Public pages: 120 requests a minute per address.
    let public_throttle = LoginThrottle::new(ThrottleConfig {
        max_failures_per_account: 120,
        max_failures_per_address: 120,
        window: Duration::from_secs(60),
        lockout: Duration::from_secs(60),
    });
    let queue = arogya_infra::queue_bus::QueueBus::new(db.backend());
    queue.start_listener(&db);
    let wards = arogya_infra::queue_bus::WardBus::wards(db.backend());
    wards.start_listener(&db);
    let oxygen = arogya_infra::queue_bus::OxygenBus::oxygen(db.backend());
    oxygen.start_listener(&db);
    let surveillance = arogya_infra::queue_bus::SurveillanceBus::surveillance(db.backend());
    surveillance.start_listener(&db);
    db.start_health_probe();
    let tenants = Arc::new(TenantDirectory::new(
        db.clone(),
        Duration::from_secs(config.tenant_cache_ttl_secs),
    ));
    let revocations = Arc::new(Revocations::new(db.backend(), config.access_token_ttl_secs));
    {
        // A suspension or reactivation anywhere drops the cached tenant here.
        let tenants = Arc::clone(&tenants);
        revocations.on_tenant_revoked(move |t| tenants.invalidate(TenantId(t)));
    }
    // Before migrations have run (`/readyz` says so) the table may not exist yet; the
    // maintenance loop loads it again every round.
    if let Err(e) = revocations.load(db.conn()).await {
        tracing::warn!(error = format!("{e:#}"), "token revocations not loaded yet");
    }
    revocations.start_listener(&db);
    let clinicians = crate::app::records::ClinicianCache::new(std::time::Duration::from_secs(
        config.tenant_cache_ttl_secs,
    ));
    Ok(Arc::new(AppState {
        config,
        db,
        keys,
        verified_tokens: TokenCache::new(100_000),
        pii,
        clinicians,
        tenants,
        revocations,
        login_lock,
        signup_throttle,
        family_throttle,
        persisted_queries: Default::default(),
        public_throttle,
        bed_cache: Default::default(),
        live_counts: Default::default(),
        oxygen_status: Default::default(),
        oxygen_daily: Default::default(),
        surveillance_table: Default::default(),
        indicator_answers: Default::default(),
        ranking_answers: Default::default(),
        store,
        fs_store,
        notifier,
        outbox_wake: tokio::sync::Notify::new(),
        queue,
        wards,
        oxygen,
        surveillance,
        metrics: Metrics::default(),
    }))
}

/// The document store the configuration names: the folder (whose URLs this server
/// signs with a key derived from the PII master key) or S3.
async fn object_store(
    config: &Config,
    pii: &PiiKeys,
) -> anyhow::Result<(Arc<dyn ObjectStore>, Option<Arc<FsStore>>)> {
    match config.object_store {
        ObjectStoreKind::Fs => {
            let fs = Arc::new(FsStore::new(
                &config.object_store_dir,
                pii.storage_url_key(),
            )?);
            Ok((fs.clone(), Some(fs)))
        }
        ObjectStoreKind::S3 => {
            let s3 = S3Store::connect(&S3Settings {
                bucket: config.s3_bucket.clone(),
                region: config.s3_region.clone(),
                endpoint_url: config.s3_endpoint_url.clone(),
                force_path_style: config.s3_force_path_style,
                access_key_id: config.s3_access_key_id.clone(),
                secret_access_key: config.s3_secret_access_key.clone().map(Secret::new),
            })
            .await?;
            if let Err(e) = s3.check().await {
                // Not fatal: the bucket may appear later; uploads fail clearly until then.
                tracing::warn!(
                    error = format!("{e:#}"),
                    "the S3 bucket is not reachable yet"
                );
            }
            Ok((Arc::new(s3), None))
        }
    }
}

pub fn router(state: SharedState) -> Router {
    let schema: AppSchema = build_schema(
        Some(state.clone()),
        state.config.graphql_max_depth,
        state.config.graphql_max_complexity,
    );
    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/.well-known/jwks.json", get(ops::jwks))
        .route(
            "/graphql",
            get(graphql_http::graphiql).post(graphql_http::graphql_post),
        )
        .route("/graphql/ws", get(graphql_http::graphql_ws))
        .route("/oauth/token", post(crate::http::oauth::token))
        .route("/cards/{file}", get(cards::card))
        .route(
            "/dashboards/report.pdf",
            get(crate::http::indicator_report::report_pdf),
        )
        .route(
            "/awards/{round}/certificates/{file}",
            get(crate::http::awards::certificate_pdf),
        )
        .route("/prescriptions/{file}", get(prescriptions::prescription))
        .route("/ward-registers/{file}", get(registers::ward_register))
        .route("/patient-charts/{file}", get(registers::patient_chart))
        .route("/oxygen/daily.csv", get(oxygen::daily_csv))
        .route("/supply/reports/{file}", get(supply::report_csv))
        .route("/supply/indents/{file}", get(indents::indent_pdf))
        .route(
            "/training-registers/{file}",
            get(crate::http::training::register_pdf),
        )
        .route(
            "/surveillance/line-list.csv",
            get(crate::http::surveillance::line_list_csv),
        )
        .route(
            "/surveillance/weekly-form.pdf",
            get(crate::http::surveillance_forms::weekly_form_pdf),
        )
        .route(
            "/surveillance/weekly-form.csv",
            get(crate::http::surveillance_forms::weekly_form_csv),
        )
        .route(
            "/storage/{token}",
            get(storage::download).put(storage::upload),
        )
        .route("/fhir/R4/metadata", get(fhir::metadata))
        .route("/fhir/R4/Patient", get(fhir::search_patients))
        .route("/fhir/R4/Patient/{id}", get(fhir::read_patient))
        .route("/fhir/R4/Patient/{id}/$everything", get(fhir::everything))
        .route("/fhir/R4/{kind}", get(fhir::search_resources))
        .route("/fhir/R4/{kind}/{id}", get(fhir::read_resource))
        .route("/tenants/{code}/card-keys.json", get(cards::card_keys))
        .fallback_service(crate::http::web::app(&state.config.web_dir))
        .layer(Extension(schema))
        // Answers compressed for clients that accept it (gzip, brotli): a phone on 2G
        // receives a fifth of the bytes. Level 4 of either: most of the gain for a
        // small share of the CPU the top levels would take.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Precise(4))
                .compress_when(
                    DefaultPredicate::new()
                        .and(NotForContentType::const_new("application/pdf"))
                        .and(NotForContentType::const_new("application/gzip")),
                ),
        )
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ops::count_requests,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            let body =
                r#"{"errors":[{"message":"Internal error.","extensions":{"code":"INTERNAL"}}]}"#;
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
        }))
        .layer(middleware::from_fn(request_span))
        .with_state(state)
}

/// Give every request an id (the caller's `X-Request-Id` when it is sane, else a new
/// one), a tracing span carrying it, a log line when it finishes, and echo the id.
async fn request_span(mut req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let value = HeaderValue::from_str(&id).unwrap_or_else(|_| HeaderValue::from_static("-"));
    req.headers_mut().insert("x-request-id", value.clone());
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path());
    let started = Instant::now();
    let mut response = next.run(req).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            latency_us = started.elapsed().as_micros() as u64,
            "request finished"
        )
    });
    response.headers_mut().insert("x-request-id", value);
    response
}

/// Serve until `shutdown` resolves, then let in-flight requests finish for up to the
/// configured grace period.
pub async fn serve(
    state: SharedState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let grace = Duration::from_secs(state.config.shutdown_grace_secs);
    // Index the ICD-10 table now, off the async workers, so no request waits for it.
    tokio::task::spawn_blocking(|| arogya_infra::icd10::table().len());
    let maintenance = tokio::spawn(crate::app::maintenance::run(state.clone()));
    // Any instance's admission, transfer, reservation or discharge makes this one recount
    // live beds (condition entries move no bed).
    let forgetting = {
        let state = state.clone();
        let mut heard = state.wards.subscribe();
        tokio::spawn(async move {
            use tokio::sync::broadcast::error::RecvError;
            loop {
                match heard.recv().await {
                    Ok(e) if e.moves_beds() => state
                        .live_counts
                        .changed(arogya_domain::ids::TenantId(e.tenant), e.facility),
                    Ok(_) => {}
                    Err(RecvError::Lagged(_)) => state.live_counts.forget_all(),
                    Err(RecvError::Closed) => break,
                }
            }
        })
    };
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (stopping_tx, mut stopping_rx) = tokio::sync::watch::channel(false);
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown.await;
        tracing::info!("shutting down: finishing in-flight requests");
        let _ = stopping_tx.send(true);
    });
    tokio::select! {
        result = server => result.context("serving HTTP")?,
        _ = async {
            let _ = stopping_rx.wait_for(|s| *s).await;
            tokio::time::sleep(grace).await;
        } => tracing::warn!("grace period over: closing remaining connections"),
    }
    maintenance.abort();
    forgetting.abort();
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}

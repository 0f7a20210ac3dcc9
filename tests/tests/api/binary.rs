//! The `arogya` binary itself: its command line, and graceful shutdown on SIGTERM.

use arogya_tests::arogya_bin;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn temp() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("arogya-cli-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn arogya(dir: &Path) -> Command {
    let mut cmd = Command::new(arogya_bin());
    cmd.current_dir(dir)
        .env_remove("AROGYA_DATABASE_URL")
        .env_remove("AROGYA_CONFIG")
        .env(
            "AROGYA_DATABASE_URL",
            format!("sqlite://{}/db.sqlite?mode=rwc", dir.display()),
        )
        .env("AROGYA_JWT_KEYS_DIR", dir.join("keys"))
        .env("AROGYA_OBJECT_STORE_DIR", dir.join("objects"))
        .env("AROGYA_LOG_FILTER", "warn");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("running arogya")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn help_explains_every_command() {
    let dir = temp();
    let help = stdout(&run(arogya(&dir).arg("--help")));
    for cmd in [
        "serve",
        "migrate",
        "tenant",
        "user",
        "seed-demo",
        "keys",
        "schema",
    ] {
        assert!(help.contains(cmd), "--help lacks {cmd}: {help}");
    }
    let serve = stdout(&run(arogya(&dir).args(["serve", "--help"])));
    for word in [
        "--bind",
        "--demo",
        "AROGYA_DATABASE_URL",
        "AROGYA_LOG_FORMAT",
    ] {
        assert!(serve.contains(word), "serve --help lacks {word}");
    }
}

#[test]
fn administers_tenants_and_users_from_the_command_line() {
    let dir = temp();
    assert!(run(arogya(&dir).arg("migrate")).status.success());
    let created = run(arogya(&dir).args([
        "tenant",
        "create",
        "--kind",
        "state",
        "--code",
        "up",
        "--name",
        "Uttar Pradesh",
    ]));
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let user = run(arogya(&dir)
        .args([
            "user",
            "create",
            "--tenant",
            "UP",
            "--username",
            "up.admin",
            "--display-name",
            "UP Admin",
            "--role",
            "state_admin",
        ])
        .env("AROGYA_NEW_PASSWORD", "a strong password"));
    assert!(
        user.status.success(),
        "{}",
        String::from_utf8_lossy(&user.stderr)
    );
    let generated = run(arogya(&dir).args([
        "user",
        "create",
        "--platform-admin",
        "--username",
        "ops",
        "--display-name",
        "Ops",
    ]));
    assert!(
        stdout(&generated).contains("password (shown once):"),
        "{}",
        stdout(&generated)
    );

    let bad = run(arogya(&dir).args([
        "tenant", "create", "--kind", "state", "--code", "U1", "--name", "Bad",
    ]));
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("code"),
        "error should name the field"
    );
    let dup = run(arogya(&dir).args([
        "tenant", "create", "--kind", "state", "--code", "UP", "--name", "Again",
    ]));
    assert!(!dup.status.success());

    assert!(
        run(arogya(&dir).args(["tenant", "suspend", "--code", "UP"]))
            .status
            .success()
    );
    // Seeding twice is harmless.
    assert!(run(arogya(&dir).arg("seed-demo")).status.success());
    let again = run(arogya(&dir).arg("seed-demo"));
    assert!(again.status.success() && stdout(&again).contains("wb.admin"));
    let list = stdout(&run(arogya(&dir).args(["tenant", "list"])));
    for code in ["UP ", "WB ", "BR ", "BR-MZP"] {
        assert_eq!(list.matches(code).count(), 1, "{code} in {list}");
    }
    assert!(
        list.lines()
            .any(|l| l.starts_with("UP") && l.contains("suspended")),
        "{list}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_lets_in_flight_requests_finish_and_logs_are_json() {
    let dir = temp();
    let log = std::fs::File::create(dir.join("server.log")).unwrap();
    let mut child = arogya(&dir)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("AROGYA_LOG_FORMAT", "json")
        .env("AROGYA_LOG_FILTER", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log))
        .spawn()
        .expect("starting the server");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the server printed nothing").unwrap();
        if let Some(rest) = line.strip_prefix("Arogya listening on http://") {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };

    // Start a request and leave its body half-sent.
    let body = br#"{"query":"{ __typename }"}"#;
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(conn, "POST /graphql HTTP/1.1\r\nHost: {addr}\r\nX-Request-Id: shutdown-test-1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", body.len()).unwrap();
    conn.write_all(&body[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(300));

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "exited with a request in flight"
    );

    conn.write_all(&body[10..]).unwrap();
    let mut response = String::new();
    conn.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(r#""__typename":"QueryRoot""#),
        "{response}"
    );

    let status = child.wait().unwrap();
    assert!(status.success(), "exit status {status}");
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "still accepting connections"
    );

    // Structured logs: one JSON object per line, the request's carrying its id.
    let log = std::fs::read_to_string(dir.join("server.log")).unwrap();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON log line"))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l["span"]["request_id"] == "shutdown-test-1" && l["fields"]["status"] == 200),
        "{log}"
    );
    assert!(
        lines.iter().any(|l| l["fields"]["message"] == "stopped"),
        "{log}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn readiness_waits_for_migrations() {
    let dir = temp();
    let mut child = arogya(&dir)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("AROGYA_MIGRATE_ON_START", "false")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting the server");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the server printed nothing").unwrap();
        if let Some(rest) = line.strip_prefix("Arogya listening on http://") {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    let get = |path: &str| {
        let mut conn = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            conn,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        conn.read_to_string(&mut response).unwrap();
        response
    };
    assert!(get("/healthz").starts_with("HTTP/1.1 200"));
    let ready = get("/readyz");
    assert!(ready.starts_with("HTTP/1.1 503"), "{ready}");
    assert!(run(arogya(&dir).arg("migrate")).status.success());
    assert!(get("/readyz").starts_with("HTTP/1.1 200"));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imports_csv_files_from_the_command_line() {
    let app = arogya_tests::TestApp::spawn(arogya_tests::Backend::Sqlite).await;
    let wb = app.wb_admin().await;
    super::units::build_tree(&app, &wb).await;
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/samples");
    let cli = |args: &[&str]| {
        let mut cmd = Command::new(arogya_bin());
        cmd.current_dir(&app.dir)
            .env("AROGYA_DATABASE_URL", &app.config.database_url)
            .env("AROGYA_JWT_KEYS_DIR", &app.config.jwt_keys_dir)
            .env("AROGYA_OBJECT_STORE_DIR", &app.config.object_store_dir)
            .env("AROGYA_PII_KEY_FILE", &app.config.pii_key_file)
            .env("AROGYA_LOG_FILTER", "warn")
            .args(args);
        cmd.output().expect("running arogya")
    };
    let file = samples.join("facilities.csv");
    let ok = cli(&[
        "import",
        "facilities",
        file.to_str().unwrap(),
        "--tenant",
        "WB",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        stdout(&ok).contains("facilities: 3 imported, 0 skipped, 0 errors"),
        "{}",
        stdout(&ok)
    );
    assert!(
        String::from_utf8_lossy(&ok.stderr).contains("3/3 rows"),
        "a progress bar"
    );
    let file = samples.join("professionals.csv");
    let ok = cli(&[
        "import",
        "professionals",
        file.to_str().unwrap(),
        "--tenant",
        "WB",
    ]);
    assert!(
        stdout(&ok).contains("professionals: 3 imported"),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    // Importing the same facilities again: every row reported, nothing imported, a failure exit.
    let file = samples.join("facilities.csv");
    let again = cli(&[
        "import",
        "facilities",
        file.to_str().unwrap(),
        "--tenant",
        "WB",
    ]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    for row in [
        "row 2: national_facility_id",
        "row 3: national_facility_id",
        "row 4: national_facility_id",
    ] {
        assert!(err.contains(row), "{err}");
    }

    // Wards and beds of the imported district hospital; again, every bed is reported.
    let file = samples.join("beds.csv");
    let beds = cli(&["import", "beds", file.to_str().unwrap(), "--tenant", "WB"]);
    assert!(
        stdout(&beds).contains("beds: 10 imported"),
        "{}",
        String::from_utf8_lossy(&beds.stderr)
    );
    let again = cli(&["import", "beds", file.to_str().unwrap(), "--tenant", "WB"]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("row 2: bed_label: the ward already has a bed labelled FM-1"),
        "{err}"
    );
    assert!(err.contains("row 11: bed_label"), "{err}");

    // A household survey: a bad row stops the import unless skipped; the same person
    // twice (Gopal Mondal / Gopal Mandal) is flagged, not enrolled twice.
    let file = samples.join("survey.csv");
    let survey = |extra: &[&str]| {
        let mut args = vec!["import", "survey", file.to_str().unwrap(), "--tenant", "WB"];
        args.extend_from_slice(extra);
        cli(&args)
    };
    let refused = survey(&[]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("row 6: phone"), "{err}");
    let ok = survey(&["--skip-invalid"]);
    let (out, err) = (
        stdout(&ok),
        String::from_utf8_lossy(&ok.stderr).into_owned(),
    );
    assert!(ok.status.success(), "{err}");
    assert!(
        out.contains(
            "survey: 4 people enrolled in 2 households, 1 flagged as duplicates, 1 errors"
        ),
        "{out}"
    );
    assert!(
        err.contains("row 4: likely already enrolled as WB-"),
        "{err}"
    );
    let again = survey(&["--skip-invalid"]);
    assert!(
        stdout(&again)
            .contains("survey: 0 people enrolled in 0 households, 5 flagged as duplicates"),
        "{}",
        stdout(&again)
    );
    let progress = app
        .gql(
            Some(&wb),
            "{ surveyProgress { peopleEnrolled cardsIssued } }",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        progress["data"]["surveyProgress"][0]["peopleEnrolled"], 4,
        "{progress}"
    );
    assert_eq!(progress["data"]["surveyProgress"][0]["cardsIssued"], 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthcheck_command_reports_the_server_state() {
    let app = arogya_tests::TestApp::spawn(arogya_tests::Backend::Sqlite).await;
    let check = |bind: String| {
        Command::new(arogya_bin())
            .current_dir(&app.dir)
            .env_remove("AROGYA_CONFIG")
            .env("AROGYA_BIND", bind)
            .env("AROGYA_LOG_FILTER", "warn")
            .arg("healthcheck")
            .output()
            .expect("running arogya")
    };
    let ok = check(app.addr.to_string());
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout(&ok).contains("healthy"));
    // Nothing listens on a port just freed.
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    assert!(!check(free.to_string()).status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prints_the_outbox_for_operators_without_a_gateway() {
    let app = arogya_tests::TestApp::spawn(arogya_tests::Backend::Sqlite).await;
    let start =
        "mutation($i: StartHospitalSignupInput!) { startHospitalSignup(input: $i) { signupId } }";
    let body = app
        .gql(None, start, serde_json::json!({ "i": { "tenantCode": "WB", "name": "Asha Roy", "phone": "9830012121", "email": "asha@example.org" } }))
        .await;
    arogya_tests::expect_data(&body);
    let code = super::onboarding::latest_code(&app, "WB", "9830012121").await;
    let out = Command::new(arogya_bin())
        .current_dir(&app.dir)
        .env("AROGYA_DATABASE_URL", &app.config.database_url)
        .env("AROGYA_JWT_KEYS_DIR", &app.config.jwt_keys_dir)
        .env("AROGYA_OBJECT_STORE_DIR", &app.config.object_store_dir)
        .env("AROGYA_PII_KEY_FILE", &app.config.pii_key_file)
        .env("AROGYA_LOG_FILTER", "warn")
        .args(["outbox", "--tenant", "WB", "--limit", "5"])
        .output()
        .expect("running arogya");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("+919830012121") && text.contains(&code),
        "{text}"
    );
}

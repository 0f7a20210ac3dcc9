//! One S3-compatible server (s3s-fs, installed by `scripts/test`) for the whole test
//! process, on a free port, storing under a temporary folder; each test server gets a
//! bucket of its own.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const ACCESS_KEY: &str = "AROGYATESTKEY";
pub const SECRET_KEY: &str = "arogya-test-secret-key";

pub struct S3Server {
    pub endpoint: String,
    /// The folder s3s-fs keeps buckets in: a bucket is a folder, an object a file.
    pub root: PathBuf,
}

impl S3Server {
    /// A new, empty bucket.
    pub fn new_bucket(&self) -> String {
        let name = format!("t{}", uuid::Uuid::now_v7().simple());
        std::fs::create_dir_all(self.root.join(&name)).expect("creating a bucket folder");
        name
    }
}

static SERVER: OnceLock<S3Server> = OnceLock::new();

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn s3_server() -> &'static S3Server {
    SERVER.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("arogya-s3-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&root).expect("creating the S3 root");
        let port = free_port();
        let (tx, rx) = std::sync::mpsc::channel();
        let dir = root.clone();
        // The server's parent is a thread that lives as long as the test process, and
        // the kernel ends the server when that thread ends (PR_SET_PDEATHSIG).
        std::thread::spawn(move || {
            let mut cmd = Command::new("s3s-fs");
            cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()])
                .args(["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY])
                .arg(&dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            use std::os::unix::process::CommandExt;
            // SAFETY: prctl is async-signal-safe; nothing else runs between fork and exec.
            unsafe {
                cmd.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    Ok(())
                });
            }
            let child = cmd.spawn();
            let ok = child.is_ok();
            let _ = tx.send(child.map(|_| ()).map_err(|e| e.to_string()));
            if ok {
                loop {
                    std::thread::park();
                }
            }
        });
        if let Err(e) = rx.recv().expect("the S3 starter thread") {
            panic!("cannot start s3s-fs ({e}): install it with `cargo install s3s-fs@0.14.1 --features binary --locked` (scripts/test does)");
        }
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(15), "s3s-fs did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
        S3Server {
            endpoint: format!("http://127.0.0.1:{port}"),
            root,
        }
    })
}

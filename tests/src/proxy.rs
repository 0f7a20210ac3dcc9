//! A TCP relay between the server and PostgreSQL that a test can cut and restore: the
//! database "goes away" for this server alone (open connections are dropped, new ones
//! refused), while the shared PostgreSQL keeps serving every other test.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

pub struct DbSwitch {
    pub addr: SocketAddr,
    open: Arc<AtomicBool>,
    relays: Arc<Mutex<Vec<AbortHandle>>>,
    accept: AbortHandle,
}

impl DbSwitch {
    /// Relay connections from a new local port to `target` (`host:port`).
    pub async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the relay");
        let addr = listener.local_addr().expect("relay address");
        let open = Arc::new(AtomicBool::new(true));
        let relays: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let (o, r) = (open.clone(), relays.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !o.load(Ordering::SeqCst) {
                    drop(client); // refused: the database is "down"
                    continue;
                }
                let target = target.clone();
                let relay = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                r.lock().unwrap().push(relay.abort_handle());
            }
        })
        .abort_handle();
        Self {
            addr,
            open,
            relays,
            accept,
        }
    }

    /// The database goes away: every open connection drops, new ones are refused.
    pub fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for r in self.relays.lock().unwrap().drain(..) {
            r.abort();
        }
    }

    /// The database is back.
    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

impl Drop for DbSwitch {
    fn drop(&mut self) {
        self.accept.abort();
        for r in self.relays.lock().unwrap().drain(..) {
            r.abort();
        }
    }
}

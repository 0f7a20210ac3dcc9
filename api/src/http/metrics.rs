//! Prometheus metrics: HTTP requests by route and status, GraphQL operations by name
//! with a latency histogram, and the database pool. Hand-rolled to keep the build
//! small; rendered in the Prometheus text format at `/metrics`.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];
/// Operation names come from clients: past this many distinct names, the rest are "other".
const MAX_OPERATIONS: usize = 200;

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, secs: f64) {
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                self.counts[i] += 1;
            }
        }
        self.count += 1;
        self.sum += secs;
    }
}

#[derive(Default)]
struct OperationStats {
    latency: Histogram,
    errors: u64,
}

#[derive(Default)]
struct Inner {
    http: HashMap<(String, String, u16), u64>,
    operations: HashMap<String, OperationStats>,
}

#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

/// Keep a client-supplied operation name safe for a label and bounded in length.
fn label(name: Option<&str>) -> String {
    let cleaned: String = name
        .unwrap_or("anonymous")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(64)
        .collect();
    if cleaned.is_empty() {
        "anonymous".into()
    } else {
        cleaned
    }
}

impl Metrics {
    pub fn record_http(&self, method: &str, route: &str, status: u16) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        *inner
            .http
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
    }

    pub fn record_operation(&self, name: Option<&str>, elapsed: Duration, failed: bool) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let mut key = label(name);
        if !inner.operations.contains_key(&key) && inner.operations.len() >= MAX_OPERATIONS {
            key = "other".into();
        }
        let stats = inner.operations.entry(key).or_default();
        stats.latency.observe(elapsed.as_secs_f64());
        if failed {
            stats.errors += 1;
        }
    }

    pub fn render(&self, pool_size: u32, pool_idle: u32, pool_max: u32) -> String {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::with_capacity(4096);
        out.push_str(
            "# HELP arogya_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE arogya_http_requests_total counter\n");
        let mut http: Vec<_> = inner.http.iter().collect();
        http.sort();
        for ((method, route, status), n) in http {
            let _ = writeln!(out, "arogya_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}");
        }
        out.push_str("# HELP arogya_graphql_operation_duration_seconds GraphQL operation latency by operation name.\n");
        out.push_str("# TYPE arogya_graphql_operation_duration_seconds histogram\n");
        let mut ops: Vec<_> = inner.operations.iter().collect();
        ops.sort_by(|a, b| a.0.cmp(b.0));
        for (name, s) in &ops {
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "arogya_graphql_operation_duration_seconds_bucket{{operation=\"{name}\",le=\"{b}\"}} {}",
                    s.latency.counts[i]
                );
            }
            let _ = writeln!(out, "arogya_graphql_operation_duration_seconds_bucket{{operation=\"{name}\",le=\"+Inf\"}} {}", s.latency.count);
            let _ = writeln!(
                out,
                "arogya_graphql_operation_duration_seconds_sum{{operation=\"{name}\"}} {}",
                s.latency.sum
            );
            let _ = writeln!(
                out,
                "arogya_graphql_operation_duration_seconds_count{{operation=\"{name}\"}} {}",
                s.latency.count
            );
        }
        out.push_str("# HELP arogya_graphql_operation_errors_total GraphQL operations that returned errors.\n");
        out.push_str("# TYPE arogya_graphql_operation_errors_total counter\n");
        for (name, s) in &ops {
            let _ = writeln!(
                out,
                "arogya_graphql_operation_errors_total{{operation=\"{name}\"}} {}",
                s.errors
            );
        }
        out.push_str("# HELP arogya_db_pool_connections Database pool connections by state.\n");
        out.push_str("# TYPE arogya_db_pool_connections gauge\n");
        let _ = writeln!(
            out,
            "arogya_db_pool_connections{{state=\"open\"}} {pool_size}"
        );
        let _ = writeln!(
            out,
            "arogya_db_pool_connections{{state=\"idle\"}} {pool_idle}"
        );
        let _ = writeln!(
            out,
            "arogya_db_pool_connections{{state=\"max\"}} {pool_max}"
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_histograms_and_bounds_labels() {
        let m = Metrics::default();
        m.record_operation(Some("Me"), Duration::from_millis(3), false);
        m.record_operation(Some("bad\"name}{"), Duration::from_millis(30), true);
        for i in 0..(MAX_OPERATIONS + 10) {
            m.record_operation(Some(&format!("op{i}")), Duration::from_millis(1), false);
        }
        let text = m.render(3, 1, 16);
        assert!(text.contains(
            "arogya_graphql_operation_duration_seconds_bucket{operation=\"Me\",le=\"0.005\"} 1"
        ));
        assert!(text.contains(
            "arogya_graphql_operation_duration_seconds_bucket{operation=\"Me\",le=\"0.001\"} 0"
        ));
        assert!(text.contains("arogya_graphql_operation_errors_total{operation=\"badname\"} 1"));
        assert!(text.contains("operation=\"other\""));
        assert!(text.contains("arogya_db_pool_connections{state=\"idle\"} 1"));
    }
}

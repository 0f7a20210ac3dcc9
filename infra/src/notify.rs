//! The notification port: delivering outbox messages (one-time codes, application
//! updates) by SMS or e-mail. Two adapters: the log (the default, so the system works
//! with no SMS provider: the message stays in the outbox table, and the log line
//! masks codes), and a webhook that posts each message as JSON to a configured URL,
//! where an SMS or e-mail gateway takes over.

use crate::repos::outbox::OutboxRecord;
use crate::Secret;
use anyhow::Context;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

#[async_trait::async_trait]
pub trait Notifier: Send + Sync + std::fmt::Debug {
    fn name(&self) -> &'static str;
    async fn deliver(&self, msg: &OutboxRecord) -> anyhow::Result<()>;
}

/// `+91 98•••••345`, `as•••@example.org`: enough to tell messages apart in a log.
pub fn mask_destination(d: &str) -> String {
    let chars: Vec<char> = d.chars().collect();
    if let Some(at) = d.find('@') {
        let local: String = d[..at].chars().take(2).collect();
        return format!("{local}•••{}", &d[at..]);
    }
    if chars.len() <= 5 {
        return "•••".into();
    }
    let head: String = chars[..chars.len().min(5)].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}•••{tail}")
}

/// Hide every run of four or more digits (codes, numbers) in a log line.
pub fn mask_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 4 {
            out.extend(std::iter::repeat_n('•', run.len()));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Writes each message to the log (codes masked); the outbox row is the record.
#[derive(Debug, Default)]
pub struct LogNotifier;

#[async_trait::async_trait]
impl Notifier for LogNotifier {
    fn name(&self) -> &'static str {
        "log"
    }
    async fn deliver(&self, msg: &OutboxRecord) -> anyhow::Result<()> {
        tracing::info!(
            channel = %msg.channel,
            to = %mask_destination(&msg.destination),
            subject = %msg.subject,
            text = %mask_digits(&msg.body),
            outbox_id = %msg.id,
            "notification (no gateway configured: the full text is in the outbox table)"
        );
        Ok(())
    }
}

/// Posts `{"id", "tenantId", "channel", "to", "subject", "text", "createdAt"}`; with a
/// secret, `X-Arogya-Signature: sha256=<hex HMAC of the body>` lets the receiver check it.
pub struct WebhookNotifier {
    url: String,
    secret: Option<Secret<String>>,
    client: reqwest::Client,
}

impl std::fmt::Debug for WebhookNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookNotifier")
            .field("url", &crate::secret::redact_url(&self.url))
            .finish_non_exhaustive()
    }
}

impl WebhookNotifier {
    pub fn new(url: &str, secret: Option<Secret<String>>) -> anyhow::Result<Self> {
        anyhow::ensure!(
            url.starts_with("https://") || url.starts_with("http://"),
            "the notification webhook must be an http(s) URL"
        );
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .context("building the webhook client")?;
        Ok(Self {
            url: url.to_owned(),
            secret,
            client,
        })
    }
}

#[async_trait::async_trait]
impl Notifier for WebhookNotifier {
    fn name(&self) -> &'static str {
        "webhook"
    }
    async fn deliver(&self, msg: &OutboxRecord) -> anyhow::Result<()> {
        let body = serde_json::to_vec(&serde_json::json!({
            "id": msg.id,
            "tenantId": msg.tenant_id,
            "channel": msg.channel,
            "to": msg.destination,
            "subject": msg.subject,
            "text": msg.body,
            "createdAt": msg.created_at,
        }))?;
        let mut req = self
            .client
            .post(&self.url)
            .header("content-type", "application/json");
        if let Some(secret) = &self.secret {
            let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes())
                .expect("HMAC takes any key length");
            mac.update(&body);
            let sig: String = mac
                .finalize()
                .into_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            req = req.header("x-arogya-signature", format!("sha256={sig}"));
        }
        let resp = req
            .body(body)
            .send()
            .await
            .context("posting to the notification webhook")?;
        anyhow::ensure!(
            resp.status().is_success(),
            "the notification webhook answered {}",
            resp.status()
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_never_show_codes_or_whole_destinations() {
        assert_eq!(
            mask_digits("Your Arogya code is 482913. It expires in 10 minutes."),
            "Your Arogya code is ••••••. It expires in 10 minutes."
        );
        assert_eq!(mask_destination("+919830012345"), "+9198•••345");
        assert_eq!(mask_destination("asha@example.org"), "as•••@example.org");
    }
}

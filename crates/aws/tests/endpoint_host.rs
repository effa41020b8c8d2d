//! The `host` the client signs is the `Host` reqwest sends, however the endpoint is spelled.
//! The signature-checking emulator recomputes the signature from the `Host` it received, so a
//! mismatch is a 403 SignatureDoesNotMatch there. A default port (`http://127.0.0.1:80`) cannot be
//! tried against a local emulator (nothing of ours listens on 80): its normalisation is a unit test
//! (`endpoint.rs`), and here a loopback server records the `Host` that arrives for other spellings,
//! an IPv6 literal among them.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::Mutex;
use std::time::Duration;

use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::transport::native::{ReqwestTransport, SystemClock, TokioSleep};
use hoseline_aws::{
    Client, ClientConfig, Credentials, Endpoint, Error, HttpRequest, HttpResponse, Region,
    Transport,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// reqwest, keeping a copy of every signed request.
struct Recording {
    inner: ReqwestTransport,
    signed: Mutex<Vec<HttpRequest>>,
}

impl Transport for Recording {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        self.signed.lock().expect("lock").push(request.clone());
        self.inner.send(request).await
    }
}

fn client(endpoint: &str) -> Client<Recording, TokioSleep, SystemClock> {
    let config = ClientConfig {
        credentials: Credentials::new(common::DEMO_ACCESS_KEY_ID, common::DEMO_SECRET, None)
            .expect("credentials"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::parse(endpoint).expect("endpoint"),
    };
    let transport = Recording {
        inner: ReqwestTransport::new(Duration::from_secs(30)).expect("transport"),
        signed: Mutex::default(),
    };
    Client::new(config, transport, TokioSleep, SystemClock)
}

fn signed_host(c: &Client<Recording, TokioSleep, SystemClock>) -> String {
    let signed = c.transport().signed.lock().expect("lock");
    let last = signed.last().expect("a request was sent");
    last.get_header("host").expect("host is signed").to_owned()
}

#[tokio::test]
async fn the_checking_emulator_accepts_every_spelling_of_its_address() {
    let checked = common::checked_endpoint();
    let port = checked
        .rsplit(':')
        .next()
        .expect("a port")
        .trim_end_matches('/');
    for spelling in [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
        format!("http://LocalHost:{port}/"),
        format!("HTTP://127.0.0.1:{port}"),
    ] {
        let c = client(&spelling);
        let me = c
            .send(&GetCallerIdentity)
            .await
            .unwrap_or_else(|e| panic!("{spelling}: {e}"));
        assert_eq!(me.account, common::ACCOUNT_ID, "{spelling}");
        let host = signed_host(&c);
        assert!(
            host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}"),
            "{spelling} signed {host}"
        );
    }
}

/// Answers one request with a GetCallerIdentity result and returns the `Host` it carried.
async fn record_host(listener: TcpListener) -> String {
    let (mut socket, _) = listener.accept().await.expect("accept");
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = socket.read(&mut buf).await.expect("read");
        assert!(n > 0, "the client closed before its headers ended");
        head.extend_from_slice(&buf[..n]);
    }
    let body = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/a</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(answer.as_bytes()).await.expect("write");
    String::from_utf8_lossy(&head)
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("host")
                .then(|| value.trim().to_owned())
        })
        .expect("a Host header")
}

#[tokio::test]
async fn the_host_sent_is_the_host_signed() {
    let mut cases = vec![("127.0.0.1", "http://127.0.0.1")];
    // IPv6 loopback may be off on some machines; the case runs where it is on.
    if TcpListener::bind("[::1]:0").await.is_ok() {
        cases.push(("[::1]", "http://[::1]"));
    }
    for (bind, base) in cases {
        let listener = TcpListener::bind(format!("{bind}:0")).await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = tokio::spawn(record_host(listener));
        let endpoint = format!("{}:{port}", base.replace("http://", "HTTP://"));
        let c = client(&endpoint);
        c.send(&GetCallerIdentity)
            .await
            .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        let sent = server.await.expect("server");
        assert_eq!(signed_host(&c), sent, "{endpoint}");
        assert_eq!(sent, format!("{bind}:{port}"));
    }
}

//! The local server over real sockets (hyper on 127.0.0.1:0): what a client sees before any AWS
//! call is made. The bridge's client points at the test emulator but none of these requests
//! reaches it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hoseline_bridge::server::{self, NativeBridge, ServerOptions, MAX_REQUEST_BYTES};
use hoseline_bridge::{Bridge, BridgeConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

/// A server on 127.0.0.1:0 until `stop`.
struct Running {
    port: u16,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn start(vars: &[(&str, &str)]) -> Running {
    start_with(vars, ServerOptions::default()).await
}

async fn start_with(vars: &[(&str, &str)], options: ServerOptions) -> Running {
    let mut env: HashMap<String, String> =
        HashMap::from([("HOSELINE_REJECT_BUCKET".to_owned(), "rejects".to_owned())]);
    for (k, v) in vars {
        env.insert((*k).to_owned(), (*v).to_owned());
    }
    let config = BridgeConfig::from_env(|k| env.get(k).cloned(), true).expect("config");
    let bridge: Arc<NativeBridge> = Arc::new(Bridge::new(common::checked(), config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server::serve_with(listener, bridge, options, async {
        let _ = stopped.await;
    }));
    Running {
        port,
        stop: Some(stop),
    }
}

/// Sends `head` (request line and headers, without the blank line) and then `body`, and reads the
/// answer until the server closes or `within` passes.
async fn exchange(port: u16, head: &str, body: &[u8], within: Duration) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connects");
    stream
        .write_all(format!("{head}\r\n\r\n").as_bytes())
        .await
        .expect("sends the head");
    stream.write_all(body).await.expect("sends the body");
    read_answer(&mut stream, within).await
}

/// One answer: its head and the body its Content-Length announces, or what came until the server
/// closed the connection or `within` passed.
async fn read_answer(stream: &mut TcpStream, within: Duration) -> String {
    let mut answer = Vec::new();
    let read = async {
        let mut chunk = [0u8; 4096];
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&chunk[..n]),
            }
            if complete(&answer) {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(within, read).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// Whether `answer` holds a whole response (head, and the body of its Content-Length).
fn complete(answer: &[u8]) -> bool {
    let text = String::from_utf8_lossy(answer);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    body.len() >= length
}

fn json_body(answer: &str) -> serde_json::Value {
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {answer}"))
}

#[tokio::test]
async fn an_oversize_body_is_400_with_the_reason_never_413() {
    let server = start(&[]).await;
    let head = format!(
        "POST /tables/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         X-Amz-Firehose-Request-Id: r-big\r\nContent-Length: {}\r\nConnection: close",
        MAX_REQUEST_BYTES + 1
    );
    let answer = exchange(server.port, &head, b"{", Duration::from_secs(10)).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let v = json_body(&answer);
    assert_eq!(v["requestId"], "r-big");
    assert!(
        v["errorMessage"]
            .as_str()
            .is_some_and(|m| m.contains("larger than")),
        "{v}"
    );
}

/// Headers of a delivery into `orders` whose body of `length` bytes is still to come.
fn delivery_head(access_key: Option<&str>, length: usize) -> String {
    let key = access_key
        .map(|k| format!("\r\nX-Amz-Firehose-Access-Key: {k}"))
        .unwrap_or_default();
    format!(
        "POST /tables/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         X-Amz-Firehose-Protocol-Version: 1.0\r\nX-Amz-Firehose-Request-Id: r-stall{key}\r\n\
         Content-Length: {length}"
    )
}

#[tokio::test]
async fn a_client_without_the_key_gets_401_at_once_even_if_its_body_never_comes() {
    let server = start(&[("HOSELINE_ACCESS_KEY", "the-key")]).await;
    for key in [None, Some("not-the-key")] {
        let started = std::time::Instant::now();
        // The headers promise 10 MB; one byte of it comes, then nothing.
        let answer = exchange(
            server.port,
            &delivery_head(key, 10 * 1024 * 1024),
            b"{",
            Duration::from_secs(10),
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 401"), "{key:?}: {answer:?}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        let v = json_body(&answer);
        assert_eq!(v["requestId"], "r-stall");
        assert!(v["errorMessage"]
            .as_str()
            .is_some_and(|m| m.contains("X-Amz-Firehose-Access-Key")));
    }
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_400_with_the_reason() {
    let options = ServerOptions {
        body_timeout: Duration::from_secs(1),
        ..ServerOptions::default()
    };
    let server = start_with(&[("HOSELINE_ACCESS_KEY", "the-key")], options).await;
    let started = std::time::Instant::now();
    // The right key; 100 bytes announced, 10 sent, then nothing.
    let answer = exchange(
        server.port,
        &delivery_head(Some("the-key"), 100),
        br#"{"records""#,
        Duration::from_secs(10),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(3),
        "{took:?}"
    );
    let v = json_body(&answer);
    assert_eq!(v["requestId"], "r-stall");
    assert!(
        v["errorMessage"]
            .as_str()
            .is_some_and(|m| m.contains("did not arrive within 1 s")),
        "{v}"
    );
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_for_a_free_one() {
    let options = ServerOptions {
        max_connections: 1,
        ..ServerOptions::default()
    };
    let server = start_with(&[], options).await;
    let health = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    // One connection that sends nothing holds the only slot.
    let holder = TcpStream::connect(("127.0.0.1", server.port))
        .await
        .expect("connects");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut waiting = TcpStream::connect(("127.0.0.1", server.port))
        .await
        .expect("the listen queue takes it");
    waiting.write_all(health.as_bytes()).await.expect("sends");
    let early = read_answer(&mut waiting, Duration::from_millis(700)).await;
    assert_eq!(early, "", "served while the limit was reached");
    drop(holder);
    let answer = read_answer(&mut waiting, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:?}");
}

//! The local server over real sockets (hyper on 127.0.0.1:0): what a client sees before any AWS
//! call is made. The bridge's client points at the test emulator but none of these requests
//! reaches it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hoseline_bridge::server::{self, NativeBridge, MAX_REQUEST_BYTES};
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
    tokio::spawn(server::serve(listener, bridge, async {
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

/// What the server sent until it closed the connection, or until `within`.
async fn read_answer(stream: &mut TcpStream, within: Duration) -> String {
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(within, stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
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

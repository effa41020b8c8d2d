//! `hoseline bridge serve`: start-up checks (exit 2 naming the setting), the start-up line, GET
//! /health, and a clean stop on SIGTERM (what scripts/run.sh sends) or Ctrl-C. Writes nothing to
//! AWS: deliveries are covered by crates/bridge/tests/end_to_end.rs.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const DEMO: [(&str, &str); 4] = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    (
        "AWS_SECRET_ACCESS_KEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    ("AWS_REGION", "us-east-1"),
    ("AWS_ENDPOINT_URL", "http://127.0.0.1:4577"),
];

fn command(args: &[&str], vars: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoseline"));
    cmd.args(args);
    for (name, _) in std::env::vars() {
        if name.starts_with("HOSELINE_") || name.starts_with("AWS_") {
            cmd.env_remove(name);
        }
    }
    cmd.envs(DEMO).envs(vars.iter().copied());
    cmd
}

fn run(args: &[&str], vars: &[(&str, &str)]) -> Output {
    command(args, vars).output().expect("runs hoseline")
}

/// [`run`] for a command expected to stop at start-up: one still running after 10 s (a server
/// that started) is stopped and fails the test.
fn run_to_refusal(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut child = command(args, vars)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs hoseline");
    for _ in 0..100 {
        if child.try_wait().expect("waits").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    panic!(
        "{args:?} started instead of refusing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fails_naming(out: &Output, setting: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {setting}: ")),
        "{stderr}"
    );
}

#[test]
fn a_missing_or_bad_setting_stops_start_up_naming_it() {
    let serve = ["bridge", "serve", "--listen", "127.0.0.1:0"];
    fails_naming(
        &run(&serve, &[("HOSELINE_REJECT_BUCKET", "rejects")]),
        "HOSELINE_ACCESS_KEY",
    );
    let no_key = [
        "bridge",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--allow-no-access-key",
    ];
    // Optional (each stream's URL may name its bucket), but checked when set.
    fails_naming(
        &run(&no_key, &[("HOSELINE_REJECT_BUCKET", "Rejects_Bucket")]),
        "HOSELINE_REJECT_BUCKET",
    );
    fails_naming(
        &run(
            &no_key,
            &[
                ("HOSELINE_REJECT_BUCKET", "rejects"),
                ("HOSELINE_TABLE", "a"),
            ],
        ),
        "HOSELINE_TABLE",
    );
    fails_naming(
        &run(
            &[
                "bridge",
                "serve",
                "--listen",
                "localhost",
                "--allow-no-access-key",
            ],
            &[("HOSELINE_REJECT_BUCKET", "rejects")],
        ),
        "--listen",
    );
    fails_naming(
        &run(
            &no_key,
            &[
                ("HOSELINE_REJECT_BUCKET", "rejects"),
                ("AWS_REGION", "Europe"),
            ],
        ),
        "AWS_REGION",
    );
}

#[test]
fn no_access_key_is_for_loopback_only() {
    for listen in ["0.0.0.0:0", "[::]:0", "192.0.2.10:4599"] {
        let out = run_to_refusal(
            &[
                "bridge",
                "serve",
                "--listen",
                listen,
                "--allow-no-access-key",
            ],
            &[("HOSELINE_REJECT_BUCKET", "rejects")],
        );
        fails_naming(&out, "--allow-no-access-key");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("loopback"), "{stderr}");
        assert!(stderr.contains("HOSELINE_ACCESS_KEY"), "{stderr}");
    }
}

#[test]
fn the_server_limits_are_flags_checked_at_start_up() {
    let serve = |flag: &str, value: &str| {
        run_to_refusal(
            &[
                "bridge",
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--allow-no-access-key",
                flag,
                value,
            ],
            &[("HOSELINE_REJECT_BUCKET", "rejects")],
        )
    };
    fails_naming(&serve("--max-connections", "0"), "--max-connections");
    fails_naming(
        &serve("--body-timeout-seconds", "0"),
        "--body-timeout-seconds",
    );
}

/// The whole answer to a request without a body.
fn ask(port: u16, method: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("reads");
    answer
}

// As scripts/run.sh starts it: no access key and no reject bucket (each local stream's URL
// names its pipeline's bucket).
#[test]
fn it_serves_until_sigterm_and_says_when_it_runs_without_an_access_key() {
    let mut child = command(
        &[
            "bridge",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--allow-no-access-key",
        ],
        &[],
    )
    .stderr(Stdio::piped())
    .spawn()
    .expect("starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("the start-up line");
    assert!(
        line.starts_with("hoseline bridge: listening on http://127.0.0.1:"),
        "{line}"
    );
    assert!(
        line.contains(
            "(tables from the path /tables/<name>), WITHOUT an access key: local use only"
        ),
        "{line}"
    );
    assert!(
        line.trim_end().ends_with(
            "rejects to the bucket each stream's URL names (?rejects=<bucket>, under \
             bridge-rejected/), no default"
        ),
        "{line}"
    );
    let port: u16 = line["hoseline bridge: listening on http://127.0.0.1:".len()..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port in the start-up line");

    let health = ask(port, "GET", "/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(
        health
            .to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{health}"
    );
    assert!(health.contains(r#""status":"ok""#), "{health}");
    assert!(health.contains(r#""defaultRejectBucket":null"#), "{health}");
    let elsewhere = ask(port, "GET", "/nothing-here");
    assert!(elsewhere.starts_with("HTTP/1.1 404"), "{elsewhere}");
    assert!(elsewhere.contains("errorMessage"), "{elsewhere}");
    // A stream URL naming a bad bucket is refused before anything is read or written.
    let bad = ask(port, "POST", "/tables/orders?rejects=Bad_Bucket");
    assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
    assert!(
        bad.contains("the query parameter rejects (\\\"Bad_Bucket\\\") is not an S3 bucket name"),
        "{bad}"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    let mut rest = String::new();
    stderr
        .read_to_string(&mut rest)
        .expect("the rest of stderr");
    assert!(status.success(), "{status}: {rest}");
    assert!(rest.contains("hoseline bridge: stopped"), "{rest}");
}

//! `hoseline whoami` against the signature-checking test emulator (started by scripts/test.sh).

use std::process::{Command, Output};

const DEMO_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:4577".to_owned())
}

fn hoseline(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoseline"));
    cmd.args(args);
    for name in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_PROFILE",
    ] {
        cmd.env_remove(name);
    }
    cmd.envs(vars.iter().copied());
    cmd.output().expect("runs hoseline")
}

#[test]
fn whoami_shows_the_account_from_the_environment() {
    let ep = endpoint();
    let out = hoseline(
        &["whoami"],
        &[
            ("AWS_ACCESS_KEY_ID", DEMO_KEY),
            ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", &ep),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Account: 123456789012"), "{stdout}");
    assert!(
        stdout.contains("arn:aws:iam::123456789012:user/"),
        "{stdout}"
    );
}

#[test]
fn flags_override_the_environment() {
    let ep = endpoint();
    let out = hoseline(
        &[
            "whoami",
            "--json",
            "--endpoint",
            &ep,
            "--region",
            "eu-west-1",
        ],
        &[
            ("AWS_ACCESS_KEY_ID", DEMO_KEY),
            ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
            ("AWS_REGION", "bad region"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
        ],
    );
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert_eq!(json["Account"], "123456789012");
}

#[test]
fn a_wrong_secret_fails_with_the_aws_code_on_stderr() {
    let ep = endpoint();
    let out = hoseline(
        &["whoami", "--endpoint", &ep, "--region", "us-east-1"],
        &[
            ("AWS_ACCESS_KEY_ID", DEMO_KEY),
            ("AWS_SECRET_ACCESS_KEY", "wrong/secret/value"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SignatureDoesNotMatch"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_settings_are_named_and_nothing_is_sent() {
    let out = hoseline(
        &[
            "whoami",
            "--endpoint",
            "http://127.0.0.1:9",
            "--region",
            "us-east-1",
        ],
        &[("AWS_SECRET_ACCESS_KEY", DEMO_SECRET)],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("AWS_ACCESS_KEY_ID: is not set"));
    let out = hoseline(
        &[
            "whoami",
            "--endpoint",
            "localhost:4566",
            "--region",
            "us-east-1",
        ],
        &[
            ("AWS_ACCESS_KEY_ID", DEMO_KEY),
            ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--endpoint: must start with http://"));
}

#[test]
fn an_unreachable_endpoint_is_a_network_error() {
    let out = hoseline(
        &[
            "whoami",
            "--endpoint",
            "http://127.0.0.1:9",
            "--region",
            "us-east-1",
        ],
        &[
            ("AWS_ACCESS_KEY_ID", DEMO_KEY),
            ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unreachable"), "{stderr}");
}

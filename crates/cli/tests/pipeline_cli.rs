//! `hoseline plan | apply | destroy | export | cost` on the example specs, against the test
//! emulators (scripts/test.sh starts them) and a local bridge, checked by an independent client
//! (boto3, scripts/checks/check_pipeline.py) and, for the exported script, the real AWS CLI.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::{
    check_pipeline, checked_endpoint, hoseline, other_endpoint, renamed_example, repo, run,
    scratch, succeeded, text, LocalBridge, DEMO_KEY, DEMO_SECRET,
};

/// apply, check what exists, deliver through the local bridge, apply again (adopts), destroy,
/// check nothing is left: what a newcomer does with an example.
fn apply_deliver_adopt_destroy(example: &str, name: &str) {
    let endpoint = checked_endpoint();
    let dir = scratch(name);
    let spec = renamed_example(example, &dir, name);
    let bridge = LocalBridge::start(&endpoint);
    let spec_arg = spec.to_str().expect("utf-8 path");
    let flags = ["--endpoint", &endpoint, "--bridge-url", &bridge.url];
    leftovers(&dir, spec_arg, &endpoint);

    let out = run(hoseline(
        &dir,
        &[&["apply", spec_arg][..], &flags].concat(),
        &[],
    ));
    succeeded("apply", &out);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("is complete"), "{stderr}");
    assert!(
        stderr.contains("using the local emulator's demo key"),
        "a local spec says which credentials it falls back to: {stderr}"
    );

    let present = check_pipeline("present", &spec, &endpoint, Some(&bridge.url));
    succeeded("check present", &present);
    let delivered = check_pipeline("deliver", &spec, &endpoint, Some(&bridge.url));
    succeeded("check deliver", &delivered);

    // Applying again changes nothing: every resource is adopted, from a fresh state directory too.
    let again_dir = scratch(&format!("{name}-again"));
    let out = run(hoseline(
        &again_dir,
        &[&["apply", spec_arg][..], &flags].concat(),
        &[],
    ));
    succeeded("second apply", &out);
    let stderr = text(&out.stderr);
    assert!(stderr.contains(": 0 made,"), "{stderr}");
    assert!(!stderr.contains("FAILED"), "{stderr}");
    succeeded(
        "check present after the second apply",
        &check_pipeline("present", &spec, &endpoint, Some(&bridge.url)),
    );

    let out = run(hoseline(
        &dir,
        &[&["destroy", spec_arg][..], &flags].concat(),
        &[],
    ));
    succeeded("destroy", &out);
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("LEFT"), "{stdout}");
    assert!(
        !dir.join(".hoseline")
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some()),
        "a complete destroy removes the progress record"
    );
    succeeded(
        "check absent",
        &check_pipeline("absent", &spec, &endpoint, None),
    );
}

/// What an earlier, interrupted run of the same test left on a long-running emulator goes first
/// (`destroy` deletes what carries the pipeline's tag).
fn leftovers(dir: &Path, spec: &str, endpoint: &str) {
    let _ = run(hoseline(
        dir,
        &["--endpoint", endpoint, "destroy", spec],
        &[],
    ));
    let _ = std::fs::remove_dir_all(dir.join(".hoseline"));
}

#[test]
fn the_local_dynamodb_example_applies_delivers_and_is_destroyed() {
    apply_deliver_adopt_destroy("local-dynamodb.json", "clitest-ddb");
}

#[test]
fn the_local_s3_example_applies_delivers_and_is_destroyed() {
    apply_deliver_adopt_destroy("local-s3.json", "clitest-s3");
}

/// The exported script, run by the AWS CLI on another emulator, makes what `hoseline apply` makes.
fn script_matches_apply(example: &str, name: &str) {
    let dir = scratch(name);
    let spec = renamed_example(example, &dir, name);
    let spec_arg = spec.to_str().expect("utf-8 path");
    let (applied_on, scripted_on) = (checked_endpoint(), other_endpoint());
    leftovers(&dir, spec_arg, &applied_on);
    leftovers(&dir, spec_arg, &scripted_on);

    let out = run(hoseline(
        &dir,
        &["--endpoint", &applied_on, "apply", spec_arg],
        &[],
    ));
    succeeded("apply", &out);

    let script = dir.join("pipeline.sh");
    let out = run(hoseline(
        &dir,
        &[
            "export",
            spec_arg,
            "--format",
            "cli",
            "-o",
            script.to_str().expect("path"),
        ],
        &[],
    ));
    succeeded("export --format cli", &out);
    let aws_cli_bin = repo().join(".tools/awscli/bin");
    let mut bash = std::process::Command::new("bash");
    common::clean_env(&mut bash);
    let path = format!(
        "{}:{}",
        aws_cli_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = run(bash.arg(&script).current_dir(&dir).envs([
        ("PATH", path.as_str()),
        ("AWS_ACCESS_KEY_ID", DEMO_KEY),
        ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
        ("AWS_ENDPOINT_URL", scripted_on.as_str()),
    ]));
    succeeded("the exported script under the AWS CLI", &out);

    let snapshot = |endpoint: &str| {
        let out = check_pipeline("snapshot", &spec, endpoint, None);
        succeeded("snapshot", &out);
        let mut value: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("snapshot JSON");
        // The stream's own ARN and times differ between two emulators; settings must not.
        if let Some(stream) = value.get_mut("stream").and_then(|s| s.as_object_mut()) {
            stream.remove("status");
        }
        value
    };
    let (applied, scripted) = (snapshot(&applied_on), snapshot(&scripted_on));
    assert!(
        !applied["stream"].is_null(),
        "apply made the stream: {applied}"
    );
    assert_eq!(
        applied, scripted,
        "apply and the AWS CLI script made different pipelines"
    );

    for endpoint in [&applied_on, &scripted_on] {
        let out = run(hoseline(
            &dir,
            &["--endpoint", endpoint, "destroy", spec_arg],
            &[],
        ));
        succeeded("destroy", &out);
    }
}

#[test]
fn the_exported_cli_script_builds_what_apply_builds_dynamodb() {
    script_matches_apply("local-dynamodb.json", "clitest-script-ddb");
}

#[test]
fn the_exported_cli_script_builds_what_apply_builds_s3() {
    script_matches_apply("local-s3.json", "clitest-script-s3");
}

/// A TCP port that counts connections: proof that nothing was sent.
struct Listener {
    url: String,
    listener: std::net::TcpListener,
}

impl Listener {
    fn new() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        Self { url, listener }
    }

    fn connections(&self) -> usize {
        std::iter::from_fn(|| self.listener.accept().ok()).count()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes");
    path.to_str().expect("utf-8").to_owned()
}

#[test]
fn bad_specs_exit_2_with_a_line_per_problem_and_send_nothing() {
    let dir = scratch("clitest-bad");
    let listener = Listener::new();
    let example =
        std::fs::read_to_string(repo().join("examples/local-dynamodb.json")).expect("example");
    let broken = example
        .replace("\"demo-tickers\"", "\"x\"")
        .replace("\"bufferingSizeMb\": 1,", "\"bufferingSizeMb\": 65,")
        .replace(
            "\"retryDurationSeconds\": 300",
            "\"retryDurationSeconds\": 7201",
        );
    let unknown = example
        .replace("\"version\": 1,", "\"version\": 1, \"colour\": \"red\",")
        .replace("\"ttlDays\": 30,", "\"ttlDays\": \"thirty\",");
    let cases = [
        (
            "not-json.json",
            "{ this is not json".to_owned(),
            vec!["is not valid JSON"],
        ),
        (
            "version.json",
            example.replace("\"version\": 1", "\"version\": 2"),
            vec!["version"],
        ),
        ("unknown.json", unknown, vec!["colour", "bridge.ttlDays"]),
        (
            "broken.json",
            broken,
            vec![
                "table.name",
                "stream.bufferingSizeMb",
                "stream.retryDurationSeconds",
            ],
        ),
    ];
    for (file, body, wanted) in cases {
        let path = write(&dir, file, &body);
        for command in ["plan", "apply", "destroy", "export"] {
            let mut args = vec!["--endpoint", listener.url.as_str(), command, path.as_str()];
            if command == "export" {
                args.extend(["--format", "spec"]);
            }
            let out = run(hoseline(&dir, &args, &[]));
            assert_eq!(
                out.status.code(),
                Some(2),
                "{command} {file}: {}",
                text(&out.stderr)
            );
            let stderr = text(&out.stderr);
            assert!(stderr.contains("nothing was sent"), "{stderr}");
            for w in &wanted {
                assert!(
                    stderr.contains(w),
                    "{command} {file}: {w:?} missing from {stderr}"
                );
            }
            if file == "broken.json" || file == "unknown.json" {
                let problems = stderr.lines().filter(|l| l.starts_with("  ")).count();
                assert_eq!(problems, wanted.len(), "one line per problem: {stderr}");
            }
        }
    }
    assert_eq!(listener.connections(), 0, "a bad spec sends nothing");
}

#[test]
fn plan_shows_each_call_with_its_reason_and_no_secret() {
    let dir = scratch("clitest-plan");
    let example =
        std::fs::read_to_string(repo().join("examples/aws-dynamodb.json")).expect("example");
    let with_key = example.replace(
        "\"functionName\": \"tickers-bridge\",",
        "\"functionName\": \"tickers-bridge\", \"accessKey\": \"very-secret-key-0123456789\",",
    );
    let path = write(&dir, "aws.json", &with_key);
    let out = run(hoseline(&dir, &["plan", &path, "--requests"], &[]));
    succeeded("plan", &out);
    let stdout = text(&out.stdout);
    for call in [
        "CloudFormation CreateStack",
        "DynamoDB CreateTable",
        "Lambda CreateFunction",
        "Lambda CreateFunctionUrlConfig",
        "Lambda AddPermission",
        "Firehose CreateDeliveryStream",
    ] {
        assert!(stdout.contains(call), "{call} missing from\n{stdout}");
    }
    assert_eq!(
        stdout.matches("    why: ").count(),
        stdout.lines().filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains(". ")).count(),
        "every call has a reason"
    );
    assert!(
        stdout.contains("$ aws "),
        "the AWS CLI command of each call: {stdout}"
    );
    assert!(
        !stdout.contains("very-secret-key"),
        "the access key is never shown"
    );
    for format in ["spec", "cli"] {
        let out = run(hoseline(&dir, &["export", &path, "--format", format], &[]));
        succeeded("export", &out);
        assert!(
            !text(&out.stdout).contains("very-secret-key"),
            "{format} leaves the key out"
        );
    }
    let out = run(hoseline(
        &dir,
        &["export", &path, "--format", "spec", "--with-secrets"],
        &[],
    ));
    assert!(
        text(&out.stdout).contains("very-secret-key"),
        "unless asked"
    );
}

#[test]
fn cost_prices_the_spec_and_shows_the_packing_saving() {
    let dir = scratch("clitest-cost");
    let spec = repo().join("examples/local-dynamodb.json");
    let spec = spec.to_str().expect("path");
    let out = run(hoseline(
        &dir,
        &[
            "cost",
            spec,
            "--records-per-second",
            "100",
            "--record-bytes",
            "300",
        ],
        &[],
    ));
    succeeded("cost", &out);
    let stdout = text(&out.stdout);
    // aws-facts.md: 100 records/s of 300 bytes for 30 days bill about 1.24 TB, not 72 GB.
    assert!(stdout.contains("1,235.96 GB"), "{stdout}");
    assert!(stdout.contains("Packing:"), "{stdout}");
    let out = run(hoseline(
        &dir,
        &[
            "cost",
            spec,
            "--records-per-second",
            "0",
            "--record-bytes",
            "300",
        ],
        &[],
    ));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--records-per-second"));
}

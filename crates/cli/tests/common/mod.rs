//! Shared by the CLI's tests: running `hoseline` with a clean environment, the test emulators,
//! the project's tool venvs (boto3 checks, the AWS CLI), and a local bridge server.
#![allow(dead_code, unreachable_pub)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

pub const DEMO_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The signature-checking test emulator (scripts/test.sh starts it).
pub fn checked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:4577".to_owned())
}

/// The second test emulator, a separate moto: "a fresh emulator" for what the AWS CLI builds.
pub fn other_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT_UNCHECKED")
        .unwrap_or_else(|_| "http://127.0.0.1:4578".to_owned())
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `hoseline` with no AWS_* or HOSELINE_* variable from the caller, then `vars`.
pub fn hoseline(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoseline"));
    cmd.current_dir(dir).args(args);
    clean_env(&mut cmd);
    cmd.envs(vars.iter().copied());
    cmd
}

pub fn clean_env(cmd: &mut Command) {
    for (name, _) in std::env::vars() {
        if name.starts_with("HOSELINE_") || name.starts_with("AWS_") {
            cmd.env_remove(name);
        }
    }
}

pub fn run(mut cmd: impl std::borrow::BorrowMut<Command>) -> Output {
    cmd.borrow_mut().output().expect("runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails with both streams when `out` did not exit 0.
pub fn succeeded(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what} exited {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// scripts/checks/check_pipeline.py with the emulator venv's python (boto3 comes with moto).
pub fn check_pipeline(
    check: &str,
    spec: &Path,
    endpoint: &str,
    bridge_url: Option<&str>,
) -> Output {
    let python = repo().join(".tools/venv/bin/python");
    let mut cmd = Command::new(python);
    cmd.arg(repo().join("scripts/checks/check_pipeline.py"))
        .arg(check)
        .arg(spec)
        .args(["--endpoint", endpoint]);
    if let Some(url) = bridge_url {
        cmd.args(["--bridge-url", url]);
    }
    clean_env(&mut cmd);
    run(cmd)
}

/// A local bridge (`hoseline bridge serve --allow-no-access-key` on a free port) writing to
/// `endpoint`, as scripts/run.sh starts one; stopped when dropped.
pub struct LocalBridge {
    pub url: String,
    child: Child,
}

impl LocalBridge {
    pub fn start(endpoint: &str) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hoseline"));
        clean_env(&mut child);
        let mut child = child
            .args([
                "bridge",
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--allow-no-access-key",
            ])
            .envs([
                ("AWS_ACCESS_KEY_ID", DEMO_KEY),
                ("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
                ("AWS_REGION", "us-east-1"),
                ("AWS_ENDPOINT_URL", endpoint),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts the bridge");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let line = lines
            .next()
            .and_then(Result::ok)
            .expect("the bridge's start-up line");
        let url = line
            .split("listening on ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        // Keep draining its log so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        std::thread::sleep(Duration::from_millis(50));
        Self { url, child }
    }
}

impl Drop for LocalBridge {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A copy of an example spec with every name that derives from the pipeline's name renamed
/// (`demo` -> `demo-x1`), so tests that run at once never share a resource.
pub fn renamed_example(example: &str, dir: &Path, new_name: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("examples").join(example)).expect("example");
    let mut spec: serde_json::Value = serde_json::from_str(&text).expect("example is JSON");
    let old = spec["name"].as_str().expect("name").to_owned();
    rename(&mut spec, &old, new_name);
    let path = dir.join(example);
    std::fs::write(&path, serde_json::to_string_pretty(&spec).expect("json")).expect("writes");
    path
}

fn rename(value: &mut serde_json::Value, old: &str, new: &str) {
    match value {
        serde_json::Value::String(s) if s == old || s.starts_with(&format!("{old}-")) => {
            *s = format!("{new}{}", &s[old.len()..]);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| rename(v, old, new)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| rename(v, old, new)),
        _ => {}
    }
}

/// A fresh directory under the target dir for a test's state files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

//! What `hoseline apply` keeps between runs, beside the spec's name in a state directory
//! (default `.hoseline/`): the engine's progress record (names and ARNs, never a secret), saved
//! after every event so an interrupted run resumes, and, for an AWS pipeline whose spec has no
//! bridge access key, the key generated for it (mode 0600), so a resumed run and the stream use
//! the same one.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use hoseline_pipeline::engine::Progress;
use hoseline_pipeline::spec::{AccessKey, PipelineSpec, ACCESS_KEY_RANDOM_BYTES};

use crate::error::CliError;

/// Where a spec's state lives.
pub(crate) struct StateFiles {
    pub(crate) progress: PathBuf,
    access_key: PathBuf,
}

impl StateFiles {
    pub(crate) fn new(dir: &Path, spec: &PipelineSpec) -> Self {
        let target = if spec.target.is_local() {
            "local"
        } else {
            "aws"
        };
        let stem = format!("{}.{target}-{}", spec.name, spec.target.region());
        Self {
            progress: dir.join(format!("{stem}.progress.json")),
            access_key: dir.join(format!("{stem}.access-key")),
        }
    }

    /// The saved progress record, or a new one.
    pub(crate) fn load_progress(&self, spec: &PipelineSpec) -> Result<Progress, CliError> {
        match fs::read_to_string(&self.progress) {
            Ok(text) => Progress::from_json(&text).map_err(|e| {
                CliError::usage(
                    format!("progress record {}", self.progress.display()),
                    format!("cannot be read ({e}): move it away to start from the account's state"),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Progress::new(spec)),
            Err(e) => Err(CliError::usage(
                format!("progress record {}", self.progress.display()),
                format!("cannot be read: {e}"),
            )),
        }
    }

    /// Writes the record (whole file replaced, so an interrupted write leaves the old one).
    pub(crate) fn save_progress(&self, progress: &Progress) -> Result<(), CliError> {
        write_atomically(&self.progress, progress.to_json().as_bytes(), false)
    }

    /// Removes the record (after a complete teardown).
    pub(crate) fn forget(&self) {
        let _ = fs::remove_file(&self.progress);
        let _ = fs::remove_file(&self.access_key);
    }

    /// The bridge access key for an AWS pipeline whose spec brings none: the one generated
    /// earlier, or a new one from the OS's CSPRNG, kept in a file only its owner can read.
    pub(crate) fn access_key(&self) -> Result<(AccessKey, bool), CliError> {
        if let Ok(text) = fs::read_to_string(&self.access_key) {
            let key = text.trim();
            if !key.is_empty() {
                return Ok((AccessKey::new(key), false));
            }
        }
        let mut bytes = [0u8; ACCESS_KEY_RANDOM_BYTES];
        getrandom::getrandom(&mut bytes).map_err(|e| {
            CliError::Incomplete(format!("the system's random generator failed: {e}"))
        })?;
        let key = AccessKey::from_random_bytes(&bytes);
        write_atomically(&self.access_key, key.expose().as_bytes(), true)?;
        Ok((key, true))
    }

    pub(crate) fn access_key_path(&self) -> &Path {
        &self.access_key
    }
}

fn write_atomically(path: &Path, bytes: &[u8], secret: bool) -> Result<(), CliError> {
    let failed =
        |e: std::io::Error| CliError::Incomplete(format!("cannot write {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(failed)?;
    }
    let tmp = path.with_extension("tmp");
    {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if secret {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = secret;
        let mut file = options.open(&tmp).map_err(failed)?;
        file.write_all(bytes).map_err(failed)?;
        file.sync_all().map_err(failed)?;
    }
    fs::rename(&tmp, path).map_err(failed)
}

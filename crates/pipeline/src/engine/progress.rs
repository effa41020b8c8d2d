//! The progress record: a small serde record the caller saves after every event (the CLI as a
//! JSON file, the page in local storage), so apply resumes where it stopped and teardown knows
//! what this pipeline made. It holds names, ARNs and the function URL, never a secret.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::Facts;
use crate::spec::{PipelineSpec, Target};

/// The only progress version this build reads and writes.
pub const PROGRESS_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Progress {
    pub version: u32,
    /// The spec's name; empty until the first apply.
    pub pipeline: String,
    /// `local:<region>` or `aws:<region>`.
    pub target: String,
    /// The account the pipeline was applied in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Its ARN partition (`aws`, `aws-cn`, `aws-us-gov`), from the caller's ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    /// The steps done, by step id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepRecord>,
}

/// One step done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepRecord {
    /// It existed already and was taken as it is.
    #[serde(default)]
    pub adopted: bool,
    /// This pipeline made it, or it carries this pipeline's tag: teardown may delete it.
    #[serde(default)]
    pub ours: bool,
    /// Names, ARNs, the function URL: what later steps and teardown need.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outputs: BTreeMap<String, String>,
}

fn target_label(target: &Target) -> String {
    match target {
        Target::Local { region, .. } => format!("local:{region}"),
        Target::Aws { region } => format!("aws:{region}"),
    }
}

impl Progress {
    /// An empty record for `spec`.
    pub fn new(spec: &PipelineSpec) -> Self {
        Self {
            version: PROGRESS_VERSION,
            pipeline: spec.name.clone(),
            target: target_label(&spec.target),
            account_id: None,
            partition: None,
            steps: BTreeMap::new(),
        }
    }

    /// Reads a saved record.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys always serialises.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Is the record for this spec? An empty record fits any spec (and is taken for it).
    pub(crate) fn claim(&mut self, spec: &PipelineSpec) -> Result<(), String> {
        if self.pipeline.is_empty() {
            *self = Self::new(spec);
            return Ok(());
        }
        if self.version != PROGRESS_VERSION {
            return Err(format!(
                "the progress record is version {} (this build reads {PROGRESS_VERSION})",
                self.version
            ));
        }
        if self.pipeline != spec.name {
            return Err(format!(
                "the progress record is for pipeline {:?}, not {:?}",
                self.pipeline, spec.name
            ));
        }
        let target = target_label(&spec.target);
        if self.target != target {
            return Err(format!(
                "the progress record is for {}, the spec targets {target}",
                self.target
            ));
        }
        Ok(())
    }

    pub fn step(&self, id: &str) -> Option<&StepRecord> {
        self.steps.get(id)
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.steps.contains_key(id)
    }

    /// What the steps done so far learnt.
    pub fn facts(&self) -> Facts {
        Facts {
            account_id: self.account_id.clone(),
            partition: self.partition.clone(),
            outputs: self
                .steps
                .values()
                .flat_map(|r| r.outputs.iter().map(|(k, v)| (k.clone(), v.clone())))
                .collect(),
            bridge_zip: None,
        }
    }

    /// The outputs of every step, merged.
    pub fn outputs(&self) -> BTreeMap<String, String> {
        self.facts().outputs
    }
}

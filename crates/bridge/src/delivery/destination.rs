//! Where a delivery goes, and what its request says of its rejects and mapping.

use hoseline_pipeline::mapping::MappingOptions;

#[cfg(doc)]
use crate::BridgeConfig;

/// Where a delivery goes and how: its table, and what the request says of its rejects and
/// mapping (the local server's URL; the Lambda's requests say nothing). A table name alone
/// (`"orders".into()`) takes everything else from the [`BridgeConfig`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Destination<'a> {
    pub table: &'a str,
    /// The local server's `?rejects=<bucket>`, which wins over `HOSELINE_REJECT_BUCKET`.
    pub reject_bucket: Option<&'a str>,
    /// The local server's `?rejectPrefix=`, which wins over `HOSELINE_REJECT_PREFIX`.
    pub reject_prefix: Option<&'a str>,
    /// The mapping options of the local server's URL, in place of the configured ones as a whole.
    /// Checked against the table's key schema as the configured ones are.
    pub mapping: Option<&'a MappingOptions>,
}

impl<'a> From<&'a str> for Destination<'a> {
    fn from(table: &'a str) -> Self {
        Self {
            table,
            reject_bucket: None,
            reject_prefix: None,
            mapping: None,
        }
    }
}

impl<'a> From<&'a String> for Destination<'a> {
    fn from(table: &'a String) -> Self {
        Self::from(table.as_str())
    }
}

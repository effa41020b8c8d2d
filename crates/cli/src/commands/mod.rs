//! One module a command.

pub(crate) mod bridge;
pub(crate) mod whoami;

//! One module a command.

pub(crate) mod apply;
pub(crate) mod bridge;
pub(crate) mod cost;
pub(crate) mod destroy;
pub(crate) mod export;
pub(crate) mod plan;
pub(crate) mod whoami;

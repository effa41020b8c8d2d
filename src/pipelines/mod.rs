//! The pipelines page: what exists on the connection, and each pipeline on its own page.
//!
//! Pure: [`read`] (what the pages show of AWS's answers), [`model`] (streams grouped with their
//! table or bucket), [`paging`], [`status`], [`details`].

pub mod details;
pub mod model;
pub mod paging;
pub mod read;
pub mod status;

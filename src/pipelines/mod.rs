//! The pipelines page: what exists on the connection, and each pipeline on its own page.
//!
//! Pure: [`read`] (what the pages show of AWS's answers), [`model`] (streams grouped with their
//! table or bucket), [`paging`], [`status`], [`details`]. Calls: [`fetch`]. Views: [`list`], [`streams_table`], [`tables_table`],
//! [`detail`].

pub mod detail;
pub mod details;
pub mod fetch;
pub mod list;
pub mod model;
pub mod pages;
pub mod paging;
pub mod read;
pub mod status;
pub mod streams_table;
pub mod tables_table;
pub mod teardown;

pub use detail::PipelinePage;
pub use list::PipelinesPage;

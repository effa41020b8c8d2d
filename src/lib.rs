//! Hoseline's browser console: set up Firehose -> bridge -> DynamoDB from one page.
//!
//! The screens' logic (forms, checks, storage, routes, the wizard's state, paging) is plain Rust,
//! tested natively; components only bind it to the page.

pub mod app;
pub mod components;
pub mod connection;
pub mod context;
pub mod draft;
pub mod engine;
pub mod pipelines;
pub mod route;
pub mod router;
pub mod runs;
pub mod wizard;

pub use app::App;

/// Mounts the console into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

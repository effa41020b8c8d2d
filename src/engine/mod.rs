//! The engine worker: the plan's previews, the cost model, the exports, apply and teardown run
//! in a Web Worker of their own (a second wasm Trunk builds from `src/bin/hoseline-engine.rs`),
//! loaded on first use, so the page's first load stays small and long runs never block it.
//!
//! - [`protocol`]: the JSON messages between page and worker; [`decode`]: the page's reader of
//!   the worker's replies;
//! - [`aws_wire`]: the AWS reads the page asks for, [`reads`]: the worker's side of them,
//!   [`ask`]: the page's;
//! - [`jobs`]: the previews, Review's data and spec files; [`runner`]: apply and teardown, over
//!   any AWS client (native tests run them too);
//! - [`worker`]: the worker's message loop;
//! - [`client`]: the page's side, with the job callbacks;
//! - [`hooks`]: the screens' reactive helpers over the client.

pub mod ask;
pub mod aws_wire;
pub mod client;
pub mod decode;
pub mod hooks;
pub mod jobs;
pub mod protocol;
pub mod reads;
pub mod runner;
pub mod worker;

//! The draft pipeline spec the guided setup edits, kept in the page and in `localStorage`.

pub mod context;
pub mod model;
pub mod storage;

pub use context::{use_draft, DraftContext};
pub use model::Draft;

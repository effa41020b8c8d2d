//! The guided setup: its steps, the step list's state, and each step's screen.
//!
//! Pure: [`step`] (the steps and their purpose), [`state`] (what the step list shows, what Next
//! checks), [`summary`] (what the draft holds per step). Views: [`nav`], [`page`],
//! [`new_draft`], and [`screens`], where each step's form plugs in.

pub mod create;
pub mod nav;
pub mod new_draft;
pub mod page;
pub mod paths;
pub mod preview;
pub mod review;
pub mod screens;
pub mod state;
pub mod step;
pub mod summary;

pub use page::StepPage;
pub use step::Step;

//! The guided setup: its steps, the step list's state, and each step's screen.
//!
//! Pure: [`step`] (the steps and their purpose), [`fields`] (each step's form fields), [`state`] (what the step list shows, what Next
//! checks), [`summary`] (what the draft holds per step). Views: [`nav`], [`page`],
//! [`new_draft`], [`forms`] (each step's form) and [`screens`], where they plug in.

pub mod create;
pub mod fields;
pub mod forms;
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

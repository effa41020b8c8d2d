//! Building blocks shared by the screens.

pub mod field;
pub mod status;
pub mod steps;

//! Building blocks shared by the screens.

pub mod field;
pub mod indicator;
pub mod status;
pub mod steps;

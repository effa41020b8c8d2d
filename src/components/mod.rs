//! Building blocks shared by the screens.

pub mod advice;
pub mod alert;
pub mod choice;
pub mod confirm;
pub mod download;
pub mod field;
pub mod indicator;
pub mod load;
pub mod status;
pub mod table;

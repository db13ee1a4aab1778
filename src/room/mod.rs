//! The room server: phones vote and a browser shows the room view, over the local network,
//! with no cloud and no account. HTTP in, engine commands out; pages drawn from `RoomView`.

pub mod address;
pub mod clean;
pub mod forms;
pub mod headless;
pub mod host;
pub mod http;
pub mod limits;
pub mod pages;
pub mod routes;
pub mod secrets;
pub mod server;
pub mod stream;
pub mod views;

pub use host::{Inbound, Pending};
pub use limits::Limits;
pub use server::{Room, RoomConfig, StartError};

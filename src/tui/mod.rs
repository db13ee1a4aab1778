//! The only code that touches the terminal: event loop, screens, widgets and themes.
//! Screens draw from the engine's state; keys become engine commands.

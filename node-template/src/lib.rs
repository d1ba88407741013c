//! The parts of `metacert-node` that are unit tested: what the node does about runtime upgrades.

#![warn(missing_docs)]

pub mod upgrades;

//! `metacert-node`: the node of the MetaCert Protocol governance chain (Aura + GRANDPA, ParityDB).

#![warn(missing_docs)]
// `sc_cli::Error` is the error type the Substrate CLI API requires; it is large by design.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}

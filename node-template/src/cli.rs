//! Command-line interface: the standard Substrate node commands.

/// A subcommand of `metacert-node`; without one the node runs.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management (generate, inspect, insert keys).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and node benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Runtime and node benchmarks: not in this build (rebuild with `--features
	/// runtime-benchmarks`).
	#[cfg(not(feature = "runtime-benchmarks"))]
	Benchmark(NoBenchmarks),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// The arguments of `benchmark` in a node built without the `runtime-benchmarks` feature:
/// anything, refused with the feature to rebuild with.
#[cfg(not(feature = "runtime-benchmarks"))]
#[derive(Debug, clap::Args)]
pub struct NoBenchmarks {
	/// Whatever followed `benchmark`.
	#[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
	pub args: Vec<String>,
}

/// The `metacert-node` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// The options of a running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}

//! Chain specifications: `dev` (single authority), `local` (Alice + Bob on loopback) and
//! `benchmark` (`dev` with 10,000 more endowed accounts, for throughput runs), all built from the
//! runtime's genesis presets, with the MTC token properties.

use metacert_runtime::{TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::ChainType;

/// The chain specification of this node, with no node-side extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The SS58 address format (42: generic Substrate, addresses start with 5).
pub const SS58_FORMAT: u16 = 42;

/// Chain properties shown by wallets: `tokenSymbol`, `tokenDecimals`, `ss58Format`.
pub fn properties() -> sc_chain_spec::Properties {
	let mut p = sc_chain_spec::Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_FORMAT.into());
	p
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm binary is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it."
			.to_string()
	})
}

/// The `dev` chain: Alice alone authors and finalizes blocks.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("MetaCert Development")
		.with_id("metacert_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The `local` chain: Alice and Bob author and finalize together on loopback.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("MetaCert Local Testnet")
		.with_id("metacert_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The `benchmark` chain: the `dev` chain with the numbered accounts `//0` ... `//9999` endowed
/// (the runtime's `benchmark` preset), for `benchmarks/throughput.sh`.
pub fn benchmark_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("MetaCert Benchmark")
		.with_id("metacert_benchmark")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(metacert_runtime::genesis_config_presets::BENCHMARK_PRESET)
		.with_properties(properties())
		.build())
}

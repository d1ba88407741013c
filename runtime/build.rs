//! Builds the runtime's wasm blob (with the metadata hash when the `metadata-hash` feature is on).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	// The token symbol and decimals that wallets show, also used for the metadata hash that the
	// `CheckMetadataHash` transaction extension commits to.
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MTC", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is not needed when this crate is itself being compiled to wasm.
#[cfg(not(feature = "std"))]
fn main() {}

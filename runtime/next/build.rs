//! Builds the wasm blob of the runtime with `spec_version + 1` (see `Cargo.toml`).

#[cfg(feature = "std")]
fn main() {
	// The source lives in the runtime crate, outside this package: rebuild when it changes.
	println!("cargo:rerun-if-changed=../src");
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MTC", 12)
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}

//! The next runtime is the runtime's own source with `spec_version + 1`, and its wasm (the code
//! the end-to-end tests upgrade to) is built with it.

/// The `spec_version` that `runtime/src/lib.rs` declares without the `spec-version-bump` feature.
fn base_spec_version() -> u32 {
	let source = include_str!("../../src/lib.rs");
	let marker = "#[cfg(not(feature = \"spec-version-bump\"))]\ndeclare_version!(";
	let start = source.find(marker).expect("the runtime declares its version") + marker.len();
	let end = start + source[start..].find(')').expect("a closing parenthesis");
	source[start..end].parse().expect("a number")
}

#[test]
fn next_runtime_is_one_spec_version_up_works() {
	assert_eq!(metacert_runtime::VERSION.spec_version, base_spec_version() + 1);
	assert_eq!(metacert_runtime::VERSION.spec_name, "metacert");
	let wasm = metacert_runtime::WASM_BINARY.expect("the wasm of the next runtime is built");
	assert!(wasm.len() > 100_000, "a whole runtime");
}

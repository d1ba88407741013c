//! Builds the wasm blob of the runtime with `spec_version + 1` (see `Cargo.toml`).
//!
//! Both runtimes are built from the same source with the same dependencies, so the wasm project of
//! this crate shares the cargo target directory of `metacert-runtime`'s wasm project: every
//! dependency is compiled for wasm once, not twice (cargo's lock on the directory serialises the two
//! builds; their blobs have different names, `metacert_runtime` and `metacert_runtime_next`).
//!
//! It is built without the metadata hash (the `metadata-hash` feature is not among its defaults):
//! that pass builds the runtime crate for wasm a second time, and nothing that upgrades to this
//! runtime signs with `CheckMetadataHash`'s mode 1 (the hash is checked on `metacert-runtime`).

#[cfg(feature = "std")]
fn main() {
	// The source lives in the runtime crate, outside this package: rebuild when it changes.
	println!("cargo:rerun-if-changed=../src");
	share_wasm_target_dir();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Points `<target>/<profile>/wbuild/metacert-runtime-next/target` at the wasm target directory of
/// `metacert-runtime` (the layout of `substrate-wasm-builder`: the wasm project of a crate lives in
/// `wbuild/<crate name>` and builds into its `target`). Without it the build only takes longer, so
/// a failure is a warning, not an error.
#[cfg(feature = "std")]
fn share_wasm_target_dir() {
	use std::{fs, path::PathBuf};

	let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else { return };
	// OUT_DIR is `<target>/<profile>/build/<crate>-<hash>/out`.
	let Some(profile_dir) =
		out_dir.ancestors().find(|p| p.ends_with("build")).and_then(|p| p.parent())
	else {
		return;
	};
	let wbuild = profile_dir.join("wbuild");
	let shared = wbuild.join("metacert-runtime").join("target");
	let link = wbuild.join("metacert-runtime-next").join("target");
	if fs::read_link(&link).is_ok_and(|to| to == shared) {
		return;
	}
	let result = (|| -> std::io::Result<()> {
		fs::create_dir_all(&shared)?;
		fs::create_dir_all(wbuild.join("metacert-runtime-next"))?;
		match fs::symlink_metadata(&link) {
			Ok(meta) if meta.is_dir() => fs::remove_dir_all(&link)?,
			Ok(_) => fs::remove_file(&link)?,
			Err(_) => {},
		}
		#[cfg(unix)]
		std::os::unix::fs::symlink(&shared, &link)?;
		Ok(())
	})();
	if let Err(e) = result {
		println!("cargo:warning=the wasm build of the next runtime does not share its target directory: {e}");
	}
}

#[cfg(not(feature = "std"))]
fn main() {}

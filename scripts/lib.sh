# Shared settings of the scripts (sourced, not run).

# What `cargo test` covers: the whole workspace but the benchmark runtime (benchmarks/runtime),
# which only benchmarks/run.sh builds, with the benchmarks compiled in.
WORKSPACE_TESTS=(--workspace --exclude metacert-bench-runtime)
# The crates whose benchmarks run as tests in `scripts/test.sh`.
BENCHMARKED_PALLETS=(pallet-token pallet-governance pallet-upgrades pallet-bench-floor)

# The repository root.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Build output lives outside the clone so that fresh clones (and CI) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/metacert/target}"
# The cargo profile of the tests and the development scripts (see `[profile.testing]` in
# Cargo.toml: release settings, less optimisation of the native code, the wasm runtime in release).
PROFILE=(--profile testing)
# The node binary that scripts/test.sh builds.
NODE_BIN="$CARGO_TARGET_DIR/testing/metacert-node"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Builds the node, or stops with a clear message. It builds exactly what `scripts/test.sh` builds
# (the workspace's test targets in the `testing` profile, which include the node binary
# for its command-line tests): `cargo build -p metacert-node` alone resolves the dependencies'
# features differently and would compile much of the tree a second time.
build_node() {
	say "building metacert-node (profile testing) into $CARGO_TARGET_DIR; a cold build takes about 30 minutes on 2 cores"
	(cd "$ROOT" && cargo test "${PROFILE[@]}" --locked "${WORKSPACE_TESTS[@]}" --no-run "$@") ||
		die "the build of metacert-node (profile testing) failed (see the cargo output above)"
	[ -x "$NODE_BIN" ] || die "the build succeeded but $NODE_BIN is missing"
}

# Builds the governance app (app/dist): its chain descriptors are generated from the runtime that
# build_node (or scripts/test.sh) built, so they always describe this source's runtime.
build_app() {
	say "building the governance app (app/): descriptors from the runtime just built, then vite"
	[ -f "$CARGO_TARGET_DIR/testing/wbuild/metacert-runtime/metacert_runtime.compact.compressed.wasm" ] ||
		die "no runtime in $CARGO_TARGET_DIR/testing: build the node first"
	(cd "$ROOT/app" && node scripts/descriptors.mjs && npx --no-install vite build --logLevel warn) ||
		die "the build of the governance app failed (see above)"
}

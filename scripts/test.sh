#!/usr/bin/env bash
# Runs every test: setup, the Rust tests of the whole workspace (which build the release node),
# then the end-to-end suite (scripts/e2e) against real nodes. Exits non-zero on any failure and
# leaves no process behind.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start=$(date +%s)
# Wall-clock time of each step, printed at the end (the README's table comes from it).
TIMES=()
step_start=$start
mark() {
	local now
	now=$(date +%s)
	TIMES+=("$(printf '%-34s %5d s' "$1" $((now - step_start)))")
	step_start=$now
}
"$ROOT/scripts/setup.sh"
cd "$ROOT"

say "Rust tests of the workspace (cargo test --release ${WORKSPACE_TESTS[*]}); a cold build takes about 30 minutes on 2 cores"
# One build for everything: the node's command-line tests make cargo build the release
# metacert-node binary too, which the end-to-end suite then runs.
cargo test --release --locked "${WORKSPACE_TESTS[@]}" || die "Rust tests failed (see the cargo output above)"
[ -x "$NODE_BIN" ] || die "cargo test did not produce $NODE_BIN"
mark "build and Rust tests"

say "benchmarks of our pallets, each run once as a test, and the runtime's try-runtime checks"
# One native build (no wasm) with both features, so FRAME is compiled once more, not once per
# pallet and again for try-runtime: every benchmark of every pallet runs once against its mock,
# and the runtime's `try_runtime` tests run the migrations' pre/post checks, the decoding of the
# whole state and every pallet's `try_state` on each genesis preset.
FEATURE_TESTS=()
for pallet in "${BENCHMARKED_PALLETS[@]}"; do
	FEATURE_TESTS+=(-p "$pallet" --features "$pallet/runtime-benchmarks")
done
SKIP_WASM_BUILD=1 cargo test --release --locked "${FEATURE_TESTS[@]}" \
	-p metacert-runtime --features metacert-runtime/try-runtime,metacert-runtime/runtime-benchmarks \
	--lib -- benchmarking try_runtime ||
	die "benchmark or try-runtime tests failed (see the cargo output above)"
mark "benchmark and try-runtime tests"

say "end-to-end suite against $NODE_BIN"
export METACERT_NODE="$NODE_BIN"
# The suite runs in its own process group; whatever happens, the group (and every node it
# started) is killed when this script exits. The files that do not need a fresh chain share one
# `--dev` node, which with-dev-node.js starts in that group before them ($METACERT_DEV_WS).
cleanup() {
	if [ -n "${e2e_pid:-}" ]; then
		kill -TERM -- "-$e2e_pid" 2>/dev/null || true
		sleep 1
		kill -KILL -- "-$e2e_pid" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
setsid node "$ROOT/scripts/e2e/with-dev-node.js" \
	node --test --test-concurrency=1 --test-reporter=spec "$ROOT/scripts/e2e/test/" &
e2e_pid=$!
status=0
wait "$e2e_pid" || status=$?
[ "$status" = 0 ] || die "end-to-end suite failed (exit $status)"

mark "end-to-end suite"
say "all tests passed in $(( $(date +%s) - start )) s"
printf '%s\n' "${TIMES[@]}" >&2

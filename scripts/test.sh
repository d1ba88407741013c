#!/usr/bin/env bash
# Runs every test: setup, the Rust tests of the whole workspace (which build the node, in the
# `testing` profile of Cargo.toml), the governance app's build (app/, against the runtime just
# built), then the end-to-end suite (scripts/e2e, with the app's tests in headless Chromium)
# against real nodes while a second, low-priority build
# runs the benchmarks of our pallets as tests and the runtime's try-runtime checks. Exits non-zero
# on any failure, leaves no process behind, and ends with the wall-clock time of each step.
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

say "Rust tests of the workspace (cargo test ${PROFILE[*]} ${WORKSPACE_TESTS[*]}); a cold build takes about 30 minutes on 2 cores"
# One build for everything: the node's command-line tests make cargo build the
# metacert-node binary too, which the end-to-end suite then runs.
cargo test "${PROFILE[@]}" --locked "${WORKSPACE_TESTS[@]}" || die "Rust tests failed (see the cargo output above)"
[ -x "$NODE_BIN" ] || die "cargo test did not produce $NODE_BIN"
mark "build and Rust tests"
build_app
mark "app build (descriptors, vite)"

say "benchmark and try-runtime tests (in the background, at the lowest CPU priority) and the end-to-end suite against $NODE_BIN"
# One native build (no wasm) with both features, so FRAME is compiled once more, not once per
# pallet and again for try-runtime: every benchmark of every pallet runs once against its mock,
# and the runtime's `try_runtime` tests run the migrations' pre/post checks, the decoding of the
# whole state and every pallet's `try_state` on each genesis preset. The end-to-end suite spends
# most of its time waiting for blocks, so this build runs meanwhile under `nice -n 19`: the nodes
# under test always come first.
FEATURE_TESTS=()
for pallet in "${BENCHMARKED_PALLETS[@]}"; do
	FEATURE_TESTS+=(-p "$pallet" --features "$pallet/runtime-benchmarks")
done
features_log="$(mktemp)"
# The suite and the build each run in their own process group; whatever happens, both groups
# (and every node the suite started) are killed when this script exits. The end-to-end files that
# do not need a fresh chain share one `--dev` node, which with-dev-node.js starts in the suite's
# group before them ($METACERT_DEV_WS); two files run at a time.
cleanup() {
	for pid in ${e2e_pid:-} ${features_pid:-}; do
		kill -TERM -- "-$pid" 2>/dev/null || true
	done
	sleep 1
	for pid in ${e2e_pid:-} ${features_pid:-}; do
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	rm -f "$features_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
SKIP_WASM_BUILD=1 setsid nice -n 19 cargo test "${PROFILE[@]}" --locked "${FEATURE_TESTS[@]}" \
	-p metacert-runtime --features metacert-runtime/try-runtime,metacert-runtime/runtime-benchmarks \
	--lib -- benchmarking try_runtime >"$features_log" 2>&1 &
features_pid=$!
export METACERT_NODE="$NODE_BIN"
# The files in the order they start, longest first, two at a time (scripts/e2e/run.js; `node
# --test` would sort them by name): the long ones overlap instead of one of them starting last. Any
# file not named here runs after these.
E2E_LONGEST_FIRST=(token-migration upgrades governance upgrade-readiness throughput local-network)
# The app's tests (app/test: the browser test against a node of its own, the descriptors' check
# and the pure rules) run in the same suite, the browser test first.
E2E_FILES=("$ROOT/app/test/browser.test.mjs")
for name in "${E2E_LONGEST_FIRST[@]}"; do
	file="$ROOT/scripts/e2e/test/$name.test.js"
	[ -f "$file" ] || die "scripts/test.sh names $file, which does not exist"
	E2E_FILES+=("$file")
done
for file in "$ROOT"/scripts/e2e/test/*.test.js "$ROOT"/app/test/*.test.mjs; do
	[[ " ${E2E_FILES[*]} " == *" $file "* ]] || E2E_FILES+=("$file")
done
setsid node "$ROOT/scripts/e2e/with-dev-node.js" \
	node "$ROOT/scripts/e2e/run.js" --concurrency 2 "${E2E_FILES[@]}" &
e2e_pid=$!
status=0
wait "$e2e_pid" || status=$?
e2e_pid=
[ "$status" = 0 ] || die "end-to-end suite failed (exit $status)"
mark "end-to-end suite"
say "end-to-end suite passed; waiting for the benchmark and try-runtime tests"
status=0
wait "$features_pid" || status=$?
features_pid=
grep -E '^(test |test result|     Running)' "$features_log" >&2 || true
if [ "$status" != 0 ]; then
	tail -60 "$features_log" >&2
	die "benchmark or try-runtime tests failed (exit $status; cargo's output above)"
fi
mark "benchmark and try-runtime tests (after the suite)"

say "all tests passed in $(( $(date +%s) - start )) s"
printf '%s\n' "${TIMES[@]}" >&2

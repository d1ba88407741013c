#!/usr/bin/env bash
# Runs every test: setup, the Rust tests of the whole workspace (which build the release node),
# then the end-to-end suite (scripts/e2e) against real nodes. Exits non-zero on any failure and
# leaves no process behind.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start=$(date +%s)
"$ROOT/scripts/setup.sh"
cd "$ROOT"

say "Rust tests of the workspace (cargo test --release ${WORKSPACE_TESTS[*]}); a cold build takes about 30 minutes on 2 cores"
# One build for everything: the node's command-line tests make cargo build the release
# metacert-node binary too, which the end-to-end suite then runs.
cargo test --release --locked "${WORKSPACE_TESTS[@]}" || die "Rust tests failed (see the cargo output above)"
[ -x "$NODE_BIN" ] || die "cargo test did not produce $NODE_BIN"

say "benchmarks of our pallets, each run once as a test (--features runtime-benchmarks)"
for pallet in "$ROOT"/pallets/*/; do
	name="$(basename "$pallet")"
	cargo test --release --locked -p "pallet-$name" --features runtime-benchmarks --lib benchmarking ||
		die "benchmark tests of pallet-$name failed"
done
cargo test --release --locked -p pallet-bench-floor --features runtime-benchmarks --lib benchmarking ||
	die "benchmark tests of pallet-bench-floor (benchmarks/floor) failed"

say "end-to-end suite against $NODE_BIN"
export METACERT_NODE="$NODE_BIN"
# The suite runs in its own process group; whatever happens, the group (and every node it
# started) is killed when this script exits.
cleanup() {
	if [ -n "${e2e_pid:-}" ]; then
		kill -TERM -- "-$e2e_pid" 2>/dev/null || true
		sleep 1
		kill -KILL -- "-$e2e_pid" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
setsid node --test --test-concurrency=1 --test-reporter=spec "$ROOT/scripts/e2e/test/" &
e2e_pid=$!
status=0
wait "$e2e_pid" || status=$?
[ "$status" = 0 ] || die "end-to-end suite failed (exit $status)"

say "all tests passed in $(( $(date +%s) - start )) s"

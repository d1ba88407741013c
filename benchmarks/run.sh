#!/usr/bin/env bash
# Benchmarks our pallets side by side with the polkadot-sdk reference pallets, in one run of
# `benchmark pallet` on this machine against the benchmark runtime (benchmarks/runtime), and
# writes benchmarks/RESULTS.md from the measurements (benchmarks/report.mjs).
#
# usage: benchmarks/run.sh [--quick]
#   --quick    steps 2, repeat 1: checks that everything runs; RESULTS.md is still written, with
#              the settings in its header
#
# Builds go to $CARGO_TARGET_DIR-bench (like scripts/weights.sh). STEPS/REPEAT can be overridden
# from the environment (defaults 20 and 10, as for the runtime's weights).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
for arg in "$@"; do
	case "$arg" in
		--quick) STEPS=2; REPEAT=1 ;;
		-h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument \`$arg\` (expected --quick)" ;;
	esac
done

# pallet -> the benchmarks compared (see benchmarks/report.mjs for the pairs).
declare -A BENCHES=(
	[pallet_balances]="transfer_keep_alive"
	[pallet_token]="transfer_keep_alive"
	[pallet_governance]="submit,vote,submit_signed_votes,vote_by_signature,decide"
	[pallet_conviction_voting]="vote_new,vote_existing"
	[pallet_democracy]="vote_new,vote_existing"
	[pallet_referenda]="submit,place_decision_deposit_preparing,nudge_referendum_approved"
	[pallet_bench_floor]="sr25519_verify,ed25519_verify,read_write"
)

"$ROOT/scripts/setup.sh"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-bench"
BENCH_BIN="$CARGO_TARGET_DIR/release/metacert-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/metacert-bench-runtime/metacert_bench_runtime.compact.compressed.wasm"
say "building metacert-node and the benchmark runtime with --features runtime-benchmarks into $CARGO_TARGET_DIR"
(cd "$ROOT" && cargo build --release --locked -p metacert-node --features runtime-benchmarks) ||
	die "the runtime-benchmarks build of metacert-node failed"
(cd "$ROOT" && cargo build --release --locked -p metacert-bench-runtime --features runtime-benchmarks) ||
	die "the build of the benchmark runtime failed"
[ -f "$WASM" ] || die "the build succeeded but $WASM is missing"

# The measurements are kept (benchmarks/measurements/, one JSON per pallet) so that RESULTS.md
# can be checked against them; a new run replaces them only when every pallet ran.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for pallet in pallet_balances pallet_token pallet_governance pallet_conviction_voting \
	pallet_democracy pallet_referenda pallet_bench_floor; do
	say "benchmarking $pallet: ${BENCHES[$pallet]} (steps $STEPS, repeat $REPEAT)"
	"$BENCH_BIN" benchmark pallet --runtime "$WASM" --genesis-builder runtime \
		--genesis-builder-preset development --wasm-execution compiled --heap-pages 4096 \
		--pallet "$pallet" --extrinsic "${BENCHES[$pallet]}" --steps "$STEPS" --repeat "$REPEAT" \
		--template "$ROOT/benchmarks/measurements.hbs" --output "$out/$pallet.json" \
		>"$out/$pallet.log" 2>&1 ||
		{ tail -30 "$out/$pallet.log" >&2; die "benchmarks of $pallet failed"; }
done

say "writing benchmarks/RESULTS.md"
node "$ROOT/benchmarks/report.mjs" "$out" "$STEPS" "$REPEAT" >"$ROOT/benchmarks/RESULTS.md.new"
rm -rf "$ROOT/benchmarks/measurements"
mkdir -p "$ROOT/benchmarks/measurements"
cp "$out"/*.json "$ROOT/benchmarks/measurements/"
mv "$ROOT/benchmarks/RESULTS.md.new" "$ROOT/benchmarks/RESULTS.md"
say "done: benchmarks/RESULTS.md"

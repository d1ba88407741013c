#!/usr/bin/env bash
# Benchmarks our pallets side by side with the polkadot-sdk reference pallets, in one run of
# `benchmark pallet` on this machine against the benchmark runtime (benchmarks/runtime), then
# measures the end-to-end throughput of a real node (benchmarks/throughput.sh), and writes
# benchmarks/RESULTS.md from the measurements (benchmarks/report.mjs).
#
# usage: benchmarks/run.sh [--quick] [--no-throughput]
#   --quick          steps 2, repeat 1, and 1,000 items per throughput phase: checks that
#                    everything runs; RESULTS.md is still written, with the settings in it
#   --no-throughput  only the pallet benchmarks (the last throughput measurements are kept)
#
# The benchmark builds go to $CARGO_TARGET_DIR-bench (like scripts/weights.sh); the throughput run
# uses the release node of scripts/test.sh. STEPS/REPEAT can be overridden from the environment
# (defaults 20 and 10, as for the runtime's weights).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
THROUGHPUT=(--accounts 10000)
for arg in "$@"; do
	case "$arg" in
		--quick) STEPS=2; REPEAT=1; [ ${#THROUGHPUT[@]} -eq 0 ] || THROUGHPUT=(--accounts 1000) ;;
		--no-throughput) THROUGHPUT=() ;;
		-h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument \`$arg\` (expected --quick or --no-throughput)" ;;
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
MAIN_TARGET_DIR="$CARGO_TARGET_DIR"
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

# The last throughput measurements stay until the throughput run below replaces them.
if [ -f "$ROOT/benchmarks/measurements/throughput.json" ]; then
	cp "$ROOT/benchmarks/measurements/throughput.json" "$out/"
fi
say "writing benchmarks/RESULTS.md"
node "$ROOT/benchmarks/report.mjs" "$out" >"$ROOT/benchmarks/RESULTS.md.new" ||
	die "benchmarks/report.mjs failed"
rm -rf "$ROOT/benchmarks/measurements"
mkdir -p "$ROOT/benchmarks/measurements"
cp "$out"/*.json "$ROOT/benchmarks/measurements/"
mv "$ROOT/benchmarks/RESULTS.md.new" "$ROOT/benchmarks/RESULTS.md"

if [ ${#THROUGHPUT[@]} -gt 0 ]; then
	say "end-to-end throughput (${THROUGHPUT[*]}) on the release node of scripts/test.sh"
	CARGO_TARGET_DIR="$MAIN_TARGET_DIR" "$ROOT/benchmarks/throughput.sh" "${THROUGHPUT[@]}" ||
		die "the throughput run failed"
fi
say "benchmarks/run.sh finished: benchmarks/RESULTS.md"

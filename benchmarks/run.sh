#!/usr/bin/env bash
# Benchmarks our pallets side by side with the polkadot-sdk reference pallets, in one run of
# `benchmark pallet` on this machine, then measures the end-to-end throughput of a real node
# (benchmarks/throughput.sh), and writes benchmarks/RESULTS.md from the measurements
# (benchmarks/report.mjs). Most pallets run in the benchmark runtime (benchmarks/runtime); the
# currencies each run where a real runtime keeps their accounts (`System::Account`): pallet-token
# and its fee payment in the MetaCert runtime, pallet-balances and its fee payment in the benchmark
# runtime (two currencies cannot share `System::Account`).
#
# usage: benchmarks/run.sh [--quick] [--no-throughput] [--keep-previous]
#   --quick          steps 2, repeat 1, and 1,000 items per throughput phase: checks that
#                    everything runs; RESULTS.md is still written, with the settings in it
#   --no-throughput  only the pallet benchmarks (the last throughput measurements are kept)
#   --keep-previous  compare the votes with the same earlier run as the last report did
#                    (measurements/previous/, e.g. the run before a change still in progress)
#                    instead of with the run this one replaces
#
# The benchmark builds go to $CARGO_TARGET_DIR-bench (like scripts/weights.sh); the throughput run
# uses the release node of scripts/test.sh. STEPS/REPEAT can be overridden from the environment
# (defaults 20 and 10, as for the runtime's weights).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
THROUGHPUT=(--accounts 10000)
keep_previous=0
for arg in "$@"; do
	case "$arg" in
		--quick) STEPS=2; REPEAT=1; [ ${#THROUGHPUT[@]} -eq 0 ] || THROUGHPUT=(--accounts 1000) ;;
		--no-throughput) THROUGHPUT=() ;;
		--keep-previous) keep_previous=1 ;;
		-h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument \`$arg\` (expected --quick, --no-throughput or --keep-previous)" ;;
	esac
done

# What is measured, one line each: the measurement's name (its file, benchmarks/measurements/
# <name>.json, and its name in benchmarks/report.mjs), the runtime (`bench`: benchmarks/runtime,
# `metacert`: runtime/), how many times REPEAT (the currencies' benchmarks have no components, so
# all their samples are at one point: five times as many make the median steady on a shared
# machine), the pallet and the benchmarks compared.
RUNS=(
	"pallet_balances bench 5 pallet_balances transfer_keep_alive"
	"pallet_token metacert 5 pallet_token transfer_keep_alive"
	"fees_balances bench 5 pallet_transaction_payment charge_transaction_payment"
	"fees_token metacert 5 pallet_transaction_payment charge_transaction_payment"
	"pallet_governance bench 1 pallet_governance submit,vote,submit_signed_votes,vote_by_signature,decide"
	"pallet_conviction_voting bench 1 pallet_conviction_voting vote_new,vote_existing"
	"pallet_democracy bench 1 pallet_democracy vote_new,vote_existing"
	"pallet_referenda bench 1 pallet_referenda submit,place_decision_deposit_preparing,nudge_referendum_approved"
	"pallet_bench_floor bench 1 pallet_bench_floor sr25519_verify,ed25519_verify,read_write"
)

"$ROOT/scripts/setup.sh"
MAIN_TARGET_DIR="$CARGO_TARGET_DIR"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-bench"
BENCH_BIN="$CARGO_TARGET_DIR/release/metacert-node"
declare -A WASM=(
	[bench]="$CARGO_TARGET_DIR/release/wbuild/metacert-bench-runtime/metacert_bench_runtime.compact.compressed.wasm"
	[metacert]="$CARGO_TARGET_DIR/release/wbuild/metacert-runtime/metacert_runtime.compact.compressed.wasm"
)
say "building metacert-node and the benchmark runtime with --features runtime-benchmarks into $CARGO_TARGET_DIR"
(cd "$ROOT" && cargo build --release --locked -p metacert-node --features runtime-benchmarks) ||
	die "the runtime-benchmarks build of metacert-node failed"
(cd "$ROOT" && cargo build --release --locked -p metacert-bench-runtime --features runtime-benchmarks) ||
	die "the build of the benchmark runtime failed"
for wasm in "${WASM[@]}"; do
	[ -f "$wasm" ] || die "the build succeeded but $wasm is missing"
done

# The measurements are kept (benchmarks/measurements/, one JSON per pallet) so that RESULTS.md
# can be checked against them; a new run replaces them only when every pallet ran.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for run in "${RUNS[@]}"; do
	read -r name runtime times pallet benches <<<"$run"
	repeat=$((REPEAT * times))
	say "benchmarking $pallet in the $runtime runtime: $benches (steps $STEPS, repeat $repeat)"
	# Both runtimes' `development` preset is their benchmarks' genesis.
	"$BENCH_BIN" benchmark pallet --runtime "${WASM[$runtime]}" --genesis-builder runtime \
		--genesis-builder-preset development --wasm-execution compiled --heap-pages 4096 \
		--pallet "$pallet" --extrinsic "$benches" --steps "$STEPS" --repeat "$repeat" \
		--template "$ROOT/benchmarks/measurements.hbs" --output "$out/$name.json" \
		>"$out/$name.log" 2>&1 ||
		{ tail -30 "$out/$name.log" >&2; die "benchmarks of $pallet ($name) failed"; }
	# The runtime it ran in, for the report (the template's JSON starts with `{"pallet": `).
	sed -i "1s/^{/{\"runtime\": \"$runtime\", /" "$out/$name.json"
done

# The last throughput measurements stay until the throughput run below replaces them.
if [ -f "$ROOT/benchmarks/measurements/throughput.json" ]; then
	cp "$ROOT/benchmarks/measurements/throughput.json" "$out/"
fi
# The measurements being replaced become `previous/`, which the report compares the votes with
# (with --keep-previous, the last report's `previous/` stays).
if [ "$keep_previous" = 1 ]; then
	ls "$ROOT"/benchmarks/measurements/previous/*.json >/dev/null 2>&1 ||
		die "--keep-previous: benchmarks/measurements/previous/ holds no measurements"
	cp -r "$ROOT/benchmarks/measurements/previous" "$out/previous"
elif ls "$ROOT"/benchmarks/measurements/*.json >/dev/null 2>&1; then
	mkdir -p "$out/previous"
	cp "$ROOT"/benchmarks/measurements/*.json "$out/previous/"
	rm -f "$out/previous/throughput.json"
fi
say "writing benchmarks/RESULTS.md"
node "$ROOT/benchmarks/report.mjs" "$out" >"$ROOT/benchmarks/RESULTS.md.new" ||
	die "benchmarks/report.mjs failed"
rm -rf "$ROOT/benchmarks/measurements"
mkdir -p "$ROOT/benchmarks/measurements"
cp "$out"/*.json "$ROOT/benchmarks/measurements/"
[ ! -d "$out/previous" ] || cp -r "$out/previous" "$ROOT/benchmarks/measurements/"
mv "$ROOT/benchmarks/RESULTS.md.new" "$ROOT/benchmarks/RESULTS.md"

if [ ${#THROUGHPUT[@]} -gt 0 ]; then
	say "end-to-end throughput (${THROUGHPUT[*]}) on the release node of scripts/test.sh"
	CARGO_TARGET_DIR="$MAIN_TARGET_DIR" "$ROOT/benchmarks/throughput.sh" "${THROUGHPUT[@]}" ||
		die "the throughput run failed"
fi
say "benchmarks/run.sh finished: benchmarks/RESULTS.md"

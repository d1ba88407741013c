#!/usr/bin/env bash
# Regenerates the measured weights from a real `benchmark pallet` run on this machine:
#   pallets/<name>/src/weights.rs    for our pallets (template scripts/weights/pallet.hbs)
#   runtime/src/weights/<pallet>.rs  for the FRAME pallets the runtime uses (runtime.hbs)
#
# usage: scripts/weights.sh [--quick] [pallet ...]
#   --quick    steps 2, repeat 1: checks that every benchmark runs, writes nothing
#   pallet     only these pallets (names as in runtime/src/benchmarks.rs, e.g. pallet_token)
#
# The benchmark build (node with `--features runtime-benchmarks`) goes to its own target
# directory, $CARGO_TARGET_DIR-bench, so that it never replaces the node the tests run; a cold
# build takes about 30 minutes on 2 cores. STEPS/REPEAT can be overridden from the environment.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
quick=0
only=()
for arg in "$@"; do
	case "$arg" in
		--quick) quick=1 ;;
		-h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		-*) die "unknown option \`$arg\` (expected --quick or pallet names)" ;;
		*) only+=("$arg") ;;
	esac
done
if [ "$quick" = 1 ]; then STEPS=2; REPEAT=1; fi

# Our pallets: benchmark name -> weights file written with the pallet template.
declare -A OURS=(
	[pallet_token]="pallets/token/src/weights.rs"
	[pallet_governance]="pallets/governance/src/weights.rs"
	[pallet_upgrades]="pallets/upgrades/src/weights.rs"
)
# FRAME pallets of the runtime: benchmark name -> weights file written with the runtime template.
# pallet_preimage is not here: its benchmarks fund accounts and reserve through the legacy
# `Currency` API, which this runtime refuses (see runtime/src/configs/legacy_currency.rs), so
# the runtime keeps pallet-preimage's reference weights.
declare -A FRAME=(
	[frame_system]="runtime/src/weights/frame_system.rs"
	[frame_system_extensions]="runtime/src/weights/frame_system_extensions.rs"
	[pallet_timestamp]="runtime/src/weights/pallet_timestamp.rs"
	[pallet_transaction_payment]="runtime/src/weights/pallet_transaction_payment.rs"
	[pallet_scheduler]="runtime/src/weights/pallet_scheduler.rs"
	[pallet_parameters]="runtime/src/weights/pallet_parameters.rs"
)

for p in "${only[@]}"; do
	[ -n "${OURS[$p]:-}${FRAME[$p]:-}" ] ||
		die "unknown pallet \`$p\`; known: ${!OURS[*]} ${!FRAME[*]}"
done
[ ${#only[@]} -gt 0 ] || only=("${!OURS[@]}" "${!FRAME[@]}")

"$ROOT/scripts/setup.sh"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-bench"
BENCH_BIN="$CARGO_TARGET_DIR/release/metacert-node"
# The runtime built with the benchmarks, whose `development` preset is the benchmarks' genesis.
WASM="$CARGO_TARGET_DIR/release/wbuild/metacert-runtime/metacert_runtime.compact.compressed.wasm"
say "building metacert-node with --features runtime-benchmarks into $CARGO_TARGET_DIR (cold: about 30 minutes)"
(cd "$ROOT" && cargo build --release --locked -p metacert-node --features runtime-benchmarks) ||
	die "the runtime-benchmarks build of metacert-node failed (see the cargo output above)"
[ -f "$WASM" ] || die "the build succeeded but $WASM is missing"

cd "$ROOT"
for pallet in "${only[@]}"; do
	if [ -n "${OURS[$pallet]:-}" ]; then
		out="${OURS[$pallet]}"; template="scripts/weights/pallet.hbs"
	else
		out="${FRAME[$pallet]}"; template="scripts/weights/runtime.hbs"
	fi
	say "benchmarking $pallet (steps $STEPS, repeat $REPEAT)"
	args=(benchmark pallet --runtime "$WASM" --genesis-builder runtime
		--genesis-builder-preset development --wasm-execution compiled --pallet "$pallet"
		--extrinsic '*' --steps "$STEPS" --repeat "$REPEAT" --heap-pages 4096)
	if [ "$quick" = 1 ]; then
		"$BENCH_BIN" "${args[@]}" --no-storage-info --no-median-slopes --no-min-squares >/dev/null ||
			die "benchmarks of $pallet failed"
		continue
	fi
	mkdir -p "$(dirname "$out")"
	# The CLI writes the file only after every benchmark of the pallet ran: a failed run leaves the
	# committed weights untouched.
	"$BENCH_BIN" "${args[@]}" --template "$template" --header scripts/weights/HEADER \
		--output "$out" || die "benchmarks of $pallet failed"
	# The command line in the header names the binary without this machine's target directory.
	sed -i "s#$BENCH_BIN#metacert-node#; s#$WASM#<runtime-benchmarks wasm>#" "$out"
	say "wrote $out"
done
say "done; rebuild and run scripts/test.sh to use the new weights"

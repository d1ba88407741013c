#!/usr/bin/env bash
# End-to-end throughput: starts a dev node on the `benchmark` chain (the runtime's `benchmark`
# preset endows the accounts //0 ... //9999) and measures, one phase after the other, N balance
# transfers, N votes by signed extrinsic and N signed-message votes relayed in batches: blocks
# used, items per block, seconds until all are finalized, items per second
# (scripts/e2e/throughput.js, @polkadot/api over RPC). Writes benchmarks/measurements/throughput.json
# and regenerates benchmarks/RESULTS.md from the stored measurements.
#
# usage: benchmarks/throughput.sh [--accounts N] [--batch B]
#   --accounts N  items per phase (default and at most 10000)
#   --batch B     signed votes per relayed batch (default: the runtime's MaxVotesPerBatch, 500)
#
# It uses the node that scripts/test.sh builds ($CARGO_TARGET_DIR/testing/metacert-node)
# and builds it first if needed. Set METACERT_NODE to run another binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--accounts | --batch)
			[ $# -ge 2 ] || die "$1 needs a value"
			[[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive integer, not \`$2\`"
			args+=("$1" "$2")
			shift 2
			;;
		-h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument \`$1\` (expected --accounts N or --batch B)" ;;
	esac
done

"$ROOT/scripts/setup.sh"
if [ -z "${METACERT_NODE:-}" ]; then
	build_node
	export METACERT_NODE="$NODE_BIN"
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
say "throughput run against $METACERT_NODE ${args[*]}"
node "$ROOT/scripts/e2e/throughput.js" "${args[@]}" --out "$out" || die "the throughput run failed"

mkdir -p "$ROOT/benchmarks/measurements"
cp "$out" "$ROOT/benchmarks/measurements/throughput.json"
say "writing benchmarks/RESULTS.md"
node "$ROOT/benchmarks/report.mjs" "$ROOT/benchmarks/measurements" >"$ROOT/benchmarks/RESULTS.md.new" ||
	die "benchmarks/report.mjs failed"
mv "$ROOT/benchmarks/RESULTS.md.new" "$ROOT/benchmarks/RESULTS.md"
say "done: benchmarks/RESULTS.md"

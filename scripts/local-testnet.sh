#!/usr/bin/env bash
# Starts a 2-validator network on loopback: Alice (RPC 9944, p2p 30333) and Bob (RPC 9945,
# p2p 30334), each with its own base path under $BASE (default /tmp/metacert-local) and a fixed
# node key so that Bob finds Alice. Ctrl-C stops both cleanly. `--purge` wipes the chains first.
# Logs: $BASE/alice.log and $BASE/bob.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASE="${BASE:-/tmp/metacert-local}"
if [ "${1:-}" = "--purge" ]; then
	shift
	rm -rf "$BASE"
fi
"$ROOT/scripts/setup.sh"
build_node

mkdir -p "$BASE"
ALICE_KEY=0000000000000000000000000000000000000000000000000000000000000001
BOB_KEY=0000000000000000000000000000000000000000000000000000000000000002
printf '%s' "$ALICE_KEY" >"$BASE/alice.node-key"
ALICE_PEER="$("$NODE_BIN" key inspect-node-key --file "$BASE/alice.node-key")"

pids=()
stop() {
	say "stopping the network"
	# SIGTERM: background jobs of a script ignore SIGINT.
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	wait || true
}
trap stop EXIT
trap 'exit 0' INT TERM

"$NODE_BIN" --chain local --alice --validator --base-path "$BASE/alice" --node-key "$ALICE_KEY" \
	--rpc-port 9944 --listen-addr /ip4/127.0.0.1/tcp/30333 --no-mdns "$@" \
	>"$BASE/alice.log" 2>&1 &
pids+=($!)
"$NODE_BIN" --chain local --bob --validator --base-path "$BASE/bob" --node-key "$BOB_KEY" \
	--rpc-port 9945 --listen-addr /ip4/127.0.0.1/tcp/30334 --no-mdns \
	--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$ALICE_PEER" "$@" \
	>"$BASE/bob.log" 2>&1 &
pids+=($!)

say "Alice: ws://127.0.0.1:9944 (log $BASE/alice.log); Bob: ws://127.0.0.1:9945 (log $BASE/bob.log)"
say "Ctrl-C stops both"
# Show both logs until interrupted; if a node dies, stop the other one too.
tail -n +1 -F "$BASE/alice.log" "$BASE/bob.log" &
pids+=($!)
wait -n "${pids[0]}" "${pids[1]}" || true
die "a node exited; see $BASE/alice.log and $BASE/bob.log"

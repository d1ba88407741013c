#!/usr/bin/env bash
# Sets up, builds and runs a development node: one authority (Alice) that produces and finalizes
# a block every 6 seconds, RPC on ws://127.0.0.1:9944. Extra arguments go to metacert-node
# (for example `scripts/dev-node.sh --tmp` for a throw-away chain).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh"
build_node
say "starting metacert-node --dev (RPC ws://127.0.0.1:9944; Ctrl-C stops it)"
exec "$NODE_BIN" --dev --rpc-port 9944 "$@"

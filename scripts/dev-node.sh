#!/usr/bin/env bash
# Sets up, builds and runs a development node: one authority (Alice) that produces and finalizes
# a block every 6 seconds, RPC on ws://127.0.0.1:9944, and serves the governance app (app/)
# built from this runtime on http://127.0.0.1:8080 (APP_PORT to change it). Extra arguments go to
# metacert-node (for example `scripts/dev-node.sh --tmp` for a throw-away chain).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APP_PORT="${APP_PORT:-8080}"
"$ROOT/scripts/setup.sh"
build_node
build_app
node "$ROOT/app/scripts/serve.mjs" --port "$APP_PORT" &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true' EXIT
say "starting metacert-node --dev (RPC ws://127.0.0.1:9944) and the app on http://127.0.0.1:$APP_PORT/ (Ctrl-C stops both)"
"$NODE_BIN" --dev --rpc-port 9944 "$@"

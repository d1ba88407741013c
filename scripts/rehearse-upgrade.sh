#!/usr/bin/env bash
# Rehearses a runtime upgrade against a copy of a live chain's state before anyone votes on it:
# the candidate's version, its migrations with their checks (when built with
# `--features try-runtime`), then a block built on it. Prints a verdict to paste into the
# proposal; exits 0 if the candidate passes, 1 if not, 2 on bad arguments.
#
# usage: scripts/rehearse-upgrade.sh <runtime.wasm> [--rpc ws://127.0.0.1:9944]
#          [--set-storage 0xKEY=0xVALUE ...]   (rehearse on the live state with that change)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case "${1:-}" in
	-h | --help | "") sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ] && exit 0 || exit 2 ;;
esac
[ -d "$ROOT/scripts/e2e/node_modules/@acala-network/chopsticks-core" ] || "$ROOT/scripts/setup.sh"
LOG_LEVEL="${LOG_LEVEL:-warn}" exec node "$ROOT/scripts/e2e/rehearse.js" "$@"

#!/usr/bin/env bash
# Runs pallet-governance's property test (random sequences of every governance action checked
# against a shadow model and every pallet's try_state) for longer than `scripts/test.sh` does.
#   scripts/governance-model.sh [--minutes N]     (default 10 minutes)
#   GOVERNANCE_MODEL_SEED=<seed> scripts/governance-model.sh   replays one failing sequence
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

minutes=10
while [ $# -gt 0 ]; do
	case "$1" in
		--minutes)
			[ $# -ge 2 ] || die "--minutes needs a number"
			[[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--minutes needs a positive whole number, not \`$2\`"
			minutes="$2"; shift 2 ;;
		-h | --help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument \`$1\` (expected --minutes N)" ;;
	esac
done

"$ROOT/scripts/setup.sh"
cd "$ROOT"
say "governance model test for $minutes minutes"
# The same build as scripts/test.sh (the whole workspace), so nothing is compiled twice.
GOVERNANCE_MODEL_SECONDS=$((minutes * 60)) cargo test "${PROFILE[@]}" --locked "${WORKSPACE_TESTS[@]}" --lib \
	model_tests::random_sequences_match_the_model -- --nocapture ||
	die "the governance model test failed (its output names the seed to replay)"

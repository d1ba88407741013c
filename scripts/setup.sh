#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test the chain. Idempotent: it only
# installs what is missing and says what it does.
#   - Debian packages: protobuf-compiler (libp2p), build-essential, pkg-config, git, curl, nodejs/npm
#   - the wasm targets and the rust-src component of the active Rust toolchain (the runtime's wasm build)
#   - the npm packages of the end-to-end suite and of the governance app, from their committed
#     lockfiles (npm ci), and Debian's chromium for the app's browser tests
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null || die "rustup is missing: the runtime's wasm build needs rustup to add the wasm target"

# Debian packages.
need_pkgs=()
command -v protoc >/dev/null || need_pkgs+=(protobuf-compiler)
command -v cc >/dev/null || need_pkgs+=(build-essential)
command -v pkg-config >/dev/null || need_pkgs+=(pkg-config)
command -v git >/dev/null || need_pkgs+=(git)
command -v node >/dev/null || need_pkgs+=(nodejs)
command -v npm >/dev/null || need_pkgs+=(npm)
if [ ${#need_pkgs[@]} -gt 0 ]; then
	command -v apt-get >/dev/null || die "missing ${need_pkgs[*]} and no apt-get to install them: install them by hand"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo"
	say "installing Debian packages: ${need_pkgs[*]}"
	$SUDO apt-get update -qq || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null ||
		die "apt-get install ${need_pkgs[*]} failed"
fi

# Rust: wasm target and rust-src for the runtime (automatic toolchain install may be off).
cd "$ROOT"
toolchain="$(rustup show active-toolchain | cut -d' ' -f1)"
# The wasm builder uses wasm32v1-none (Rust >= 1.84); wasm32-unknown-unknown is the fallback.
for target in wasm32v1-none wasm32-unknown-unknown; do
	if ! rustup target list --installed --toolchain "$toolchain" | grep -qx "$target"; then
		say "adding the $target target to $toolchain"
		rustup target add --toolchain "$toolchain" "$target" || die "rustup target add $target failed"
	fi
done
if ! rustup component list --installed --toolchain "$toolchain" | grep -q '^rust-src'; then
	say "adding the rust-src component to $toolchain"
	rustup component add --toolchain "$toolchain" rust-src || die "rustup component add rust-src failed"
fi

# The end-to-end suite's npm packages, exactly as locked.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js >= 20 is needed for the end-to-end suite (found $(node --version))"
e2e="$ROOT/scripts/e2e"
if [ ! -d "$e2e/node_modules/@polkadot/api" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
	say "installing the end-to-end suite's npm packages (npm ci)"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in scripts/e2e failed"
fi

# The governance app's npm packages (app/), exactly as locked, and the browser its tests drive
# (Debian's chromium: browsers cannot be downloaded by playwright here).
app="$ROOT/app"
if [ ! -d "$app/node_modules/polkadot-api" ] || [ "$app/package-lock.json" -nt "$app/node_modules/.package-lock.json" ]; then
	say "installing the governance app's npm packages (npm ci)"
	(cd "$app" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in app failed"
fi
if ! command -v chromium >/dev/null; then
	command -v apt-get >/dev/null || die "chromium is missing and there is no apt-get to install it: install it by hand (the app's tests drive it)"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo"
	say "installing Debian's chromium (the app's browser tests drive it headless)"
	$SUDO apt-get update -qq || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || die "apt-get install chromium failed"
fi

say "setup complete"

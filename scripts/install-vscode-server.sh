#!/usr/bin/env bash
# Installs the VS Code server bundled in code-server@4.100.3 (VS Code 1.100.3) into the
# git-ignored .vscode-test/cs/, for the offline extension-host tests. Idempotent: a finished
# install leaves a stamp file and later runs return at once.
set -euo pipefail
cd "$(dirname "$0")/.."
CS_VERSION=4.100.3
dest=.vscode-test/cs
stamp="$dest/.installed-$CS_VERSION"
server="$dest/node_modules/code-server/lib/vscode/out/server-main.js"
if [ -f "$stamp" ] && [ -f "$server" ]; then
  echo "[vscode-server] code-server $CS_VERSION present"
  exit 0
fi
bash scripts/ensure-system-deps.sh
rm -rf "$dest"
mkdir -p "$dest"
tmp=$(mktemp -d)
# @vscode/ripgrep downloads its binary from GitHub; seed its cache with Debian's rg instead.
mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11"
tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
echo '{"name":"vscode-server-host","private":true}' > "$dest/package.json"
echo "[vscode-server] installing code-server $CS_VERSION (about a minute)"
(
  cd "$dest"
  # Its own install: as root the postinstall stops without unsafe-perm; node-pty's build runs npx.
  TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_foreground_scripts=false \
    npm install --no-save --no-audit --no-fund --ignore-scripts=false "code-server@$CS_VERSION" >"$tmp/install.log" 2>&1 \
    || { tail -40 "$tmp/install.log"; exit 1; }
)
[ -f "$server" ] || { echo "[vscode-server] install finished but $server is missing"; tail -40 "$tmp/install.log"; exit 1; }
touch "$stamp"
rm -rf "$tmp"
echo "[vscode-server] installed"

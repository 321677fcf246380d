#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks use, if any is missing. Idempotent:
# a second run checks with dpkg and does nothing.
#   chromium           browser tests and the workbench driver (playwright-core drives it)
#   libkrb5-dev        headers code-server's kerberos module builds against
#   ripgrep            seeds @vscode/ripgrep's cache (its install would download from GitHub)
#   python3-onnx       the official ONNX checker for exported models
#   python3-torch, python3-numpy, libopenblas0-pthread  reference fixtures and benchmark peers
#   dataset-fashion-mnist  a second IDX dataset (gzip) for the data tests
#   fonts-wqy-microhei     a CJK font, so chromium draws the Chinese UI in screenshots and browser tests
set -euo pipefail
packages=(chromium libkrb5-dev ripgrep python3-onnx python3-torch python3-numpy libopenblas0-pthread dataset-fashion-mnist fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] system packages present"
  exit 0
fi
echo "[deps] installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[deps] installed ${#missing[@]} package(s)"

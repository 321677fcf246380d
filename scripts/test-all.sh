#!/usr/bin/env bash
# `npm test`: every layer, in order, installing what is missing first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== build and typecheck"
node scripts/build.mjs
npm run -s typecheck
echo "== unit tests (plain Node)"
node scripts/run-unit-tests.mjs

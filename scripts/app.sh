#!/usr/bin/env bash
# One command to start Chokepoint on a fresh machine: install, build, serve on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT="${PORT:-3000}"
bash scripts/ensure-deps.sh
echo "› building the app (next build)"
node_modules/.bin/next build
echo "› Chokepoint at http://127.0.0.1:${PORT} (Ctrl+C stops it)"
exec node_modules/.bin/next start -H 127.0.0.1 -p "$PORT"

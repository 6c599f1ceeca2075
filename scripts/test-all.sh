#!/usr/bin/env bash
# One command to run every test on a fresh machine: installs Debian Chromium and node_modules
# when missing, then lint, typecheck, unit/property/snapshot tests, a production build and the
# Playwright end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ]; then
  echo "› installing Debian Chromium (apt-get)"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

bash scripts/ensure-deps.sh

echo "› lint";       node_modules/.bin/eslint .
echo "› typecheck";  node_modules/.bin/tsc --noEmit
echo "› unit tests"; node_modules/.bin/vitest run
echo "› build";      node_modules/.bin/next build

port="${E2E_PORT:-3100}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use; set E2E_PORT to a free port" >&2
  exit 1
fi
echo "› end-to-end tests (Chromium)"
E2E_PORT="$port" node_modules/.bin/playwright test
# The benchmark harness, in its quick mode: checks that every measurement runs (figures, no verdicts).
echo "› bench (quick)"
BENCH_PORT="$port" node_modules/.bin/tsx bench/run.ts --quick

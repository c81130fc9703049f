#!/usr/bin/env bash
# Installs the locked dependencies. `npm ci` first; where it refuses the lock because the registry
# this machine reaches does not serve other platforms' optional binaries (e.g.
# @astrojs/compiler-binding-darwin-arm64 answers 404 there, so npm cannot record them in the lock),
# fall back to `npm install`, which installs the same locked versions for this platform.
set -euo pipefail
cd "$(dirname "$0")/.."
if npm ci --no-audit --no-fund --loglevel=error 2> npm-ci.log; then
  rm -f npm-ci.log
  exit 0
fi
if grep -q "Missing: .* from lock file" npm-ci.log; then
  echo "npm ci refused the lock (optional binaries of other platforms are missing from this registry); installing the locked versions with npm install."
  rm -f npm-ci.log
  npm install --no-audit --no-fund --loglevel=error
  # The lock still decides versions; fail if a direct dependency is missing or disagrees with package.json.
  npm ls --depth=0 > /dev/null
else
  cat npm-ci.log >&2
  rm -f npm-ci.log
  exit 1
fi

#!/usr/bin/env bash
# Runs every test: unit, contract (SQLite, local folder, moto_server S3; MongoDB when
# STREAMINGAPP_TEST_MONGODB is set), the Aspire end-to-end suite, and the infrastructure checks.
# Installs what the tests use on Debian/Ubuntu when run as root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/prerequisites.sh
source scripts/prerequisites.sh

require_dotnet
require_packages \
  ffmpeg=ffmpeg ffprobe=ffmpeg \
  sqlite3=sqlite3 \
  shellcheck=shellcheck \
  node=nodejs npm=npm \
  chromium=chromium

if ! command -v moto_server >/dev/null 2>&1; then
  if command -v pip3 >/dev/null 2>&1 && pip3 install --quiet 'moto[server]' 2>/dev/null && command -v moto_server >/dev/null 2>&1; then
    echo "Installed moto_server."
  else
    echo "moto_server is required for the S3 tests: pip install 'moto[server]'" >&2
    exit 1
  fi
fi

if [[ -z "${STREAMINGAPP_TEST_MONGODB:-}" ]]; then
  echo "STREAMINGAPP_TEST_MONGODB is not set: the MongoDB contract tests will be reported as skipped."
fi

started=$SECONDS
shellcheck run.sh test.sh scripts/*.sh .ci/run

# The web UI's browser modules (upload progress, multipart retries, player keys, signed URLs, storyboard).
node --test tests/StreamingApp.Frontend.Tests/js/

dotnet build StreamingApp.sln --configuration Release -warnaserror
dotnet test --solution StreamingApp.sln --configuration Release --no-build --timeout 40m

echo "All tests passed in $((SECONDS - started)) s."

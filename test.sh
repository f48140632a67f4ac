#!/usr/bin/env bash
# Runs every test: unit, contract (SQLite, local folder, moto_server S3; MongoDB when
# STREAMINGAPP_TEST_MONGODB is set), watch parties across two Api instances with a real redis-server,
# the Aspire end-to-end suite, and the infrastructure checks.
# Installs what the tests use on Debian/Ubuntu when run as root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/prerequisites.sh
source scripts/prerequisites.sh

require_dotnet
require_packages \
  ffmpeg=ffmpeg ffprobe=ffmpeg \
  sqlite3=sqlite3 \
  redis-server=redis-server \
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

if ! command -v terraform >/dev/null 2>&1; then
  echo "terraform is required for the infrastructure tests: https://developer.hashicorp.com/terraform/install" >&2
  exit 1
fi

started=$SECONDS
shellcheck -x run.sh test.sh scripts/*.sh .ci/run infra/tests/run.sh bench/*.sh

# The infrastructure suite mostly waits on Terraform's provider processes, so it runs beside the .NET tests.
infra_log="$(mktemp)"
bash infra/tests/run.sh >"$infra_log" 2>&1 &
infra_pid=$!
trap 'kill "$infra_pid" 2>/dev/null || true; rm -f "$infra_log"' EXIT

# The web UI's browser modules (upload progress, multipart retries, player keys, signed URLs, storyboard, watch party sync).
node --test tests/StreamingApp.Frontend.Tests/js/

dotnet_status=0
dotnet build StreamingApp.sln --configuration Release -warnaserror
dotnet test --solution StreamingApp.sln --configuration Release --no-build --timeout 40m || dotnet_status=$?

infra_status=0
wait "$infra_pid" || infra_status=$?
echo "----- infrastructure tests -----"
cat "$infra_log"

if [[ $dotnet_status -ne 0 || $infra_status -ne 0 ]]; then
  echo "Tests failed (.NET: $dotnet_status, infrastructure: $infra_status)." >&2
  exit 1
fi

echo "All tests passed in $((SECONDS - started)) s."

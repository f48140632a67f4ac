#!/usr/bin/env bash
# Runs StreamingApp locally: the Aspire dashboard plus the Auth, Api and Frontend services,
# with embedded storage (SQLite files and a local blob folder under .data/). No Docker and no
# cloud account needed; with a container runtime, MongoDB runs in a container instead.
#
#   Frontend   http://localhost:5080
#   Api        http://localhost:5180
#   Auth       http://localhost:5280
#   Dashboard  http://localhost:18888  (the login link is printed below)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/prerequisites.sh
source scripts/prerequisites.sh

require_dotnet
# npm restores the web UI's browser libraries (hls.js) at build time.
require_packages ffmpeg=ffmpeg ffprobe=ffmpeg node=nodejs npm=npm

exec dotnet run --project StreamingApp.AppHost --launch-profile http "$@"

#!/usr/bin/env bash
# Time to first frame of the player page against a bare hls.js page on nginx playing the same HLS files.
# Starts everything it needs (the whole app through the AppHost, nginx on a free port, a generated clip), alternates
# the two pages in fresh browser contexts and prints both medians and their ratio.
#
#   bench/time-to-first-frame.sh [runs]   (default 7 runs of each)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/prerequisites.sh
source scripts/prerequisites.sh

require_dotnet
require_packages ffmpeg=ffmpeg ffprobe=ffmpeg nginx=nginx chromium=chromium node=nodejs npm=npm

dotnet build bench/TimeToFirstFrame --configuration Release -warnaserror --nologo -v quiet
exec dotnet bench/TimeToFirstFrame/bin/Release/net10.0/TimeToFirstFrame.dll "${1:-7}"

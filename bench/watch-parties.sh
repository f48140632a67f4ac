#!/usr/bin/env bash
# Watch parties against references measured in the same run on this machine:
#   1. command fan-out latency to CLIENTS SignalR clients in one party: the party hub vs a bare hub broadcasting the
#      same message to a group, on one instance and on two instances sharing a Redis backplane
#   2. browser sync skew: video.currentTime across 5 Chromium pages in one party after play and after seek, the pages
#      signed in to the web UI and reaching the hub through its proxy
# Starts Auth, three Api instances (one alone, two sharing a database and Redis), the Frontend (in front of the lone
# Api), three bare hubs and redis-server as real processes on loopback ports in a temporary folder, and prints one
# report with the goals. Exits non-zero only on errors, not when a goal is missed. What is measured and how to read
# it: bench/README.md.
#
# Settings (environment): CLIENTS (500), COMMANDS (100 measured per run), WARMUP (10), COMMANDS_PER_SECOND (5),
# ROUNDS (2), SKEW_PAGES (5), SKEW_ROUNDS (5), KEEP_WORK=1 keeps the temporary folder (logs, data) for inspection.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
# shellcheck source=scripts/prerequisites.sh
source "$REPO_DIR/scripts/prerequisites.sh"

export CLIENTS="${CLIENTS:-500}" COMMANDS="${COMMANDS:-100}" WARMUP="${WARMUP:-10}" \
  COMMANDS_PER_SECOND="${COMMANDS_PER_SECOND:-5}" ROUNDS="${ROUNDS:-2}" SKEW_PAGES="${SKEW_PAGES:-5}" SKEW_ROUNDS="${SKEW_ROUNDS:-5}"

# shellcheck source=scripts/bench-plumbing.sh
source "$REPO_DIR/scripts/bench-plumbing.sh"
STARTED_AT=$SECONDS

require_dotnet
require_packages ffmpeg=ffmpeg redis-server=redis-server curl=curl chromium=chromium node=nodejs npm=npm

WORK="$(mktemp -d "${TMPDIR:-/tmp}/streamingapp-parties-bench.XXXXXX")"
mkdir -p "$WORK/logs"

say "Building (Release): StreamingApp.Auth, StreamingApp.Api, StreamingApp.Frontend, bench/WatchParties"
for project in "$REPO_DIR/StreamingApp.Auth/StreamingApp.Auth.csproj" "$REPO_DIR/StreamingApp.Api/StreamingApp.Api.csproj" \
  "$REPO_DIR/StreamingApp.Frontend/StreamingApp.Frontend.csproj" "$BENCH_DIR/WatchParties/WatchParties.csproj"; do
  dotnet build "$project" --configuration Release --nologo -v quiet >"$WORK/logs/build.log" 2>&1 \
    || { cat "$WORK/logs/build.log" >&2; die "build of $project failed"; }
done
AUTH_DLL="$REPO_DIR/StreamingApp.Auth/bin/Release/net10.0/StreamingApp.Auth.dll"
API_DLL="$REPO_DIR/StreamingApp.Api/bin/Release/net10.0/StreamingApp.Api.dll"
FRONTEND_DLL="$REPO_DIR/StreamingApp.Frontend/bin/Release/net10.0/StreamingApp.Frontend.dll"
BENCH_DLL="$BENCH_DIR/WatchParties/bin/Release/net10.0/WatchParties.dll"

export CLIP="$WORK/clip.mp4"
say "Generating a 60 s 640x360 test clip"
ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "testsrc2=size=640x360:rate=25:duration=60" \
  -f lavfi -i "sine=frequency=440:duration=60" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$CLIP" \
  || die "could not generate the test clip"

REDIS_PORT="$(free_port)"
say "Starting redis-server on 127.0.0.1:$REDIS_PORT"
start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
REDIS="127.0.0.1:$REDIS_PORT"
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done

AUTH_PORT="$(free_port)"
export AUTH_URL="http://127.0.0.1:$AUTH_PORT" ADMIN_EMAIL="admin@bench.invalid" ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM-password"
say "Starting StreamingApp.Auth on $AUTH_URL"
start auth env DataDirectory="$WORK/auth" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Auth__Issuer="$AUTH_URL" Auth__BootstrapAdmin__Email="$ADMIN_EMAIL" Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
  Auth__Passwords__IterationCount=1000 Auth__AccessTokenLifetime=03:00:00 Auth__RequireVerifiedEmail=false \
  Auth__RateLimits__Register__PermitsPerIp=100000 Auth__RateLimits__Login__PermitsPerIp=100000 \
  Auth__RateLimits__Login__PermitsPerAccount=100000 \
  dotnet "$AUTH_DLL" --urls "$AUTH_URL"
wait_http "$AUTH_URL/health" "$LAST_PID" Auth

# start_api <name> <data folder> [redis]: an Api instance admitting the whole crowd into one party.
start_api() {
  local port url
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  start "$1" env DataDirectory="$2" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Auth__Authority="$AUTH_URL" Media__X264Preset=ultrafast Parties__MaxMembers=$((CLIENTS + 10)) \
    ConnectionStrings__redis="${3:-}" dotnet "$API_DLL" --urls "$url"
  wait_http "$url/health" "$LAST_PID" "$1"
  API_URL=$url
}

# start_bare <name> [redis]: the reference hub.
start_bare() {
  local port url
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  start "$1" env BARE_REDIS="${2:-}" dotnet "$BENCH_DLL" bare-hub --urls "$url"
  wait_http "$url/alive" "$LAST_PID" "$1"
  BARE_URL=$url
}

say "Starting the Api alone, and two Api instances sharing a database, a blob folder and Redis"
start_api api-single "$WORK/api-single"
export PARTIES_SINGLE=$API_URL
start_api api-a "$WORK/api-pair" "$REDIS"
PARTIES_PAIR=$API_URL
start_api api-b "$WORK/api-pair" "$REDIS"
export PARTIES_PAIR="$PARTIES_PAIR,$API_URL"

FRONTEND_PORT="$(free_port)"
export FRONTEND_URL="http://127.0.0.1:$FRONTEND_PORT"
say "Starting StreamingApp.Frontend on $FRONTEND_URL in front of the lone Api"
# Development: the build output serves wwwroot (static web assets) without a publish step.
start frontend env DataDirectory="$WORK/frontend" ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  services__api__http__0="$PARTIES_SINGLE" services__auth__http__0="$AUTH_URL" dotnet "$FRONTEND_DLL" --urls "$FRONTEND_URL"
wait_http "$FRONTEND_URL/health" "$LAST_PID" Frontend

say "Starting the bare hub alone, and two bare hubs sharing Redis"
start_bare bare-single
export BARE_SINGLE=$BARE_URL
start_bare bare-a "$REDIS"
BARE_PAIR=$BARE_URL
start_bare bare-b "$REDIS"
export BARE_PAIR="$BARE_PAIR,$BARE_URL"

say "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$BENCH_DLL" run || die "the benchmark failed"
say "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); total $((SECONDS - STARTED_AT)) s"

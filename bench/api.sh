#!/usr/bin/env bash
# Benchmarks of StreamingApp.Api against reference implementations, measured in one run on this machine:
#   1. media serving through signed /media URLs        vs nginx (sendfile) serving the same files
#   2. upload -> ready (streamed PUT + worker)        vs the same ffmpeg/ffprobe command lines run bare
#   3. GET /api/videos?pageSize=20 (the catalog list)  vs a bare Kestrel endpoint returning the same bytes
# Builds what it needs, runs Auth, the Api, nginx and the bare endpoint as real processes on loopback ports in a
# temporary folder, warms every server up, alternates A and B runs and prints medians and ratios. Exits non-zero only
# on errors, not when a goal is missed. What is measured and how to read it: bench/README.md.
#
# Settings (environment): ROUNDS (HTTP rounds, 5), TRANSCODE_ROUNDS (3), DURATION (seconds per wrk run, 6),
# WARMUP (seconds of untimed load per .NET server and workload before the rounds, 8), MEDIA_CONNECTIONS (16),
# CATALOG_CONNECTIONS (50), CLIP_SECONDS (30), CATALOG_VIDEOS (120), KEEP_WORK=1 keeps the temporary folder (logs,
# data) for inspection.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR/.. source=scripts/prerequisites.sh
source "$REPO_DIR/scripts/prerequisites.sh"

ROUNDS="${ROUNDS:-5}"
TRANSCODE_ROUNDS="${TRANSCODE_ROUNDS:-3}"
DURATION="${DURATION:-6}"
WARMUP="${WARMUP:-8}"
MEDIA_CONNECTIONS="${MEDIA_CONNECTIONS:-16}"
CATALOG_CONNECTIONS="${CATALOG_CONNECTIONS:-50}"
CLIP_SECONDS="${CLIP_SECONDS:-30}"
CATALOG_VIDEOS="${CATALOG_VIDEOS:-120}"
POLL_SECONDS=0.25
WRK_TIMEOUT=10s
RANGE_BYTES=1048576

# shellcheck source=scripts/bench-plumbing.sh
source "$REPO_DIR/scripts/bench-plumbing.sh"
STARTED_AT=$SECONDS

now_us() { echo "${EPOCHREALTIME/./}"; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU time (user + system, clock ticks) of the given processes, from /proc/<pid>/stat.
cpu_ticks() {
  local pid total=0 fields
  for pid in "$@"; do
    fields="$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo "$total"
}

RESULTS=""
# record <metric> <round> <subject> <value>
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"; }

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

# median_of <metric> <subject>
median_of() { awk -F'\t' -v m="$1" -v s="$2" '$1 == m && $3 == s {print $4}' "$RESULTS" | median; }

# ratio_of <metric> <subject> <reference>: the median over rounds of subject/reference within each round.
ratio_of() {
  awk -F'\t' -v m="$1" -v a="$2" -v b="$3" '
    $1 == m && $3 == a {A[$2] = $4}
    $1 == m && $3 == b {B[$2] = $4}
    END {for (r in A) if ((r in B) && B[r] > 0) print A[r] / B[r]}' "$RESULTS" | median
}

# values_of <metric> <subject>: every round's value, in round order.
values_of() { awk -F'\t' -v m="$1" -v s="$2" '$1 == m && $3 == s {printf "%s ", $4}' "$RESULTS"; }

fmt() { awk -v v="$1" -v f="$2" 'BEGIN {if (v == "nan") print "n/a"; else printf f, v}'; }

# last_of <metric> <subject> <printf format>: the latest recorded value, for the per-round lines.
last_of() { fmt "$(values_of "$1" "$2" | awk '{print $NF}')" "$3"; }

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites and build

require_dotnet
require_packages ffmpeg=ffmpeg ffprobe=ffmpeg nginx=nginx wrk=wrk curl=curl jq=jq
FFMPEG="$(command -v ffmpeg)"
FFPROBE="$(command -v ffprobe)"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
CLK_TCK="$(getconf CLK_TCK)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/streamingapp-bench.XXXXXX")"
mkdir -p "$WORK/logs" "$WORK/tools" "$WORK/nginx"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
LOAD_START="$(load_average)"

say "Building (Release): StreamingApp.Auth, StreamingApp.Api (through bench/CatalogSeeder), bench/BareEndpoint"
for project in "$BENCH_DIR/CatalogSeeder/CatalogSeeder.csproj" "$REPO_DIR/StreamingApp.Auth/StreamingApp.Auth.csproj" \
  "$BENCH_DIR/BareEndpoint/BareEndpoint.csproj"; do
  dotnet build "$project" --configuration Release -warnaserror --nologo -v quiet >"$WORK/logs/build.log" 2>&1 \
    || { cat "$WORK/logs/build.log" >&2; die "build of $project failed"; }
done
AUTH_DLL="$REPO_DIR/StreamingApp.Auth/bin/Release/net10.0/StreamingApp.Auth.dll"
API_DLL="$REPO_DIR/StreamingApp.Api/bin/Release/net10.0/StreamingApp.Api.dll"
BARE_DLL="$BENCH_DIR/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll"
SEEDER_DLL="$BENCH_DIR/CatalogSeeder/bin/Release/net10.0/CatalogSeeder.dll"

# ---------------------------------------------------------------------------------------------------------------
# The test clip (generated, never committed): testsrc2 + a sine tone, 1280x720 30 fps, H.264 ~6 Mbit/s + AAC,
# like a camera file. The default ladder turns it into 360p + 720p with ~1.4 MB 720p segments.

CLIP="$WORK/clip.mp4"
say "Generating a ${CLIP_SECONDS} s 1280x720 test clip"
"$FFMPEG" -hide_banner -nostdin -v error -y \
  -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$CLIP_SECONDS" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$CLIP_SECONDS" \
  -c:v libx264 -preset veryfast -b:v 6M -maxrate 6M -bufsize 12M -pix_fmt yuv420p \
  -c:a aac -b:a 128k -movflags +faststart -shortest "$CLIP" || die "could not generate the test clip"
CLIP_BYTES="$(stat -c %s "$CLIP")"

# ---------------------------------------------------------------------------------------------------------------
# Auth and the Api as real processes. The Api runs ffmpeg/ffprobe through wrappers that record each command line
# (arguments separated by \037, one command a line), run the real tool and record its start and end (nanoseconds),
# whether it was the ladder, and the CPU seconds it used: the reference replays exactly these commands, and the times
# tell the Api's own share of the wall time from the tools' share.

# The user + system CPU seconds of a shell's children, from the second line of its `times` output ("0m1.5s 0m0.2s").
# shellcheck disable=SC2016 # an awk program, expanded by awk
CHILD_CPU='NR == 2 {split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2]}'
export CHILD_CPU
for tool in ffmpeg ffprobe; do
  real="$FFMPEG"
  [[ $tool == ffprobe ]] && real="$FFPROBE"
  cat >"$WORK/tools/$tool" <<EOF
#!/bin/sh
{ printf '%s' '$real'; printf '\\037%s' "\$@"; printf '\\n'; } >>'$WORK/commands.log'
case " \$* " in *" -var_stream_map "*) kind=ladder ;; *) kind=other ;; esac
start=\$(date +%s%N)
'$real' "\$@"
status=\$?
end=\$(date +%s%N)
times >"$WORK/tools/times.\$\$"
printf '%s %s %s %s\\n' "\$start" "\$end" "\$kind" "\$(awk "\$CHILD_CPU" "$WORK/tools/times.\$\$")" >>'$WORK/tool-times.log'
rm -f "$WORK/tools/times.\$\$"
exit \$status
EOF
  chmod +x "$WORK/tools/$tool"
done

AUTH_PORT="$(free_port)"
AUTH_URL="http://127.0.0.1:$AUTH_PORT"
AUTH_DATA="$WORK/auth"
ADMIN_EMAIL="admin@bench.invalid"
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM-password"
CREATOR_EMAIL="creator@bench.invalid"
CREATOR_PASSWORD="bench-creator-$RANDOM$RANDOM-password"

say "Starting StreamingApp.Auth on $AUTH_URL"
start auth env DataDirectory="$AUTH_DATA" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Auth__Issuer="$AUTH_URL" Auth__BootstrapAdmin__Email="$ADMIN_EMAIL" Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
  Auth__Passwords__IterationCount=1000 Auth__AccessTokenLifetime=03:00:00 \
  dotnet "$AUTH_DLL" --urls "$AUTH_URL"
AUTH_PID=$LAST_PID
wait_http "$AUTH_URL/health" "$AUTH_PID" Auth

API_PORT="$(free_port)"
API_URL="http://127.0.0.1:$API_PORT"
API_DATA="$WORK/api"
say "Starting StreamingApp.Api on $API_URL (local blob store, SQLite, worker with the default ladder and preset)"
start api env DataDirectory="$API_DATA" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Auth__Authority="$AUTH_URL" Media__FfmpegPath="$WORK/tools/ffmpeg" Media__FfprobePath="$WORK/tools/ffprobe" \
  dotnet "$API_DLL" --urls "$API_URL"
API_PID=$LAST_PID
wait_http "$API_URL/health" "$API_PID" Api

json_post() { curl -sS --fail-with-body -X "${3:-POST}" -H 'Content-Type: application/json' "${@:4}" -d "$2" "$1"; }

say "Creating a creator account (register, verify through the mail pickup folder, role from the bootstrap admin)"
CREATOR_ID="$(json_post "$AUTH_URL/api/auth/register" \
  "$(jq -nc --arg e "$CREATOR_EMAIL" --arg p "$CREATOR_PASSWORD" '{email: $e, password: $p, displayName: "Bench Creator"}')" | jq -r .id)"
token=""
for _ in $(seq 1 100); do
  token="$(grep -hoE 'verify-email\?token=[A-Za-z0-9_-]+' "$AUTH_DATA"/mail/*.eml 2>/dev/null | head -n 1 | cut -d= -f2 || true)"
  [[ -n $token ]] && break
  sleep 0.1
done
[[ -n $token ]] || die "no verification mail in $AUTH_DATA/mail"
json_post "$AUTH_URL/api/auth/verify-email" "$(jq -nc --arg t "$token" '{token: $t}')" >/dev/null
ADMIN_TOKEN="$(json_post "$AUTH_URL/api/auth/login" \
  "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email: $e, password: $p}')" | jq -r .accessToken)"
json_post "$AUTH_URL/api/auth/users/$CREATOR_ID/roles" '{"roles":["creator"]}' PUT -H "Authorization: Bearer $ADMIN_TOKEN" >/dev/null
CREATOR_TOKEN="$(json_post "$AUTH_URL/api/auth/login" \
  "$(jq -nc --arg e "$CREATOR_EMAIL" --arg p "$CREATOR_PASSWORD" '{email: $e, password: $p}')" | jq -r .accessToken)"
AUTHZ="Authorization: Bearer $CREATOR_TOKEN"

# A pipe nothing is ever written to: reading it with a timeout waits without starting a process.
exec {PAUSE_FD}<> <(:)

# upload_and_wait <title>: creates a video, streams the clip with PUT /api/videos/{id}/source and polls the video
# every POLL_SECONDS until it is ready. Sets VIDEO_ID, PUT_US (PUT until its 202) and READY_US (PUT start until
# ready is seen). Creating the catalog entry happens before the clock starts.
upload_and_wait() {
  local body start put_done status="" deadline=$((SECONDS + 1800))
  VIDEO_ID="$(json_post "$API_URL/api/videos" \
    "$(jq -nc --arg t "$1" '{title: $t, description: "Benchmark upload", genre: "Documentary"}')" POST -H "$AUTHZ" | jq -r .id)"
  start=$(now_us)
  curl -sS --fail-with-body -o /dev/null -T "$CLIP" -H 'Expect:' -H 'Content-Type: video/mp4' -H "$AUTHZ" \
    "$API_URL/api/videos/$VIDEO_ID/source" || die "upload of $VIDEO_ID failed"
  put_done=$(now_us)
  while :; do
    body="$(curl -sS --fail-with-body -H "$AUTHZ" "$API_URL/api/videos/$VIDEO_ID")" || die "GET /api/videos/$VIDEO_ID failed"
    [[ $body =~ \"status\":\"([a-z_]+)\" ]] && status=${BASH_REMATCH[1]}
    [[ $status == ready ]] && break
    [[ $status == failed ]] && die "processing of $VIDEO_ID failed: $body"
    ((SECONDS < deadline)) || die "video $VIDEO_ID was not ready after 30 minutes: $body"
    # A builtin wait (no process per poll): the polling should take as little CPU from the encoder as it can.
    read -rt "$POLL_SECONDS" -u "$PAUSE_FD" || true
  done
  READY_US=$(($(now_us) - start))
  PUT_US=$((put_done - start))
}

# map_commands <log> <dir>: the recorded command lines of one job as NUL-separated argument files 0, 1, ... with
# the job's paths rewritten: the uploaded file (spool and stored source) becomes the clip, the job's scratch folder
# becomes REF_RUN. A command that repeats an earlier one (the Api probes the upload once when it arrives and once
# in the worker) is left out: a person would run it once. Sets LADDER_INDEX to the command that encodes the ladder.
REF_RUN="$WORK/reference/job"
map_commands() {
  local log=$1 dir=$2 n=0 line arg rest ladder key
  local -a fields mapped
  local -A seen=()
  rm -rf "$dir"
  mkdir -p "$dir"
  LADDER_INDEX=""
  while IFS= read -r line; do
    IFS=$'\037' read -r -a fields <<<"$line"
    mapped=()
    ladder=0
    for arg in "${fields[@]}"; do
      case $arg in
        "$API_DATA/tmp/uploads/"* | "$API_DATA/blobs/sources/"*) arg=$CLIP ;;
        "$API_DATA/tmp/job-"*)
          rest=${arg#"$API_DATA/tmp/job-"}
          arg=$REF_RUN/${rest#*/}
          ;;
        -var_stream_map) ladder=1 ;;
      esac
      mapped+=("$arg")
    done
    key="${mapped[*]}"
    [[ -n ${seen[$key]:-} ]] && continue
    seen[$key]=1
    ((ladder)) && LADDER_INDEX=$n
    printf '%s\0' "${mapped[@]}" >"$dir/$n"
    n=$((n + 1))
  done <"$log"
  COMMAND_COUNT=$n
}

# ---------------------------------------------------------------------------------------------------------------
# Warm-up upload: JIT, worker and page cache; its recorded commands become the reference of benchmark 2 and its
# media the files of benchmark 1.

say "Warm-up upload (not timed); recording the tool commands the Api runs for one job"
: >"$WORK/commands.log"
upload_and_wait "Warm-up"
WARM_ID=$VIDEO_ID
cp "$WORK/commands.log" "$WORK/commands-warmup.log"
map_commands "$WORK/commands-warmup.log" "$WORK/reference/commands"
[[ -n $LADDER_INDEX ]] || die "the worker ran no ladder command (see $WORK/commands-warmup.log)"
REFERENCE_COMMANDS=$COMMAND_COUNT
echo "    warm-up: ready in $(fmt "$(awk -v u="$READY_US" 'BEGIN {print u / 1e6}')" '%.1f') s; the Api ran these tool commands" \
  "($REFERENCE_COMMANDS distinct ones make the reference):"
while IFS= read -r line; do
  printf '      %s\n' "$(tr '\037' ' ' <<<"$line" | cut -c1-150)"
done <"$WORK/commands-warmup.log"

# ---------------------------------------------------------------------------------------------------------------
# Benchmark 2: upload -> ready vs the same tool commands run bare, alternating.

run_reference() {
  local index start t0 t1
  local -a command
  rm -rf "$WORK/reference/job"
  # The worker's JobWorkspace creates these two folders before running anything.
  mkdir -p "$REF_RUN/out" "$REF_RUN/tiles"
  start=$(now_us)
  for ((index = 0; index < REFERENCE_COMMANDS; index++)); do
    mapfile -d '' -t command <"$WORK/reference/commands/$index"
    # `times` in this shell: its children's CPU so far, read before and after the ladder.
    times >"$WORK/times.before"
    t0=$(now_us)
    "${command[@]}" >/dev/null 2>"$WORK/logs/reference.log" || die "reference command $index failed"
    t1=$(now_us)
    times >"$WORK/times.after"
    if [[ $index == "$LADDER_INDEX" ]]; then
      REF_LADDER_US=$((t1 - t0))
      REF_LADDER_CPU_S="$(awk -v before="$(awk "$CHILD_CPU" "$WORK/times.before")" \
        -v after="$(awk "$CHILD_CPU" "$WORK/times.after")" 'BEGIN {print after - before}')"
    fi
  done
  REF_ALL_US=$(($(now_us) - start))
  REF_SEGMENTS="$(find "$REF_RUN/out" -name '*.m4s' | wc -l)"
}

run_api_upload() {
  : >"$WORK/commands.log"
  : >"$WORK/tool-times.log"
  local before
  before="$(cpu_ticks "$API_PID")"
  upload_and_wait "Timed upload $1"
  API_CPU_S="$(awk -v t=$(($(cpu_ticks "$API_PID") - before)) -v hz="$CLK_TCK" 'BEGIN {print t / hz}')"
  API_TOOLS_S="$(awk '{s += ($2 - $1) / 1e9} END {print s + 0}' "$WORK/tool-times.log")"
  API_LADDER_S="$(awk '$3 == "ladder" {s += ($2 - $1) / 1e9} END {print s + 0}' "$WORK/tool-times.log")"
  API_LADDER_CPU_S="$(awk '$3 == "ladder" {s += $4} END {print s + 0}' "$WORK/tool-times.log")"
  map_commands "$WORK/commands.log" "$WORK/reference/round"
  diff -r "$WORK/reference/commands" "$WORK/reference/round" >/dev/null \
    || die "the worker ran other commands in round $1 than in the warm-up"
  API_SEGMENTS="$(find "$API_DATA/blobs/media/$VIDEO_ID" -name '*.m4s' | wc -l)"
}

LOAD_TRANSCODE_START="$(load_average)"
say "Benchmark 2: upload -> ready vs bare ffmpeg, $TRANSCODE_ROUNDS alternating rounds (load average $LOAD_TRANSCODE_START)"
for ((round = 1; round <= TRANSCODE_ROUNDS; round++)); do
  if ((round % 2)); then order="api reference"; else order="reference api"; fi
  for side in $order; do
    if [[ $side == api ]]; then
      run_api_upload "$round"
      record transcode.ready_s "$round" api "$(awk -v u="$READY_US" 'BEGIN {print u / 1e6}')"
      record transcode.put_s "$round" api "$(awk -v u="$PUT_US" 'BEGIN {print u / 1e6}')"
      record transcode.tools_s "$round" api "$API_TOOLS_S"
      record transcode.ladder_s "$round" api "$API_LADDER_S"
      record transcode.cpu_s "$round" api "$API_CPU_S"
      record transcode.ladder_cpu_s "$round" api "$API_LADDER_CPU_S"
    else
      run_reference
      record transcode.ready_s "$round" ladder "$(awk -v u="$REF_LADDER_US" 'BEGIN {print u / 1e6}')"
      record transcode.ready_s "$round" all "$(awk -v u="$REF_ALL_US" 'BEGIN {print u / 1e6}')"
      record transcode.ladder_cpu_s "$round" bare "$REF_LADDER_CPU_S"
    fi
  done
  [[ $REF_SEGMENTS == "$API_SEGMENTS" ]] || die "the reference wrote $REF_SEGMENTS segments, the Api $API_SEGMENTS"
  printf '    round %d: Api %s s (PUT %s s; its tool commands %s s; the ladder %s s using %s CPU s; the Api process itself %s CPU s) | bare: ladder %s s using %s CPU s, all commands %s s\n' \
    "$round" "$(last_of transcode.ready_s api %.2f)" "$(last_of transcode.put_s api %.2f)" "$(last_of transcode.tools_s api %.2f)" \
    "$(last_of transcode.ladder_s api %.2f)" "$(last_of transcode.ladder_cpu_s api %.1f)" "$(last_of transcode.cpu_s api %.2f)" \
    "$(last_of transcode.ready_s ladder %.2f)" "$(last_of transcode.ladder_cpu_s bare %.1f)" "$(last_of transcode.ready_s all %.2f)"
done
LOAD_TRANSCODE_END="$(load_average)"

# ---------------------------------------------------------------------------------------------------------------
# Media of the warm-up video through a signed playback URL, the catalog seeded from it, and the reference servers.

say "Signed playback URLs of the warm-up video"
PLAYBACK="$(curl -sS --fail-with-body -H "$AUTHZ" "$API_URL/api/videos/$WARM_ID/playback")"
HLS_URL="$(jq -r .hlsUrl <<<"$PLAYBACK")"
QUERY="${HLS_URL#*\?}"
MEDIA_BASE="${HLS_URL%%\?*}"
MEDIA_BASE="${MEDIA_BASE%/*}"
MASTER="$(curl -sS --fail-with-body "$API_URL$HLS_URL")"
# The rendition with the highest BANDWIDTH; its URI line follows its #EXT-X-STREAM-INF line.
VARIANT="$(awk -F'BANDWIDTH=' '/^#EXT-X-STREAM-INF/ {split($2, b, ","); bw = b[1]; getline uri; if (bw + 0 > best) {best = bw + 0; top = uri}} END {print top}' <<<"$MASTER")"
[[ -n $VARIANT ]] || die "no variant in the master playlist: $MASTER"
VARIANT_DIR="$MEDIA_BASE/${VARIANT%%/*}"
curl -sS --fail-with-body "$API_URL$MEDIA_BASE/$VARIANT" | grep -E '^segment_.*\.m4s' | sed "s|^|$VARIANT_DIR/|" >"$WORK/segments.txt"
SEGMENT_COUNT="$(wc -l <"$WORK/segments.txt")"
((SEGMENT_COUNT > 0)) || die "no segments in $VARIANT"
SEGMENT_BYTES="$(sed 's/?.*//' "$WORK/segments.txt" | while read -r path; do stat -c %s "$API_DATA/blobs$path"; done | awk '{s += $1} END {print s}')"
# A file the size of the source for the range test: the uploaded source itself, placed in the video's media
# folder, where the signed scope admits it (the Api serves any object under that prefix).
RANGE_PATH="$MEDIA_BASE/source-copy.mp4"
cp "$CLIP" "$API_DATA/blobs$RANGE_PATH"

say "Seeding the catalog with $CATALOG_VIDEOS ready videos (copies of the warm-up video) through the Api's store types"
dotnet "$SEEDER_DLL" "$API_DATA/api.db" "$API_DATA/blobs" "$WARM_ID" "$CATALOG_VIDEOS" >"$WORK/logs/seeder.log" 2>&1 \
  || die "seeding failed: $(cat "$WORK/logs/seeder.log")"
CATALOG_PATH="/api/videos?pageSize=20"
curl -sS --fail-with-body -o "$WORK/catalog-body.json" "$API_URL$CATALOG_PATH"
jq -e '(.items | length) == 20 and all(.items[]; .thumbnailUrl | test("sig="))' "$WORK/catalog-body.json" >/dev/null \
  || die "the catalog page does not hold 20 videos with signed thumbnails"
CATALOG_BYTES="$(stat -c %s "$WORK/catalog-body.json")"

NGINX_PORT="$(free_port)"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user root;"
cat >"$WORK/nginx/nginx.conf" <<EOF
# The reference for media: the Api's blob folder served as static files, tuned the way one would in production.
$user_line
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  types {
    application/vnd.apple.mpegurl m3u8;
    video/iso.segment m4s;
    video/mp4 mp4;
    image/jpeg jpg;
    text/vtt vtt;
  }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  open_file_cache max=10000 inactive=60s;
  open_file_cache_valid 60s;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $API_DATA/blobs;
    location /media/ {
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
  }
}
EOF
say "Starting nginx on $NGINX_URL (root: the Api's blob folder)"
start nginx "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/logs/nginx-error.log"
NGINX_PID=$LAST_PID
wait_http "$NGINX_URL$RANGE_PATH" "$NGINX_PID" nginx
mapfile -t NGINX_WORKERS < <(ps -o pid= --ppid "$NGINX_PID" | tr -d ' ')
((${#NGINX_WORKERS[@]} > 0)) || die "nginx has no worker processes"

BARE_PORT="$(free_port)"
BARE_URL="http://127.0.0.1:$BARE_PORT"
say "Starting bench/BareEndpoint on $BARE_URL (the catalog bytes, and /media/ as bare Kestrel files)"
start bare env ASPNETCORE_ENVIRONMENT=Production Bench__CatalogBody="$WORK/catalog-body.json" \
  Bench__MediaRoot="$API_DATA/blobs" dotnet "$BARE_DLL" --urls "$BARE_URL"
BARE_PID=$LAST_PID
wait_http "$BARE_URL/api/videos" "$BARE_PID" BareEndpoint

# A second Api on the same data with the catalog cache turned off and no worker: a diagnostic of what a listing costs
# when it is not answered from memory (a search, a page nobody asked for within the cache duration).
UNCACHED_PORT="$(free_port)"
UNCACHED_URL="http://127.0.0.1:$UNCACHED_PORT"
say "Starting a second StreamingApp.Api on $UNCACHED_URL with Catalog:ListCacheDuration=0 (diagnostic)"
start api-uncached env DataDirectory="$API_DATA" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Auth__Authority="$AUTH_URL" Media__Worker__Enabled=false Catalog__ListCacheDuration=00:00:00 \
  dotnet "$API_DLL" --urls "$UNCACHED_URL"
UNCACHED_PID=$LAST_PID
wait_http "$UNCACHED_URL/health" "$UNCACHED_PID" "the second Api"

# The same bytes from every server before anything is timed.
check_same() {
  local label=$1 range=$2 path=$3 expected=$4 url code
  for url in "$API_URL" "$NGINX_URL" "$BARE_URL"; do
    code="$(curl -sS -o "$WORK/check.bin" -w '%{http_code}' ${range:+-r "$range"} "$url$path")"
    [[ $code == 200 || $code == 206 ]] || die "$label from $url answered $code"
    cmp -s "$WORK/check.bin" "$expected" || die "$label from $url differs from the file"
  done
}
dd if="$CLIP" of="$WORK/expected-range.bin" iflag=skip_bytes,count_bytes skip=1000 count="$RANGE_BYTES" status=none
check_same "a 1 MiB range" "1000-$((1000 + RANGE_BYTES - 1))" "$RANGE_PATH?$QUERY" "$WORK/expected-range.bin"
first_segment="$(head -n 1 "$WORK/segments.txt")"
check_same "a segment" "" "$first_segment" "$API_DATA/blobs${first_segment%%\?*}"
curl -sS -o "$WORK/check.json" "$BARE_URL/api/videos"
cmp -s "$WORK/check.json" "$WORK/catalog-body.json" || die "the bare endpoint does not return the captured catalog bytes"
# Signatures change when the signing window moves on, so the second Api is compared without them.
without_signatures() { sed -E 's/exp=[0-9]+&sig=[A-Za-z0-9_-]+//g' "$1"; }
curl -sS -o "$WORK/check.json" "$UNCACHED_URL$CATALOG_PATH"
cmp -s <(without_signatures "$WORK/check.json") <(without_signatures "$WORK/catalog-body.json") \
  || die "the second Api lists another catalog page than the first"

declare -A SERVER_URL=([api]="$API_URL" [nginx]="$NGINX_URL" [bare]="$BARE_URL" [uncached]="$UNCACHED_URL")
declare -A SERVER_PIDS=([api]="$API_PID" [nginx]="$NGINX_PID ${NGINX_WORKERS[*]}" [bare]="$BARE_PID" [uncached]="$UNCACHED_PID")

# workload <name> <server>: sets WRK_ARGS to the wrk arguments (all but the duration) of one workload against one server.
workload() {
  local url=${SERVER_URL[$2]}
  case $1 in
    media.range)
      WRK_ARGS=(-t2 -c"$MEDIA_CONNECTIONS" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/wrk/range.lua" "$url" -- "$RANGE_PATH?$QUERY" "$CLIP_BYTES" "$RANGE_BYTES")
      ;;
    media.segments)
      WRK_ARGS=(-t2 -c"$MEDIA_CONNECTIONS" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/wrk/segments.lua" "$url" -- "$WORK/segments.txt")
      ;;
    catalog)
      [[ $2 == bare ]] && url+=/api/videos || url+=$CATALOG_PATH
      WRK_ARGS=(-t2 -c"$CATALOG_CONNECTIONS" --timeout "$WRK_TIMEOUT" --latency -s "$BENCH_DIR/wrk/get.lua" "$url")
      ;;
  esac
}

# warm_up <workload> <seconds> <server...>: untimed load, so the .NET servers run tier-1 JIT code and every file is in
# the page cache before the first timed run.
warm_up() {
  local name=$1 seconds=$2 server output
  shift 2
  for server in "$@"; do
    workload "$name" "$server"
    output="$(wrk -d"${seconds}s" "${WRK_ARGS[@]}")" || die "wrk failed warming up $server: $output"
  done
}

# measure <workload> <round> <server>: one timed wrk run; records throughput (MB/s, 10^6 bytes), requests/s, p99 (ms),
# the server's CPU seconds per GB (10^9 bytes) and CPU microseconds per request (user + system time from /proc).
measure() {
  local metric=$1 round=$2 subject=$3 before after output result pair cpu_s
  local -a pid_list
  local -A r=()
  read -r -a pid_list <<<"${SERVER_PIDS[$subject]}"
  workload "$metric" "$subject"
  before="$(cpu_ticks "${pid_list[@]}")"
  output="$(wrk -d"${DURATION}s" "${WRK_ARGS[@]}")" || die "wrk failed: $output"
  after="$(cpu_ticks "${pid_list[@]}")"
  result="$(sed -n 's/^RESULT //p' <<<"$output")"
  [[ -n $result ]] || die "wrk printed no result: $output"
  for pair in $result; do
    r[${pair%%=*}]=${pair#*=}
  done
  ((r[status_errors] == 0 && r[socket_errors] == 0)) \
    || die "$subject answered errors in $metric (status ${r[status_errors]}, socket ${r[socket_errors]}): $output"
  ((r[requests] > 0)) || die "$subject served no requests in $metric"
  # A slow answer on a saturated machine is not an error, but it is worth knowing about.
  ((r[timeouts] == 0)) || echo "    note: $((r[timeouts])) requests to $subject took longer than wrk's ${WRK_TIMEOUT} timeout in $metric round $round"
  cpu_s="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" 'BEGIN {print t / hz}')"
  record "$metric.mbps" "$round" "$subject" "$(awk -v b="${r[bytes]}" -v d="${r[duration_us]}" 'BEGIN {print b / d}')"
  record "$metric.rps" "$round" "$subject" "$(awk -v n="${r[requests]}" -v d="${r[duration_us]}" 'BEGIN {print n * 1e6 / d}')"
  record "$metric.p99_ms" "$round" "$subject" "$(awk -v p="${r[p99_us]}" 'BEGIN {print p / 1000}')"
  record "$metric.cpu_s_per_gb" "$round" "$subject" "$(awk -v c="$cpu_s" -v b="${r[bytes]}" 'BEGIN {print c / (b / 1e9)}')"
  record "$metric.cpu_us_per_request" "$round" "$subject" "$(awk -v c="$cpu_s" -v n="${r[requests]}" 'BEGIN {print c * 1e6 / n}')"
}

# ---------------------------------------------------------------------------------------------------------------
# Benchmark 1: media serving, Api (signed URLs) vs nginx, with bare Kestrel files as a diagnostic.

LOAD_MEDIA_START="$(load_average)"
say "Benchmark 1: media serving, $ROUNDS alternating rounds of ${DURATION} s per server and workload, wrk -t2 -c$MEDIA_CONNECTIONS (load average $LOAD_MEDIA_START)"
echo "    ranges: $RANGE_BYTES-byte ranges at random offsets of a $CLIP_BYTES-byte file; segments: $SEGMENT_COUNT segments of ${VARIANT%%/*} ($SEGMENT_BYTES bytes)"
echo "    warming up: ${WARMUP} s per .NET server and workload, 2 s for nginx"
for name in media.range media.segments; do
  warm_up "$name" "$WARMUP" api bare
  warm_up "$name" 2 nginx
done
for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then order="api nginx bare"; else order="bare nginx api"; fi
  for name in media.range media.segments; do
    for server in $order; do
      measure "$name" "$round" "$server"
    done
  done
  printf '    round %d: ranges MB/s api %s nginx %s bare %s | segments MB/s api %s nginx %s bare %s\n' "$round" \
    "$(last_of media.range.mbps api %.0f)" "$(last_of media.range.mbps nginx %.0f)" "$(last_of media.range.mbps bare %.0f)" \
    "$(last_of media.segments.mbps api %.0f)" "$(last_of media.segments.mbps nginx %.0f)" "$(last_of media.segments.mbps bare %.0f)"
done
LOAD_MEDIA_END="$(load_average)"

# ---------------------------------------------------------------------------------------------------------------
# Benchmark 3: the catalog list vs a bare endpoint returning the same bytes, with the uncached Api as a diagnostic.

LOAD_CATALOG_START="$(load_average)"
say "Benchmark 3: GET $CATALOG_PATH ($CATALOG_BYTES-byte body) vs bare Kestrel bytes, $ROUNDS alternating rounds, wrk -t2 -c$CATALOG_CONNECTIONS -d${DURATION}s (load average $LOAD_CATALOG_START)"
echo "    warming up: ${WARMUP} s per server"
warm_up catalog "$WARMUP" api bare uncached
for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then order="api bare uncached"; else order="uncached bare api"; fi
  for server in $order; do
    measure catalog "$round" "$server"
  done
  printf '    round %d: req/s api %s bare %s uncached %s | p99 ms api %s bare %s uncached %s\n' "$round" \
    "$(last_of catalog.rps api %.0f)" "$(last_of catalog.rps bare %.0f)" "$(last_of catalog.rps uncached %.0f)" \
    "$(last_of catalog.p99_ms api %.1f)" "$(last_of catalog.p99_ms bare %.1f)" "$(last_of catalog.p99_ms uncached %.1f)"
done
LOAD_CATALOG_END="$(load_average)"
curl -sS -o "$WORK/check.json" "$API_URL$CATALOG_PATH"
[[ $(stat -c %s "$WORK/check.json") == "$CATALOG_BYTES" ]] || echo "    note: the Api's catalog body changed size during the run"

# ---------------------------------------------------------------------------------------------------------------
# Report

# row <benchmark> <metric> <app> <reference> <ratio> <goal> <met>
row() { printf '| %-36s | %-26s | %12s | %10s | %7s | %-8s | %-4s |\n' "$@"; }
# met <value> <op> <goal>: PASS or MISS.
met() { awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN {if (v == "nan") print "n/a"; else if (op == ">=") print (v >= g ? "PASS" : "MISS"); else print (v <= g ? "PASS" : "MISS")}'; }

echo
echo "Details (medians over rounds; a ratio is the median of the per-round ratios of adjacent runs)"
for name in range segments; do
  for subject in api nginx bare; do
    printf '  media.%-8s %-5s MB/s %s | CPU s/GB %s | p99 ms %s\n' "$name" "$subject" \
      "$(fmt "$(median_of "media.$name.mbps" "$subject")" '%.0f')" \
      "$(fmt "$(median_of "media.$name.cpu_s_per_gb" "$subject")" '%.2f')" \
      "$(fmt "$(median_of "media.$name.p99_ms" "$subject")" '%.1f')"
  done
  printf '  media.%-8s bare Kestrel/nginx throughput %s; Api/bare Kestrel throughput %s, CPU per GB %s\n' "$name" \
    "$(fmt "$(ratio_of "media.$name.mbps" bare nginx)" '%.2f')" \
    "$(fmt "$(ratio_of "media.$name.mbps" api bare)" '%.2f')" "$(fmt "$(ratio_of "media.$name.cpu_s_per_gb" api bare)" '%.2f')"
done
printf '  transcode    Api upload->ready %s s: the PUT until 202 %s s, its tool commands %s s (the ladder %s s, %s CPU s), the Api process itself %s CPU s\n' \
  "$(fmt "$(median_of transcode.ready_s api)" '%.2f')" "$(fmt "$(median_of transcode.put_s api)" '%.2f')" \
  "$(fmt "$(median_of transcode.tools_s api)" '%.2f')" "$(fmt "$(median_of transcode.ladder_s api)" '%.2f')" \
  "$(fmt "$(median_of transcode.ladder_cpu_s api)" '%.1f')" "$(fmt "$(median_of transcode.cpu_s api)" '%.2f')"
printf '  transcode    bare: the ladder command %s s (%s CPU s), all %s distinct tool commands %s s\n' \
  "$(fmt "$(median_of transcode.ready_s ladder)" '%.2f')" "$(fmt "$(median_of transcode.ladder_cpu_s bare)" '%.1f')" \
  "$REFERENCE_COMMANDS" "$(fmt "$(median_of transcode.ready_s all)" '%.2f')"
for subject in api bare uncached; do
  printf '  catalog      %-8s req/s %s | p99 ms %s | CPU us/request %s\n' "$subject" \
    "$(fmt "$(median_of catalog.rps "$subject")" '%.0f')" "$(fmt "$(median_of catalog.p99_ms "$subject")" '%.1f')" \
    "$(fmt "$(median_of catalog.cpu_us_per_request "$subject")" '%.0f')"
done

range_ratio="$(ratio_of media.range.mbps api nginx)"
segments_ratio="$(ratio_of media.segments.mbps api nginx)"
transcode_ratio="$(ratio_of transcode.ready_s api all)"
catalog_ratio="$(ratio_of catalog.rps api bare)"
catalog_p99="$(median_of catalog.p99_ms api)"

echo
echo "Summary: $(nproc) cores; load average (1, 5, 15 min) at start $LOAD_START; transcode $LOAD_TRANSCODE_START -> $LOAD_TRANSCODE_END;" \
  "media $LOAD_MEDIA_START -> $LOAD_MEDIA_END; catalog $LOAD_CATALOG_START -> $LOAD_CATALOG_END."
echo "Rounds: $ROUNDS HTTP rounds of ${DURATION} s per server after ${WARMUP} s warm-ups, $TRANSCODE_ROUNDS transcode rounds (${CLIP_SECONDS} s 720p clip). Total time $((SECONDS - STARTED_AT)) s."
row "benchmark" "metric" "StreamingApp" "reference" "ratio" "goal" "met"
row "------------------------------------" "--------------------------" "------------" "----------" "-------" "--------" "----"
row "Media 1 MiB ranges vs nginx" "throughput MB/s" \
  "$(fmt "$(median_of media.range.mbps api)" '%.0f')" "$(fmt "$(median_of media.range.mbps nginx)" '%.0f')" \
  "$(fmt "$range_ratio" '%.2f')" ">= 0.90" "$(met "$range_ratio" '>=' 0.9)"
row "Media 1 MiB ranges vs nginx" "server CPU s per GB" \
  "$(fmt "$(median_of media.range.cpu_s_per_gb api)" '%.2f')" "$(fmt "$(median_of media.range.cpu_s_per_gb nginx)" '%.2f')" \
  "$(fmt "$(ratio_of media.range.cpu_s_per_gb api nginx)" '%.2f')" "-" "-"
row "Media HLS segments vs nginx" "throughput MB/s" \
  "$(fmt "$(median_of media.segments.mbps api)" '%.0f')" "$(fmt "$(median_of media.segments.mbps nginx)" '%.0f')" \
  "$(fmt "$segments_ratio" '%.2f')" ">= 0.90" "$(met "$segments_ratio" '>=' 0.9)"
row "Media HLS segments vs nginx" "server CPU s per GB" \
  "$(fmt "$(median_of media.segments.cpu_s_per_gb api)" '%.2f')" "$(fmt "$(median_of media.segments.cpu_s_per_gb nginx)" '%.2f')" \
  "$(fmt "$(ratio_of media.segments.cpu_s_per_gb api nginx)" '%.2f')" "-" "-"
row "Upload->ready vs bare ffmpeg/ffprobe" "wall s, all commands" \
  "$(fmt "$(median_of transcode.ready_s api)" '%.2f')" "$(fmt "$(median_of transcode.ready_s all)" '%.2f')" \
  "$(fmt "$transcode_ratio" '%.3f')" "<= 1.10" "$(met "$transcode_ratio" '<=' 1.10)"
row "Upload->ready vs bare ffmpeg/ffprobe" "wall s, ladder only" \
  "$(fmt "$(median_of transcode.ready_s api)" '%.2f')" "$(fmt "$(median_of transcode.ready_s ladder)" '%.2f')" \
  "$(fmt "$(ratio_of transcode.ready_s api ladder)" '%.3f')" "-" "-"
row "Catalog list vs bare bytes" "req/s (-c$CATALOG_CONNECTIONS)" \
  "$(fmt "$(median_of catalog.rps api)" '%.0f')" "$(fmt "$(median_of catalog.rps bare)" '%.0f')" \
  "$(fmt "$catalog_ratio" '%.3f')" ">= 0.50" "$(met "$catalog_ratio" '>=' 0.5)"
row "Catalog list vs bare bytes" "p99 ms (-c$CATALOG_CONNECTIONS)" \
  "$(fmt "$catalog_p99" '%.1f')" "$(fmt "$(median_of catalog.p99_ms bare)" '%.1f')" \
  "$(fmt "$(ratio_of catalog.p99_ms api bare)" '%.2f')" "<= 50 ms" "$(met "$catalog_p99" '<=' 50)"
row "Catalog list vs bare bytes" "server CPU us per request" \
  "$(fmt "$(median_of catalog.cpu_us_per_request api)" '%.0f')" "$(fmt "$(median_of catalog.cpu_us_per_request bare)" '%.0f')" \
  "$(fmt "$(ratio_of catalog.cpu_us_per_request api bare)" '%.1f')" "-" "-"
row "Catalog list, cache off (diagnostic)" "req/s (-c$CATALOG_CONNECTIONS)" \
  "$(fmt "$(median_of catalog.rps uncached)" '%.0f')" "$(fmt "$(median_of catalog.rps bare)" '%.0f')" \
  "$(fmt "$(ratio_of catalog.rps uncached bare)" '%.3f')" "-" "-"
row "Catalog list, cache off (diagnostic)" "p99 ms (-c$CATALOG_CONNECTIONS)" \
  "$(fmt "$(median_of catalog.p99_ms uncached)" '%.1f')" "$(fmt "$(median_of catalog.p99_ms bare)" '%.1f')" \
  "$(fmt "$(ratio_of catalog.p99_ms uncached bare)" '%.2f')" "-" "-"

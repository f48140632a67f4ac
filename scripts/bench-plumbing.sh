#!/usr/bin/env bash
# Plumbing shared by the benchmark scripts: a work folder, background processes stopped by PID on exit, free
# loopback ports and readiness waits. Sourcing it defines WORK (the script sets it to a temporary folder with a
# logs/ subfolder), PIDS and the functions below, and installs the exit trap. KEEP_WORK=1 keeps the work folder
# (logs, data) for inspection.

WORK=""
PIDS=()

say() { printf '==> %s\n' "$*"; }

show_logs() {
  local log
  [[ -n $WORK && -d $WORK/logs ]] || return 0
  for log in "$WORK"/logs/*.log; do
    [[ -s $log ]] || continue
    printf -- '----- %s (last 30 lines) -----\n' "${log##*/}" >&2
    tail -n 30 "$log" >&2
  done
}

die() {
  printf 'ERROR: %s\n' "$*" >&2
  show_logs
  exit 1
}

cleanup() {
  local status=$? pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n $WORK && -d $WORK ]]; then
    if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A loopback port nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free loopback port found"
}

# start <name> <command...>: runs the command in the background with its output in logs/<name>.log; sets LAST_PID.
start() {
  local name=$1
  shift
  "$@" >"$WORK/logs/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

# wait_http <url> <pid> <name>: until the URL answers, failing early when the process exits or after 180 s.
wait_http() {
  local url=$1 pid=$2 name=$3 deadline=$((SECONDS + 180))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    ((SECONDS < deadline)) || die "$name did not answer $url within 180 s"
    sleep 0.2
  done
}

#!/usr/bin/env bash
# Offline tests of the Terraform code in infra/ (see infra/tests/README.md):
#   1. terraform fmt -check and layout checks
#   2. terraform init -backend=false + validate of every environment
#   3. terraform test with mocked AWS providers (infra/tests/unit)
#   4. a real apply + destroy of infra/tests/moto against a local moto_server
# Step 4 runs in the background while steps 2 and 3 run, to stay within a few
# minutes on a 2-core machine. Nothing is installed; everything this script
# writes outside the repository lives in one temporary directory removed on exit.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
INFRA_DIR="$(cd -- "${SCRIPT_DIR}/.." && pwd)"
ENVIRONMENTS=(dev staging prod)
MODULES=(network storage cdn waf cluster iam registry monitoring backup onprem-link)
MODULE_FILES=(main.tf variables.tf outputs.tf versions.tf README.md)
# Files every environment shares: links to envs/common/ (only terraform.tfvars and backend.tf differ).
SHARED_ENV_FILES=(main.tf variables.tf outputs.tf providers.tf versions.tf)

die() {
  echo "run.sh: $*" >&2
  exit 1
}

command -v terraform >/dev/null 2>&1 || die "terraform is not on PATH (Terraform >= 1.10 is required; this machine has it at /usr/local/bin/terraform)."
command -v moto_server >/dev/null 2>&1 || die "moto_server is not on PATH (it comes with the Python package moto[server] 5.x)."
command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH (needed to pick a free port and to query moto_server)."

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/streamingapp-infra-tests.XXXXXX")"
TF_PID=""             # terraform process currently run by this shell
MOTO_PID=""           # moto_server
MOTO_STEP_PID=""      # background subshell running step 4
declare -A BG_PIDS=() # background commands of step 2, by name

# Kill a process and everything it started (terraform -> terraform-provider-aws),
# children first, by PID only.
kill_tree() {
  local pid="$1" child
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    kill_tree "$child"
  done
  kill "$pid" 2>/dev/null || true
}

CURRENT_STEP=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ "$status" != 0 && -n "$CURRENT_STEP" ]]; then
    echo "run.sh: FAILED in step ${CURRENT_STEP} (exit ${status})" >&2
  fi
  for pid in "$TF_PID" "${BG_PIDS[@]}" "$MOTO_STEP_PID" "$MOTO_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill_tree "$pid"
    fi
  done
  rm -rf "$WORK_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export TF_CLI_CONFIG_FILE="${INFRA_DIR}/terraform.rc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_INPUT=0

# Run terraform as a child whose PID the EXIT trap knows.
tf() {
  local status=0
  terraform "$@" &
  TF_PID=$!
  wait "$TF_PID" || status=$?
  TF_PID=""
  return "$status"
}

# Start a command in the background with its output in a log file.
start_background() { # name command...
  local name="$1"
  shift
  "$@" >"${WORK_DIR}/${name}.log" 2>&1 &
  BG_PIDS[$name]=$!
}

# Wait for a background command, print its log, return its status.
wait_background() { # name
  local name="$1" status=0
  wait "${BG_PIDS[$name]}" || status=$?
  unset 'BG_PIDS[$name]'
  cat "${WORK_DIR}/${name}.log"
  return "$status"
}

# Per-root data directory (providers are symlinks into the filesystem mirror).
tf_data_dir() {
  printf '%s/tf-data/%s' "$WORK_DIR" "$1"
}

now_us() {
  printf '%s' "${EPOCHREALTIME/./}"
}

format_duration() { # microseconds -> "12.3 s"
  local us="$1"
  printf '%d.%d s' "$((us / 1000000))" "$(((us % 1000000) / 100000))"
}

declare -a SUMMARY=()
record() { # name start_us status [end_us]
  local end="${4:-$(now_us)}"
  SUMMARY+=("$(printf '%-46s %10s  %s' "$1" "$(format_duration "$((end - $2))")" "$3")")
}

section() {
  CURRENT_STEP="$*"
  printf '\n=== %s\n' "$*"
}

TOTAL_START="$(now_us)"

# ---------------------------------------------------------------------------
section "1. terraform fmt -check -recursive infra, layout checks"
start="$(now_us)"
terraform fmt -check -recursive -diff "$INFRA_DIR"
for module in "${MODULES[@]}"; do
  for file in "${MODULE_FILES[@]}"; do
    [[ -f "${INFRA_DIR}/modules/${module}/${file}" ]] || die "modules/${module}/${file} is missing"
  done
done
for env in "${ENVIRONMENTS[@]}"; do
  for file in "${SHARED_ENV_FILES[@]}"; do
    [[ "$(readlink "${INFRA_DIR}/envs/${env}/${file}")" == "../common/${file}" ]] \
      || die "envs/${env}/${file} must link to ../common/${file}; environments may only differ in terraform.tfvars and backend.tf"
  done
  [[ -f "${INFRA_DIR}/envs/${env}/.terraform.lock.hcl" ]] || die "envs/${env}/.terraform.lock.hcl is missing (it must be committed)"
done
echo "formatting, module layout and environment files OK"
record "1. fmt + layout" "$start" ok

# ---------------------------------------------------------------------------
# Step 4 starts now in the background: moto_server, then apply, checks, destroy.
section "4. (starting in the background) apply + destroy against moto_server"
MOTO_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
MOTO_ENDPOINT="http://127.0.0.1:${MOTO_PORT}"
MOTO_STATE="${WORK_DIR}/moto.tfstate"
MOTO_LOG="${WORK_DIR}/moto-step.log"
MOTO_END_FILE="${WORK_DIR}/moto-step.end"
MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"${WORK_DIR}/moto_server.log" 2>&1 &
MOTO_PID=$!
echo "moto_server pid ${MOTO_PID} on ${MOTO_ENDPOINT}; output of this step is printed when it ends"
moto_start="$(now_us)"

# Run terraform with its (long) output in a log file; print the summary line,
# or the end of the log when it fails.
tf_logged() {
  local name="$1" log="${WORK_DIR}/moto-${1}.log" status=0
  shift
  tf "$@" >"$log" 2>&1 || status=$?
  if [[ "$status" != 0 ]]; then
    echo "terraform ${name} failed; last lines of its output:"
    tail -n 60 "$log"
    return "$status"
  fi
  grep -E '^(Apply|Destroy) complete' "$log" || true
}

moto_step() {
  # Dummy credentials; nothing may reach a real AWS account or read local AWS config.
  export AWS_ACCESS_KEY_ID=moto AWS_SECRET_ACCESS_KEY=moto AWS_EC2_METADATA_DISABLED=true
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
  unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL
  export TF_DATA_DIR
  TF_DATA_DIR="$(tf_data_dir moto)"
  local fixture="${INFRA_DIR}/tests/moto" t
  local -a vars=(-var "moto_endpoint=${MOTO_ENDPOINT}")

  python3 - "$MOTO_ENDPOINT" <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(sys.argv[1] + "/moto-api/", timeout=2)
        sys.exit(0)
    except Exception:
        time.sleep(0.25)
sys.exit("moto_server did not answer within 90 s")
PY

  t="$(now_us)"
  tf -chdir="$fixture" init -backend=false -lockfile=readonly -input=false -no-color >/dev/null
  tf_logged apply -chdir="$fixture" apply -auto-approve -input=false -no-color -parallelism=20 -state="$MOTO_STATE" "${vars[@]}"
  echo "apply: $(format_duration "$(($(now_us) - t))")"

  t="$(now_us)"
  tf -chdir="$fixture" output -state="$MOTO_STATE" -json >"${WORK_DIR}/moto-outputs.json"
  python3 "${fixture}/check_moto.py" "$MOTO_ENDPOINT" "${WORK_DIR}/moto-outputs.json"
  echo "read-back checks: $(format_duration "$(($(now_us) - t))")"

  # moto 5.2.1 has no DeleteKeyGroup: the provider would retry until it times
  # out. The key group is dropped from the state instead (moto is discarded).
  tf -chdir="$fixture" state rm -state="$MOTO_STATE" module.cdn.aws_cloudfront_key_group.signers >/dev/null

  t="$(now_us)"
  tf_logged destroy -chdir="$fixture" destroy -auto-approve -input=false -no-color -parallelism=20 -refresh=false -state="$MOTO_STATE" "${vars[@]}"
  echo "destroy: $(format_duration "$(($(now_us) - t))")"
}

(
  trap 'now_us >"$MOTO_END_FILE"' EXIT
  moto_step
) >"$MOTO_LOG" 2>&1 &
MOTO_STEP_PID=$!

# ---------------------------------------------------------------------------
section "2. terraform init -backend=false + validate (${ENVIRONMENTS[*]})"
start="$(now_us)"
# The environments are independent: validate them concurrently.
validate_env() { # env (runs in a background subshell)
  export TF_DATA_DIR
  TF_DATA_DIR="$(tf_data_dir "env-$1")"
  terraform -chdir="${INFRA_DIR}/envs/$1" init -backend=false -lockfile=readonly -input=false -no-color >/dev/null
  terraform -chdir="${INFRA_DIR}/envs/$1" validate -no-color
}
for env in "${ENVIRONMENTS[@]}"; do
  start_background "validate-${env}" validate_env "$env"
done
failed=""
for env in "${ENVIRONMENTS[@]}"; do
  echo "--- envs/${env}"
  wait_background "validate-${env}" || failed+=" ${env}"
done
[[ -z "$failed" ]] || die "init/validate failed for:${failed}"
record "2. init + validate (3 environments, concurrent)" "$start" ok

# ---------------------------------------------------------------------------
section "3. terraform test with mocked providers (infra/tests/unit)"
start="$(now_us)"
export TF_DATA_DIR
TF_DATA_DIR="$(tf_data_dir unit)"
tf -chdir="${INFRA_DIR}/tests/unit" init -backend=false -lockfile=readonly -input=false -no-color >/dev/null
# One terraform test process: step 4 (the longest) runs at the same time and
# needs the other core.
tf -chdir="${INFRA_DIR}/tests/unit" test -no-color
unset TF_DATA_DIR
record "3. terraform test (mock providers)" "$start" ok

# ---------------------------------------------------------------------------
section "4. apply + destroy against moto_server (output of the background step)"
moto_status=0
wait "$MOTO_STEP_PID" || moto_status=$?
MOTO_STEP_PID=""
cat "$MOTO_LOG"
moto_end="$(cat "$MOTO_END_FILE" 2>/dev/null || now_us)"
kill_tree "$MOTO_PID"
wait "$MOTO_PID" 2>/dev/null || true
MOTO_PID=""
if [[ "$moto_status" != 0 ]]; then
  echo "--- last lines of moto_server's log"
  tail -n 20 "${WORK_DIR}/moto_server.log" || true
  record "4. moto apply + checks + destroy (background)" "$moto_start" "FAILED (exit ${moto_status})" "$moto_end"
  printf '%s\n' "${SUMMARY[@]}"
  die "step 4 failed"
fi
record "4. moto apply + checks + destroy (background)" "$moto_start" ok "$moto_end"

# ---------------------------------------------------------------------------
CURRENT_STEP=""
section "Timing summary (steps 2-3 ran while step 4 ran in the background)"
printf '%s\n' "${SUMMARY[@]}"
printf '%-46s %10s\n' "total" "$(format_duration "$(($(now_us) - TOTAL_START))")"

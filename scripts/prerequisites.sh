#!/usr/bin/env bash
# Shared by run.sh and test.sh: makes sure the tools a command needs are installed.
# As root on Debian/Ubuntu missing packages are installed with apt-get; otherwise the
# script says exactly what to install and stops.

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    cat >&2 <<'MSG'
The .NET 10 SDK is required but `dotnet` is not on PATH.
Install it from https://dot.net (for Debian/Ubuntu: https://learn.microsoft.com/dotnet/core/install/linux),
then run this command again.
MSG
    exit 1
  fi
  local version
  version="$(dotnet --version 2>/dev/null || true)"
  if [[ "${version%%.*}" -lt 10 ]]; then
    echo "The .NET 10 SDK is required; found '${version:-none}'." >&2
    exit 1
  fi
}

# require_packages <command>=<debian package> ...
# Installs the packages whose command is missing.
require_packages() {
  local missing=() pair command package
  for pair in "$@"; do
    command="${pair%%=*}"
    package="${pair#*=}"
    if ! command -v "$command" >/dev/null 2>&1 && ! [[ -x "/usr/sbin/$command" ]]; then
      missing+=("$package")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing tools. Install them first, for example:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

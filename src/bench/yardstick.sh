#!/usr/bin/env bash
# One round of the yardstick comparison (docs/performance.md, "Measuring"): PetClinic's owners list and owner page,
# then the desk's pages, then PetClinic again, each with cpu-per-request.sh, on the same PostgreSQL.
# Usage: yardstick.sh DESK_PID DESK_URL PETCLINIC_PID PETCLINIC_URL [SECONDS]
# Environment: DESK_PAGES (paths, space separated; default below), DESK_USER/DESK_PASSWORD per page prefix.
set -euo pipefail
here=$(dirname "$0")
desk_pid=${1:?desk JVM pid}; desk=${2:?desk URL}; pc_pid=${3:?PetClinic JVM pid}; pc=${4:?PetClinic URL}
secs=${5:-20}
pages=${DESK_PAGES:-"/buyer/orders /buyer/claims /seller/claims /agent/queue"}
declare -A sessions
session_for() {
  case "$1" in
    /buyer/*|/inbox*) role=${DESK_BUYER:-buyer} ;;
    /seller/*) role=${DESK_SELLER:-seller} ;;
    /agent/*) role=${DESK_AGENT:-agent} ;;
  esac
  [ -n "${sessions[$role]:-}" ] || sessions[$role]=$("$here/desk-session.sh" "$desk" "$role" "${DESK_PASSWORD:-demo}")
  echo "${sessions[$role]}"
}
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/cpu-per-request.sh" "$pc_pid" "$pc/owners?lastName=" "" 16 "$secs"
"$here/cpu-per-request.sh" "$pc_pid" "$pc/owners/1" "" 16 "$secs"
for page in $pages; do
  "$here/cpu-per-request.sh" "$desk_pid" "$desk$page" "$(session_for "$page")" 16 "$secs"
done
"$here/cpu-per-request.sh" "$pc_pid" "$pc/owners?lastName=" "" 16 "$secs"
"$here/cpu-per-request.sh" "$pc_pid" "$pc/owners/1" "" 16 "$secs"
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"

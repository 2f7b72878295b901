#!/usr/bin/env bash
# Stops what scripts/cluster-up.sh started: the silos (gracefully first: they leave the cluster), the
# ERP simulator and, if cluster-up started one, the throwaway PostgreSQL with its data. Logs stay in
# the state directory. Safe to run twice, or when nothing runs.
#
#   scripts/cluster-down.sh [--state DIR]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$repo/.cluster"
while (($#)); do
  case $1 in
    --state) state=$2; shift 2 ;;
    -h | --help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cluster-down: unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d $state ]]; then
  echo "==> Nothing to stop: no $state"
  exit 0
fi
state=$(cd "$state" && pwd)
# shellcheck source=scripts/cluster-lib.sh
source "$repo/scripts/cluster-lib.sh"

mapfile -t silos < <(find "$state/pids" -maxdepth 1 -name 'silo*.pid' -printf '%f\n' 2>/dev/null | sed 's/\.pid$//' | sort)
if ((${#silos[@]})); then
  step "Stopping ${silos[*]}"
  stop_processes "$state" 20 "${silos[@]}"
fi
if [[ -f $state/pids/erp-sim.pid ]]; then
  step "Stopping the ERP simulator"
  stop_processes "$state" 10 erp-sim
fi
if [[ -f $state/postgres.dir ]]; then
  step "Stopping the throwaway PostgreSQL and deleting its data"
  stop_postgres "$state"
fi

rm -f "$state/cluster.env" "$state/endpoints.txt"
rmdir "$state/pids" 2>/dev/null || true
step "Stopped (logs kept in $state/logs)"

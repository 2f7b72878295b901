#!/usr/bin/env bash
# Starts the docker-compose.yml topology as local processes, for machines without a Docker engine:
# PostgreSQL (a throwaway one, or BUDGETACTORS_POSTGRES), the ERP simulator with its demo data and
# three silos on distinct ports (Orleans ADO.NET clustering on that database). Waits until every silo serves, then prints
# the endpoints and how to get a first token. scripts/cluster-down.sh stops everything it started.
#
#   scripts/cluster-up.sh [--state DIR] [--rest-port N] [--silo-port N] [--gateway-port N] [--erp-port N]
#                         [--configuration Debug|Release] [--no-build]
#
# Logs, pids and cluster.env (the connection string, for the token command) go under the
# state directory (.cluster/ by default). Running it again while the cluster is up changes nothing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$repo/.cluster"
rest_port=8080
silo_port=11111
gateway_port=30000
erp_port=5080
configuration=Debug
build=1
silos=3

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while (($#)); do
  case $1 in
    --state) state=$2; shift 2 ;;
    --rest-port) rest_port=$2; shift 2 ;;
    --gateway-port) gateway_port=$2; shift 2 ;;
    --silo-port) silo_port=$2; shift 2 ;;
    --erp-port) erp_port=$2; shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "cluster-up: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$state"
state=$(cd "$state" && pwd)
# shellcheck source=scripts/cluster-lib.sh
source "$repo/scripts/cluster-lib.sh"

silo_dll="$repo/silo/bin/$configuration/net10.0/BudgetActors.Silo.dll"
erp_dll="$repo/erp-sim/bin/$configuration/net10.0/BudgetActors.ErpSimulator.dll"

if cluster_is_up "$state"; then
  step "The cluster of $state is already up:"
  cat "$state/endpoints.txt"
  exit 0
fi
if [[ -d $state/pids ]]; then
  step "Cleaning up what is left of an earlier run"
  "$repo/scripts/cluster-down.sh" --state "$state" >/dev/null
fi

for ((i = 0; i < silos; i++)); do
  require_free_port $((rest_port + i)) --rest-port
  require_free_port $((silo_port + i)) --silo-port
done
require_free_port "$erp_port" --erp-port

# From here on a failure stops whatever was started, and shows the log that explains it.
failed_log=""
on_exit() {
  local status=$?
  if ((status != 0)); then
    echo "cluster-up: failed; stopping what was started." >&2
    if [[ -n $failed_log && -f $failed_log ]]; then
      echo "--- last lines of $failed_log ---" >&2
      tail -n 40 "$failed_log" >&2
    fi
    "$repo/scripts/cluster-down.sh" --state "$state" >/dev/null 2>&1 || true
  fi
}
trap on_exit EXIT

mkdir -p "$state/pids" "$state/logs" "$state/mail"

if ((build)); then
  step "Building the silo and the ERP simulator ($configuration)"
  failed_log="$state/logs/build.log"
  dotnet build "$repo/silo/BudgetActors.Silo.csproj" --configuration "$configuration" --nologo -v quiet >"$failed_log" 2>&1
fi
for dll in "$silo_dll" "$erp_dll"; do
  [[ -f $dll ]] || { echo "cluster-up: $dll is missing (build it, or drop --no-build)" >&2; exit 1; }
done

if [[ -n ${BUDGETACTORS_POSTGRES:-} ]]; then
  step "Using the PostgreSQL of BUDGETACTORS_POSTGRES"
  postgres=$BUDGETACTORS_POSTGRES
else
  pg_port=$(free_port_from 54329)
  step "Starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
  failed_log=""
  start_postgres "$state" "$pg_port"
  failed_log=$(cat "$state/postgres.dir")/server.log
  postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

umask_before=$(umask)
umask 077
printf 'export BUDGETACTORS_POSTGRES=%q\n' "$postgres" >"$state/cluster.env"
umask "$umask_before"

step "Starting the ERP simulator on http://127.0.0.1:$erp_port/ (demo data: Spectrum company 001, Vista company 1)"
failed_log="$state/logs/erp-sim.log"
start_process "$state" erp-sim "$state" dotnet "$erp_dll" --port "$erp_port" --data "$repo/erp-sim/demo-data.json"
wait_for_http "$state" erp-sim "$erp_port" /admin/companies/ 60

erp_url="http://127.0.0.1:$erp_port/"
start_silo() {
  local n=$1
  local name="silo$n" rest=$((rest_port + n - 1)) port=$((silo_port + n - 1)) gateway=$((gateway_port + n - 1))
  start_process "$state" "$name" "$state" env \
    BUDGETACTORS_POSTGRES="$postgres" \
    Silo__SiloName="$name" \
    Cluster__SiloPort="$port" \
    Cluster__GatewayPort="$gateway" \
    Notifications__PickupFolder="$state/mail" \
    Erp__Spectrum__Companies__001__BaseUrl="$erp_url" \
    Erp__Spectrum__Companies__001__AuthorizationId=demo-spectrum-001 \
    Erp__Vista__Companies__1__BaseUrl="$erp_url" \
    Erp__Vista__Companies__1__ApiKey=demo-vista-key-1 \
    dotnet "$silo_dll" --urls "http://127.0.0.1:$rest"
}

# The first silo migrates the schema alone; the other two then join together.
step "Starting silo1 (REST port $rest_port, cluster port $silo_port); it migrates the schema"
failed_log="$state/logs/silo1.log"
start_silo 1
wait_for_http "$state" silo1 "$rest_port" /healthz 90
for ((n = 2; n <= silos; n++)); do
  step "Starting silo$n (REST port $((rest_port + n - 1)), cluster port $((silo_port + n - 1)))"
  start_silo "$n"
done
for ((n = 2; n <= silos; n++)); do
  failed_log="$state/logs/silo$n.log"
  wait_for_http "$state" "silo$n" $((rest_port + n - 1)) /healthz 90
done
failed_log=""

{
  echo "  ERP simulator  $erp_url (admin: ${erp_url}admin/companies/)"
  for ((n = 1; n <= silos; n++)); do
    echo "  silo$n          REST http://127.0.0.1:$((rest_port + n - 1))/api/v1 (OpenAPI /openapi/v1.json, /healthz, /dashboard/); silo port $((silo_port + n - 1)), gateway 127.0.0.1:$((gateway_port + n - 1))"
  done
  if [[ -f $state/postgres.dir ]]; then
    echo "  PostgreSQL     $postgres (throwaway, data in $(cat "$state/postgres.dir"))"
  else
    echo "  PostgreSQL     from BUDGETACTORS_POSTGRES"
  fi
  echo "  logs           $state/logs/   emails: $state/mail/"
  echo
  echo "A first token (the founding admin of a new company), then a call:"
  echo "  source $state/cluster.env"
  echo "  dotnet $silo_dll token issue --company acme --user admin --email admin@acme.test --postgres \"\$BUDGETACTORS_POSTGRES\""
  echo "  curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:$rest_port/api/v1/me"
  echo "Stop everything: scripts/cluster-down.sh$([[ $state == "$repo/.cluster" ]] || echo " --state $state")"
} >"$state/endpoints.txt"

trap - EXIT
step "Cluster up: $silos silos serving"
cat "$state/endpoints.txt"

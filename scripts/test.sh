#!/usr/bin/env bash
# Runs every test of the solution. Installs what a fresh Debian machine lacks (PostgreSQL server
# binaries for the integration tests, Chromium for the dashboard tests) when run as root.
# Ends with one line: "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
# The dashboard's browser tests drive this Chromium (Playwright downloads no browser of its own here).
[[ -x /usr/bin/chromium ]] || need+=(chromium)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing ${need[*]}: install with 'sudo apt-get install -y ${need[*]}' and run again." >&2
    exit 1
  fi
fi

log=$(mktemp)
dotnet test BudgetActors.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ..."
passed=$(grep -E '^\s*(Passed|Failed)!' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^\s*(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
if [[ $status != 0 && $failed == 0 ]]; then
  failed=1 # the build or a test host failed before reporting counts
fi
echo "tests: $passed passed, $failed failed"
exit "$status"

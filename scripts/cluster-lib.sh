# shellcheck shell=bash
# Functions shared by cluster-up.sh and cluster-down.sh (sourced, not run). A state directory holds
# pids/<name>.pid (the pid, then a word of the command line that proves the pid is still ours),
# logs/<name>.log, and for a throwaway PostgreSQL postgres.dir and postgres.bin.

step() {
  printf '==> %s\n' "$*"
}

# PostgreSQL refuses to run as root: as root, its programs run as the postgres system user.
as_postgres() {
  if [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Where initdb and pg_ctl are: BUDGETACTORS_PG_BIN, the newest /usr/lib/postgresql/*/bin, or PATH.
find_pg_bin() {
  if [[ -n ${BUDGETACTORS_PG_BIN:-} ]]; then
    echo "$BUDGETACTORS_PG_BIN"
    return
  fi
  local bin
  bin=$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2>/dev/null | sort -V | tail -n 1)
  if [[ -n $bin ]]; then
    dirname "$bin"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo "cluster-up: no PostgreSQL server binaries (initdb, pg_ctl): 'apt-get install -y postgresql', set BUDGETACTORS_PG_BIN, or set BUDGETACTORS_POSTGRES to a server to use" >&2
    return 1
  fi
}

# Starts a throwaway server on 127.0.0.1:<port>. Its folder is under /tmp rather than the state
# directory because, as root, the postgres user must be able to reach it (a repository under /root is
# not reachable). Durability settings are off: the data is thrown away by cluster-down.sh.
start_postgres() {
  local state=$1 port=$2 bin dir
  bin=$(find_pg_bin)
  if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "cluster-up: running as root needs a 'postgres' system user to run PostgreSQL as" >&2
    return 1
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/budgetactors-cluster-pg.XXXXXX")
  echo "$dir" >"$state/postgres.dir"
  echo "$bin" >"$state/postgres.bin"
  if [[ $(id -u) == 0 ]]; then
    chown postgres:postgres "$dir"
  fi
  (
    cd "$dir" &&
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 &&
      as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >"$dir/pg_ctl.log" 2>&1
  ) || {
    echo "cluster-up: PostgreSQL did not start:" >&2
    cat "$dir"/*.log >&2 2>/dev/null || true
    return 1
  }
}

# Stops the throwaway server, if this state directory started one, and deletes its data.
stop_postgres() {
  local state=$1 dir bin
  [[ -f $state/postgres.dir ]] || return 0
  dir=$(cat "$state/postgres.dir")
  bin=$(cat "$state/postgres.bin")
  if [[ -f $dir/data/postmaster.pid ]]; then
    (cd "$dir" && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1) ||
      (cd "$dir" && as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  case $dir in
    */budgetactors-cluster-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$state/postgres.dir" "$state/postgres.bin"
}

# Runs <command...> in <dir> in the background, detached from the terminal (its own session), with
# its output in logs/<name>.log; records its pid. exec keeps the pid: setsid and env exec too.
start_process() {
  local state=$1 name=$2 dir=$3
  shift 3
  local marker
  marker=$(printf '%s\n' "$@" | grep -m 1 '\.dll$' || echo "$1")
  (cd "$dir" && exec setsid "$@" </dev/null >"$state/logs/$name.log" 2>&1) &
  printf '%s\n%s\n' "$!" "$marker" >"$state/pids/$name.pid"
}

# The pid of <name> if that process still runs and is still the one we started (pids get reused).
live_pid() {
  local file=$1/pids/$2.pid pid marker
  [[ -f $file ]] || return 1
  { read -r pid && read -r marker; } <"$file" || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$marker" || return 1
  echo "$pid"
}

# True when every process this state directory started still runs.
cluster_is_up() {
  local state=$1 file
  [[ -f $state/endpoints.txt && -d $state/pids ]] || return 1
  for file in "$state"/pids/*.pid; do
    [[ -e $file ]] || return 1
    live_pid "$state" "$(basename "$file" .pid)" >/dev/null || return 1
  done
}

# The status code of GET <path> on 127.0.0.1:<port> over plain HTTP/1.1 ("000" when nothing answers).
# bash's /dev/tcp, as in the container health checks, so neither needs curl.
http_status() (
  local port=$1 path=$2 line=""
  exec 3<>"/dev/tcp/127.0.0.1/$port" || { echo 000; exit 0; }
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  IFS=' ' read -r -t 5 _ line _ <&3 || true
  echo "${line:-000}"
) 2>/dev/null

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_port() {
  if port_in_use "$1"; then
    echo "cluster-up: port $1 is in use; choose other ports with $2 (see --help)" >&2
    return 1
  fi
}

free_port_from() {
  local port=$1
  while port_in_use "$port"; do
    port=$((port + 1))
  done
  echo "$port"
}

# Waits until GET <path> answers 200, failing early if the process exits.
wait_for_http() {
  local state=$1 name=$2 port=$3 path=$4 seconds=$5 deadline pid
  deadline=$((SECONDS + seconds))
  pid=$(head -n 1 "$state/pids/$name.pid")
  until [[ $(http_status "$port" "$path") == 200 ]]; do
    # kill -0 rather than live_pid: the command line is the launching shell's until it has exec'd.
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "cluster-up: $name exited while starting (log: $state/logs/$name.log)" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "cluster-up: $name did not answer GET $path on port $port within $seconds s (log: $state/logs/$name.log)" >&2
      return 1
    fi
    sleep 0.2
  done
}

# SIGTERM to <names...> (a graceful stop: silos leave the cluster), then SIGKILL to any still running
# after <seconds>.
stop_processes() {
  local state=$1 seconds=$2 name pid deadline
  shift 2
  for name in "$@"; do
    if pid=$(live_pid "$state" "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  deadline=$((SECONDS + seconds))
  for name in "$@"; do
    while pid=$(live_pid "$state" "$name"); do
      if ((SECONDS >= deadline)); then
        echo "cluster-down: $name ($pid) did not stop within $seconds s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
      else
        sleep 0.1
      fi
    done
    rm -f "$state/pids/$name.pid"
  done
}

#!/usr/bin/env bash
# Server benchmark: a throwaway PostgreSQL and the Release bizy-server on
# loopback, one user with 50 tasks, then wrk against
#   GET  /api/tasks/        (authenticated, 50 tasks per answer)
#   POST /api/tasks/        (authenticated, one new task per request)
#   POST /api/auth/login    (one Argon2id verify per request)
# wrk's full output and a summary go to stdout; OUT=<file> also keeps the
# summary there.
#
#   bench/server/run.sh [build-dir]        # default: build
#   DURATION=15s CONNECTIONS=64 THREADS=2 WORKERS=4 bench/server/run.sh build-rest
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-build}
[[ "$build" = /* ]] || build="$repo/$build"
server_bin="$build/server/bizy-server"
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
workers=${WORKERS:-4}
out=${OUT:-/dev/null}

[[ -x "$server_bin" ]] || { echo "run.sh: no $server_bin (build the bizy-server target in Release)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "run.sh: wrk is not installed" >&2; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n "$pg_bin" ]] || { echo "run.sh: PostgreSQL binaries not found" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# PostgreSQL refuses to run as root.
as_pg=()
[[ $EUID -eq 0 ]] && as_pg=(runuser -u postgres --)

work=$(mktemp -d /tmp/bizy-bench.XXXXXX)
chmod 755 "$work"
[[ $EUID -eq 0 ]] && chown postgres "$work"
pg_port=$(free_port)
http_port=$(free_port)
server_pid=

cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL on 127.0.0.1:$pg_port ($work)"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/data" -A trust -U postgres >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres bizy

echo "== bizy-server on 127.0.0.1:$http_port ($workers workers)"
DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/bizy" \
JWT_SECRET="bench-secret-0123456789abcdefghijklmnopqrstuvwxyz" \
BIZY_HOST=127.0.0.1 BIZY_PORT=$http_port BIZY_WORKERS=$workers BIZY_AUTH_RATE_LIMIT=0 \
BIZY_ACCESS_TOKEN_MINUTES=120 \
    "$server_bin" >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$http_port"
for _ in $(seq 100); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

user=benchuser
password='BenchPassword123!'
curl -fs -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"$password\"}" >/dev/null
token=$(curl -fs -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for i in $(seq 50); do
    curl -fs -X POST "$base/api/tasks/" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' \
        -d "{\"title\":\"seed $i\",\"priority\":$((i % 5 + 1)),\"category\":\"seed\",\"tags\":[\"x\"]}" \
        >/dev/null
done
count=$(curl -fs "$base/api/tasks/" -H "Authorization: Bearer $token" |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ "$count" == 50 ]] || { echo "run.sh: seeded $count tasks, expected 50" >&2; exit 1; }
echo "== seeded $user with 50 tasks"

export BIZY_BENCH_TOKEN=$token BIZY_BENCH_USER=$user BIZY_BENCH_PASSWORD=$password
summary=()
run() {
    local name=$1 script=$2
    echo "== $name: wrk -t$threads -c$connections -d$duration --latency"
    local output
    output=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/$script" "$base")
    echo "$output"
    local rps p50 p99 errors timeouts
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(awk '/^non-2xx/ {print $2}' <<<"$output")
    # wrk gives up on a request after 2 s; those are not in the percentiles.
    timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$output")
    summary+=("$(printf '%-22s %10s req/s   p50 %9s   p99 %9s   non-2xx %s   timeouts %s' \
        "$name" "$rps" "$p50" "$p99" "$errors" "${timeouts:-0}")")
}
run "GET /api/tasks/ (50)" list.lua
run "POST /api/tasks/" create.lua
run "POST /api/auth/login" login.lua

{
    echo "bizy-server benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$threads -c$connections -d$duration, $workers workers"
    printf '%s\n' "${summary[@]}"
} | tee "$out"

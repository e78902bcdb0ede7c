#!/usr/bin/env bash
# HTTP load test of CartKit's sample API against a one-Redis-GET reference endpoint (issue 7).
# See benchmarks/load/README.md. Usage: benchmarks/load/run.sh [--strict] [--compare GIT_REF]
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: benchmarks/load/run.sh [--strict] [--compare GIT_REF]

Starts redis-server and the sample API (Release), seeds carts through the HTTP API, and runs wrk against
the reference endpoint and GET /api/cart/{sessionId} (interleaved), then POST /api/cart/{sessionId}/items, then
adds alternating with POST /api/cart/{sessionId}/checkout of the same carts (add-checkout).
Writes results/latest.json and results/latest.md next to this script.

  --strict            also exit non-zero when the CartKit/reference ratio misses the target
  --compare GIT_REF   also build the sample at GIT_REF (a commit, branch or tag) and run every endpoint's rounds
                      on it interleaved with this tree's, on the same Redis (the GETs on the same carts), so two
                      builds are compared in one run (both must read the same cache format)

Environment (defaults in brackets):
  CARTKIT_LOAD_DURATION        length of each measured run [10s]
  CARTKIT_LOAD_WARMUP          warm-up per endpoint, discarded [5s]
  CARTKIT_LOAD_ROUNDS          measured runs per endpoint [3]
  CARTKIT_LOAD_THREADS         wrk threads [1]
  CARTKIT_LOAD_CONNECTIONS     wrk connections [32]
  CARTKIT_LOAD_SESSIONS        seeded carts the GET runs spread over [256]
  CARTKIT_LOAD_LINES           lines per seeded cart, 1 to the number of available products [5]
  CARTKIT_LOAD_WRITE_SESSIONS  fresh carts each add-item and add-checkout run spreads over [2048]
  CARTKIT_LOAD_TARGET          minimum CartKit GET / reference ratio [0.95]
  CARTKIT_LOAD_SESSION_RECHECK the servers' CartKit:SessionRecheckInterval (00:00:00: every read asks Redis for the
                               session) [CartKit's default, 1 second]
  CARTKIT_LOAD_REDIS           host:port of an existing Redis to use instead of starting one
  CARTKIT_LOAD_RESULTS         directory for latest.json and latest.md [benchmarks/load/results]
EOF
}

strict=false
compare_ref=
while (($#)); do
  case $1 in
    --strict) strict=true ;;
    --compare)
      [[ $# -ge 2 ]] || { echo "--compare needs a git ref" >&2; exit 2; }
      compare_ref=$2
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
project=$root/samples/CartKit.SampleApi/CartKit.SampleApi.csproj
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

duration=${CARTKIT_LOAD_DURATION:-10s}
warmup=${CARTKIT_LOAD_WARMUP:-5s}
rounds=${CARTKIT_LOAD_ROUNDS:-3}
threads=${CARTKIT_LOAD_THREADS:-1}
connections=${CARTKIT_LOAD_CONNECTIONS:-32}
sessions=${CARTKIT_LOAD_SESSIONS:-256}
lines=${CARTKIT_LOAD_LINES:-5}
write_sessions=${CARTKIT_LOAD_WRITE_SESSIONS:-2048}
target=${CARTKIT_LOAD_TARGET:-0.95}
session_recheck=${CARTKIT_LOAD_SESSION_RECHECK:-}
results_dir=${CARTKIT_LOAD_RESULTS:-$here/results}
reference_prefix=cartkit-loadref:

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*" >&2; }

for name in rounds threads connections sessions lines write_sessions; do
  [[ ${!name} =~ ^[1-9][0-9]*$ ]] || die "$name must be a positive integer (was '${!name}')"
done
for name in duration warmup; do
  [[ ${!name} =~ ^[1-9][0-9]*[smh]?$ ]] || die "$name must be a wrk duration such as 10s (was '${!name}')"
done
[[ $target =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "CARTKIT_LOAD_TARGET must be a number (was '$target')"
[[ -z $session_recheck || $session_recheck =~ ^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$ ]] ||
  die "CARTKIT_LOAD_SESSION_RECHECK must be a time span such as 00:00:00 (was '$session_recheck')"
((connections >= threads)) || die "wrk needs at least one connection per thread"
for tool in dotnet wrk curl jq redis-cli; do
  command -v "$tool" >/dev/null || die "$tool is required (on Debian: apt-get install -y wrk curl jq redis-tools)"
done
[[ -n ${CARTKIT_LOAD_REDIS:-} ]] || command -v redis-server >/dev/null ||
  die "redis-server is required unless CARTKIT_LOAD_REDIS is set (apt-get install -y redis-server)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cartkit-load.XXXXXX")
server_pid=
compare_pid=
redis_pidfile=

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local status=$?
  local server
  for server in $server_pid $compare_pid; do
    if kill -0 "$server" 2>/dev/null; then
      kill "$server" 2>/dev/null || true
      wait "$server" 2>/dev/null || true
    fi
  done
  if [[ -n $compare_ref ]]; then
    git -C "$root" worktree remove --force "$tmp/compare" >/dev/null 2>&1 || true
  fi
  if [[ -n $redis_pidfile && -s $redis_pidfile ]]; then
    local pid
    pid=$(<"$redis_pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A loopback port nothing listens on (a connect is refused). Racy in theory; a clash fails the start loudly.
free_port() {
  local port
  for _ in {1..100}; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "found no free loopback port"
}

# --- Redis -----------------------------------------------------------------------------------------------------

if [[ -n ${CARTKIT_LOAD_REDIS:-} ]]; then
  redis_endpoint=$CARTKIT_LOAD_REDIS
  log "Redis: using $redis_endpoint"
else
  redis_endpoint=127.0.0.1:$(free_port)
  redis_pidfile=$tmp/redis.pid
  redis-server --bind 127.0.0.1 --port "${redis_endpoint##*:}" --save '' --appendonly no \
    --daemonize yes --dir "$tmp" --pidfile "$redis_pidfile" --logfile "$tmp/redis.log"
  log "Redis: started on $redis_endpoint"
fi
redis_host=${redis_endpoint%:*}
redis_port=${redis_endpoint##*:}
rcli() { redis-cli -h "$redis_host" -p "$redis_port" "$@"; }

for _ in {1..50}; do
  [[ $(rcli PING 2>/dev/null) == PONG ]] && break
  sleep 0.1
done
[[ $(rcli PING 2>/dev/null) == PONG ]] || die "Redis at $redis_endpoint does not answer PING"
redis_version=$(rcli INFO server | tr -d '\r' | sed -n 's/^redis_version://p')

# --- The sample API ----------------------------------------------------------------------------------------------

log "Building the sample API (Release)"
dotnet build "$project" -c Release -nologo -v quiet >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; die "build failed"; }
dll=$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration=Release)
[[ -f $dll ]] || die "no build output at '$dll'"

# start_server URL DLL LOG: starts a sample API and prints its pid. Rate limiting off, quiet logs, no telemetry
# export: the run measures request handling, not the sample's extras.
start_server() {
  env ASPNETCORE_URLS="$1" \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Redis="$redis_endpoint" \
    Sample__RateLimit__PermitsPerSecond=0 \
    Logging__LogLevel__Default=Warning \
    Sample__Telemetry__Exporter=none \
    Sample__LoadTest__ReferenceEndpoint=true \
    ${session_recheck:+CartKit__SessionRecheckInterval=$session_recheck} \
    dotnet "$2" >"$3" 2>&1 &
  echo $!
}

# wait_ready URL PID LOG
wait_ready() {
  for _ in {1..600}; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; die "the sample API exited during start"; }
    curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && return
    sleep 0.1
  done
  cat "$3" >&2
  die "the sample API at $1 is not ready after 60 s"
}

base=http://127.0.0.1:$(free_port)
server_pid=$(start_server "$base" "$dll" "$tmp/server.log")
wait_ready "$base" "$server_pid" "$tmp/server.log"
log "Sample API: ready on $base (pid $server_pid)"

compare_base=
compare_commit=
if [[ -n $compare_ref ]]; then
  compare_commit=$(git -C "$root" rev-parse --short "$compare_ref^{commit}") || die "--compare: '$compare_ref' is not a commit"
  git -C "$root" worktree add --detach "$tmp/compare" "$compare_commit" >/dev/null 2>&1 || die "--compare: could not check out $compare_commit"
  log "Building the sample API at $compare_commit (Release)"
  compare_project=$tmp/compare/samples/CartKit.SampleApi/CartKit.SampleApi.csproj
  dotnet build "$compare_project" -c Release -nologo -v quiet >"$tmp/build-compare.log" 2>&1 || { cat "$tmp/build-compare.log" >&2; die "build at $compare_commit failed"; }
  compare_dll=$(dotnet msbuild "$compare_project" -nologo -getProperty:TargetPath -p:Configuration=Release)
  compare_base=http://127.0.0.1:$(free_port)
  compare_pid=$(start_server "$compare_base" "$compare_dll" "$tmp/server-compare.log")
  wait_ready "$compare_base" "$compare_pid" "$tmp/server-compare.log"
  log "Sample API at $compare_commit: ready on $compare_base (pid $compare_pid); it reads the carts seeded below from Redis"
fi

# --- Seeding, through the real HTTP API ----------------------------------------------------------------------------

curl -fsS "$base/api/products" | jq -r '.[] | select(.available) | .sku' >"$tmp/skus.txt"
mapfile -t skus <"$tmp/skus.txt"
((lines <= ${#skus[@]})) || die "CARTKIT_LOAD_LINES is $lines but the catalog has ${#skus[@]} available products"

# Runs the transfers of curl config $1, each block ending in "next", one after another on one keep-alive connection.
curl_batch() {
  sed -i '$d' "$1" # a trailing "next" would start a transfer without a URL
  curl -sS -K "$1" || die "curl failed on $(basename "$1")"
}

# Creates $2 sessions on the server at $1 and writes their ids to $3.
create_sessions() {
  local url=$1 count=$2 out=$3 i
  for ((i = 0; i < count; i++)); do
    printf 'url = "%s/api/cart"\nrequest = "POST"\nnext\n' "$url"
  done >"$tmp/create.curl"
  curl_batch "$tmp/create.curl" | jq -r '.sessionId' >"$out"
  [[ $(grep -cE '^[A-Za-z0-9_-]{32}$' "$out") == "$count" ]] || die "creating $count sessions failed"
}

# Runs the $2 transfers of curl config $1; every one must answer $3.
expect_status() {
  local config=$1 count=$2 status=$3 answered
  answered=$(curl_batch "$config" | grep -c "^$status\$" || true)
  [[ $answered == "$count" ]] || die "only $answered of $count requests in $(basename "$config") answered $status"
}

# add_first_line URL SESSIONS_FILE: one unit of the first available sku in each cart, so a checkout never meets an
# empty cart (422) before the load's first add to it has answered.
add_first_line() {
  local sid
  while read -r sid; do
    printf 'url = "%s/api/cart/%s/items"\nheader = "Content-Type: application/json"\n' "$1" "$sid"
    printf 'data = "{\\"sku\\":\\"%s\\",\\"quantity\\":1}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "${skus[0]}"
  done <"$2" >"$tmp/first.curl"
  expect_status "$tmp/first.curl" "$(wc -l <"$2")" 200
}

# Seeds the write runs' carts on the server at $1, files tagged $2: every add-item and add-checkout run gets fresh
# carts, so no run inherits quantities from the one before it (a line reaching MaxQuantityPerLine, 99, would answer
# 422 and fail the run; see the headroom check after each run). Writes go to the server's own source of truth, so a
# compared build gets carts of its own.
seed_write_carts() {
  local url=$1 tag=$2 r
  for ((r = 0; r <= rounds; r++)); do
    create_sessions "$url" "$write_sessions" "$tmp/write-$tag-$r.txt"
    create_sessions "$url" "$write_sessions" "$tmp/checkout-$tag-$r.txt"
    add_first_line "$url" "$tmp/checkout-$tag-$r.txt"
  done
}

log "Seeding $sessions carts with $lines lines each, and $((rounds + 1)) x $write_sessions fresh carts per write endpoint$([[ -n $compare_ref ]] && echo " and server")"
create_sessions "$base" "$sessions" "$tmp/sessions.txt"
seed_write_carts "$base" this
[[ -z $compare_ref ]] || seed_write_carts "$compare_base" compare
mapfile -t read_ids <"$tmp/sessions.txt"

for sid in "${read_ids[@]}"; do
  for sku in "${skus[@]:0:lines}"; do
    printf 'url = "%s/api/cart/%s/items"\nheader = "Content-Type: application/json"\n' "$base" "$sid"
    printf 'data = "{\\"sku\\":\\"%s\\",\\"quantity\\":1}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$sku"
  done
done >"$tmp/add.curl"
expect_status "$tmp/add.curl" $((sessions * lines)) 200

# The reference serves, per session, exactly the body CartKit returns for it.
mkdir "$tmp/bodies" "$tmp/check"
for sid in "${read_ids[@]}"; do
  printf 'url = "%s/api/cart/%s"\noutput = "%s/bodies/%s"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$base" "$sid" "$tmp" "$sid"
done >"$tmp/get.curl"
expect_status "$tmp/get.curl" "$sessions" 200
for sid in "${read_ids[@]}"; do
  # An expiry, so keys in a Redis given by CARTKIT_LOAD_REDIS do not outlive the run by long.
  [[ $(rcli -x SETEX "$reference_prefix$sid" 7200 <"$tmp/bodies/$sid") == OK ]] || die "storing the reference body failed"
done
for sid in "${read_ids[@]}"; do
  printf 'url = "%s/api/_reference/cart/%s"\noutput = "%s/check/%s"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$base" "$sid" "$tmp" "$sid"
done >"$tmp/ref.curl"
expect_status "$tmp/ref.curl" "$sessions" 200
for sid in "${read_ids[@]}"; do
  cmp -s "$tmp/bodies/$sid" "$tmp/check/$sid" || die "the reference body of a session differs from CartKit's"
done
body_bytes=$(wc -c <"$tmp/bodies/${read_ids[0]}")
log "Seeded; a cart body is $body_bytes bytes, and the reference returns every one byte for byte"

# --- Load ------------------------------------------------------------------------------------------------------------

: >"$tmp/runs.jsonl"

# CPU time the server process has used, in microseconds (utime + stime of /proc/PID/stat, in clock ticks).
clock_ticks=$(getconf CLK_TCK)
server_cpu_us() { awk -v hz="$clock_ticks" '{ printf "%.0f\n", ($14 + $15) * 1000000 / hz }' "/proc/$1/stat"; }
# CPU time Redis has used (user + system), in microseconds: every client's commands, so only the run's own load.
redis_cpu_us() { rcli INFO cpu | tr -d '\r' | awk -F: '/^used_cpu_(user|sys):/ { s += $2 } END { printf "%.0f\n", s * 1000000 }'; }

# run ENDPOINT MODE SESSIONS_FILE DURATION PHASE ROUND [URL PID]  (URL and PID default to this tree's server)
# Besides wrk's figures, records the CPU the server and Redis spent per request: unlike requests per second, which
# depend on how the shared cores are split between wrk, the server and Redis, these measure each side's own work.
run() {
  local endpoint=$1 mode=$2 file=$3 length=$4 phase=$5 round=$6 url=${7:-$base} pid=${8:-$server_pid}
  local out result server_before redis_before
  out=$tmp/wrk-$endpoint-$phase-$round.txt
  server_before=$(server_cpu_us "$pid")
  redis_before=$(redis_cpu_us)
  wrk -t"$threads" -c"$connections" -d"$length" --latency -s "$here/cartkit.lua" "$url" -- \
    "$mode" "$file" "$tmp/skus.txt" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  result=$(sed -n 's/^CARTKIT_RESULT //p' "$out")
  [[ -n $result ]] || { cat "$out" >&2; die "wrk printed no result"; }
  jq -c --arg endpoint "$endpoint" --arg phase "$phase" --argjson round "$round" \
    --argjson server_cpu "$(($(server_cpu_us "$pid") - server_before))" --argjson redis_cpu "$(($(redis_cpu_us) - redis_before))" \
    '{endpoint: $endpoint, phase: $phase, round: $round} + .
      + {cpu_us_per_request: {server: ($server_cpu / .requests * 10 | round / 10), redis: ($redis_cpu / .requests * 10 | round / 10)}}' \
    <<<"$result" | tee -a "$tmp/runs.jsonl" |
    jq -r '"   \(.endpoint) \(.phase) \(.round): \(.rps) rps, p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms, CPU/request server \(.cpu_us_per_request.server) us, Redis \(.cpu_us_per_request.redis) us, non-2xx \(.non_2xx)"' >&2
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "wrk -t$threads -c$connections: warm-up $warmup per endpoint, then $rounds interleaved rounds of $duration"
run reference ref "$tmp/sessions.txt" "$warmup" warmup 0
run cart-get cart "$tmp/sessions.txt" "$warmup" warmup 0
if [[ -n $compare_ref ]]; then
  run "reference@$compare_commit" ref "$tmp/sessions.txt" "$warmup" warmup 0 "$compare_base" "$compare_pid"
  run "cart-get@$compare_commit" cart "$tmp/sessions.txt" "$warmup" warmup 0 "$compare_base" "$compare_pid"
fi
# One GET round on this tree's server: the reference, then CartKit's GET.
read_round_this() {
  run reference ref "$tmp/sessions.txt" "$duration" measure "$1"
  run cart-get cart "$tmp/sessions.txt" "$duration" measure "$1"
}
read_round_compare() {
  run "reference@$compare_commit" ref "$tmp/sessions.txt" "$duration" measure "$1" "$compare_base" "$compare_pid"
  run "cart-get@$compare_commit" cart "$tmp/sessions.txt" "$duration" measure "$1" "$compare_base" "$compare_pid"
}
# With --compare, the two servers take turns going first: the server that runs first in a round measured up to 15%
# slower in a run of this tree against itself, so a fixed order would favour the other build.
for ((r = 1; r <= rounds; r++)); do
  if [[ -z $compare_ref ]]; then
    read_round_this "$r"
  elif ((r % 2 == 1)); then
    read_round_this "$r"
    read_round_compare "$r"
  else
    read_round_compare "$r"
    read_round_this "$r"
  fi
done
# Headroom below MaxQuantityPerLine: adds per line on average in the last run (uniformly spread). add-item spreads
# its adds over every sku of every cart; add-checkout adds one sku per cart in half of its requests.
check_headroom() {
  local per_line lines=$((write_sessions * ${#skus[@]}))
  [[ ${1:-add} == checkout ]] && lines=$((write_sessions * 2))
  per_line=$(tail -n1 "$tmp/runs.jsonl" | jq --argjson lines "$lines" '.requests / $lines | floor')
  ((per_line <= 50)) || log "warning: $per_line adds per line on average, close to the 99 limit; raise CARTKIT_LOAD_WRITE_SESSIONS"
}
# write_round PHASE ROUND LENGTH: add-item, then add-checkout, on this tree's server and (interleaved) the other build's.
write_this() {
  run "$1" "$2" "$tmp/$3-this-$5.txt" "$6" "$4" "$5"
  check_headroom "$2"
}
write_compare() {
  run "$1@$compare_commit" "$2" "$tmp/$3-compare-$5.txt" "$6" "$4" "$5" "$compare_base" "$compare_pid"
  check_headroom "$2"
}
# write_round PHASE ROUND LENGTH: add-item, then add-checkout; with --compare, on both servers, taking turns first.
write_round() {
  local phase=$1 r=$2 length=$3 endpoint
  for endpoint in "add-item add write" "add-checkout checkout checkout"; do
    # shellcheck disable=SC2086 # the three words are the endpoint, the wrk mode and the carts file's stem
    set -- $endpoint
    if [[ -z $compare_ref ]]; then
      write_this "$1" "$2" "$3" "$phase" "$r" "$length"
    elif ((r % 2 == 1)); then
      write_this "$1" "$2" "$3" "$phase" "$r" "$length"
      write_compare "$1" "$2" "$3" "$phase" "$r" "$length"
    else
      write_compare "$1" "$2" "$3" "$phase" "$r" "$length"
      write_this "$1" "$2" "$3" "$phase" "$r" "$length"
    fi
  done
}
write_round warmup 0 "$warmup"
for ((r = 1; r <= rounds; r++)); do
  write_round measure "$r" "$duration"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Results ---------------------------------------------------------------------------------------------------------

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(git -C "$root" status --porcelain 2>/dev/null) ]] || commit="$commit (uncommitted changes)"
mkdir -p "$results_dir"

jq -s \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg commit "$commit" \
  --argjson nproc "$(nproc)" \
  --arg cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)" \
  --arg memory "$(sed -n 's/^MemTotal:[[:space:]]*//p' /proc/meminfo)" \
  --arg kernel "$(uname -sr)" \
  --arg dotnet_sdk "$(dotnet --version)" \
  --arg aspnetcore "$(dotnet --list-runtimes | sed -n 's/^Microsoft.AspNetCore.App \([^ ]*\).*/\1/p' | tail -n1)" \
  --arg redis "$redis_version" \
  --arg wrk "$(wrk -v 2>&1 | head -n1 | cut -d' ' -f2)" \
  --arg load_start "$load_start" --arg load_end "$load_end" \
  --argjson threads "$threads" --argjson connections "$connections" \
  --arg duration "$duration" --arg warmup "$warmup" --argjson rounds "$rounds" \
  --argjson sessions "$sessions" --argjson lines "$lines" --argjson write_sessions "$write_sessions" \
  --argjson body_bytes "$body_bytes" --argjson target "$target" --arg compare "$compare_commit" \
  --arg session_recheck "$session_recheck" \
  --arg redis_source "$([[ -n ${CARTKIT_LOAD_REDIS:-} ]] && echo external || echo "started by run.sh")" '
  def median: sort | length as $n | if $n == 0 then null
    elif $n % 2 == 1 then .[($n - 1) / 2] else (.[$n / 2 - 1] + .[$n / 2]) / 2 end;
  def r(d): . * pow(10; d) | round / pow(10; d);
  def errors: .non_2xx + ([.socket_errors[]] | add);
  . as $runs
  | def stats($e): [$runs[] | select(.endpoint == $e and .phase == "measure")] as $m
      | { rps: ([$m[].rps] | median | r(1)), p50_ms: ([$m[].latency_ms.p50] | median | r(3)),
          p90_ms: ([$m[].latency_ms.p90] | median | r(3)), p99_ms: ([$m[].latency_ms.p99] | median | r(3)),
          server_cpu_us: ([$m[].cpu_us_per_request.server] | median | r(1)),
          redis_cpu_us: ([$m[].cpu_us_per_request.redis] | median | r(1)),
          runs: ($m | length) };
    {reference: stats("reference"), "cart-get": stats("cart-get"), "add-item": stats("add-item"), "add-checkout": stats("add-checkout")} as $s
  | ($s["cart-get"].rps / $s.reference.rps | r(3)) as $ratio
  | ($s["cart-get"].server_cpu_us / $s.reference.server_cpu_us | r(3)) as $cpu_ratio
  # Each round: the CartKit run over the reference run just before it, to show the spread of the ratio.
  | ([$runs[] | select(.phase == "measure" and .endpoint == "reference")] | map({(.round | tostring): .rps}) | add) as $ref_by_round
  | ([$runs[] | select(.phase == "measure" and .endpoint == "cart-get") | .rps / $ref_by_round[.round | tostring] | r(3)]) as $round_ratios
  | ([$runs[] | errors] | add) as $errors
  | (if $compare == "" then null else
      {commit: $compare, reference: stats("reference@" + $compare), "cart-get": stats("cart-get@" + $compare),
       "add-item": stats("add-item@" + $compare), "add-checkout": stats("add-checkout@" + $compare)}
      | . + {ratio: (.["cart-get"].rps / .reference.rps | r(3)),
             server_cpu_ratio: (.["cart-get"].server_cpu_us / .reference.server_cpu_us | r(3)),
             this_tree_over_it: {"cart-get rps": ($s["cart-get"].rps / .["cart-get"].rps | r(3)),
                                 "cart-get server CPU per request": ($s["cart-get"].server_cpu_us / .["cart-get"].server_cpu_us | r(3)),
                                 "add-item rps": ($s["add-item"].rps / .["add-item"].rps | r(3)),
                                 "add-item server CPU per request": ($s["add-item"].server_cpu_us / .["add-item"].server_cpu_us | r(3)),
                                 "add-checkout rps": ($s["add-checkout"].rps / .["add-checkout"].rps | r(3)),
                                 "add-checkout server CPU per request": ($s["add-checkout"].server_cpu_us / .["add-checkout"].server_cpu_us | r(3))}}
    end) as $compared
  | {
      date: $date,
      commit: $commit,
      machine: { nproc: $nproc, cpu: $cpu, memory: $memory, kernel: $kernel, dotnet_sdk: $dotnet_sdk,
                 aspnetcore_runtime: $aspnetcore, redis: $redis, wrk: $wrk,
                 loadavg_start: $load_start, loadavg_end: $load_end },
      settings: { wrk: "-t\($threads) -c\($connections) -d\($duration) --latency", threads: $threads,
                  connections: $connections, duration: $duration, warmup: $warmup, rounds: $rounds,
                  sessions: $sessions, lines_per_cart: $lines, cart_body_bytes: $body_bytes,
                  write_sessions_per_run: $write_sessions, redis: $redis_source,
                  source_of_truth: "in memory (the GET runs never reach it)",
                  session_recheck_interval: (if $session_recheck == "" then "default (1 second)" else $session_recheck end) },
      compare: $compared,
      summary: ($s + { ratio: $ratio, round_ratios: $round_ratios, server_cpu_ratio: $cpu_ratio, target: $target, ratio_pass: ($ratio >= $target), errors: $errors }),
      runs: $runs
    }' "$tmp/runs.jsonl" >"$tmp/latest.json"

pass_word() { if [[ $1 == true ]]; then echo PASS; else echo FAIL; fi; }
ratio=$(jq -r '.summary.ratio' "$tmp/latest.json")
ratio_pass=$(jq -r '.summary.ratio_pass' "$tmp/latest.json")
errors=$(jq -r '.summary.errors' "$tmp/latest.json")

jq -r --arg verdict "$(pass_word "$ratio_pass")" '
  def row: "| \(.endpoint) | \(.phase) | \(if .phase == "warmup" then "-" else .round end) | \(.rps) | \(.latency_ms.p50) | \(.latency_ms.p90) | \(.latency_ms.p99) | \(.cpu_us_per_request.server) | \(.cpu_us_per_request.redis) | \(.non_2xx) | \([.socket_errors[]] | add) |";
  "# CartKit HTTP load test", "",
  "\(.date), commit \(.commit). Produced by `benchmarks/load/run.sh`; see benchmarks/load/README.md.", "",
  "Machine: \(.machine.nproc) cores, \(.machine.cpu), \(.machine.memory); \(.machine.kernel); .NET SDK \(.machine.dotnet_sdk) (ASP.NET Core \(.machine.aspnetcore_runtime)); Redis \(.machine.redis); wrk \(.machine.wrk). Load average \(.machine.loadavg_start) before, \(.machine.loadavg_end) after.", "",
  "Settings: `wrk \(.settings.wrk)`, warm-up \(.settings.warmup) per endpoint, \(.settings.rounds) rounds; \(.settings.sessions) carts of \(.settings.lines_per_cart) lines (\(.settings.cart_body_bytes) bytes of JSON) for the GETs, \(.settings.write_sessions_per_run) fresh carts per add-item and per add-checkout run (add-checkout: an add, then a checkout of the same cart, alternately; its rps counts both); Redis \(.settings.redis); source of truth \(.settings.source_of_truth); CartKit:SessionRecheckInterval \(.settings.session_recheck_interval).", "",
  "## Summary (medians of the measured runs)", "",
  "| Endpoint | rps | p50 ms | p90 ms | p99 ms | server CPU µs/request | Redis CPU µs/request |", "|---|---:|---:|---:|---:|---:|---:|",
  (.summary | to_entries[] | select(.value | type == "object") | "| \(.key) | \(.value.rps) | \(.value.p50_ms) | \(.value.p90_ms) | \(.value.p99_ms) | \(.value.server_cpu_us) | \(.value.redis_cpu_us) |"),
  "", "**CartKit GET / reference = \(.summary.ratio)** (target \(.summary.target)): **\($verdict)**. Errors in all runs: \(.summary.errors).", "",
  "Round by round, CartKit GET / the reference run before it: \(.summary.round_ratios | map(tostring) | join(", ")). Server CPU per request, CartKit GET / reference: \(.summary.server_cpu_ratio).", "",
  (if .compare == null then empty else
    "## Compared with \(.compare.commit), in the same run", "",
    "| Endpoint at \(.compare.commit) | rps | p50 ms | p99 ms | server CPU µs/request | Redis CPU µs/request |", "|---|---:|---:|---:|---:|---:|",
    (.compare | to_entries[] | select(.value | type == "object" and has("rps")) | "| \(.key) | \(.value.rps) | \(.value.p50_ms) | \(.value.p99_ms) | \(.value.server_cpu_us) | \(.value.redis_cpu_us) |"),
    "", "At \(.compare.commit): CartKit GET / reference = \(.compare.ratio); server CPU per request, CartKit GET / reference: \(.compare.server_cpu_ratio).", "",
    "This tree over \(.compare.commit): \(.compare.this_tree_over_it | to_entries | map("\(.key) \(.value)") | join(", ")).", "" end),
  "## Every run", "",
  "| Endpoint | Phase | Round | rps | p50 ms | p90 ms | p99 ms | server CPU µs/req | Redis CPU µs/req | non-2xx | socket errors |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  (.runs[] | row)' "$tmp/latest.json" >"$tmp/latest.md"

cp "$tmp/latest.json" "$tmp/latest.md" "$results_dir/"

echo
jq -r '
  "ENDPOINT\tPHASE\tROUND\tRPS\tP50_MS\tP90_MS\tP99_MS\tSERVER_CPU_US\tREDIS_CPU_US\tNON_2XX\tSOCKET_ERR",
  (.runs[] | [.endpoint, .phase, (if .phase == "warmup" then "-" else .round end), .rps, .latency_ms.p50,
    .latency_ms.p90, .latency_ms.p99, .cpu_us_per_request.server, .cpu_us_per_request.redis, .non_2xx,
    ([.socket_errors[]] | add)] | @tsv),
  (.summary | to_entries[] | select(.value | type == "object") |
    [.key, "MEDIAN", "-", .value.rps, .value.p50_ms, .value.p90_ms, .value.p99_ms, .value.server_cpu_us,
      .value.redis_cpu_us, "-", "-"] | @tsv)' "$tmp/latest.json" |
  column -t -s $'\t'
echo
echo "wrk -t$threads -c$connections -d$duration, $rounds rounds; results in $results_dir/latest.{json,md}"
echo "Round by round, CartKit GET / reference: $(jq -r '.summary.round_ratios | map(tostring) | join(", ")' "$tmp/latest.json")"
echo "Server CPU per request, CartKit GET / reference: $(jq -r '.summary.server_cpu_ratio' "$tmp/latest.json")"
if [[ -n $compare_commit ]]; then
  jq -r '.compare | "At \(.commit): CartKit GET / reference = \(.ratio), server CPU ratio \(.server_cpu_ratio); this tree over it, CartKit GET: \(.this_tree_over_it | to_entries | map("\(.key) \(.value)") | join(", "))"' "$tmp/latest.json"
fi
echo "CartKit GET / reference = $ratio (target $target): $(pass_word "$ratio_pass")"

status=0
if [[ $errors != 0 ]]; then
  echo "FAIL: $errors requests failed (non-2xx or socket errors); see the table above" >&2
  status=1
fi
if [[ $ratio_pass != true && $strict == true ]]; then
  status=1
fi
exit "$status"

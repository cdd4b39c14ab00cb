#!/usr/bin/env bash
# Demo wall time (issue 16): `bin/nightshift demo` end to end, several runs, each on a fresh data directory, on an
# already-built tree, with the Temporal CLI already provisioned (a shared tools directory, so no run pays the
# one-time PyPI download). Target: the whole demo in <= 60 s on 2 cores, judged on the median of the runs.
#
#   bench/demo-wall-time.sh [runs=5] [tree=this repository] [other-tree]
#
# With other-tree (e.g. a worktree of the revision before a change, built), the two trees' demos alternate
# (A B A B ...), so drift on a shared machine hits both, and the ratio of their medians is printed.
# Each run's figure is the demo's own "Demo wall time" line (JVM start to the report saved; split into start-up,
# task and report) when the tree prints one, else the wall time to the report line seen by this script; the
# process's exit (runtime shutdown) is timed separately. Output: per run, then median (min-max, n) per arm, the
# target and met/MISSED, load average at start and end, date, cores, git revision. Logs stay in the work dir; each
# run also prints its dock steps' wall times and the rest (bench/demo-steps.awk; run it on a log for every step).
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree_a="$(cd "${2:-$here}" && pwd)"
tree_b="${3:+$(cd "$3" && pwd)}"
tools="${NIGHTSHIFT_BENCH_TOOLS:-$HOME/.cache/nightshift/tools}"
work="$(mktemp -d /tmp/nightshift-demo-bench-XXXXXX)"
target=60
port=$((21000 + RANDOM % 5000))

load() { cut -d' ' -f1-3 /proc/loadavg; }
rev() { git -C "$1" rev-parse --short HEAD 2>/dev/null || echo unknown; }
dirty() { [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ] && echo "+uncommitted" || true; }
for t in "$tree_a" ${tree_b:+"$tree_b"}; do
  [ -f "$t/dist/target/classpath.txt" ] || { echo "$t is not built: run ./mvnw install -DskipTests there first" >&2; exit 2; }
done

echo "demo wall time, $runs run(s) per arm; $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; load average at start $(load)"
echo "A = $tree_a at $(rev "$tree_a")$(dirty "$tree_a")"
[ -n "$tree_b" ] && echo "B = $tree_b at $(rev "$tree_b")$(dirty "$tree_b")"
echo "tools (Temporal CLI) from $tools; logs in $work"

# one demo; prints "SECONDS_TO_REPORT SECONDS_TO_EXIT SPLIT"
one() {
  local tree="$1" name="$2" log="$work/$2.log" start end report split
  start=$(date +%s.%N)
  (cd "$tree" && bin/nightshift demo --data-dir "$work/$name" --tools-dir "$tools" --api-port "$port" \
      --temporal-port $((port + 1)) --temporal-ui-port $((port + 2)) --ui-port 0) >"$log" 2>&1 \
    || { echo "demo $name failed (exit $?): see $log" >&2; return 1; }
  end=$(date +%s.%N)
  report=$(stat -c %Y "$work/$name"/reports/* 2>/dev/null | sort -n | tail -1)
  split=$(grep -o 'Demo wall time .*' "$log" | tail -1 || true)
  local total
  total=$(sed -n 's/^Demo wall time \([0-9.]*\) s.*/\1/p' <<<"$split")
  [ -z "$total" ] && total=$(awk -v r="$report" -v s="$start" 'BEGIN { printf "%.1f", r - s }')
  awk -v t="$total" -v s="$start" -v e="$end" -v sp="$split" 'BEGIN { printf "%s %.1f %s\n", t, e - s, sp }'
}

declare -a a b
for i in $(seq 1 "$runs"); do
  arms="A"; [ -n "$tree_b" ] && { [ $((i % 2)) = 1 ] && arms="A B" || arms="B A"; }
  for arm in $arms; do
    tree="$tree_a"; [ "$arm" = B ] && tree="$tree_b"
    read -r total exit_s split < <(one "$tree" "$arm$i")
    echo "run $i $arm: $total s to the report, $exit_s s to exit; load $(load); ${split:-(no split printed)}"
    echo "  $(awk -v brief=1 -f "$here/bench/demo-steps.awk" "$work/$arm$i.log")"
    if [ "$arm" = A ]; then a+=("$total"); else b+=("$total"); fi
  done
done

summary() { # median (min-max, n)
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.1f s (%.1f-%.1f, n=%d)", m, v[1], v[NR], NR }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
ma=$(median "${a[@]}")
echo "A median $(summary "${a[@]}"): target <= $target s: $(awk -v m="$ma" -v t=$target 'BEGIN { print m <= t ? "met" : "MISSED" }')"
if [ -n "$tree_b" ]; then
  mb=$(median "${b[@]}")
  echo "B median $(summary "${b[@]}"): target <= $target s: $(awk -v m="$mb" -v t=$target 'BEGIN { print m <= t ? "met" : "MISSED" }')"
  awk -v a="$ma" -v b="$mb" 'BEGIN { printf "ratio of medians A / B %.2f\n", a / b }'
fi
echo "load average at end $(load); $(date -u '+%H:%M:%S UTC')"

# Where a demo task's time went, from the runtime's log (bench/demo-wall-time.sh keeps one per run):
#   awk -f bench/demo-steps.awk LOG
# One row per step in the order they started: start and end in seconds since the first step started, wall seconds,
# the gap since the latest end of a step before it started (workflow task and dispatch latency between steps that
# run one after another; a step that starts beside others, as prepare_docking does, counts from 0), and
# for dock steps the sum of the per-molecule docking seconds chem.dock reports (wall time inside the engine, summed
# over chunks that run side by side, so up to cores x wall). A map step's row spans its first chunk's start to its
# last chunk's end. With -v brief=1 one line instead: each dock step's and prepare_docking's wall time, the other
# steps' wall time summed, and the gaps summed.
function secs(t,  a) { split(t, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
/running step '|finished step '/ {
  s = secs($1); if (base == "") base = s
  match($0, /step '[^']+'/); name = substr($0, RSTART + 6, RLENGTH - 7); sub(/\[[0-9]+\]$/, "", name)
  if ($0 ~ /running step/) { if (!(name in st)) { st[name] = s - base; order[++n] = name } }
  else {
    en[name] = s - base
    if (match($0, /, [0-9.]+ s per molecule/)) dk[name] += substr($0, RSTART + 2, RLENGTH - 17) + 0
  }
}
END {
  if (brief) {
    line = ""; other = 0; gaps = 0
    for (i = 1; i <= n; i++) {
      k = order[i]; prev = 0
      for (j = 1; j < i; j++) if (en[order[j]] <= st[k] && en[order[j]] > prev) prev = en[order[j]]
      gaps += st[k] - prev
      if (k ~ /^dock[0-9]+$/ || k == "prepare_docking") line = line sprintf("%s %.1f s, ", k, en[k] - st[k])
      else other += en[k] - st[k]
    }
    printf "steps: %sother steps %.1f s, gaps %.1f s\n", line, other, gaps
    exit
  }
  printf "%-16s %7s %7s %7s %6s %11s\n", "step", "start", "end", "wall", "gap", "docking s"
  for (i = 1; i <= n; i++) {
    k = order[i]; prev = 0
    for (j = 1; j < i; j++) if (en[order[j]] <= st[k] && en[order[j]] > prev) prev = en[order[j]]
    printf "%-16s %7.1f %7.1f %7.1f %6.1f %11s\n", k, st[k], en[k], en[k] - st[k], st[k] - prev, (k in dk ? sprintf("%.1f", dk[k]) : "")
  }
}

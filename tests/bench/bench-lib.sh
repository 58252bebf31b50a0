# Shared by the benchmark scripts (sourced, not run); the caller sets $work, a temporary folder, and
# $measure (tests/bench/measure.sh) for run.

capture() { # NAME COMMAND...: runs COMMAND until READY, gcores it, kills it; prints the core path
  local name=$1; shift
  env ${PRELOAD:+LD_PRELOAD="$PRELOAD"} "$@" >"$work/$name.out" 2>&1 &
  local pid=$!
  for _ in $(seq 900); do grep -q "READY FOR GCORE" "$work/$name.out" && break; sleep 0.2; done
  gcore -o "$work/core-$name" "$pid" >/dev/null 2>&1
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$work/core-$name.$pid"
}

# figure KIND NAME: the values of NAME= recorded for KIND, one a line, sorted
figure() { grep "^$1 " "$work/runs" | sed "s/.* $2=\([0-9.]*\).*/\1/" | sort -n; }
median() { awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

machine() { echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GB, " $7 " GB available"}'), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

run() { # KIND COMMAND...: one measured run, recorded in $work/runs
  local line; line="$1 $("$measure" "${@:2}")"
  echo "$line" | tee -a "$work/runs"
}

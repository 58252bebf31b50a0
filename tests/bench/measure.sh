#!/usr/bin/env bash
# measure.sh COMMAND...: runs COMMAND (stdout discarded) and prints one line of figures:
#   wall=S cpu=S (user+sys) anon=MB file=MB [rc=N when COMMAND exited with N > 0]
# anon and file are the peaks of RssAnon and RssFile in /proc/PID/status, sampled every 10 ms
# (the process is COMMAND itself: bin/maze execs java). A benchmark helper, not a test.
set -euo pipefail
out=$(mktemp)
trap 'rm -f "$out" "$out.err" "$out.time"' EXIT
start=$(date +%s.%N)
# bash's time: user and sys of the child, in seconds
TIMEFORMAT='%U %S'
{ time "$@" >/dev/null 2>"$out.err" & } 2>"$out.time"
pid=$!
# the job is a subshell around time; the command is its child
sleep 0.005
child=$(pgrep -P "$pid" | head -1 || true)
anon=0 file=0
while kill -0 "$pid" 2>/dev/null; do
  if [[ -n $child && -r /proc/$child/status ]]; then
    while read -r key value _; do
      case $key in
        RssAnon:) ((value > anon)) && anon=$value ;;
        RssFile:) ((value > file)) && file=$value ;;
      esac
    done <"/proc/$child/status" 2>/dev/null || true
  else
    child=$(pgrep -P "$pid" | head -1 || true)
  fi
  sleep 0.01
done
rc=0
wait "$pid" || rc=$?
end=$(date +%s.%N)
# a JVM that could not start prints no times: say why instead of figures
read -r user sys <"$out.time" || { echo "measure.sh: $* failed:" >&2; cat "$out.err" >&2; exit 1; }
head -3 "$out.err" >&2
rm -f "$out.err" "$out.time"
printf 'wall=%.2f cpu=%.2f anon=%d file=%d%s\n' "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)" \
  $((anon / 1024)) $((file / 1024)) "$( ((rc)) && echo " rc=$rc")" 

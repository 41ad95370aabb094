# The figures bench/compare.sh and bench/nodes.sh read off bench/run.sh's result files (sourced by them).

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# figures SCENARIO FILE: the figures of one results file, one per line: name value
figures() {
  local scenario=$1
  shift
  if [ "$scenario" = spread ]; then
    awk -F'|' 'function t(s) { gsub(/ /, "", s); return s }
      /^\| [0-9]+ \| [0-9]+ \|/ { split($12, v, "/"); print "bookings/s", t($5); print "p99 ms", t($7);
        print "read-your-writes p99 ms", t(v[2]) }
      /^pgbench/ { sub(/ commits\/s.*/, ""); sub(/.*: /, ""); print "pgbench commits/s", $0 }' "$1"
  elif [ "$scenario" = rush ]; then
    sed -nE 's/^median of the sales at C = [0-9]+: ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms, visible in Upcoming p99 ([0-9.]+) ms.*/bookings\/s \1\np99 ms \2\nread-your-writes p99 ms \3/p' "$1"
  else
    sed -nE 's/^first minute after UP \([0-9]+ sales\): ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms; warm \(median of [0-9]+ sales\): ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms; first minute : warm = ([0-9.]+)/first minute bookings\/s \1\nfirst minute p99 ms \2\nwarm bookings\/s \3\nwarm p99 ms \4\nfirst minute : warm \5/p' "$1"
    awk -F'|' '$10 ~ /^ warm $/ { gsub(/ /, "", $9); print $9 }' "$1" | median | sed 's/^/warm read-your-writes p99 ms /'
  fi
}

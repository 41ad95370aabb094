# The figures bench/compare.sh and bench/nodes.sh read off bench/run.sh's result files (sourced by them).

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# figures SCENARIO FILE: the figures of one results file, one per line: name value
figures() {
  local scenario=$1
  shift
  # where the file says it (spread and rush): CPU per booking, and the rate at which it fills the cores
  sed -nE 's/.*CPU per booking: .* \(([0-9.]+) ms in all\); .* the cores allow ([0-9]+) bookings\/s$/CPU ms per booking \1\nbookings\/s the cores allow \2/p' "$1"
  if [ "$scenario" = spread ]; then
    awk -F'|' 'function t(s) { gsub(/ /, "", s); return s }
      /^\| [0-9]+ \| [0-9]+ \|/ { split($12, v, "/"); print "bookings/s", t($5); print "p99 ms", t($7);
        print "read-your-writes p99 ms", t(v[2]) }
      /^pgbench/ { sub(/ commits\/s.*/, ""); sub(/.*: /, ""); print "pgbench commits/s", $0 }' "$1"
  elif [ "$scenario" = rush ]; then
    sed -nE 's/^median of the sales at C = [0-9]+: ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms, visible in Upcoming p99 ([0-9.]+) ms.*/bookings\/s \1\np99 ms \2\nread-your-writes p99 ms \3/p' "$1"
    sed -nE 's/^pgbench one-row insert at C = [0-9]+: ([0-9]+) commits\/s.*/pgbench commits\/s \1/p' "$1"
  else
    sed -nE 's/^first minute after UP \([0-9]+ sales\): ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms; warm \(median of [0-9]+ sales\): ([0-9.]+) bookings\/s, p99 ([0-9.]+) ms; first minute : warm = ([0-9.]+)/first minute bookings\/s \1\nfirst minute p99 ms \2\nwarm bookings\/s \3\nwarm p99 ms \4\nfirst minute : warm \5/p' "$1"
    awk -F'|' '$10 ~ /^ warm $/ { gsub(/ /, "", $9); print $9 }' "$1" | median | sed 's/^/warm read-your-writes p99 ms /'
  fi
}

# rows SCENARIO RUNS PREFIX A B: one table row per figure of PREFIX-B-1.md: the median of A's runs (PREFIX-A-N.md), of
# B's, then each run's figure of A and of B
rows() {
  local scenario=$1 runs=$2 prefix=$3 a=$4 b=$5 name label side values row
  for name in $(figures "$scenario" "$prefix-$b-1.md" | sed -E 's/ [0-9.]+$//' | tr ' ' '_'); do
    label=${name//_/ }
    row=()
    for side in "$a" "$b"; do
      values=$(for n in $(seq 1 "$runs"); do figures "$scenario" "$prefix-$side-$n.md" |
        awk -v label="$label" '{ value = $NF; $NF = ""; sub(/ $/, ""); if ($0 == label) print value }'; done)
      row+=("$(echo "$values" | median)" "$(echo "$values" | tr '\n' ' ' | sed 's/ $//')")
    done
    echo "| $label | ${row[0]} | ${row[2]} | ${row[1]} | ${row[3]} |"
  done
}

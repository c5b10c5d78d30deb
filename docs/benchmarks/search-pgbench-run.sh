#!/bin/bash
# usage: run.sh PORT DB FUNC [clients] [secs] -> p50/p95/p99 per kind (pgbench -M prepared, the API's statement shape)
port=$1; db=$2; fn=$3; cl=${4:-"1 4"}; T=${5:-5}
P="-h localhost -p $port -U postgres"
cd "$(dirname "$0")"
for kind in "search:knedliky" "very_common:je" "diacritics:knedlíky" "two_words:spravne pivo" "rare:pivo praze" "never_together:pivo hospoda" "absent:xylofon"; do
  name=${kind%%:*}; q=${kind#*:}
  echo "SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at FROM $fn('$q', 20, NULL) m JOIN users u ON u.id = m.user_id ORDER BY m.created_at DESC, m.id DESC;" > q.sql
  for c in $cl; do
    rm -f pgbench_log.*
    pgbench $P -n -M prepared -c $c -j $c -T $T -l -f q.sql $db > out.txt 2>&1
    cat pgbench_log.* | awk '{print $3/1000}' | sort -n | awk -v k="$name" -v c=$c -v m=$fn '{a[NR]=$1} END {printf "%-16s %-22s c=%d n=%6d p50 %8.2f p95 %8.2f p99 %8.2f ms\n", k, m, c, NR, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}'
  done
done

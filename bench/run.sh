#!/bin/bash
# kpi-report benchmark (issue 12): prints every figure of docs/performance.md in one run.
# Never run by ctest. From the repository root, after building:
#
#   bench/run.sh [KPI_REPORT] [WORK_DIR]      # defaults: build/kpi-report, /tmp/kpi-bench
#
# Generates the synthetic corpus (bench/make_corpus.py, deterministic) once into WORK_DIR,
# then times whole processes, median of 5 runs, output to /dev/null:
#   corpus `report --format json` (MB/s, KPIs/s, ratio to `cat` of the same files),
#   the Takaoka subset against the Python peer (bench/peer_takaoka.py),
#   (each ratio the median of 5 pairs run back to back, timed with bash's clock, each timed
#   run after an untimed one of the same command; the same without it printed beside),
#   peak RSS (/usr/bin/time -v) on the corpus and on a corpus twice as large, and on 1,000
#   and 2,000 sheets that are each their own municipality (nothing merges), 1,000 and 4,000
#   one-KPI sheets of distinct municipalities (the merge stays linear),
#   one sheet (start-up included; bench/start_ms.py), a 3 MB cell of digits per layout, a
#   10 MB .xlsx.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
kpi=$(realpath "${1:-$root/build/kpi-report}")
work=${2:-/tmp/kpi-bench}
runs=5
slow_limit=60  # seconds: a case slower than this is reported as "> 60 s"

[ -x "$kpi" ] || { echo "bench: no kpi-report at $kpi (build first)" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then  # GNU time for the peak RSS (Debian package "time")
  echo "bench: installing GNU time (apt-get install time)" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
if [ ! -f "$work/.complete" ]; then
  echo "bench: generating the corpus in $work" >&2
  rm -rf "$work" "$work-2x"
  python3 "$here/make_corpus.py" "$work"
  python3 "$here/make_corpus.py" "$work-2x" --sheets 2000 --seed 24 --only-corpus
  touch "$work/.complete"
fi
corpus=$work/corpus
takaoka=$corpus/takaoka
mapfile -t corpus_files < <(find "$corpus" -type f | sort)
mapfile -t takaoka_files < <(find "$takaoka" -type f | sort)
sheet=$root/data/takaoka/takaoka-kpi-progress-fy2020-2023.txt

# "wall cpu" seconds of one run of "$@" (stdout and stderr discarded; cpu = user + system).
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/.time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/.time" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
# Median wall seconds of $runs runs, then the median CPU seconds: "wall cpu".
median_both() {
  local runs_out
  runs_out=$(for _ in $(seq "$runs"); do measure "$@"; done)
  local mid=$(((runs + 1) / 2))
  echo "$(cut -d' ' -f1 <<<"$runs_out" | sort -g | sed -n "${mid}p") $(cut -d' ' -f2 <<<"$runs_out" | sort -g | sed -n "${mid}p")"
}
cpu_of() { cut -d' ' -f2 <<<"$1"; }
wall_of() { cut -d' ' -f1 <<<"$1"; }

# Peak resident set of one run, in MB.
peak_mb() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }'
}
ratio() { echo "scale=1; $1 / $2" | bc; }
# Seconds of one run of "$@" (output discarded), to the microsecond: `time`'s hundredths are
# too coarse for `cat` (0.056 s reads 0.05). Bash's own clock: no process is started around
# the run.
seconds_of() {
  local start end
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  echo "scale=6; $end - $start" | bc
}
# The ratio of two commands' times, each pair run back to back: "numerator_seconds
# denominator_seconds ratio", each the median of $runs pairs. $1 and $2 name arrays holding
# the commands. The machine's speed drifts by a quarter from minute to minute; a pair shares
# its minute, where medians taken a minute apart need not. With $3 = warm (the default) each
# timed run follows an untimed run of the same command, as in a median of runs back to back:
# a core left idle (the peer runs on one) takes tens of milliseconds to come back, which a
# 0.15 s run pays and a 1.8 s one does not notice. $3 = cold times each command once.
paired_ratio() {
  local -n numerator=$1 denominator=$2
  local warm=${3:-warm} pairs d n
  pairs=$(for _ in $(seq "$runs"); do
    [ "$warm" = warm ] && seconds_of "${denominator[@]}" >/dev/null
    d=$(seconds_of "${denominator[@]}")
    [ "$warm" = warm ] && seconds_of "${numerator[@]}" >/dev/null
    n=$(seconds_of "${numerator[@]}")
    echo "$n $d $(echo "scale=4; $n / $d" | bc)"
  done)
  local mid=$(((runs + 1) / 2)) column out=()
  for column in 1 2 3; do out+=("$(cut -d' ' -f$column <<<"$pairs" | sort -g | sed -n "${mid}p")"); done
  echo "${out[*]}"
}
field() { cut -d' ' -f"$1" <<<"$2"; }
per_second() { echo "scale=0; $1 / $2" | bc; }
bytes_of() { cat "$@" | wc -c; }
# A run that may be very slow: its time, or "> limit".
bounded() {
  local start end
  start=$(date +%s%N)
  if timeout "$slow_limit" "$@" >/dev/null 2>&1 || [ $? -ne 124 ]; then
    end=$(date +%s%N)
    printf '%.3f s' "$(echo "scale=4; ($end - $start) / 1000000000" | bc)"
  else
    printf '> %d s (stopped)' "$slow_limit"
  fi
}
kpis_in() {  # KPIs in a `report --format json` document on stdin
  python3 -c 'import json,sys; print(sum(s["kpis"] for s in json.load(sys.stdin)["sources"]))'
}

command -v bc >/dev/null || { echo "bench: needs bc" >&2; exit 2; }
# The binary's version names the commit its build was configured at; the tree's commit now:
source_commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo "not a git tree")
echo "kpi-report benchmark: $kpi ($("$kpi" --version); source $source_commit), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "median of $runs runs, wall time of the whole process (CPU = user + system), page cache warm"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall times)"
echo

corpus_bytes=$(bytes_of "${corpus_files[@]}")
corpus_mb=$(echo "scale=1; $corpus_bytes / 1000000" | bc)
# The corpus's exit status is printed, not required: the synthetic scaling can break a row
# kpi-report then refuses as an input error (exit 2; see make_corpus.py's vary_takaoka).
# One run gives the KPI count (stdout), the stderr lines and errors, and the exit status.
corpus_exit=0
"$kpi" report --format json "$corpus" >"$work/.corpus.json" 2>"$work/.corpus-stderr" ||
  corpus_exit=$?
corpus_kpis=$(kpis_in <"$work/.corpus.json")
stderr_lines=$(wc -l <"$work/.corpus-stderr")
errors=$(grep -c ': error: ' "$work/.corpus-stderr" || true)
rm -f "$work/.corpus.json" "$work/.corpus-stderr"
cat "${corpus_files[@]}" >/dev/null
m_corpus=$(median_both "$kpi" report --format json "$corpus")
kpi_corpus=("$kpi" report --format json "$corpus")
cat_corpus=(cat "${corpus_files[@]}")
cat_pairs=$(paired_ratio kpi_corpus cat_corpus)
cat_pairs_cold=$(paired_ratio kpi_corpus cat_corpus cold)
t_corpus=$(wall_of "$m_corpus")
echo "corpus: ${#corpus_files[@]} files, $corpus_mb MB, $corpus_kpis KPIs ($work/corpus)"
echo "  report --format json   $t_corpus s (CPU $(cpu_of "$m_corpus") s)   $(echo "scale=1; $corpus_bytes / $t_corpus / 1000000" | bc) MB/s   $(per_second "$corpus_kpis" "$t_corpus") KPIs/s"
printf '  cat                    %.3f s   ratio to cat: %.1fx   (target <= 5x, bar 10x; paired runs; %.1fx without the untimed run before each)\n' \
  "$(field 2 "$cat_pairs")" "$(field 3 "$cat_pairs")" "$(field 3 "$cat_pairs_cold")"
echo "  stderr lines           $stderr_lines ($errors errors; exit status $corpus_exit)"
m_check=$(median_both "$kpi" check "$corpus")
echo "  check (text)           $(wall_of "$m_check") s (CPU $(cpu_of "$m_check") s), peak $(peak_mb "$kpi" check "$corpus") MB"

takaoka_mb=$(echo "scale=1; $(bytes_of "${takaoka_files[@]}") / 1000000" | bc)
m_tk=$(median_both "$kpi" report --format json "$takaoka")
t_tk=$(wall_of "$m_tk")
m_tk1=$(median_both "$kpi" report --format json --jobs 1 "$takaoka")
m_peer=$(median_both python3 "$here/peer_takaoka.py" "${takaoka_files[@]}")
kpi_takaoka=("$kpi" report --format json "$takaoka")
peer_takaoka=(python3 "$here/peer_takaoka.py" "${takaoka_files[@]}")
peer_pairs=$(paired_ratio peer_takaoka kpi_takaoka)
peer_pairs_cold=$(paired_ratio peer_takaoka kpi_takaoka cold)
echo
echo "takaoka subset: ${#takaoka_files[@]} sheets, $takaoka_mb MB"
echo "  kpi-report             $t_tk s (CPU $(cpu_of "$m_tk") s; 1 job: $(wall_of "$m_tk1") s)"
printf '  python peer            %.2f s (CPU %s s)   ratio to the peer: %.1fx wall (paired runs; kpi-report %.3f s), %sx CPU   (target >= 50x, bar 10x)\n' \
  "$(field 1 "$peer_pairs")" "$(cpu_of "$m_peer")" "$(field 3 "$peer_pairs")" "$(field 2 "$peer_pairs")" "$(ratio "$(cpu_of "$m_peer")" "$(cpu_of "$m_tk1")")"
printf '                         without the untimed run before each: %.1fx (kpi-report %.3f s)\n' \
  "$(field 3 "$peer_pairs_cold")" "$(field 2 "$peer_pairs_cold")"
echo
mapfile -t double_files < <(find "$work-2x/corpus" -type f)
echo "peak RSS, report --format json"
echo "  corpus    (${#corpus_files[@]} files)   $(peak_mb "$kpi" report --format json "$corpus") MB   (target <= 160 MB)"
echo "  corpus x2 (${#double_files[@]} files)   $(peak_mb "$kpi" report --format json "$work-2x/corpus") MB   (flat: about the same)"
echo "  python peer, takaoka   $(peak_mb python3 "$here/peer_takaoka.py" "${takaoka_files[@]}") MB"
# Every sheet its own municipality (nothing merges, few diagnostics): the model's own size.
# The bundled Takaoka sheet as a canonical CSV, its municipality renamed per copy.
if [ ! -d "$work/towns-2000" ]; then
  "$kpi" convert --to csv -o "$work/towns.csv" "$sheet" 2>/dev/null
  python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
text = open(os.path.join(work, "towns.csv"), encoding="utf-8-sig").read()
for count in (1000, 2000):
    folder = os.path.join(work, f"towns-{count}")
    os.makedirs(folder)
    for i in range(count):
        with open(os.path.join(folder, f"town{i:04d}.csv"), "w", encoding="utf-8-sig") as f:
            f.write(text.replace("\ntakaoka,", f"\ntown{i:04d},"))
PY
fi
echo "  every sheet its own municipality (canonical CSV, 64 KPIs each; nothing merges):"
for count in 1000 2000; do
  m_towns=$(median_both "$kpi" report --format json "$work/towns-$count")
  echo "    $count sheets   $(peak_mb "$kpi" report --format json "$work/towns-$count") MB   $(wall_of "$m_towns") s (CPU $(cpu_of "$m_towns") s)"
done

# Many municipalities, one KPI each, slugs that are no typo of each other: the merge's
# per-municipality work (near-miss lookup, bookkeeping) must stay linear in their number.
if [ ! -d "$work/munis-4000" ]; then
  python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
rng = random.Random(7)
slugs = []
while len(slugs) < 4000:
    slug = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(6, 12)))
    if slug not in slugs:
        slugs.append(slug)
for count in (1000, 4000):
    folder = os.path.join(work, f"munis-{count}")
    os.makedirs(folder)
    for i, slug in enumerate(slugs[:count]):
        with open(os.path.join(folder, f"{i:04d}.csv"), "w", encoding="utf-8") as f:
            f.write("municipality,id,name,fiscal_year,target,actual,published_rate\n"
                    f"{slug},No.1,人口,2023,100,90,90.0%\n")
PY
fi
m_munis1=$(median_both "$kpi" report --format json "$work/munis-1000")
m_munis4=$(median_both "$kpi" report --format json "$work/munis-4000")
echo "  municipalities, one small sheet each: 1000 in $(wall_of "$m_munis1") s, 4000 in $(wall_of "$m_munis4") s   (linear: about 4x)"

echo
m_one=$(median_both "$kpi" report --format json "$sheet")
# Milliseconds of one process, start-up included: median and mean of 50 runs started with
# posix_spawn (bench/start_ms.py), beside the floor of the same harness on this machine (a
# program that does nothing, and kpi-report loading and printing its version).
start_ms() { python3 "$here/start_ms.py" 50 "$@"; }
read -r one_median one_mean < <(start_ms "$kpi" report --format json "$sheet")
echo "one sheet (start-up included)   $one_median ms (median of 50; mean $one_mean ms; CPU $(cpu_of "$m_one") s)   (target < 10 ms)"
echo "  the same harness: /bin/true $(start_ms /bin/true | cut -d' ' -f1) ms, kpi-report --version $(start_ms "$kpi" --version | cut -d' ' -f1) ms"
# Until the nineteenth pass the figure was the mean of 20 runs in a bash loop, which adds
# bash's fork to every run: kept for comparison with the earlier passes.
mean_ms_of_20() {
  local start
  start=$(date +%s%N)
  for _ in $(seq 20); do "$@" >/dev/null 2>&1 || true; done
  echo "scale=1; ($(date +%s%N) - $start) / 20 / 1000000" | bc
}
echo "  a bash loop (mean of 20): one sheet $(mean_ms_of_20 "$kpi" report --format json "$sheet") ms, /bin/true $(mean_ms_of_20 /bin/true) ms"
echo "3 MB cell of digits, report --format json   (target < 1 s each)"
for f in "$work"/cells/*; do
  printf '  %-26s %s\n' "$(basename "$f")" "$(bounded "$kpi" report --format json "$f")"
done
big=$work/big/book-10mb.xlsx
m_xlsx=$(median_both "$kpi" report --format json "$big")
echo "10 MB .xlsx ($(($(stat -c %s "$big") / 1000000)) MB)   $(wall_of "$m_xlsx") s (CPU $(cpu_of "$m_xlsx") s), peak $(peak_mb "$kpi" report --format json "$big") MB   (target < 1 s)"
m_xlsx_check=$(median_both "$kpi" check --format json "$big")
echo "  check --format json   $(wall_of "$m_xlsx_check") s (CPU $(cpu_of "$m_xlsx_check") s), peak $(peak_mb "$kpi" check --format json "$big") MB"

#!/usr/bin/env bash
# Regenerates the measurements in docs/performance.md: builds the benchmarks jar and the CLI, writes the synthetic
# portfolios, runs the JMH benchmarks (engine build, batch evaluation at 10k / 100k / 1M projects on 1 and 2 threads,
# the engine against the hand-written baseline), measures whole runs and their heap (report kept or streamed), times
# the CLI on the Barbados sample, measures the monitor's update latency under G1 and ZGC, and rewrites the results
# section of docs/performance.md.
#
# Not for CI: it takes 20 to 45 minutes on two cores and wants the machine to itself (other load shows up as noise;
# the load average is recorded next to the numbers). Needs a JDK 17+, Maven, about 6 GB of free memory and 1 GB of
# disk; hyperfine is used for the CLI timing when installed (else `time`, 5 runs).
#
# Usage: scripts/benchmarks.sh [--quick]
#   --quick  a smoke run of a few minutes: fewer forks and iterations, no 1M-project sizes; numbers are rough.
# Environment: RESULTS (default benchmarks/target/results), JAVA (default java), MAVEN_ARGS (e.g. -o for offline).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="${RESULTS:-$root/benchmarks/target/results}"
java="${JAVA:-java}"
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
fi
mkdir -p "$results"
rm -f "$results"/load.txt "$results"/jmh-batch*.json
log() { echo "[benchmarks $(date +%H:%M:%S)] $*" >&2; }

# On a shared machine, wait (up to QUIET_WAIT seconds) for the 1-minute load average to drop under QUIET_LOAD before
# each measurement, and record the load each one started with (docs/performance.md shows it).
quiet_load="${QUIET_LOAD:-1.0}"
quiet_wait="${QUIET_WAIT:-900}"
quiet() {
  local stage="$1" waited=0
  while awk -v limit="$quiet_load" '{ exit !($1 >= limit) }' /proc/loadavg 2>/dev/null && [ "$waited" -lt "$quiet_wait" ]; do
    if [ "$waited" -eq 0 ]; then
      log "waiting for a quiet machine before: $stage (load $(cut -d' ' -f1 /proc/loadavg), limit $quiet_load)"
    fi
    sleep 10
    waited=$((waited + 10))
  done
  echo "$stage: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at start (waited ${waited} s)" >> "$results/load.txt"
}

log "building the benchmarks jar and the CLI"
# shellcheck disable=SC2086 # MAVEN_ARGS may hold several options
mvn -B -q ${MAVEN_ARGS:-} -DskipTests -pl benchmarks,engine-cli -am package
jar="$root/benchmarks/target/benchmarks.jar"

{
  echo "$(date -u +%Y-%m-%d) $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo 2>/dev/null)"
  "$java" -version 2>&1 | sed -n 2p
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
} > "$results/environment.txt"

log "writing the synthetic portfolios (the JMH benchmarks generate the same ones in memory)"
"$java" -cp "$jar" org.missionengine.benchmarks.Generate --missions 100 --projects 100 --out "$results/portfolio-10k.json"
"$java" -cp "$jar" org.missionengine.benchmarks.Generate --missions 1000 --projects 100 --out "$results/portfolio-100k.json"
if ! $quick; then
  "$java" -cp "$jar" org.missionengine.benchmarks.Generate --missions 10000 --projects 100 --out "$results/portfolio-1m.json"
fi

# Warm-up: the rules' constraints and the engine's code reach their compiled speed after some thousands of missions,
# so the small sizes get many warm-up iterations (a 1M-project operation is 10,000 missions on its own).
if $quick; then
  build_opts=(-f 3)
  batch_sizes=(10000 100000)
  warmup_small=(-wi 4 -i 3)
  warmup_large=(-wi 2 -i 3)
  measure_runs=3
else
  build_opts=()
  batch_sizes=(10000 100000 1000000)
  warmup_small=(-wi 12 -i 5)
  warmup_large=(-wi 3 -i 5)
  measure_runs=5
fi

quiet "JMH engine build"
log "JMH: engine build"
"$java" -jar "$jar" 'EngineBuildBenchmark' "${build_opts[@]}" -rf json -rff "$results/jmh-build.json" \
  > "$results/jmh-build.txt"
for size in "${batch_sizes[@]}"; do
  quiet "JMH batch $size projects"
  log "JMH: batch evaluation, $size projects"
  if [ "$size" -ge 1000000 ]; then iteration_opts=("${warmup_large[@]}"); else iteration_opts=("${warmup_small[@]}"); fi
  "$java" -jar "$jar" 'BatchBenchmark' -p projects="$size" -p threads=1,2 "${iteration_opts[@]}" \
    -rf json -rff "$results/jmh-batch-$size.json" > "$results/jmh-batch-$size.txt"
done
quiet "JMH engine against the baseline"
log "JMH: the engine against the hand-written baseline"
"$java" -jar "$jar" 'SharedChecksBenchmark' "${warmup_small[@]}" -rf json -rff "$results/jmh-shared.json" \
  > "$results/jmh-shared.txt"

log "whole runs and heap"
rm -f "$results"/measure-*.json
if ! $quick; then
  quiet "Measure 1M projects, G1"
  "$java" -Xmx4g -Xlog:gc:file="$results/gc-1m-2threads.log" -cp "$jar" org.missionengine.benchmarks.Measure \
    --missions 10000 --projects 100 --threads 2 --runs "$measure_runs" --json "$results/measure-1m-2threads-G1.json" \
    > "$results/measure-1m-2threads-G1.txt"
  quiet "Measure 1M projects, G1, report streamed"
  "$java" -Xmx4g -cp "$jar" org.missionengine.benchmarks.Measure --stream \
    --missions 10000 --projects 100 --threads 2 --runs "$measure_runs" --json "$results/measure-1m-2threads-G1-streamed.json" \
    > "$results/measure-1m-2threads-G1-streamed.txt"
  quiet "Measure 1M projects from the file, report streamed"
  "$java" -Xmx4g -cp "$jar" org.missionengine.benchmarks.Measure --stream --file "$results/portfolio-1m.json" \
    --threads 2 --runs "$measure_runs" --json "$results/measure-1m-from-file-2threads-G1-streamed.json" \
    > "$results/measure-1m-from-file-2threads-G1-streamed.txt"
  quiet "Measure 1M projects, ParallelGC"
  "$java" -Xmx4g -XX:+UseParallelGC -cp "$jar" org.missionengine.benchmarks.Measure \
    --missions 10000 --projects 100 --threads 2 --runs "$measure_runs" --json "$results/measure-1m-2threads-ParallelGC.json" \
    > "$results/measure-1m-2threads-ParallelGC.txt"
fi
# read from the file (the path the CLI takes): reading is part of the run's heap
quiet "Measure 100k projects from the file"
"$java" -Xmx2g -cp "$jar" org.missionengine.benchmarks.Measure --file "$results/portfolio-100k.json" \
  --threads 2 --runs "$measure_runs" --json "$results/measure-100k-from-file-2threads-G1.json" \
  > "$results/measure-100k-from-file-2threads-G1.txt"

quiet "CLI on the Barbados sample"
log "the CLI on the Barbados sample, end to end"
command="./mission-eval evaluate samples/missions/barbados.json"
./mission-eval evaluate samples/missions/barbados.json > /dev/null # builds the jar if a source changed
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 10 --export-json "$results/barbados.json" --output=null "$command" \
    > "$results/barbados.txt"
else
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    $command > /dev/null
    times+=("$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
  done
  printf '{"results":[{"command":"%s","times":[%s]}]}\n' "$command" "$(IFS=,; echo "${times[*]}")" \
    > "$results/barbados.json"
fi

log "the monitor: one new observation with 100,000 projects loaded (G1, then ZGC)"
rm -f "$results"/monitor-*.json
if $quick; then monitor_updates=5000; else monitor_updates=20000; fi
quiet "MonitorLatency, G1"
"$java" -Xmx6g -cp "$jar" org.missionengine.benchmarks.MonitorLatency 1000 100 "$monitor_updates" \
  "$results/monitor-G1.json" > "$results/monitor-G1.txt"
quiet "MonitorLatency, ZGC"
"$java" -Xmx6g -XX:+UseZGC -cp "$jar" org.missionengine.benchmarks.MonitorLatency 1000 100 "$monitor_updates" \
  "$results/monitor-ZGC.json" > "$results/monitor-ZGC.txt"

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >> "$results/environment.txt"

log "summarising into docs/performance.md"
"$java" -cp "$jar" org.missionengine.benchmarks.Summarize "$results" > "$results/summary.md"
doc="$root/docs/performance.md"
if grep -q '<!-- results:begin -->' "$doc" 2>/dev/null; then
  awk -v summary="$results/summary.md" '
    /<!-- results:begin -->/ { print; while ((getline line < summary) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip { print }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  log "updated $doc"
else
  log "no results markers in $doc; the summary is in $results/summary.md"
fi
cat "$results/summary.md"

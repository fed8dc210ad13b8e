#!/usr/bin/env bash
# Load benchmark (not part of ./mvnw verify): REST chat turns at increasing concurrency against the running server
# with the embedded defaults, and in the same run a no-op endpoint of the same server (liveness probe: every filter,
# no work) for the ratio; afterwards every acknowledged turn is counted in chat_sessions.
#   web-chat/src/test/load/run.sh [connections...]        default: 10 50 100
# Env: DURATION (default 20s per step), WARMUP (default 120s), PORT (default 18080), JAR (default
# web-chat/target/echotune-server.jar), JAVA_OPTS (default: the deployment's collector, -Xmx1g -XX:+UseParallelGC).
# Targets 127.0.0.1 only; every step is bounded by DURATION; the server it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
LEVELS=("${@:-10 50 100}"); LEVELS=(${LEVELS[*]})
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-120s}
PORT=${PORT:-18080}
JAR=${JAR:-web-chat/target/echotune-server.jar}
# the collector deploy/ ships (see the README's load section for G1 and Serial measured against it)
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}
HERE=web-chat/src/test/load
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -pl web-chat -am package -DskipTests
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# the jar needs Java 21+; the machine's default java may be older (the build finds its JDK the same way)
is21() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if ! is21 "$JAVA"; then
  for j in /usr/lib/jvm/*/bin/java; do if is21 "$j"; then JAVA=$j; break; fi; done
fi
is21 "$JAVA" || { echo "no Java 21+ found: set JAVA_HOME" >&2; exit 1; }
# another server on the port would answer the readiness check and be measured instead of this jar
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use: stop that server or set PORT" >&2; exit 1; fi
export LOAD_DIR=$(mktemp -d /tmp/echotune-load.XXXXXX)
echo "data and logs: $LOAD_DIR; JVM options: $JAVA_OPTS (GC log: gc.log)"

# one client machine makes all the requests: the per-person rate limit would (rightly) refuse most of them
STARTED=$(date +%s.%N)
PORT=$PORT ECHOTUNE_DATA_DIR=$LOAD_DIR/data ECHOTUNE_RATE_LIMITS_ENABLED=false ECHOTUNE_LOG_FORMAT= \
  "$JAVA" $JAVA_OPTS -Xlog:gc:file="$LOAD_DIR/gc.log" -jar "$JAR" >"$LOAD_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { echo "server did not start; see $LOAD_DIR/server.log" >&2; exit 1; }

# warm-up (JIT, Lucene, NLU caches), not measured: at the highest concurrency of the run, long enough for the JIT to
# settle (with 10 s at 10 connections, CPU per turn was still falling by a third from one 10 s step to the next) and
# for the embedded database's one-off change of pace: around its first GB (about 250,000 turns) CPU per request rose
# by a third to a half for 10-20 s in every run, so a 60 s warm-up put that into the measured steps
MAX_CONNS=$(printf '%s\n' "${LEVELS[@]}" | sort -n | tail -1)
RUN=warmup wrk -t2 -c"$MAX_CONNS" -d"$WARMUP" -s $HERE/chat.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c"$MAX_CONNS" -d10s "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null

MEASURED_FROM=$(awk -v a="$STARTED" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (compare runs only on a quiet machine)"
# CPU seconds the server has used so far (utime + stime in clock ticks, /proc/PID/stat fields 14 and 15)
server_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
TICKS=$(getconf CLK_TCK)
printf '%-6s %-9s %10s %9s %9s %7s %14s\n' conns endpoint req/s p50 p99 errors "server CPU/req"
for c in "${LEVELS[@]}"; do
  for ep in noop chat; do
    before=$(server_ticks)
    if [ $ep = chat ]; then out=$(RUN=c$c wrk -t2 -c"$c" -d"$DURATION" --latency -s $HERE/chat.lua "http://127.0.0.1:$PORT")
    else out=$(wrk -t2 -c"$c" -d"$DURATION" --latency "http://127.0.0.1:$PORT/actuator/health/liveness"); fi
    after=$(server_ticks)
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    # CPU per request is steadier than req/s when the machine is shared: it does not count time spent waiting for a core
    cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$TICKS" 'BEGIN {printf "%.3f ms", n ? t * 1000 / hz / n : 0}')
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errs=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",",""); n+=$4+$6+$8+$10} END {print n+0}' <<<"$out")
    printf '%-6s %-9s %10s %9s %9s %7s %14s\n' "$c" "$ep" "$rps" "$p50" "$p99" "$errs" "$cpu"
    echo "$out" >"$LOAD_DIR/wrk-$ep-$c.txt"
  done
done
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# GC pauses while measuring (the log's uptime is counted from the JVM's start, about when the server was launched)
awk -v from="$MEASURED_FROM" '/Pause/ { t = $1; gsub(/[^0-9.]/, "", t); ms = $NF; sub("ms", "", ms)
  if (t + 0 >= from) { n++; sum += ms; if (ms + 0 > max) max = ms + 0; if (ms + 0 >= 100) long++ } }
  END { printf "GC pauses while measuring: %d, %.0f ms in all, longest %.0f ms, %d of 100 ms or more\n", n, sum, max, long }' "$LOAD_DIR/gc.log"
python3 $HERE/count_turns.py "http://127.0.0.1:$PORT" "$LOAD_DIR"

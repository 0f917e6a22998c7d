#!/usr/bin/env bash
# Runs PeerSourceBenchmark: Shardline's source and Apache Flink's DynamoDB Streams source against the
# same engine server, in one run (issue #18). Not part of `mvn verify`.
#
# Usage: benchmarks/peer-source/run.sh /path/to/flink-connector-aws [records rate seconds]
#
# Apache's connector is not published for Flink 2.3 (nor is its DynamoDB Streams source for any
# Flink on Maven Central), so this builds it from a checkout of its source
# (https://github.com/apache/flink-connector-aws; measured at commit e17153c) against Flink 2.3.0
# and installs it in the local Maven repository, then installs Shardline and runs the benchmark.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
checkout=${1:?usage: run.sh /path/to/flink-connector-aws [records rate seconds]}
shift
(cd "$checkout" && mvn -B -q install -DskipTests -pl flink-connector-aws/flink-connector-dynamodb -am \
  -Dflink.version=2.3.0 -Dcheckstyle.skip -Dspotless.check.skip -Dspotless.apply.skip -Drat.skip \
  -Denforcer.skip -Djapicmp.skip -Dmaven.javadoc.skip)
(cd "$here/../.." && mvn -B -q install -DskipTests)
cd "$here"
mvn -B -q exec:exec -Dexec.executable=java \
  -Dexec.args="-cp %classpath io.shardline.bench.peer.PeerSourceBenchmark $*"

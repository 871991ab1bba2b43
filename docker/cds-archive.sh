#!/bin/sh
# Writes a class data sharing archive of the classes a Spring Boot application's start-up loads,
# for the application extracted as app.jar with lib/ beside it:
#
#   java -Djarmode=tools -jar amtsflow.jar extract --destination <dir> --application-filename app.jar
#   docker/cds-archive.sh <dir> [training arguments for the app ...]     # writes <dir>/app.jsa
#   java -XX:SharedArchiveFile=<dir>/app.jsa -jar <dir>/app.jar ...
#
# The training run starts the application up to the refreshed context (spring.context.exit=
# onRefresh: database schema, engine, deployments, web server; nothing is served) on a throwaway
# data folder and lists the classes it loaded; a static archive is dumped from that list. Without
# the lambda forms: the JDK 17 of this project's machines (Debian 17.0.15) crashes dumping them,
# statically and dynamically (-XX:ArchiveClassesAtExit). The archive fits only the JVM that made
# it and the same jars: make it where it runs (the Docker image's last stage). A JVM that cannot
# use it starts without it (-Xshare:auto, the default), as slowly as before, never wrongly.
set -eu
dest=$(cd "$1" && pwd) # the same absolute path at dump and at run: the archive records it
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# in the throwaway folder: the application's default data folder (./data) lands there
if ! (cd "$tmp" && env -u AMTSFLOW_DATA_DIR -u AMTSFLOW_DB_URL -u AMTSFLOW_CONTENT_DIR \
  java -XX:DumpLoadedClassList="$tmp/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$dest/app.jar" --server.port=0 --logging.level.root=warn "$@" >"$tmp/training.log" 2>&1); then
  echo "cds-archive: the training run failed; its log:" >&2
  tail -40 "$tmp/training.log" >&2
  exit 1
fi
grep -v '^@lambda' "$tmp/classes.lst" >"$tmp/classes-without-lambdas.lst"
if ! java -Xshare:dump -XX:SharedClassListFile="$tmp/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$dest/app.jsa" -jar "$dest/app.jar" >"$tmp/dump.log" 2>&1; then
  echo "cds-archive: dumping the archive failed; its log:" >&2
  grep -v 'warning' "$tmp/dump.log" | tail -40 >&2
  exit 1
fi
echo "cds-archive: $(grep -vc '^@' "$tmp/classes-without-lambdas.lst") classes listed, $dest/app.jsa $(du -m "$dest/app.jsa" | cut -f1) MB"

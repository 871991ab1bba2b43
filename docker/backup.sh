#!/usr/bin/env bash
# Backs up amtsflow: the database and the e-file content folder, in that order.
# See README.md, "Backup and restore", for why the order matters and what is not covered.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: backup.sh postgres|h2 BACKUP_DIR

  postgres  online: the app may keep running. pg_dump -Fc takes one consistent snapshot, then
            the content blobs are copied. Connection from the libpq variables PGHOST, PGPORT,
            PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE.
  h2        offline: stop the app first (it holds the H2 file exclusively). Copies the
            database folder and the content blobs.

  BACKUP_DIR must not exist yet, or be empty.

Environment:
  AMTSFLOW_DATA_DIR     the app's data folder (default ./data)
  AMTSFLOW_CONTENT_DIR  the content folder if set apart (default $AMTSFLOW_DATA_DIR/content)

Result: BACKUP_DIR/{amtsflow.dump | db/}, BACKUP_DIR/content/sha256/..., BACKUP_DIR/MANIFEST,
BACKUP_DIR/SHA256SUMS (of the database part; restore.sh checks it).
EOF
}

[[ $# -eq 2 && ($1 == postgres || $1 == h2) ]] || { usage >&2; exit 2; }
mode=$1
target=$2
data_dir=${AMTSFLOW_DATA_DIR:-./data}
content_dir=${AMTSFLOW_CONTENT_DIR:-$data_dir/content}

if [[ $mode == h2 ]]; then
  h2_dir=$data_dir/db
  [[ -d $h2_dir ]] || { echo "backup.sh: no H2 database in $h2_dir" >&2; exit 1; }
  # the running app keeps the database file open, and a copy of a live H2 file may not open;
  # this check sees only processes of the same user (or all, as root)
  h2_path=$(realpath "$h2_dir")
  for fd in /proc/[0-9]*/fd/*; do
    if [[ $(readlink "$fd" 2>/dev/null) == "$h2_path"/* ]]; then
      pid=${fd#/proc/}
      echo "backup.sh: $h2_dir is open by process ${pid%%/*}; stop the app first" >&2
      exit 1
    fi
  done
fi
if [[ -e $target && -n $(ls -A "$target") ]]; then
  echo "backup.sh: $target is not empty" >&2
  exit 1
fi
mkdir -p "$target"
started=$(date -u +%FT%TZ)

case $mode in
  postgres)
    : "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
    # 1. the database first: one snapshot of every table (ours, Flyway's, Camunda's ACT_*)
    pg_dump --format=custom --file="$target/amtsflow.dump"
    (cd "$target" && sha256sum amtsflow.dump > SHA256SUMS)
    ;;
  h2)
    cp -a "$h2_dir" "$target/db"
    (cd "$target" && find db -type f -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
    ;;
esac
dumped=$(date -u +%FT%TZ)

# 2. then the blobs. They are written before the transaction that references them commits and
# never change, so every blob the snapshot references exists by now; blobs written since are
# merely unreferenced in the copy. staging/ holds uploads in progress and is left out.
mkdir -p "$target/content"
if [[ -d $content_dir/sha256 ]]; then
  cp -a "$content_dir/sha256" "$target/content/"
else
  mkdir "$target/content/sha256"
fi
blobs=$(find "$target/content/sha256" -type f | wc -l)

# written last: restore.sh takes no backup without it
cat > "$target/MANIFEST" <<EOF
mode=$mode
started=$started
database_done=$dumped
finished=$(date -u +%FT%TZ)
blobs=$blobs
EOF
echo "backup.sh: $mode backup in $target ($blobs blobs)"

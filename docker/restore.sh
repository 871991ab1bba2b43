#!/usr/bin/env bash
# Restores an amtsflow backup made by backup.sh into a fresh database and a fresh data folder.
# See README.md, "Backup and restore"; verify afterwards with GET /api/efiles/{id}/integrity.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: restore.sh postgres|h2 BACKUP_DIR

  postgres  restores BACKUP_DIR/amtsflow.dump into PGDATABASE, which must not exist (it is
            created) or be empty (e.g. created by a DBA for the app's user). Connection from
            PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass); the restored objects belong to
            PGUSER, so restore as the user the app connects with.
  h2        copies BACKUP_DIR/db to $AMTSFLOW_DATA_DIR/db.

  Either way the content blobs go to $AMTSFLOW_CONTENT_DIR, which must not hold any yet.
  Start the app only afterwards, on the restored database and folder.

Environment:
  AMTSFLOW_DATA_DIR     the new data folder (default ./data)
  AMTSFLOW_CONTENT_DIR  the content folder if set apart (default $AMTSFLOW_DATA_DIR/content)
EOF
}

[[ $# -eq 2 && ($1 == postgres || $1 == h2) ]] || { usage >&2; exit 2; }
mode=$1
backup=$2
data_dir=${AMTSFLOW_DATA_DIR:-./data}
content_dir=${AMTSFLOW_CONTENT_DIR:-$data_dir/content}

grep -qx "mode=$mode" "$backup/MANIFEST" || { echo "restore.sh: $backup is no $mode backup" >&2; exit 1; }
(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
if [[ -d $content_dir/sha256 && -n $(ls -A "$content_dir/sha256") ]]; then
  echo "restore.sh: $content_dir already holds content; restore into a fresh folder" >&2
  exit 1
fi

case $mode in
  postgres)
    : "${PGDATABASE:?set PGDATABASE, the database to restore into}"
    exists=$(psql --dbname=postgres -Atc "select 1 from pg_database where datname = '$PGDATABASE'")
    if [[ -z $exists ]]; then
      createdb --template=template0 "$PGDATABASE"
    elif [[ $(psql -Atc "select count(*) from pg_tables where schemaname = 'public'") != 0 ]]; then
      echo "restore.sh: database $PGDATABASE is not empty; restore into a fresh one" >&2
      exit 1
    fi
    pg_restore --no-owner --exit-on-error --single-transaction --dbname="$PGDATABASE" \
      "$backup/amtsflow.dump"
    ;;
  h2)
    if [[ -e $data_dir/db ]]; then
      echo "restore.sh: $data_dir/db exists; restore into a fresh folder" >&2
      exit 1
    fi
    mkdir -p "$data_dir"
    cp -a "$backup/db" "$data_dir/db"
    ;;
esac

mkdir -p "$content_dir/sha256"
cp -a "$backup/content/sha256/." "$content_dir/sha256/"
echo "restore.sh: restored $mode backup $backup; start the app and check /api/efiles/{id}/integrity"

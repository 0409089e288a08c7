#!/bin/sh
# outputs.sh SARGS STORE DIR: what SARGS prints for STORE, written to DIR:
# the journal in both languages and as JSON, then every author's changes
# undone one by one, newest first (what each undo said), and the state left.
# STORE is changed: give it a copy. Each change is the account's that made
# it (undo takes back only this account's own), so the copy's entries are
# first made this account's; the account is then written "…" in the outputs.
set -u
sargs=$1 store=$2 dir=$3
python3 - "$store" "$(id -un)" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'journal_no_update'").fetchone()[0]
db.execute("DROP TRIGGER journal_no_update")
db.execute("UPDATE journal SET login = ? WHERE login IS NOT NULL", (sys.argv[2],))
db.execute(sql)
db.commit()
PY
run() { SARGS_DB="$store" SARGS_TODAY=2025-07-20 "$sargs" "$@"; }
accounts() { sed -e 's/(konts: [^)]*)/(konts: …)/' -e 's/(account: [^)]*)/(account: …)/' -e 's/"login": "[^"]*"/"login": "…"/g'; }
run log --lang lv | accounts > "$dir/log-lv.txt"
run log --lang en | accounts > "$dir/log-en.txt"
run log --format json | accounts > "$dir/log.json"
: > "$dir/undo.txt"
for author in speciāliste priekšsēdētāja; do
  for i in $(seq 1 40); do
    out=$(run undo --yes --user "$author" --lang lv 2>&1); code=$?
    printf '%s [%s] %s\n' "$author" "$code" "$out" >> "$dir/undo.txt"
    [ $code -eq 0 ] || break
  done
done
{
  run plan export
  run meeting list --format json
  run decision list --all --format json
} > "$dir/state.txt" 2>&1

#!/usr/bin/env bash
# A clinic deployment on this machine, everything on 127.0.0.1:
#   PostgreSQL (Debian's package) -> two NETaid replicas -> nginx (TLS, sticky sessions, headers).
#
# Usage: deploy/run-local.sh [RUN_DIR]        Ctrl-C (or SIGTERM) stops all of it.
# Ports: NETAID_HTTPS_PORT (8443), NETAID_HTTP_PORT (8080), NETAID_REPLICA_PORTS ("8601 8602"),
#        NETAID_PG_PORT (5433). Host name: NETAID_SERVER_NAME (localhost), where HTTP redirects to.
# The database password comes from the file named by NETAID_DB_PASSWORD_FILE, or is made at
# random into RUN_DIR/db-password. It never appears on a command line: PostgreSQL reads it with
# initdb --pwfile and psql's standard input, and the replicas through a pgpass file (PGPASSFILE).
# The TLS certificate is self-signed, made here for localhost; a clinic uses its own.
set -euo pipefail
export PATH="$PATH:/usr/sbin"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${1:-}" ]; then mkdir -p "$1"; RUN_DIR="$(cd "$1" && pwd)"; else RUN_DIR="$(mktemp -d /tmp/netaid-deploy-XXXXXX)"; fi
HTTPS_PORT="${NETAID_HTTPS_PORT:-8443}"
HTTP_PORT="${NETAID_HTTP_PORT:-8080}"
read -r REPLICA_A REPLICA_B <<<"${NETAID_REPLICA_PORTS:-8601 8602}"
PG_PORT="${NETAID_PG_PORT:-5433}"
SERVER_NAME="${NETAID_SERVER_NAME:-localhost}"  # the host that HTTP redirects to (never the request's Host)
case "$SERVER_NAME" in *[!A-Za-z0-9.-]*|"") echo "run-local: NETAID_SERVER_NAME must be a host name"; exit 2;; esac
PYTHON="${NETAID_PYTHON:-$ROOT/.venv/bin/python}"
umask 077
mkdir -p "$RUN_DIR"/{tls,tmp,pg,logs}
chmod 755 "$RUN_DIR"
PIDS=()

say() { echo "run-local: $*"; }
need() { command -v "$1" >/dev/null 2>&1 || { say "needs $1 ($2)"; exit 3; }; }
need nginx "apt-get install nginx-light"
need openssl "apt-get install openssl"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$PG_BIN" ] || { say "needs PostgreSQL (apt-get install postgresql)"; exit 3; }

as_pg() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$RUN_DIR/nginx.pid" ] && kill "$(cat "$RUN_DIR/nginx.pid" 2>/dev/null)" 2>/dev/null
  [ -d "$RUN_DIR/pg/data" ] && as_pg "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg/data" -m fast -w stop >/dev/null 2>&1
  wait 2>/dev/null
  say "stopped"
}
trap cleanup EXIT
trap 'say "failed at line $LINENO: $BASH_COMMAND (logs in $RUN_DIR/logs)"' ERR
trap 'exit 0' INT TERM

# 1. The password, in a file only its owner can read.
PASSWORD_FILE="${NETAID_DB_PASSWORD_FILE:-$RUN_DIR/db-password}"
[ -s "$PASSWORD_FILE" ] || openssl rand -hex 24 >"$PASSWORD_FILE"
PASSWORD="$(head -n 1 "$PASSWORD_FILE")"

# 2. A self-signed certificate for localhost.
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$RUN_DIR/tls/key.pem" -out "$RUN_DIR/tls/cert.pem" >/dev/null 2>&1

# 3. PostgreSQL on 127.0.0.1, passwords required over TCP.
if [ "$(id -u)" -eq 0 ]; then chown postgres "$RUN_DIR/pg"; fi
printf '%s\n' "$PASSWORD" >"$RUN_DIR/pg/superuser-password"
[ "$(id -u)" -eq 0 ] && chown postgres "$RUN_DIR/pg/superuser-password"
as_pg "$PG_BIN/initdb" -D "$RUN_DIR/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$RUN_DIR/pg/superuser-password" --encoding=UTF8 >"$RUN_DIR/logs/initdb.log" 2>&1
rm -f "$RUN_DIR/pg/superuser-password"
as_pg "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg/data" -l "$RUN_DIR/pg/postgres.log" -w \
  -o "-p $PG_PORT -h 127.0.0.1 -k $RUN_DIR/pg" start >/dev/null
SQL_PASSWORD="${PASSWORD//\'/\'\'}"
as_pg "$PG_BIN/psql" -q -h "$RUN_DIR/pg" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE netaid LOGIN PASSWORD '$SQL_PASSWORD';
CREATE DATABASE netaid OWNER netaid;
SQL
printf '127.0.0.1:%s:netaid:netaid:%s\n' "$PG_PORT" "$PASSWORD" >"$RUN_DIR/pgpass"
unset PASSWORD SQL_PASSWORD

# 4. Two replicas on loopback, sharing the database; no password in the URL.
export PGPASSFILE="$RUN_DIR/pgpass"
export NETAID_DATABASE_URL="postgresql+psycopg://netaid@127.0.0.1:$PG_PORT/netaid"
for port in "$REPLICA_A" "$REPLICA_B"; do
  (cd "$ROOT" && exec "$PYTHON" -m streamlit run app.py --server.port "$port" --server.address 127.0.0.1 \
     --server.headless true --browser.gatherUsageStats false) >"$RUN_DIR/logs/replica-$port.log" 2>&1 &
  PIDS+=("$!")
done

# 5. nginx in front.
mkdir -p "$RUN_DIR"/tmp/{body,proxy,fastcgi,uwsgi,scgi}
chmod -R 1777 "$RUN_DIR/tmp"  # nginx's workers run as an unprivileged user when started as root
sed -e "s#@RUN_DIR@#$RUN_DIR#g" -e "s#@HTTPS_PORT@#$HTTPS_PORT#g" -e "s#@HTTP_PORT@#$HTTP_PORT#g" \
    -e "s#@REPLICA_A@#$REPLICA_A#g" -e "s#@REPLICA_B@#$REPLICA_B#g" -e "s#@SERVER_NAME@#$SERVER_NAME#g" "$ROOT/deploy/nginx.conf" >"$RUN_DIR/nginx.conf"
nginx -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log"
nginx -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log" -g "daemon off;" &
PIDS+=("$!")

for port in "$REPLICA_A" "$REPLICA_B"; do
  for _ in $(seq 1 120); do
    python3 - "$port" <<'PY' && break
import sys, urllib.request
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=2)
except OSError:
    sys.exit(1)
PY
    sleep 0.5
  done
done
say "ready: https://localhost:$HTTPS_PORT (self-signed certificate; replicas on $REPLICA_A and $REPLICA_B)"
wait

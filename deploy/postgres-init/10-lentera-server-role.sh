#!/bin/sh
# Runs once, when the Postgres volume is first initialized (docker-entrypoint-initdb.d): the login
# role the server connects as. It is a member of lentera_app (created here if the migrations have
# not made it yet; migration 0015 gives it its privileges) and owns nothing, so the server cannot
# change the schema or the audit trail. POSTGRES_USER stays the owner that runs the migrations.
set -eu
: "${LENTERA_DB_PASSWORD:?set LENTERA_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=password="$LENTERA_DB_PASSWORD" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lentera_app') THEN
    CREATE ROLE lentera_app NOLOGIN;
  END IF;
END
$$;
SELECT format('CREATE ROLE lentera_server LOGIN PASSWORD %L IN ROLE lentera_app', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lentera_server')
\gexec
SQL

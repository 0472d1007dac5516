-- The tamper-evident audit chain (README "Tamper-evident audit"). One hash chain per agency (the nil
-- uuid for events with no agency). Each event's hash is the SHA-256 of a canonical serialization of
-- its content, its place in the chain and the previous event's hash, so changing, deleting or
-- reordering an event breaks every later link. packages/db/src/audit-chain.ts recomputes the same
-- hash in Node: change both together (and bump the version tag).
--
-- The hashed message, in this order, each field either "-" (SQL null) or "<UTF-8 byte length>:<text>":
--   'lentera-audit-v1', prev_hash, chain_seq, occurred_at (UTC, microseconds,
--   YYYY-MM-DDTHH:MI:SS.USZ), agency_id, actor_user_id, action, entity_type, entity_id, case_id,
--   changes::text, details::text, request_id, ip.
-- Every column is hashed except id (the table's own numbering; the chain orders by chain_seq) and
-- hash itself. jsonb is hashed as its ::text, which Postgres normalizes (key order, spacing).
-- The two SQL functions carry no SET search_path (that would stop their inlining and cost a
-- millisecond a call); they name their schema instead, and pg_catalog is always searched first.
CREATE OR REPLACE FUNCTION audit_chain_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN value IS NULL THEN '-'
    ELSE pg_catalog.octet_length(pg_catalog.convert_to(value, 'UTF8'))::text || ':' || value END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(
  prev_hash text, chain_seq bigint, occurred_at timestamptz, agency_id uuid, actor_user_id uuid,
  action text, entity_type text, entity_id text, case_id uuid, changes jsonb, details jsonb,
  request_id text, ip text
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
    public.audit_chain_field('lentera-audit-v1')
    || public.audit_chain_field(prev_hash)
    || public.audit_chain_field(chain_seq::text)
    -- AT TIME ZONE 'UTC' and to_char make the text independent of the session's TimeZone and DateStyle.
    || public.audit_chain_field(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || public.audit_chain_field(agency_id::text)
    || public.audit_chain_field(actor_user_id::text)
    || public.audit_chain_field(action)
    || public.audit_chain_field(entity_type)
    || public.audit_chain_field(entity_id)
    || public.audit_chain_field(case_id::text)
    || public.audit_chain_field(changes::text)
    || public.audit_chain_field(details::text)
    || public.audit_chain_field(request_id)
    || public.audit_chain_field(ip),
    'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Links a new event to its chain. SECURITY DEFINER with a fixed search_path: the application's role
-- may only read audit_chain_heads, so it cannot move a head itself, yet its inserts still advance it.
-- The head row's lock orders concurrent inserts of one agency and lasts until their transaction
-- ends, so a chain never forks; values a client sent for the chain columns are overwritten.
-- The head moves once per statement (audit_events_advance_heads below), not once per row: updating
-- one row thousands of times in a transaction makes every later lookup of it walk all its versions.
-- So a row links to the head, or to the newest event of the same statement when there is one (rows
-- processed earlier in the same statement are visible here, and only this statement can have linked
-- past the head: every other writer waits on the head's lock).
CREATE OR REPLACE FUNCTION audit_events_link_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  key uuid := coalesce(NEW.agency_id, '00000000-0000-0000-0000-000000000000'::uuid);
  head_seq bigint;
  head_hash text;
  newer_seq bigint;
  newer_hash text;
BEGIN
  INSERT INTO public.audit_chain_heads (chain_key, seq, hash)
    VALUES (key, 0, repeat('0', 64))
    ON CONFLICT (chain_key) DO NOTHING;
  SELECT h.seq, h.hash INTO head_seq, head_hash
    FROM public.audit_chain_heads h WHERE h.chain_key = key FOR UPDATE;
  IF NEW.agency_id IS NULL THEN
    SELECT e.chain_seq, e.hash INTO newer_seq, newer_hash FROM public.audit_events e
      WHERE e.agency_id IS NULL AND e.chain_seq > head_seq ORDER BY e.chain_seq DESC LIMIT 1;
  ELSE
    SELECT e.chain_seq, e.hash INTO newer_seq, newer_hash FROM public.audit_events e
      WHERE e.agency_id = NEW.agency_id AND e.chain_seq > head_seq ORDER BY e.chain_seq DESC LIMIT 1;
  END IF;
  IF newer_seq IS NOT NULL THEN
    head_seq := newer_seq;
    head_hash := newer_hash;
  END IF;
  NEW.chain_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := public.audit_event_hash(
    NEW.prev_hash, NEW.chain_seq, NEW.occurred_at, NEW.agency_id, NEW.actor_user_id, NEW.action,
    NEW.entity_type, NEW.entity_id, NEW.case_id, NEW.changes, NEW.details, NEW.request_id, NEW.ip);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Moves each chain's head to the newest event the statement linked, before the statement ends.
CREATE OR REPLACE FUNCTION audit_events_advance_heads() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  UPDATE public.audit_chain_heads h SET seq = newest.chain_seq, hash = newest.hash
  FROM (
    SELECT DISTINCT ON (coalesce(n.agency_id, '00000000-0000-0000-0000-000000000000'::uuid))
      coalesce(n.agency_id, '00000000-0000-0000-0000-000000000000'::uuid) AS chain_key, n.chain_seq, n.hash
    FROM linked n
    ORDER BY coalesce(n.agency_id, '00000000-0000-0000-0000-000000000000'::uuid), n.chain_seq DESC
  ) newest
  WHERE h.chain_key = newest.chain_key AND newest.chain_seq > h.seq;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- BEFORE triggers fire in name order: "zz" keeps this one last, so it hashes the row as stored.
CREATE TRIGGER audit_events_zz_link_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_link_chain();
--> statement-breakpoint
CREATE TRIGGER audit_events_zz_advance_heads
  AFTER INSERT ON audit_events
  REFERENCING NEW TABLE AS linked
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_advance_heads();
--> statement-breakpoint
-- Backfill the events written before the chain, in id order per chain. The append-only trigger
-- refuses UPDATE, so it is off for this one transaction (the migration's) and back on at its end.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
DO $$
DECLARE
  event record;
  current_key uuid := NULL;
  seq bigint := 0;
  previous text := repeat('0', 64);
  linked text;
  key uuid;
BEGIN
  FOR event IN
    SELECT e.*, coalesce(e.agency_id, '00000000-0000-0000-0000-000000000000'::uuid) AS chain_key
    FROM audit_events e
    ORDER BY coalesce(e.agency_id, '00000000-0000-0000-0000-000000000000'::uuid), e.id
  LOOP
    key := event.chain_key;
    IF current_key IS DISTINCT FROM key THEN
      IF current_key IS NOT NULL THEN
        INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (current_key, seq, previous);
      END IF;
      current_key := key;
      seq := 0;
      previous := repeat('0', 64);
    END IF;
    seq := seq + 1;
    linked := audit_event_hash(
      previous, seq, event.occurred_at, event.agency_id, event.actor_user_id, event.action,
      event.entity_type, event.entity_id, event.case_id, event.changes, event.details,
      event.request_id, event.ip);
    UPDATE audit_events SET chain_seq = seq, prev_hash = previous, hash = linked WHERE id = event.id;
    previous := linked;
  END LOOP;
  IF current_key IS NOT NULL THEN
    INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (current_key, seq, previous);
  END IF;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;

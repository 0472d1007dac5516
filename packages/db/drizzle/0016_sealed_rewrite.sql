-- Written by hand (drizzle-kit has no triggers). Two narrow exceptions to the immutability of signed
-- session notes, their addenda and screening results (0006) and the evidence log (0012), and nothing
-- else: every other column of the row must stay exactly as it was.
--
-- 1. Key rotation (`npm run keys:rotate`): the sealed column may get a new `v1.<keyId>.…` value
--    under a different key id, only when the transaction says so (lentera.sealed_rewrite = 'rotate')
--    AND the current role is a member of the table's owner (the role that runs migrations). The
--    application role (lentera_app, 0015) owns nothing, so it can never re-seal; that the decrypted
--    content is unchanged cannot be checked in SQL — the owner could drop these triggers anyway.
-- 2. Erasure after the retention period (packages/api/src/retention): the sealed column may become
--    the literal 'erased' (not a ciphertext: nothing can be written in its place) when the case is
--    already marked anonymized, the transaction says so (lentera.sealed_rewrite = 'erase') and the
--    role owns the table. The application reaches this only through lentera_erase_anonymized_case()
--    below (SECURITY DEFINER): it can destroy an anonymized case's content, never alter what it says.
CREATE OR REPLACE FUNCTION lentera_sealed_rewrite_allowed(rel oid, old_row jsonb, new_row jsonb, col text, row_case uuid)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  old_value text := old_row ->> col;
  new_value text := new_row ->> col;
  mode text := current_setting('lentera.sealed_rewrite', true);
BEGIN
  IF (old_row - col) IS DISTINCT FROM (new_row - col) OR old_value IS NULL OR new_value IS NULL THEN
    RETURN false;
  END IF;
  IF mode = 'rotate' THEN
    RETURN new_value ~ '^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'
      AND old_value LIKE 'v1.%'
      AND split_part(new_value, '.', 2) <> split_part(old_value, '.', 2)
      AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = rel), 'MEMBER');
  END IF;
  IF mode = 'erase' THEN
    RETURN new_value = 'erased' AND old_value <> 'erased'
      AND EXISTS (SELECT 1 FROM cases WHERE id = row_case AND anonymized_at IS NOT NULL)
      AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = rel), 'MEMBER');
  END IF;
  RETURN false;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION session_notes_refuse_signed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    IF TG_OP = 'UPDATE' AND lentera_sealed_rewrite_allowed(TG_RELID, to_jsonb(OLD), to_jsonb(NEW), 'body', OLD.case_id) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'session note % is signed: % refused', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION session_note_addenda_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND lentera_sealed_rewrite_allowed(TG_RELID, to_jsonb(OLD), to_jsonb(NEW), 'body', OLD.case_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'session note addenda are append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION screening_results_refuse_signed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  note_status text;
BEGIN
  SELECT status INTO note_status FROM session_notes
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.note_id ELSE NEW.note_id END);
  IF TG_OP = 'UPDATE' AND note_status = 'signed'
    AND lentera_sealed_rewrite_allowed(TG_RELID, to_jsonb(OLD), to_jsonb(NEW), 'answers', OLD.case_id) THEN
    RETURN NEW;
  END IF;
  IF note_status = 'signed' OR (TG_OP = 'UPDATE' AND OLD.note_id <> NEW.note_id) THEN
    RAISE EXCEPTION 'screening result of a signed session note: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND lentera_sealed_rewrite_allowed(TG_RELID, to_jsonb(OLD), to_jsonb(NEW), 'description_ciphertext', OLD.case_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'evidence_entries is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Erases the sealed free text of a case already marked anonymized (cases.anonymized_at, set first in
-- the same transaction): session note bodies and addenda, evidence descriptions, item locators, the
-- police report number. SECURITY DEFINER so that it passes the row-level security of addenda and
-- the evidence log (an administrator runs retention without reaching case content) and the triggers
-- above; it refuses a case that is not anonymized or (for the application's role) of another agency.
-- Screening answers are scores, not free text: they stay. Returns the number of values erased.
CREATE OR REPLACE FUNCTION lentera_erase_anonymized_case(target uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  scope uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
  erased integer := 0;
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM cases WHERE id = target AND anonymized_at IS NOT NULL AND (scope IS NULL OR agency_id = scope)) THEN
    RAISE EXCEPTION 'case % is not anonymized', target USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('lentera.sealed_rewrite', 'erase', true);
  UPDATE session_notes SET body = 'erased' WHERE case_id = target AND body <> 'erased';
  GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
  UPDATE session_note_addenda SET body = 'erased' WHERE case_id = target AND body <> 'erased';
  GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
  UPDATE evidence_entries SET description_ciphertext = 'erased' WHERE case_id = target AND description_ciphertext <> 'erased';
  GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
  UPDATE harm_items SET locator_ciphertext = 'erased' WHERE case_id = target AND locator_ciphertext <> 'erased';
  GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
  UPDATE legal_processes SET police_report_number_ciphertext = NULL WHERE case_id = target AND police_report_number_ciphertext IS NOT NULL;
  GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
  PERFORM set_config('lentera.sealed_rewrite', '', true);
  RETURN erased;
END;
$$;

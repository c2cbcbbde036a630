-- Life after activation (issue 8): corrections of the holder's particulars and transfers (譲渡) of a line.

-- A verification record (本人確認記録) is never rewritten: a correction or a transfer writes the next
-- version of the same application's record, naming the version it supersedes and why it was written.
ALTER TABLE verification_records ADD COLUMN supersedes uuid REFERENCES verification_records (id);
ALTER TABLE verification_records ADD COLUMN reason text NOT NULL DEFAULT 'contract'
  CHECK (reason IN ('contract', 'holder_change', 'transferred_away', 'reverification'));

CREATE OR REPLACE FUNCTION verification_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_enc IS DISTINCT FROM OLD.content_enc OR NEW.version <> OLD.version OR NEW.method <> OLD.method
     OR NEW.policy_hash <> OLD.policy_hash OR NEW.application_id <> OLD.application_id
     OR NEW.supersedes IS DISTINCT FROM OLD.supersedes OR NEW.reason <> OLD.reason THEN
    RAISE EXCEPTION 'a verification record is immutable: write a new version';
  END IF;
  RETURN NEW;
END;
$$;

-- A subscriber's request to change one of the holder's particulars (name, address, contact), with
-- the evidence the policy in force asks for; a person decides it. The new value and the evidence are
-- sealed under the line's application key (purge shreds them with the rest).
CREATE TABLE holder_changes (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  kind text NOT NULL CHECK (kind IN ('name', 'address', 'contact')),
  request_enc bytea NOT NULL,
  evidence_count integer NOT NULL,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  reject_reason text,
  record_id uuid REFERENCES verification_records (id)
);
CREATE UNIQUE INDEX holder_changes_one_pending ON holder_changes (subscription_id, kind) WHERE status = 'pending';
CREATE INDEX holder_changes_queue ON holder_changes (status, requested_at);

-- A transfer is verified as an application of its own (kind 'transfer'): the new holder's particulars
-- and evidence go through the same checks, and a reviewer's approval is the carrier's consent.
ALTER TABLE applications ADD COLUMN kind text NOT NULL DEFAULT 'new' CHECK (kind IN ('new', 'transfer'));

CREATE TABLE line_transfers (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  from_application_id uuid NOT NULL REFERENCES applications (id),
  to_application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
  -- 'none', or the relative the holder declared (親族): the law exempts transfers to relatives.
  relationship text NOT NULL,
  -- What the policies in force asked for, and on whose authority ({consent, verification}: law|house|none).
  requirements jsonb NOT NULL,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  requested_at timestamptz NOT NULL,
  completed_at timestamptz,
  new_subscription_id uuid REFERENCES subscriptions (id)
);
CREATE INDEX line_transfers_line ON line_transfers (subscription_id, requested_at);

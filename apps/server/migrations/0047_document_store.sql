-- Documents behind a port (issue 23, docs/storage.md): a document's ciphertext is either in its row
-- (content_enc, the database store and every row written before this migration) or in an object store
-- (content_ref, the object's opaque key: no personal data). Exactly one of them: existing rows stay
-- readable as they are, without moving any data.
ALTER TABLE evidence ALTER COLUMN content_enc DROP NOT NULL;
ALTER TABLE evidence ADD COLUMN content_ref text;
ALTER TABLE evidence ADD CONSTRAINT evidence_content_one_place
  CHECK ((content_enc IS NULL) <> (content_ref IS NULL));

ALTER TABLE contract_documents ALTER COLUMN content_enc DROP NOT NULL;
ALTER TABLE contract_documents ADD COLUMN content_ref text;
ALTER TABLE contract_documents ADD CONSTRAINT contract_documents_content_one_place
  CHECK ((content_enc IS NULL) <> (content_ref IS NULL));

-- Objects to delete from the store. A row is queued in the same transaction that deletes (or shreds)
-- what referred to the object, so a delete that fails after the commit (the store unreachable) is not
-- forgotten: the periodic sweep retries until the store answers (storage/delete-queued-objects.ts).
CREATE TABLE document_deletions (
  ref text PRIMARY KEY,
  queued_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_deletions_due ON document_deletions (next_attempt_at);

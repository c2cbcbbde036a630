-- Police requests (issue #21, finding 5): the requesting authority and its reference were kept in
-- plain text. They are sealed now like other personal data (a standalone envelope, context
-- `police:<id>`). SQL cannot seal, so the server moves rows written before this migration at start
-- (police/seal-police-requests.ts): until then a row holds either the plain columns or the sealed
-- one, never both.
ALTER TABLE police_requests ADD COLUMN authority_enc bytea;
ALTER TABLE police_requests ALTER COLUMN authority DROP NOT NULL;
ALTER TABLE police_requests ALTER COLUMN authority_reference DROP NOT NULL;
ALTER TABLE police_requests ADD CONSTRAINT police_requests_sealed_or_plain CHECK (
  (authority_enc IS NOT NULL AND authority IS NULL AND authority_reference IS NULL)
  OR (authority_enc IS NULL AND authority IS NOT NULL AND authority_reference IS NOT NULL)
);

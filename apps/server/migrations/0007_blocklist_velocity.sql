-- Fraud controls on keyed blind indexes (HMAC): contact e-mail, phone, client IP and device of each
-- application, and a blocklist of documents, identities, e-mail addresses and phone numbers.
ALTER TABLE applications ADD COLUMN contact_index bytea;
ALTER TABLE applications ADD COLUMN phone_index bytea;
ALTER TABLE applications ADD COLUMN ip_index bytea;
ALTER TABLE applications ADD COLUMN device_index bytea;
CREATE INDEX applications_contact_index ON applications (contact_index, created_at);
CREATE INDEX applications_ip_index ON applications (ip_index, created_at);

CREATE TABLE blocklist_entries (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('document', 'identity', 'email', 'phone')),
  value_index bytea NOT NULL,
  reason text NOT NULL,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz
);
CREATE INDEX blocklist_active ON blocklist_entries (kind, value_index) WHERE removed_at IS NULL;

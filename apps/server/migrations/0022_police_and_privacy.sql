-- Police requests (契約者確認の求め): a police station chief asks in writing about a line; the
-- operator asks its holder, in writing and with a deadline, to verify again; a line whose holder does
-- not is suspended. One row per request and line. The authority and its reference are the police's,
-- not the subscriber's personal data; the audit trail holds only this row's id.
CREATE TABLE police_requests (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  authority text NOT NULL,
  authority_reference text NOT NULL,
  received_on date NOT NULL,
  deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'awaiting' CHECK (status IN ('awaiting', 'reverified', 'suspended', 'line_ended')),
  letter_document_id uuid REFERENCES contract_documents (id),
  reverified_at timestamptz,
  reverification_method text,
  record_version integer,
  suspended_at timestamptz,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX police_requests_due ON police_requests (deadline) WHERE status = 'awaiting';
CREATE INDEX police_requests_line ON police_requests (subscription_id, created_at);

-- The letter asking for re-verification is kept in the subscriber's documents vault like every other
-- document issued; a line may get more than one over the years.
ALTER TABLE contract_documents DROP CONSTRAINT contract_documents_kind_check;
ALTER TABLE contract_documents ADD CONSTRAINT contract_documents_kind_check
  CHECK (kind IN ('important_matters', 'contract', 'signed_contract', 'receipt', 'reverification_letter'));
DROP INDEX contract_documents_one_each;
CREATE UNIQUE INDEX contract_documents_one_each ON contract_documents (application_id, kind)
  WHERE kind NOT IN ('receipt', 'reverification_letter');

-- Deletion requests (個人情報保護法 第35条, 利用停止・消去): filed by a signed-in subscriber, decided by
-- compliance. The person is named only by the identity blind index; the outcome lists references,
-- what was kept under which duty and until when, and what was destroyed (no personal data).
CREATE TABLE deletion_requests (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  identity_index bytea NOT NULL,
  status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'decided')),
  filed_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  outcome jsonb
);
CREATE INDEX deletion_requests_open ON deletion_requests (filed_at) WHERE status = 'filed';

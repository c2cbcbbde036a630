-- The contract documents an applicant is shown and signs: the important-matters explanation
-- (重要事項説明), the contract, and the contract sealed with the operator's PAdES signature after the
-- applicant's consent; receipts for payments. The PDFs name the applicant: sealed under the
-- application's key (purge shreds them). sha256 is of the exact bytes shown or issued.
CREATE TABLE contract_documents (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN ('important_matters', 'contract', 'signed_contract', 'receipt')),
  document_number text NOT NULL UNIQUE,
  language text NOT NULL,
  sha256 bytea NOT NULL,
  size_bytes integer NOT NULL,
  content_enc bytea NOT NULL,
  payment_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contract_documents_one_each ON contract_documents (application_id, kind) WHERE kind <> 'receipt';
CREATE UNIQUE INDEX contract_documents_receipt ON contract_documents (payment_id) WHERE kind = 'receipt';

-- The applicant's consent: when, in which language, to which exact documents (their SHA-256), from
-- which address and browser (sealed: an IP address is personal data).
CREATE TABLE contract_consents (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  consented_at timestamptz NOT NULL,
  language text NOT NULL,
  consent_text_version text NOT NULL,
  documents jsonb NOT NULL,
  client_enc bytea NOT NULL
);

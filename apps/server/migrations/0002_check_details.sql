-- Staff-only details of a check result (a face match's scores and model versions): kept for the
-- record and for reviewers, never shown to the applicant.
ALTER TABLE check_results ADD COLUMN details jsonb NOT NULL DEFAULT '{}';

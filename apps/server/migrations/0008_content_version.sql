-- Counts changes to what the applicant gave (particulars, evidence): a submission checks what it read
-- against it under the row lock, so a change racing the checks cannot be approved unchecked.
ALTER TABLE applications ADD COLUMN content_version integer NOT NULL DEFAULT 0;

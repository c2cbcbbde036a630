-- Indexes the product's own queries need once an operator has years of applications (issue #24,
-- measured by bench/growth.ts at 10 000 and 1 000 000 applications):
-- the reviewer queue (review/case-view.ts) pages the waiting cases in order of their state change:
-- with only (state, state_changed_at) it read and sorted every queued row for each page; the partial
-- index holds the queued rows alone, in the page's order. A filter for other states falls back to
-- the general index.
CREATE INDEX applications_queue ON applications (state_changed_at, id) WHERE state IN ('in_review', 'override_pending');
-- The velocity checks count a device's and a phone's applications in the window (the e-mail's and the
-- network's have had theirs since 0007).
CREATE INDEX applications_device_index ON applications (device_index, created_at) WHERE device_index IS NOT NULL;
CREATE INDEX applications_phone_index ON applications (phone_index, created_at) WHERE phone_index IS NOT NULL;
-- The dashboard counts the applications started in a period.
CREATE INDEX applications_created_at ON applications (created_at);
-- The verification records of a period (the compliance export).
CREATE INDEX verification_records_created_at ON verification_records (created_at);
-- The dashboard's decisions of a period: the applications decided in it, not every application.
CREATE INDEX application_events_decisions ON application_events (created_at) WHERE to_state IN ('approved', 'rejected');
-- The queue tags a case whose last run of checks failed one: the failed results alone, so that the
-- page does not read each case's eleven results from the table.
CREATE INDEX check_results_failed ON check_results (application_id, run) WHERE status = 'fail';

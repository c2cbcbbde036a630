-- Inventory as operators stock it: three pools (SIM cards, eSIM profiles, phone numbers), and `sims`,
-- which from here on holds the *lines*: one phone number with one SIM card or one eSIM profile, chosen
-- when an application's line is reserved. Activation and the verification record keep reading `sims`.
--
-- Formats (Luhn-valid ICCIDs, IMSIs under MCC 440/441, 11-digit numbers, SM-DP+ host names) are
-- checked where stock comes in (inventory/import-inventory.ts), not here: rows moved over from the
-- old table below were never checked, and the migration must not refuse an install's existing stock.

-- Physical SIM cards. A card that served a line is retired, never handed out again.
CREATE TABLE sim_cards (
  iccid text PRIMARY KEY,
  -- Unknown (NULL) only for cards moved over from the old `sims` table, which kept no IMSI.
  imsi text UNIQUE,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'assigned', 'retired')),
  added_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz
);
CREATE INDEX sim_cards_available ON sim_cards (iccid) WHERE status = 'available';

-- eSIM profiles prepared on an SM-DP+; the activation code is LPA:1$<smdp_address>$<matching_id>
-- (GSMA SGP.22). A released profile goes back to the SM-DP+ and is not used again here.
CREATE TABLE esim_profiles (
  id bigserial PRIMARY KEY,
  -- Required: the line is provisioned on the network by ICCID (issuance/provisioning.ts).
  iccid text NOT NULL UNIQUE,
  -- NULL only for a released profile moved over from the old table without an activation code.
  smdp_address text,
  matching_id text,
  confirmation_code_required boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'assigned', 'released')),
  added_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz,
  UNIQUE (smdp_address, matching_id),
  CHECK (status = 'released' OR (smdp_address IS NOT NULL AND matching_id IS NOT NULL))
);
CREATE INDEX esim_profiles_available ON esim_profiles (id) WHERE status = 'available';

-- Phone numbers (MSISDN). 070/080/090 carry voice lines, 020 data-only lines. A released number waits
-- in quarantine (so calls meant for its last holder stop) before it returns to the pool.
CREATE TABLE phone_numbers (
  msisdn text PRIMARY KEY,
  line_type text NOT NULL CHECK (line_type IN ('voice', 'data')),
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'assigned', 'quarantined')),
  quarantined_until timestamptz,
  added_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz,
  CHECK ((status = 'quarantined') = (quarantined_until IS NOT NULL))
);
CREATE INDEX phone_numbers_available ON phone_numbers (line_type, msisdn) WHERE status = 'available';
CREATE INDEX phone_numbers_quarantined ON phone_numbers (quarantined_until) WHERE status = 'quarantined';

-- Existing rows move into the pools. A row held by an application stays a line (its number, card or
-- profile in use); an unheld available row returns to stock; anything else (the old 'quarantined',
-- never set by the code before this migration) is taken out of use: number quarantined for 90 days,
-- card retired, profile released.
INSERT INTO sim_cards (iccid, status)
SELECT iccid,
       CASE WHEN application_id IS NULL AND status = 'available' THEN 'available'
            WHEN application_id IS NOT NULL AND status IN ('assigned', 'active') THEN 'assigned'
            ELSE 'retired' END
FROM sims WHERE form_factor = 'physical';

INSERT INTO esim_profiles (iccid, smdp_address, matching_id, confirmation_code_required, status)
SELECT iccid,
       nullif(split_part(activation_code, '$', 2), ''),
       nullif(split_part(activation_code, '$', 3), ''),
       coalesce(split_part(activation_code, '$', 5) = '1', false),
       CASE WHEN application_id IS NOT NULL AND status IN ('assigned', 'active') THEN 'assigned'
            WHEN application_id IS NULL AND status = 'available' AND activation_code LIKE 'LPA:1$%$%' THEN 'available'
            ELSE 'released' END
FROM sims WHERE form_factor = 'esim';

INSERT INTO phone_numbers (msisdn, line_type, status, quarantined_until)
SELECT msisdn, line_type, x.status, CASE WHEN x.status = 'quarantined' THEN now() + interval '90 days' END
FROM sims,
LATERAL (SELECT CASE WHEN application_id IS NULL AND sims.status = 'available' THEN 'available'
                     WHEN application_id IS NOT NULL AND sims.status IN ('assigned', 'active') THEN 'assigned'
                     ELSE 'quarantined' END AS status) x;

DELETE FROM sims WHERE application_id IS NULL;

-- `sims` becomes the table of lines: one per application (its key), released when the line ends.
ALTER TABLE sims DROP CONSTRAINT sims_status_check;
UPDATE sims SET status = 'released' WHERE status NOT IN ('assigned', 'active');
ALTER TABLE sims ALTER COLUMN status DROP DEFAULT;
ALTER TABLE sims ADD CONSTRAINT sims_status_check CHECK (status IN ('assigned', 'active', 'released'));
ALTER TABLE sims DROP CONSTRAINT sims_pkey;
ALTER TABLE sims DROP CONSTRAINT sims_application_id_key;
ALTER TABLE sims ADD PRIMARY KEY (application_id);
-- A card is retired and a profile released after one line: an ICCID serves one line, ever.
CREATE UNIQUE INDEX sims_iccid ON sims (iccid);
-- A number returns to the pool after quarantine, so only lines not yet released hold it uniquely.
ALTER TABLE sims DROP CONSTRAINT sims_msisdn_key;
CREATE UNIQUE INDEX sims_msisdn_held ON sims (msisdn) WHERE status <> 'released';
DROP INDEX sims_available;
ALTER TABLE sims ADD COLUMN esim_profile_id bigint REFERENCES esim_profiles (id);
ALTER TABLE sims ADD COLUMN released_at timestamptz;
UPDATE sims SET assigned_at = coalesce(assigned_at, now());
ALTER TABLE sims ALTER COLUMN assigned_at SET NOT NULL;
UPDATE sims SET esim_profile_id = p.id FROM esim_profiles p WHERE sims.form_factor = 'esim' AND p.iccid = sims.iccid;

-- Bulk health records for the records benchmark: for every patient two finished
-- outpatient encounters at the demo hospital, each with vitals, a diagnosis, a
-- prescription and a note (10 entries a patient), plus 50 patients with 200 entries
-- each. Every entry gets its version-1 row too. Variables: wb, fac, doc_user,
-- doc_prof, nurse_user, nurse_prof. Secondary indexes are dropped during the load and
-- rebuilt afterwards with the definitions the migration gives them.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET maintenance_work_mem = '1GB';
DROP INDEX ix_entries_timeline, ix_entries_encounter, ix_entries_patient_facility, ix_entries_order, ix_entries_code;

CREATE TEMP TABLE heavy AS SELECT id FROM patients ORDER BY random() LIMIT 50;
CREATE TEMP TABLE enc AS
SELECT p.id AS patient_id, k,
       md5(p.id::text || ':' || k)::uuid AS enc_id,
       date_trunc('second', now() - make_interval(days => k * 120 + abs(hashtext(p.id::text)) % 100)) AS start
FROM patients p CROSS JOIN generate_series(0, 1) AS k
UNION ALL
SELECT h.id, k, md5(h.id::text || ':' || k)::uuid,
       date_trunc('second', now() - make_interval(days => k * 120 + abs(hashtext(h.id::text)) % 100))
FROM heavy h CROSS JOIN generate_series(2, 39) AS k;

CREATE FUNCTION pg_temp.iso(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

INSERT INTO clinical_entries (tenant_id, id, patient_id, encounter_id, kind, status, facility_id,
  author_user_id, author_professional_id, occurred_at, recorded_at, updated_at, version, details)
SELECT :'wb'::uuid, enc_id, patient_id, enc_id, 'encounter', 'finished', :'fac'::uuid,
       :'nurse_user'::uuid, :'nurse_prof'::uuid, start, start, start, 1,
       jsonb_build_object('kind', 'outpatient', 'attending', :'doc_prof', 'department', 'Medicine',
         'reason', 'Fever and cough', 'start', pg_temp.iso(start), 'end', pg_temp.iso(start + interval '40 minutes'))
FROM enc;

INSERT INTO clinical_entries (tenant_id, id, patient_id, encounter_id, kind, status, facility_id,
  author_user_id, author_professional_id, occurred_at, recorded_at, updated_at, version, details, code)
SELECT :'wb'::uuid, md5(enc_id::text || ':' || j)::uuid, patient_id, enc_id,
       (ARRAY['vitals', 'diagnosis', 'prescription', 'note'])[j], 'active', :'fac'::uuid,
       CASE WHEN j IN (1, 4) THEN :'nurse_user'::uuid ELSE :'doc_user'::uuid END,
       CASE WHEN j IN (1, 4) THEN :'nurse_prof'::uuid ELSE :'doc_prof'::uuid END,
       start + make_interval(mins => j * 5), start + make_interval(mins => j * 5),
       start + make_interval(mins => j * 5), 1,
       CASE j
         WHEN 1 THEN jsonb_build_object('systolicMmHg', 100 + abs(hashtext(enc_id::text)) % 60,
           'diastolicMmHg', 70 + abs(hashtext(enc_id::text)) % 20, 'pulsePerMin', 72, 'temperatureC', 37.8, 'spo2Percent', 97)
         WHEN 2 THEN jsonb_build_object('code', 'J06.9', 'description', 'Acute upper respiratory infection, unspecified',
           'certainty', 'final', 'rank', 'primary')
         WHEN 3 THEN jsonb_build_object('items', jsonb_build_array(jsonb_build_object('drugName', 'Paracetamol',
           'strength', '500 mg', 'dose', '1 tablet', 'route', 'oral', 'frequency', '1-1-1', 'durationDays', 5)))
         ELSE jsonb_build_object('category', 'progress', 'text', 'Afebrile on review; advised rest and fluids.')
       END,
       CASE WHEN j = 2 THEN 'J06.9' END
FROM enc CROSS JOIN generate_series(1, 4) AS j;

INSERT INTO clinical_entry_versions (tenant_id, entry_id, version, status, occurred_at, details,
  author_user_id, author_professional_id, recorded_at)
SELECT tenant_id, id, 1, status, occurred_at, details, author_user_id, author_professional_id, recorded_at
FROM clinical_entries e
-- The demo visit has its versions already.
WHERE NOT EXISTS (SELECT 1 FROM clinical_entry_versions v WHERE v.entry_id = e.id);

CREATE INDEX ix_entries_timeline ON clinical_entries (tenant_id, patient_id, occurred_at, id);
CREATE INDEX ix_entries_encounter ON clinical_entries (tenant_id, encounter_id);
CREATE INDEX ix_entries_patient_facility ON clinical_entries (tenant_id, patient_id, facility_id);
CREATE INDEX ix_entries_order ON clinical_entries (tenant_id, order_id);
CREATE INDEX ix_entries_code ON clinical_entries (tenant_id, code);
\pset tuples_only on
\pset format unaligned
\o :heavy_file
SELECT id FROM heavy;
\o

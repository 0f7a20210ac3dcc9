-- Bulk inpatient data for the inpatient benchmark, in the WB demo tenant: 23 more
-- districts, 10,000 facilities (420–440 per district), each with a general ward of 8
-- beds (6 general, 2 oxygen) and an ICU of 4 (2 ICU, 2 ventilator): 120,000 beds.
-- 60% of beds hold an admission (unidentified patients, so no patient rows are
-- needed) with its active bed assignment and latest condition; and a year of daily bed
-- snapshots per facility and bed type (14,600,000 rows). Variables: wb, doc_prof,
-- nurse_user.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET maintenance_work_mem = '1GB';

CREATE TEMP TABLE root AS SELECT id, path FROM admin_units WHERE parent_id IS NULL LIMIT 1;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('district:' || d)::uuid, root.id, 'district', 'Bench district ' || d, NULL,
       root.path || md5('district:' || d)::uuid || '/', 1, now(), now(), 1
FROM root, generate_series(1, 23) AS d;

INSERT INTO facilities (tenant_id, id, name, name_key, facility_type, ownership, unit_id, unit_path, district_id,
  systems_of_medicine, specialities, operational_status, beds_general, beds_oxygen, beds_icu, beds_hdu,
  beds_ventilator, beds_isolation, beds_paediatric, beds_maternity, emr_adopted, emr_checklist, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('facility:' || f)::uuid, 'Bench hospital ' || f, 'bench hospital ' || f, 'community_health_centre', 'public',
       md5('district:' || (f % 23 + 1))::uuid, root.path || md5('district:' || (f % 23 + 1))::uuid || '/', md5('district:' || (f % 23 + 1))::uuid,
       '["allopathy"]', '[]', 'operational', 6, 2, 2, 0, 2, 0, 0, 0, false, '{}', now(), now(), 1
FROM root, generate_series(1, 10000) AS f;

INSERT INTO wards (tenant_id, id, facility_id, name, department, floor, phone, version, created_at)
SELECT :'wb'::uuid, md5('ward:' || f || ':' || w)::uuid, md5('facility:' || f)::uuid,
       CASE w WHEN 1 THEN 'General' ELSE 'ICU' END, CASE w WHEN 1 THEN 'medicine' ELSE 'icu' END, NULL, NULL, 1, now()
FROM generate_series(1, 10000) AS f CROSS JOIN generate_series(1, 2) AS w;

INSERT INTO beds (tenant_id, id, facility_id, ward_id, label, bed_type, housekeeping, reason, version, created_at, updated_at)
SELECT :'wb'::uuid, md5('bed:' || f || ':' || b)::uuid, md5('facility:' || f)::uuid,
       md5('ward:' || f || ':' || CASE WHEN b <= 8 THEN 1 ELSE 2 END)::uuid,
       CASE WHEN b <= 8 THEN 'G-' || b ELSE 'ICU-' || (b - 8) END,
       CASE WHEN b <= 6 THEN 'general' WHEN b <= 8 THEN 'oxygen_supported' WHEN b <= 10 THEN 'icu' ELSE 'ventilator' END,
       'ready', NULL, 1, now(), now()
FROM generate_series(1, 10000) AS f CROSS JOIN generate_series(1, 12) AS b;

-- 60% occupancy: beds 1–4, 7 and 9–10 of every facility... (7 of 12 = 58%) plus bed 11 in even facilities.
CREATE TEMP TABLE held AS
SELECT f, b FROM generate_series(1, 10000) AS f CROSS JOIN generate_series(1, 12) AS b
WHERE b IN (1, 2, 3, 4, 7, 9, 10) OR (b = 11 AND f % 2 = 0);
INSERT INTO admissions (tenant_id, id, patient_id, unidentified, facility_id, ward_id, bed_id, encounter_id,
  admitting_professional_id, department, reason, provisional_diagnosis, admitted_at, status, category, life_support,
  condition_at, news2, version, created_by, created_at)
SELECT :'wb'::uuid, md5('admission:' || f || ':' || b)::uuid, NULL, 'Bench patient ' || f || '/' || b,
       md5('facility:' || f)::uuid, md5('ward:' || f || ':' || CASE WHEN b <= 8 THEN 1 ELSE 2 END)::uuid,
       md5('bed:' || f || ':' || b)::uuid, NULL, :'doc_prof'::uuid, 'medicine', 'Fever', NULL,
       now() - make_interval(hours => (f * 7 + b * 13) % 240), 'admitted',
       (ARRAY['mild', 'moderate', 'critical'])[1 + (f + b) % 3],
       CASE WHEN b >= 11 THEN 'invasive_ventilation' WHEN b >= 9 THEN 'hfnc' ELSE 'none' END,
       now() - make_interval(hours => (f + b) % 12), (f + b) % 12, 1, :'nurse_user'::uuid, now()
FROM held;
INSERT INTO bed_assignments (tenant_id, id, admission_id, bed_id, status, start_at, end_at, created_by)
SELECT :'wb'::uuid, md5('assignment:' || f || ':' || b)::uuid, md5('admission:' || f || ':' || b)::uuid,
       md5('bed:' || f || ':' || b)::uuid, 'active', now() - make_interval(hours => (f * 7 + b * 13) % 240), NULL, :'nurse_user'::uuid
FROM held;

ALTER TABLE bed_snapshots DROP CONSTRAINT IF EXISTS bed_snapshots_pkey;
DROP INDEX IF EXISTS ix_bed_snapshots_day;
INSERT INTO bed_snapshots (tenant_id, facility_id, day, bed_type, total, occupied, out_of_service, counted_at)
SELECT :'wb'::uuid, md5('facility:' || f)::uuid, (now() AT TIME ZONE 'Asia/Kolkata')::date - d, t.bed_type, t.total,
       greatest(0, least(t.total, round(t.total * (0.45 + ((f * 31 + d * 17) % 30) / 100.0))::int)), 0, now()
FROM generate_series(1, 10000) AS f
CROSS JOIN generate_series(1, 365) AS d
CROSS JOIN (VALUES ('general', 6), ('oxygen_supported', 2), ('icu', 2), ('ventilator', 2)) AS t(bed_type, total);
ALTER TABLE bed_snapshots ADD PRIMARY KEY (tenant_id, facility_id, day, bed_type);
CREATE INDEX ix_bed_snapshots_day ON bed_snapshots (tenant_id, day);

-- The district rollup of the same snapshots (the demo's week recounted with them).
DELETE FROM district_bed_snapshots;
INSERT INTO district_bed_snapshots (tenant_id, district_id, day, bed_type, total, occupied, out_of_service)
SELECT s.tenant_id, f.district_id, s.day, s.bed_type, SUM(s.total), SUM(s.occupied), SUM(s.out_of_service)
FROM bed_snapshots s JOIN facilities f ON f.tenant_id = s.tenant_id AND f.id = s.facility_id
WHERE f.district_id IS NOT NULL
GROUP BY s.tenant_id, f.district_id, s.day, s.bed_type;

-- Bulk indicator roll-ups for the dashboards benchmark, in the WB demo tenant: 23 more
-- districts of 10 blocks each, 10,000 facilities in those blocks (every tenth a district
-- hospital), and two years of the counts that 10,000,000 outpatient visits and
-- 1,000,000 stays (with their discharges, deaths and referrals) leave in
-- `indicator_facility_days`, then `indicator_facility_months` and
-- `indicator_unit_months` (every unit over each facility) summed from them: what the
-- live writes keep, written here in bulk.
-- Variables: wb.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';

CREATE TEMP TABLE root AS SELECT id, path FROM admin_units WHERE parent_id IS NULL LIMIT 1;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('district:' || d)::uuid, root.id, 'district', 'Bench district ' || d, NULL,
       root.path || md5('district:' || d)::uuid || '/', 1, now(), now(), 1
FROM root, generate_series(1, 23) AS d;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('block:' || b)::uuid, md5('district:' || (b % 23 + 1))::uuid, 'block', 'Bench block ' || b, NULL,
       root.path || md5('district:' || (b % 23 + 1))::uuid || '/' || md5('block:' || b)::uuid || '/', 2, now(), now(), 1
FROM root, generate_series(1, 230) AS b;

INSERT INTO facilities (tenant_id, id, name, name_key, facility_type, ownership, unit_id, unit_path, district_id,
  systems_of_medicine, specialities, operational_status, beds_general, beds_oxygen, beds_icu, beds_hdu,
  beds_ventilator, beds_isolation, beds_paediatric, beds_maternity, emr_adopted, emr_checklist, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('facility:' || f)::uuid, 'Bench hospital ' || f, 'bench hospital ' || f,
       CASE WHEN f % 10 = 0 THEN 'district_hospital' ELSE 'community_health_centre' END, 'public',
       md5('block:' || (f % 230 + 1))::uuid,
       root.path || md5('district:' || ((f % 230 + 1) % 23 + 1))::uuid || '/' || md5('block:' || (f % 230 + 1))::uuid || '/',
       md5('district:' || ((f % 230 + 1) % 23 + 1))::uuid,
       '["allopathy"]', '[]', 'operational', CASE WHEN f % 10 = 0 THEN 150 ELSE 24 END, 6, 4, 0, 2, 0,
       CASE WHEN f % 10 = 0 THEN 30 ELSE 0 END, 6, false, '{}', now(), now(), 1
FROM root, generate_series(1, 10000) AS f;

-- Every count as the live writes make it: one row per facility, India day, measure,
-- department, age group and sex. Staged without constraints, then summed into the
-- roll-up with its key and index dropped and rebuilt.
CREATE UNLOGGED TABLE bench_counts (facility int, day date, measure text, department text, age_group text, sex text, value bigint);
-- Visits: about 0.92 rows a facility-day of 1 or 2 visits: 10,000,000 over 730 days.
INSERT INTO bench_counts
SELECT f, (now() AT TIME ZONE 'Asia/Kolkata')::date - d, 'opd_visits',
       (ARRAY['medicine', 'paediatrics', 'surgery', 'obstetrics', 'orthopaedics'])[1 + (f + d + k) % 5],
       (ARRAY['0-4', '5-14', '15-44', '45-64', '65+'])[1 + (f * 7 + d * 3 + k) % 5],
       (ARRAY['female', 'male'])[1 + (f + d * 5 + k) % 2],
       1 + (f * 3 + d + k) % 2
FROM generate_series(1, 10000) AS f, generate_series(0, 729) AS d, generate_series(0, 1) AS k
WHERE (f * 31 + d * 17 + k * 13) % 100 < 46;
-- One visit in 25 referred out.
INSERT INTO bench_counts
SELECT facility, day, 'referrals_out', department, age_group, sex, 1 FROM bench_counts
WHERE measure = 'opd_visits' AND (facility + extract(doy FROM day)::int) % 25 = 0;
-- Stays: 0.137 a facility-day (1,000,000), each ended three days later (when that day
-- has come): a discharge, three inpatient days, a death in 50 and a referral in 20.
CREATE TEMP TABLE stays AS
SELECT f, (now() AT TIME ZONE 'Asia/Kolkata')::date - d AS day,
       (ARRAY['medicine', 'paediatrics', 'surgery', 'obstetrics', 'orthopaedics'])[1 + (f * 3 + d) % 5] AS department,
       (ARRAY['0-4', '5-14', '15-44', '45-64', '65+'])[1 + (f + d * 11) % 5] AS age_group,
       (ARRAY['female', 'male'])[1 + (f * 5 + d) % 2] AS sex, (f + d) % 50 = 0 AS died, (f + d) % 20 = 1 AS referred
FROM generate_series(1, 10000) AS f, generate_series(0, 729) AS d
WHERE (f * 13 + d * 7) % 1000 < 137;
INSERT INTO bench_counts SELECT f, day, 'admissions', department, age_group, sex, 1 FROM stays;
INSERT INTO bench_counts SELECT f, day + 3, m.measure, department, age_group, sex, m.value
FROM stays CROSS JOIN LATERAL (VALUES ('discharges', 1), ('inpatient_days', 3)) AS m(measure, value)
WHERE day + 3 <= (now() AT TIME ZONE 'Asia/Kolkata')::date;
INSERT INTO bench_counts SELECT f, day + 3, 'deaths', department, age_group, sex, 1 FROM stays
WHERE died AND day + 3 <= (now() AT TIME ZONE 'Asia/Kolkata')::date;
INSERT INTO bench_counts SELECT f, day + 3, 'referrals_out', department, age_group, sex, 1 FROM stays
WHERE referred AND day + 3 <= (now() AT TIME ZONE 'Asia/Kolkata')::date;

ALTER TABLE indicator_facility_days DROP CONSTRAINT indicator_facility_days_pkey;
DROP INDEX ix_indicator_facility_days_day;
INSERT INTO indicator_facility_days (tenant_id, facility_id, day, measure, department, age_group, sex, value)
SELECT :'wb'::uuid, md5('facility:' || facility)::uuid, day, measure, department, age_group, sex, SUM(value)
FROM bench_counts GROUP BY facility, day, measure, department, age_group, sex;
ALTER TABLE indicator_facility_days ADD PRIMARY KEY (tenant_id, facility_id, day, measure, department, age_group, sex);
CREATE INDEX ix_indicator_facility_days_day ON indicator_facility_days (tenant_id, day, measure);
DROP TABLE bench_counts;

-- Each facility's months, from its days.
DELETE FROM indicator_facility_months;
INSERT INTO indicator_facility_months (tenant_id, facility_id, department, month, measure, value)
SELECT tenant_id, facility_id, department, date_trunc('month', day)::date, measure, SUM(value)
FROM indicator_facility_days GROUP BY tenant_id, facility_id, department, date_trunc('month', day), measure;

-- Every unit over each facility, month by month: the months of the demo's facilities
-- are summed again with the rest (the recount job puts back what it counts at units).
DELETE FROM indicator_unit_months;
INSERT INTO indicator_unit_months (tenant_id, unit_id, month, measure, department, value)
SELECT d.tenant_id, u.unit::uuid, date_trunc('month', d.day)::date, d.measure, d.department, SUM(d.value)
FROM indicator_facility_days d
JOIN facilities f ON f.tenant_id = d.tenant_id AND f.id = d.facility_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM f.unit_path), '/')) AS u(unit)
GROUP BY d.tenant_id, u.unit, date_trunc('month', d.day), d.measure, d.department;

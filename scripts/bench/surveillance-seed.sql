-- Bulk surveillance data for the surveillance benchmark, in the WB demo tenant: 20 more
-- districts of 10 blocks (200 blocks), 500,000 cases of the 15 notifiable conditions over
-- three years (onsets spread over 1,092 days, every block and age group and both sexes),
-- the weekly counts they add up to (as writing the cases one by one keeps them), and
-- DHIS2 mappings of the 20 districts and every condition's cases. Variables: wb, admin_user.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET maintenance_work_mem = '1GB';

CREATE TEMP TABLE root AS SELECT id, path FROM admin_units WHERE parent_id IS NULL AND tenant_id = :'wb'::uuid LIMIT 1;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('idspdistrict:' || d)::uuid, root.id, 'district', 'Bench IDSP district ' || d, NULL,
       root.path || md5('idspdistrict:' || d)::uuid || '/', 1, now(), now(), 1
FROM root, generate_series(1, 20) AS d;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('idspblock:' || b)::uuid, md5('idspdistrict:' || (b % 20 + 1))::uuid, 'block', 'Bench IDSP block ' || b, NULL,
       root.path || md5('idspdistrict:' || (b % 20 + 1))::uuid || '/' || md5('idspblock:' || b)::uuid || '/', 2, now(), now(), 1
FROM root, generate_series(0, 199) AS b;

CREATE TEMP TABLE conds AS
SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM notifiable_conditions WHERE tenant_id = :'wb'::uuid;

-- Case i: condition (i / 200) % 15, block (i * 7919) % 200, onset i % 1092 days ago; one in ten
-- confirmed, one in fifty died, one in a hundred discarded.
INSERT INTO surveillance_cases (tenant_id, id, condition_id, patient_id, level, classification, outcome, onset_date,
  epi_week, reported_at, unit_id, unit_path, village, facility_id, name, age_years, age_group, sex, symptoms,
  source_entry_id, reported_by, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('idspcase:' || i)::uuid, conds.id, NULL,
       CASE WHEN i % 10 = 0 THEN 'l' WHEN i % 3 = 0 THEN 's' ELSE 'p' END,
       CASE WHEN i % 100 = 1 THEN 'discarded' WHEN i % 10 = 0 THEN 'confirmed' WHEN i % 3 = 0 THEN 'suspected' ELSE 'probable' END,
       CASE WHEN i % 50 = 7 THEN 'died' END,
       c.onset, to_char(c.onset, 'IYYY')::int * 100 + to_char(c.onset, 'IW')::int,
       c.onset + time '10:00', u.id, u.path, 'Bench village ' || (i % 40), NULL, 'Bench case ' || i, i % 90,
       CASE WHEN i % 90 < 5 THEN '0-4' WHEN i % 90 < 15 THEN '5-14' WHEN i % 90 < 45 THEN '15-44' WHEN i % 90 < 65 THEN '45-64' ELSE '65+' END,
       CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, 'fever', NULL, :'admin_user'::uuid, now(), now(), 1
FROM generate_series(1, 500000) AS i
JOIN conds ON conds.n = (i / 200) % 15
JOIN admin_units u ON u.tenant_id = :'wb'::uuid AND u.id = md5('idspblock:' || ((i::bigint * 7919) % 200))::uuid
CROSS JOIN LATERAL (SELECT (current_date - (i % 1092))::date AS onset) c;

-- The counts, as the cases' writes keep them (discarded cases not counted).
INSERT INTO surveillance_weekly_counts (tenant_id, condition_id, unit_id, epi_week, age_group, sex, unit_path, cases, confirmed, deaths)
SELECT tenant_id, condition_id, unit_id, epi_week, age_group, sex, unit_path, count(*),
       count(*) FILTER (WHERE classification = 'confirmed'), count(*) FILTER (WHERE outcome = 'died')
FROM surveillance_cases
WHERE tenant_id = :'wb'::uuid AND classification <> 'discarded'
GROUP BY tenant_id, condition_id, unit_id, epi_week, age_group, sex, unit_path
ON CONFLICT (tenant_id, condition_id, unit_id, epi_week, age_group, sex) DO UPDATE
  SET cases = surveillance_weekly_counts.cases + excluded.cases,
      confirmed = surveillance_weekly_counts.confirmed + excluded.confirmed,
      deaths = surveillance_weekly_counts.deaths + excluded.deaths;

-- Their roll-ups to every place over each block, recomputed from the block rows as
-- migration 48 does (every case write keeps them so).
DELETE FROM surveillance_place_counts WHERE tenant_id = :'wb'::uuid;
INSERT INTO surveillance_place_counts (tenant_id, condition_id, unit_id, epi_week, cases, confirmed, deaths)
SELECT w.tenant_id, w.condition_id, u.id, w.epi_week, SUM(w.cases), SUM(w.confirmed), SUM(w.deaths)
FROM surveillance_weekly_counts w
JOIN admin_units u ON u.tenant_id = w.tenant_id AND w.unit_path LIKE u.path || '%'
WHERE w.tenant_id = :'wb'::uuid
GROUP BY w.tenant_id, w.condition_id, u.id, w.epi_week;

INSERT INTO dhis2_mappings (tenant_id, id, kind, local_key, unit_id, condition_id, measure, age_group, sex, dhis2_id, version, updated_at, updated_by)
SELECT :'wb'::uuid, md5('idspmap:d' || d)::uuid, 'org_unit', md5('idspdistrict:' || d)::uuid::text, md5('idspdistrict:' || d)::uuid,
       NULL, NULL, NULL, NULL, 'BenchD' || lpad(d::text, 5, '0'), 1, now(), :'admin_user'::uuid
FROM generate_series(1, 20) AS d
UNION ALL
SELECT :'wb'::uuid, md5('idspmap:c' || n)::uuid, 'data_element', id::text || '|cases', NULL, id, 'cases', NULL, NULL,
       'BenchC' || lpad(n::text, 5, '0'), 1, now(), :'admin_user'::uuid
FROM conds
ON CONFLICT (tenant_id, kind, local_key) DO NOTHING;

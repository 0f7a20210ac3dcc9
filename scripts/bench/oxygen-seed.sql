-- Bulk oxygen data for the oxygen benchmark, in the WB demo tenant: 20 more districts,
-- 2,000 reporting facilities (100 per district), each with a 10 kL LMO tank (7,995 Nm³)
-- and a cylinder bank, and a year of daily readings (730,000 rows): the tank falls
-- 10 % a day and a tanker refills it every 8th day, so facilities range from enough
-- to critical. The newest reading is 2 to 3 hours old. Variables: wb, admin_user.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET maintenance_work_mem = '1GB';

CREATE TEMP TABLE root AS SELECT id, path FROM admin_units WHERE parent_id IS NULL LIMIT 1;
INSERT INTO admin_units (tenant_id, id, parent_id, kind, name, lgd_code, path, depth, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('o2district:' || d)::uuid, root.id, 'district', 'Bench O2 district ' || d, NULL,
       root.path || md5('o2district:' || d)::uuid || '/', 1, now(), now(), 1
FROM root, generate_series(1, 20) AS d;

INSERT INTO facilities (tenant_id, id, name, name_key, facility_type, ownership, unit_id, unit_path, district_id,
  systems_of_medicine, specialities, operational_status, beds_general, beds_oxygen, beds_icu, beds_hdu,
  beds_ventilator, beds_isolation, beds_paediatric, beds_maternity, emr_adopted, emr_checklist, created_at, updated_at, version)
SELECT :'wb'::uuid, md5('o2facility:' || f)::uuid, 'Bench O2 hospital ' || f, 'bench o2 hospital ' || f, 'community_health_centre', 'public',
       md5('o2district:' || (f % 20 + 1))::uuid, root.path || md5('o2district:' || (f % 20 + 1))::uuid || '/', md5('o2district:' || (f % 20 + 1))::uuid,
       '["allopathy"]', '[]', 'operational', 40, 20, 6, 4, 4, 0, 0, 0, false, '{}', now(), now(), 1
FROM root, generate_series(1, 2000) AS f;

INSERT INTO oxygen_cylinder_types (tenant_id, id, code, name, gas_litres, label_celsius, supplier, nm3, version, created_at)
VALUES (:'wb'::uuid, md5('o2cyl')::uuid, 'BD', 'Bench D type', 7000, 15, '', 6.6357, 1, now());

INSERT INTO oxygen_sources (tenant_id, id, facility_id, kind, name, capacity, cylinder_type_id, storage_nm3,
  output_nm3_per_hour, beds_fed, active, version, created_at, updated_at)
SELECT :'wb'::uuid, md5('o2tank:' || f)::uuid, md5('o2facility:' || f)::uuid, 'lmo_tank', 'LMO tank',
       '{"kind":"lmo_tank","amount":10.0,"unit":"kilolitre","usable_fraction":0.9}', NULL, 7995, 0, 60, true, 1, now(), now()
FROM generate_series(1, 2000) AS f
UNION ALL
SELECT :'wb'::uuid, md5('o2bank:' || f)::uuid, md5('o2facility:' || f)::uuid, 'cylinders', 'Cylinder bank',
       ('{"kind":"cylinders","cylinder_type":"' || md5('o2cyl')::uuid || '","owned":20}')::json, md5('o2cyl')::uuid, 132.714, 0, 10, true, 1, now(), now()
FROM generate_series(1, 2000) AS f;

-- i = 0 is a year ago, 364 today; k = the day in the facility's 8-day refill cycle.
INSERT INTO oxygen_entries (tenant_id, id, series_id, facility_id, version, reading_at, entered_at, entered_by, late,
  correction_reason, superseded_at, readings, held_nm3, usable_nm3, received_nm3, produced_nm3, estimated, plant_fault,
  patients, patients_from)
SELECT :'wb'::uuid, e.id, e.id, md5('o2facility:' || f)::uuid, 1, e.at, e.at, :'admin_user'::uuid, false, NULL, NULL,
       ('{"tanks":[{"source":"' || md5('o2tank:' || f)::uuid || '","gauge":{"unit":"percent","value":' || (90 - 10 * k) || '}}],'
        || '"cylinders":[],"cylinders_received":[],"cylinders_returned":[],"liquid_received":[],"plants":[],"patients":null}')::json,
       7995 * (90 - 10 * k) / 100.0, greatest(0, 7995 * (80 - 10 * k) / 100.0),
       CASE WHEN k = 0 AND i > 0 THEN 7995 * 0.8 ELSE 0 END, 0, false, false,
       '{"nasal_cannula":20,"mask":6,"hfnc":2,"niv":1,"invasive_ventilation":2}', 'entered'
FROM generate_series(1, 2000) AS f
CROSS JOIN generate_series(0, 364) AS i
CROSS JOIN LATERAL (SELECT (i + f) % 8 AS k) kk
CROSS JOIN LATERAL (SELECT md5('o2entry:' || f || ':' || i)::uuid AS id,
                           now() - make_interval(days => 364 - i, mins => 120 + f % 60) AS at) e;

-- Each facility's days (`oxygen_facility_days`), as entering the readings one by one
-- would have written them: stock at the day's last reading; use, receipts and
-- production over the intervals ending that day.
INSERT INTO oxygen_facility_days (tenant_id, facility_id, day, stock_nm3, usable_nm3, consumption_nm3,
  received_nm3, produced_nm3, hours)
SELECT tenant_id, facility_id, day,
       (array_agg(held_nm3 ORDER BY reading_at DESC))[1] AS stock_nm3,
       (array_agg(usable_nm3 ORDER BY reading_at DESC))[1] AS usable_nm3,
       coalesce(sum(prev_held + received_nm3 + produced_nm3 - held_nm3), 0) AS consumption_nm3,
       coalesce(sum(received_nm3) FILTER (WHERE prev_held IS NOT NULL), 0) AS received_nm3,
       coalesce(sum(produced_nm3) FILTER (WHERE prev_held IS NOT NULL), 0) AS produced_nm3,
       coalesce(sum(trunc(extract(epoch FROM reading_at - prev_at))) / 3600, 0) AS hours
FROM (SELECT tenant_id, facility_id, reading_at, held_nm3, usable_nm3, received_nm3, produced_nm3,
             (reading_at AT TIME ZONE 'Asia/Kolkata')::date AS day,
             lag(held_nm3) OVER w AS prev_held, lag(reading_at) OVER w AS prev_at
      FROM oxygen_entries WHERE tenant_id = :'wb'::uuid AND superseded_at IS NULL
        AND facility_id IN (SELECT md5('o2facility:' || f)::uuid FROM generate_series(1, 2000) AS f)
      WINDOW w AS (PARTITION BY facility_id ORDER BY reading_at)) r
GROUP BY tenant_id, facility_id, day;

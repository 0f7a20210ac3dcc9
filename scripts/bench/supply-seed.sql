-- Bulk supply data for the supply benchmark, in the WB demo tenant, run as the
-- database superuser (row-level security and foreign-key triggers off while loading;
-- the keys are all made here and are consistent): 23 more districts with a district
-- drug store each under the demo Central Medical Stores, 1,974 facility pharmacies
-- (2,000 stores with the demo's three), a catalogue of 2,000 items, 50,000 batches,
-- each store holding 25 items in one batch each, and 200 ledger rows per store and
-- item over the last year (a receipt, then one unit out at a time) ending at the
-- stock held: 9,985,000 ledger rows that agree with the balances and carry their
-- running totals. About 2% of the store items end at zero (stock-outs).
-- Variables: wb, cms (the demo warehouse), by.
\set ON_ERROR_STOP on
SELECT set_config('app.tenant_id', :'wb', false);
SET session_replication_role = replica;
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
FROM root, generate_series(1, 1974) AS f;

-- Stores 1–23 are district drug stores, 24–1997 facility pharmacies.
CREATE TEMP TABLE bench_stores AS
SELECT s, md5('store:' || s)::uuid AS id,
       CASE WHEN s <= 23 THEN md5('district:' || s)::uuid ELSE md5('district:' || ((s - 23) % 23 + 1))::uuid END AS unit,
       CASE WHEN s <= 23 THEN NULL ELSE md5('facility:' || (s - 23))::uuid END AS facility,
       CASE WHEN s <= 23 THEN :'cms'::uuid ELSE md5('store:' || ((s - 23) % 23 + 1))::uuid END AS parent
FROM generate_series(1, 1997) AS s;
INSERT INTO supply_stores (tenant_id, id, name, level, parent_id, unit_id, unit_path, facility_id, lookback_days,
  min_months, max_months, overstock_months, expiry_warn_days, expiry_alert_days, version, created_at)
SELECT :'wb'::uuid, b.id, CASE WHEN b.s <= 23 THEN 'Bench district store ' || b.s ELSE 'Bench pharmacy ' || (b.s - 23) END,
       CASE WHEN b.s <= 23 THEN 'district' ELSE 'facility' END, b.parent, b.unit, root.path || b.unit || '/', b.facility,
       90, 1, 3, 6, 90, 30, 1, now()
FROM bench_stores b, root;

INSERT INTO supply_items (tenant_id, id, code, name, kind, strength, form, pack_size, unit_of_issue, essential, schedule,
  over_the_counter, active, version, created_at)
SELECT :'wb'::uuid, md5('item:' || i)::uuid, 'BENCH-' || lpad(i::text, 4, '0'), 'Bench medicine ' || i, 'medicine', '500 mg',
       'tablet', 10, 'tablet', i % 3 = 0, 'none', false, true, 1, now()
FROM generate_series(1, 2000) AS i;

-- Batch k is of item (k - 1) % 2000 + 1; store s holds batches (s - 1) * 25 + 1 … s * 25.
INSERT INTO supply_batches (tenant_id, id, item_id, batch_no, expires_on, manufactured_on, manufacturer, supplier,
  unit_price_paise, on_hold, quality_status, version, created_at)
SELECT :'wb'::uuid, md5('batch:' || k)::uuid, md5('item:' || ((k - 1) % 2000 + 1))::uuid, 'BB' || k,
       current_date + 30 + k % 700, current_date - 200, 'Bench Pharma', 'Bench supplier', 100, false, 'not_required', 1, now()
FROM generate_series(1, 50000) AS k;

CREATE TEMP TABLE held AS
SELECT b.s, b.id AS store, j, (b.s - 1) * 25 + j AS k, md5('batch:' || ((b.s - 1) * 25 + j))::uuid AS batch,
       md5('item:' || (((b.s - 1) * 25 + j - 1) % 2000 + 1))::uuid AS item,
       ((b.s * 7 + j * 13) % 50) * 3 AS final
FROM bench_stores b CROSS JOIN generate_series(1, 25) AS j;
INSERT INTO supply_stock (tenant_id, store_id, batch_id, item_id, quantity, updated_at)
SELECT :'wb'::uuid, store, batch, item, final, now() - interval '1 day' FROM held;
-- The running totals (migration 38): 199 units consumed, never out of stock between rows.
INSERT INTO supply_store_items (tenant_id, store_id, item_id, on_hand, min_months, max_months, out_since, updated_at, usable_until,
  consumed_total, out_ms_total, first_move_at, last_move_at)
SELECT :'wb'::uuid, store, item, final, NULL, NULL, CASE WHEN final = 0 THEN now() - interval '1 day' END, now() - interval '1 day',
       CASE WHEN final > 0 THEN current_date + 30 + k % 700 END,
       199, 0, now() - interval '1 day' - 199 * interval '1.8 days', now() - interval '1 day'
FROM held;

ALTER TABLE supply_ledger DROP CONSTRAINT IF EXISTS supply_ledger_pkey;
DROP INDEX IF EXISTS ix_supply_ledger_item;
DROP INDEX IF EXISTS ix_supply_ledger_document;
INSERT INTO supply_ledger (tenant_id, id, store_id, item_id, batch_id, kind, reason, quantity, batch_balance, item_balance,
  note, counterpart_store_id, document_kind, document_id, at, by, consumed_total, out_ms_total)
SELECT :'wb'::uuid, md5('ledger:' || h.s || ':' || h.j || ':' || r)::uuid, h.store, h.item, h.batch,
       CASE WHEN r = 1 THEN 'receipt' WHEN h.s <= 23 THEN 'issue' ELSE 'dispense' END, NULL,
       CASE WHEN r = 1 THEN 199 + h.final ELSE -1 END, 199 + h.final - (r - 1), 199 + h.final - (r - 1),
       NULL, NULL, NULL, NULL, now() - interval '1 day' - (200 - r) * interval '1.8 days', :'by'::uuid, r - 1, 0
FROM held h CROSS JOIN generate_series(1, 200) AS r;
ALTER TABLE supply_ledger ADD CONSTRAINT supply_ledger_pkey PRIMARY KEY (tenant_id, id);
CREATE INDEX ix_supply_ledger_item ON supply_ledger (tenant_id, store_id, item_id, at);
CREATE INDEX ix_supply_ledger_document ON supply_ledger (tenant_id, document_id);
SET session_replication_role = origin;

-- Family status benchmark: 40,000 one-time codes, each sent to an attendant of a
-- different admitted patient of the inpatient seed, hashed exactly as the server
-- hashes them (HMAC-SHA-256 under the tenant's key derived from the PII master key).
-- The bench script lists the codes (request id and six digits) from the same
-- expressions. Variables: wb (tenant id), master (the PII master key, hex).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- Row-level security: the seeding session acts for the tenant.
SELECT set_config('app.tenant_id', :'wb', false);
\set ON_ERROR_STOP on
CREATE TEMP TABLE fam AS
SELECT a.id AS admission_id, md5('attendant:' || a.id)::uuid AS attendant_id,
       md5('code:' || a.id)::uuid AS code_id, md5('request:' || a.id)::uuid AS request_id,
       lpad((abs(hashtext(a.id::text)) % 1000000)::text, 6, '0') AS code,
       '+9197' || lpad(row_number() OVER (ORDER BY a.id)::text, 8, '0') AS phone
FROM (SELECT id FROM admissions WHERE tenant_id = :'wb'::uuid AND status = 'admitted' ORDER BY id LIMIT 40000) a;
INSERT INTO admission_attendants (tenant_id, id, admission_id, name, relationship, phone, verified_at, removed_at, created_at)
SELECT :'wb'::uuid, attendant_id, admission_id, 'Bench attendant', 'son', phone, now(), NULL, now() FROM fam;
INSERT INTO inpatient_codes (tenant_id, id, request_id, purpose, admission_id, attendant_id, phone, code_hash,
  expires_at, attempts_left, used_at, client_addr, created_at)
SELECT :'wb'::uuid, code_id, request_id, 'family', admission_id, attendant_id, phone,
       encode(hmac(uuid_send(code_id) || convert_to(code, 'UTF8'),
                   hmac(convert_to('otp-v1:', 'UTF8') || uuid_send(:'wb'::uuid), decode(:'master', 'hex'), 'sha256'),
                   'sha256'), 'hex'),
       now() + interval '1 hour', 5, NULL, NULL, now()
FROM fam;

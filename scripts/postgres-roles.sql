-- The two PostgreSQL roles Arogya uses. Run as a superuser; safe to run again.
--   arogya_owner: owns the database and its tables; migrations run as this role.
--   arogya_app:   the server's everyday role. Owns nothing, is not a superuser and has
--                 no BYPASSRLS, so row-level security always applies to it.
--   arogya_platform: platform work only (tenants, platform administrators), when
--                 AROGYA_DATABASE_PLATFORM_URL is set; tenant requests never use it.
-- In production give both a password (ALTER ROLE ... PASSWORD '...') or use IAM auth.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arogya_owner') THEN
    CREATE ROLE arogya_owner LOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arogya_app') THEN
    CREATE ROLE arogya_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arogya_platform') THEN
    CREATE ROLE arogya_platform LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

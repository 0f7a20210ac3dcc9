//! The timeline page read walks `ix_entries_timeline` in order. PostgreSQL 15 cannot
//! scan an index in order for `patient_id = ANY(array)`, so the page read every entry
//! of the patient and sorted them: a patient with 200 entries read 200 rows for a
//! page of 20. Almost every record has one patient id (no merges), so that case gets
//! `patient_id = $1`, an ordered scan that stops at the page's end; merged records
//! keep the `ANY` form. Same signature and results as before (PostgreSQL only).

use sea_orm_migration::prelude::*;

const READ_TIMELINE: &str = r#"
CREATE OR REPLACE FUNCTION app_read_timeline(
  p_tenant uuid, p_patients uuid[], p_access_id uuid, p_survivor uuid, p_actor uuid,
  p_professional uuid, p_facility uuid, p_unit_path text, p_purpose text, p_reason text,
  p_at timestamptz, p_kinds text[], p_from timestamptz, p_until timestamptz,
  p_after_at timestamptz, p_after_id uuid, p_oldest boolean, p_limit int)
RETURNS SETOF clinical_entries
LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  INSERT INTO record_access_log (tenant_id, id, patient_id, actor_user_id, actor_professional_id,
                                 facility_id, unit_path, viewed, purpose, break_glass, reason, at)
  VALUES (p_tenant, p_access_id, p_survivor, p_actor, p_professional, p_facility, p_unit_path,
          'timeline', p_purpose, p_reason IS NOT NULL, p_reason, p_at);
  IF cardinality(p_patients) = 1 THEN
    IF p_oldest THEN
      RETURN QUERY SELECT * FROM clinical_entries e
        WHERE e.tenant_id = p_tenant AND e.patient_id = p_patients[1]
          AND (p_kinds IS NULL OR e.kind = ANY(p_kinds))
          AND (p_from IS NULL OR e.occurred_at >= p_from)
          AND (p_until IS NULL OR e.occurred_at < p_until)
          AND (p_after_at IS NULL OR (e.occurred_at, e.id) > (p_after_at, p_after_id))
        ORDER BY e.occurred_at, e.id LIMIT p_limit;
    ELSE
      RETURN QUERY SELECT * FROM clinical_entries e
        WHERE e.tenant_id = p_tenant AND e.patient_id = p_patients[1]
          AND (p_kinds IS NULL OR e.kind = ANY(p_kinds))
          AND (p_from IS NULL OR e.occurred_at >= p_from)
          AND (p_until IS NULL OR e.occurred_at < p_until)
          AND (p_after_at IS NULL OR (e.occurred_at, e.id) < (p_after_at, p_after_id))
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT p_limit;
    END IF;
  ELSIF p_oldest THEN
    RETURN QUERY SELECT * FROM clinical_entries e
      WHERE e.tenant_id = p_tenant AND e.patient_id = ANY(p_patients)
        AND (p_kinds IS NULL OR e.kind = ANY(p_kinds))
        AND (p_from IS NULL OR e.occurred_at >= p_from)
        AND (p_until IS NULL OR e.occurred_at < p_until)
        AND (p_after_at IS NULL OR (e.occurred_at, e.id) > (p_after_at, p_after_id))
      ORDER BY e.occurred_at, e.id LIMIT p_limit;
  ELSE
    RETURN QUERY SELECT * FROM clinical_entries e
      WHERE e.tenant_id = p_tenant AND e.patient_id = ANY(p_patients)
        AND (p_kinds IS NULL OR e.kind = ANY(p_kinds))
        AND (p_from IS NULL OR e.occurred_at >= p_from)
        AND (p_until IS NULL OR e.occurred_at < p_until)
        AND (p_after_at IS NULL OR (e.occurred_at, e.id) < (p_after_at, p_after_id))
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT p_limit;
  END IF;
END
$$;
"#;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(READ_TIMELINE)
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The earlier body returns the same rows, only more slowly: nothing to undo.
        Ok(())
    }
}

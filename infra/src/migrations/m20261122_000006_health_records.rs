//! Health records: clinical entries (encounters and what is recorded in them), every
//! version of each entry, and the log of who read a patient's record.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The hospitals' main read, a patient's timeline, in two round trips on PostgreSQL
/// (the transactional path takes about ten). Both functions set the tenant for their
/// own implicit transaction and read through row-level security as the calling role
/// (SECURITY INVOKER). The first resolves merges and says where the patient is in
/// care; the application decides whether the read is allowed (domain policy); the
/// second logs the read and returns the page in one statement.
const TIMELINE_FUNCTIONS: &str = r#"
CREATE OR REPLACE FUNCTION app_record_scope(p_tenant uuid, p_patient uuid)
RETURNS TABLE (role text, id uuid)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
DECLARE
  v_id uuid := p_patient;
  v_next uuid;
  v_hops int := 0;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  LOOP
    SELECT p.merged_into INTO v_next FROM patients p WHERE p.tenant_id = p_tenant AND p.id = v_id;
    IF NOT FOUND THEN
      RETURN;
    END IF;
    EXIT WHEN v_next IS NULL;
    v_id := v_next;
    v_hops := v_hops + 1;
    IF v_hops > 64 THEN
      RAISE EXCEPTION 'merge chain too long at patient %', p_patient;
    END IF;
  END LOOP;
  -- 's': the surviving record; 'p': it and every record merged into it; 'f': the
  -- facilities where any of them has an encounter.
  RETURN QUERY
  WITH RECURSIVE scope(pid, depth) AS (
    SELECT v_id, 0
    UNION ALL
    SELECT p.id, s.depth + 1 FROM patients p JOIN scope s
      ON p.tenant_id = p_tenant AND p.merged_into = s.pid
    WHERE s.depth < 64
  )
  SELECT 's'::text, v_id
  UNION ALL
  SELECT 'p'::text, pid FROM scope
  UNION ALL
  SELECT DISTINCT 'f'::text, e.facility_id FROM clinical_entries e
  WHERE e.tenant_id = p_tenant AND e.patient_id IN (SELECT pid FROM scope)
    AND e.kind = 'encounter' AND e.status <> 'entered_in_error';
END
$$;

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
  IF p_oldest THEN
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

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntries {
    Table,
    TenantId,
    Id,
    PatientId,
    EncounterId,
    Kind,
    Status,
    FacilityId,
    AuthorUserId,
    AuthorProfessionalId,
    OccurredAt,
    RecordedAt,
    UpdatedAt,
    Version,
    Details,
    Code,
    OrderId,
    DocumentId,
    ErrorReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntryVersions {
    Table,
    TenantId,
    EntryId,
    Version,
    Status,
    OccurredAt,
    Details,
    AuthorUserId,
    AuthorProfessionalId,
    RecordedAt,
    ChangeReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecordAccessLog {
    Table,
    TenantId,
    Id,
    PatientId,
    ActorUserId,
    ActorProfessionalId,
    FacilityId,
    UnitPath,
    Viewed,
    EntryId,
    Purpose,
    BreakGlass,
    Reason,
    At,
    ReviewedBy,
    ReviewedAt,
    ReviewNote,
}

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use ClinicalEntries::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ClinicalEntries::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        // An encounter's own id for encounters.
                        .col(uuid(EncounterId))
                        .col(string_len(Kind, 20))
                        .col(string_len(Status, 20))
                        .col(uuid(FacilityId))
                        .col(uuid(AuthorUserId))
                        .col(uuid(AuthorProfessionalId))
                        .col(timestamp_with_time_zone(OccurredAt))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(integer(Version).default(1))
                        .col(json_binary(Details))
                        // The ICD-10 code of a diagnosis, for reports by code.
                        .col(string_len_null(Code, 10))
                        // A lab result's order.
                        .col(uuid_null(OrderId))
                        // A report document in the document store (lab reports,
                        // discharge papers), linked once that store exists.
                        .col(uuid_null(DocumentId))
                        .col(string_len_null(ErrorReason, 500))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ClinicalEntries::Table, (TenantId, PatientId))
                                .to(Patients::Table, (Patients::TenantId, Patients::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                // The timeline: a patient's entries by time.
                (
                    "ix_entries_timeline",
                    &[TenantId, PatientId, OccurredAt, Id][..],
                ),
                ("ix_entries_encounter", &[TenantId, EncounterId][..]),
                // Is the patient in care at a facility?
                (
                    "ix_entries_patient_facility",
                    &[TenantId, PatientId, FacilityId][..],
                ),
                ("ix_entries_order", &[TenantId, OrderId][..]),
                ("ix_entries_code", &[TenantId, Code][..]),
            ] {
                create_index(manager, name, ClinicalEntries::Table, cols, false).await?;
            }
        }
        {
            use ClinicalEntryVersions::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(ClinicalEntryVersions::Table)
                        .col(uuid(TenantId))
                        .col(uuid(EntryId))
                        .col(integer(Version))
                        .col(string_len(Status, 20))
                        .col(timestamp_with_time_zone(OccurredAt))
                        .col(json_binary(Details))
                        .col(uuid(AuthorUserId))
                        .col(uuid(AuthorProfessionalId))
                        .col(timestamp_with_time_zone(RecordedAt))
                        .col(string_len_null(ChangeReason, 500))
                        .primary_key(Index::create().col(TenantId).col(EntryId).col(Version))
                        .foreign_key(
                            ForeignKey::create()
                                .from(ClinicalEntryVersions::Table, (TenantId, EntryId))
                                .to(
                                    ClinicalEntries::Table,
                                    (ClinicalEntries::TenantId, ClinicalEntries::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
        }
        {
            use RecordAccessLog::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(RecordAccessLog::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(PatientId))
                        .col(uuid(ActorUserId))
                        .col(uuid_null(ActorProfessionalId))
                        .col(uuid_null(FacilityId))
                        .col(string_len_null(UnitPath, 1024))
                        .col(string_len(Viewed, 40))
                        .col(uuid_null(EntryId))
                        .col(string_len_null(Purpose, 200))
                        .col(boolean(BreakGlass))
                        .col(string_len_null(Reason, 500))
                        .col(timestamp_with_time_zone(At))
                        .col(uuid_null(ReviewedBy))
                        .col(timestamp_with_time_zone_null(ReviewedAt))
                        .col(string_len_null(ReviewNote, 500))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_access_patient", &[TenantId, PatientId, Id][..]),
                ("ix_access_break_glass", &[TenantId, BreakGlass, Id][..]),
                ("ix_access_actor", &[TenantId, ActorUserId, Id][..]),
            ] {
                create_index(manager, name, RecordAccessLog::Table, cols, false).await?;
            }
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "clinical_entries",
                "clinical_entry_versions",
                "record_access_log",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
            manager
                .get_connection()
                .execute_unprepared(TIMELINE_FUNCTIONS)
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "health records are never dropped by a migration".into(),
        ))
    }
}

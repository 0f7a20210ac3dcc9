//! What the oxygen committees work with: alerts (raised, acknowledged with the action
//! taken, escalated to the state), the supply ledger (each delivery from a supplier
//! or refiller to a facility, confirmed by the facility), and the critical-care
//! equipment register with its status history and the procurement orders it arrives
//! against.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

// A folder's module is `mod`: the name is given, not derived from the file.
impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000028_oxygen_watch"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenSettings {
    Table,
    EscalateAfterHours,
    /// Time-to-empty thresholds of districts that set their own: `{district: [warning, critical]}`.
    DistrictThresholds,
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenAlerts {
    Table,
    TenantId,
    Id,
    FacilityId,
    DistrictId,
    Kind,
    Level,
    /// The IST day it was raised: one alert of a kind and level per facility a day.
    Day,
    Message,
    Detail,
    RaisedAt,
    AcknowledgedAt,
    AcknowledgedBy,
    ActionTaken,
    EscalatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenDeliveries {
    Table,
    TenantId,
    Id,
    FacilityId,
    Supplier,
    Vehicle,
    Challan,
    /// `liquid` into a tank, or `cylinders` of a type.
    Kind,
    SourceId,
    CylinderTypeId,
    Quantity,
    Unit,
    Nm3,
    DispatchedAt,
    ExpectedAt,
    /// `dispatched`, `received` or `cancelled`.
    Status,
    ReceivedAt,
    ReceivedQuantity,
    ReceivedBy,
    Note,
    CreatedBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentOrders {
    Table,
    TenantId,
    Id,
    Kind,
    Supplier,
    Quantity,
    OrderedOn,
    ExpectedOn,
    Reference,
    UnitId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Equipment {
    Table,
    TenantId,
    Id,
    FacilityId,
    Kind,
    Make,
    Model,
    SerialNumber,
    Source,
    OrderId,
    Status,
    InstalledOn,
    LastMaintenanceOn,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentEvents {
    Table,
    TenantId,
    Id,
    EquipmentId,
    Status,
    Note,
    At,
    By,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

fn facility_fk<T: IntoIden + Copy + 'static>(
    table: T,
    tenant: T,
    facility: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, (tenant, facility))
        .to(Facilities::Table, (Facilities::TenantId, Facilities::Id))
        .to_owned()
}

fn user_fk<T: IntoIden + Copy + 'static>(
    table: T,
    tenant: T,
    user: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, (tenant, user))
        .to(Users::Table, (Users::TenantId, Users::Id))
        .to_owned()
}

async fn alerts(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenAlerts::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(OxygenAlerts::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(uuid(FacilityId))
            .col(uuid_null(DistrictId))
            .col(string_len(Kind, 20))
            .col(string_len(Level, 10))
            .col(date(Day))
            .col(text(Message))
            .col(json(Detail))
            .col(timestamp_with_time_zone(RaisedAt))
            .col(timestamp_with_time_zone_null(AcknowledgedAt))
            .col(uuid_null(AcknowledgedBy))
            .col(text_null(ActionTaken))
            .col(timestamp_with_time_zone_null(EscalatedAt))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(&mut facility_fk(OxygenAlerts::Table, TenantId, FacilityId))
            .foreign_key(&mut user_fk(OxygenAlerts::Table, TenantId, AcknowledgedBy))
            .to_owned(),
    )
    .await?;
    create_index(
        m,
        "ux_oxygen_alerts_day",
        OxygenAlerts::Table,
        &[TenantId, FacilityId, Kind, Level, Day][..],
        true,
    )
    .await?;
    create_index(
        m,
        "ix_oxygen_alerts_raised",
        OxygenAlerts::Table,
        &[TenantId, RaisedAt][..],
        false,
    )
    .await
}

async fn deliveries(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenDeliveries::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(OxygenDeliveries::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(uuid(FacilityId))
            .col(string_len(Supplier, 120))
            .col(string_len_null(Vehicle, 40))
            .col(string_len_null(Challan, 80))
            .col(string_len(Kind, 12))
            .col(uuid_null(SourceId))
            .col(uuid_null(CylinderTypeId))
            .col(double(Quantity))
            .col(string_len(Unit, 12))
            .col(double(Nm3))
            .col(timestamp_with_time_zone(DispatchedAt))
            .col(timestamp_with_time_zone(ExpectedAt))
            .col(string_len(Status, 12))
            .col(timestamp_with_time_zone_null(ReceivedAt))
            .col(double_null(ReceivedQuantity))
            .col(uuid_null(ReceivedBy))
            .col(text_null(Note))
            .col(uuid(CreatedBy))
            .col(timestamp_with_time_zone(CreatedAt))
            .col(integer(Version).default(1))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(&mut facility_fk(
                OxygenDeliveries::Table,
                TenantId,
                FacilityId,
            ))
            .foreign_key(&mut user_fk(OxygenDeliveries::Table, TenantId, CreatedBy))
            .foreign_key(&mut user_fk(OxygenDeliveries::Table, TenantId, ReceivedBy))
            .to_owned(),
    )
    .await?;
    create_index(
        m,
        "ix_oxygen_deliveries_facility",
        OxygenDeliveries::Table,
        &[TenantId, FacilityId, ExpectedAt][..],
        false,
    )
    .await?;
    create_index(
        m,
        "ix_oxygen_deliveries_dispatched",
        OxygenDeliveries::Table,
        &[TenantId, DispatchedAt][..],
        false,
    )
    .await
}

async fn equipment(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    {
        use EquipmentOrders::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(EquipmentOrders::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(string_len(Kind, 30))
                .col(string_len(Supplier, 120))
                .col(integer(Quantity))
                .col(date(OrderedOn))
                .col(date_null(ExpectedOn))
                .col(string_len_null(Reference, 80))
                .col(uuid_null(UnitId))
                .col(uuid(CreatedBy))
                .col(timestamp_with_time_zone(CreatedAt))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(EquipmentOrders::Table, (TenantId, UnitId))
                        .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                )
                .foreign_key(&mut user_fk(EquipmentOrders::Table, TenantId, CreatedBy))
                .to_owned(),
        )
        .await?;
    }
    {
        use Equipment::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(Equipment::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(FacilityId))
                .col(string_len(Kind, 30))
                .col(string_len(Make, 80))
                .col(string_len(Model, 80))
                .col(string_len(SerialNumber, 80))
                .col(string_len(Source, 12))
                .col(uuid_null(OrderId))
                .col(string_len(Status, 16))
                .col(date_null(InstalledOn))
                .col(date_null(LastMaintenanceOn))
                .col(integer(Version).default(1))
                .col(timestamp_with_time_zone(CreatedAt))
                .col(timestamp_with_time_zone(UpdatedAt))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(&mut facility_fk(Equipment::Table, TenantId, FacilityId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Equipment::Table, (TenantId, OrderId))
                        .to(
                            EquipmentOrders::Table,
                            (EquipmentOrders::TenantId, EquipmentOrders::Id),
                        ),
                )
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ux_equipment_serial",
            Equipment::Table,
            &[TenantId, Kind, Make, SerialNumber][..],
            true,
        )
        .await?;
        create_index(
            m,
            "ix_equipment_facility",
            Equipment::Table,
            &[TenantId, FacilityId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_equipment_order",
            Equipment::Table,
            &[TenantId, OrderId][..],
            false,
        )
        .await?;
    }
    use EquipmentEvents::*;
    m.create_table(
        sea_orm_migration::prelude::Table::create()
            .table(EquipmentEvents::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(uuid(EquipmentId))
            .col(string_len(Status, 16))
            .col(text_null(Note))
            .col(timestamp_with_time_zone(At))
            .col(uuid_null(By))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(
                ForeignKey::create()
                    .from(EquipmentEvents::Table, (TenantId, EquipmentId))
                    .to(Equipment::Table, (Equipment::TenantId, Equipment::Id)),
            )
            .foreign_key(&mut user_fk(EquipmentEvents::Table, TenantId, By))
            .to_owned(),
    )
    .await?;
    create_index(
        m,
        "ix_equipment_events_equipment",
        EquipmentEvents::Table,
        &[TenantId, EquipmentId, At][..],
        false,
    )
    .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(OxygenSettings::Table)
                    .add_column(integer(OxygenSettings::EscalateAfterHours).default(2))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(OxygenSettings::Table)
                    .add_column(json_null(OxygenSettings::DistrictThresholds))
                    .to_owned(),
            )
            .await?;
        alerts(manager).await?;
        deliveries(manager).await?;
        equipment(manager).await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "oxygen_alerts",
                "oxygen_deliveries",
                "equipment_orders",
                "equipment",
                "equipment_events",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "oxygen records are never dropped by a migration".into(),
        ))
    }
}

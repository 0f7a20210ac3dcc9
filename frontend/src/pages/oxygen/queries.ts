// GraphQL documents of oxygen management (typed by `npm run codegen`).

export const OXYGEN_OVERVIEW = /* GraphQL */ `
  query OxygenOverview {
    oxygenOverview {
      at
      notReportedToday
      facilities {
        facilityId
        facilityName
        risk
        reportedToday
        hoursSinceLastReading
        usableNm3
        storageNm3
        timeToEmptyHours
        daysOfCover
        burn24h {
          nm3PerHour
        }
        needOfPatientsNm3PerHour
      }
      districts {
        districtId
        name
        facilities
        reportedToday
        critical
        warning
        usableNm3
        burnNm3PerHour
      }
      rules {
        warningHours
        criticalHours
        deadlineHour
      }
    }
    oxygenConversionFactors {
      code
      unit
      nm3PerUnit
      statedAs
      referenceCelsius
      source
    }
  }
`;

export const OXYGEN_ALERTS = /* GraphQL */ `
  query OxygenAlerts($open: Boolean!) {
    oxygenAlerts(open: $open, first: 100) {
      id
      facilityName
      kind
      level
      message
      timeToEmptyHours
      raisedAt
      acknowledgedAt
      acknowledgedBy
      actionTaken
      escalatedAt
    }
  }
`;

export const ACKNOWLEDGE_ALERT = /* GraphQL */ `
  mutation AcknowledgeOxygenAlert($id: ID!, $actionTaken: String!) {
    acknowledgeOxygenAlert(id: $id, actionTaken: $actionTaken) {
      id
      acknowledgedAt
    }
  }
`;

export const ALERT_CHANGED = /* GraphQL */ `
  subscription OxygenAlertChanged {
    oxygenAlertChanged {
      alertId
      action
    }
  }
`;

export const OXYGEN_DAILY = /* GraphQL */ `
  query OxygenDaily($facilityId: ID, $from: NaiveDate!, $to: NaiveDate!) {
    oxygenDaily(facilityId: $facilityId, from: $from, to: $to) {
      day
      reported
      stockNm3
      consumptionNm3
      receivedNm3
      atRisk
    }
  }
`;

export const ENTRY_FORM = /* GraphQL */ `
  query OxygenEntryForm($facilityId: ID!) {
    oxygenSources(facilityId: $facilityId) {
      id
      kind
      name
      amount
      unit
      cylinderTypeId
      owned
    }
    oxygenCylinderTypes {
      id
      code
      name
      nm3
    }
    oxygenReadings(facilityId: $facilityId) {
      id
      readingAt
      heldNm3
      tanks {
        sourceId
        percent
        kilograms
      }
      cylinders {
        cylinderTypeId
        full
        inUse
        empty
        sentForRefill
      }
      plants {
        sourceId
        runningHours
      }
      patients {
        nasalCannula
        mask
        hfnc
        niv
        invasiveVentilation
      }
    }
    facilityOxygen(facilityId: $facilityId) {
      facilityName
      risk
      usableNm3
      timeToEmptyHours
    }
  }
`;

export const RECORD_READING = /* GraphQL */ `
  mutation RecordOxygenReading($facilityId: ID!, $readingAt: DateTime!, $readings: OxygenReadingsInput!) {
    recordOxygenReading(facilityId: $facilityId, readingAt: $readingAt, readings: $readings) {
      id
      heldNm3
      usableNm3
      late
    }
  }
`;

export const EQUIPMENT = /* GraphQL */ `
  query OxygenEquipment {
    equipmentByDistrict {
      name
      ventilatorBeds
      ventilatorsFunctional
      kinds {
        kind
        functional
        underRepair
        condemned
      }
    }
    equipmentOrders {
      id
      kind
      supplier
      quantity
      received
      outstanding
      orderedOn
      expectedOn
      reference
    }
  }
`;

export const FACILITY_EQUIPMENT = /* GraphQL */ `
  query FacilityEquipment($facilityId: ID!) {
    equipment(facilityId: $facilityId) {
      id
      kind
      make
      model
      serialNumber
      status
      lastMaintenanceOn
      version
      history {
        status
        note
        at
      }
    }
  }
`;

export const CHANGE_EQUIPMENT_STATUS = /* GraphQL */ `
  mutation ChangeEquipmentStatus($id: ID!, $expectedVersion: Int!, $status: EquipmentStatus!, $maintainedOn: NaiveDate, $note: String) {
    changeEquipmentStatus(id: $id, expectedVersion: $expectedVersion, status: $status, maintainedOn: $maintainedOn, note: $note) {
      id
      status
      version
    }
  }
`;

export const OXYGEN_DELIVERIES = /* GraphQL */ `
  query OxygenDeliveries($from: DateTime) {
    oxygenDeliveries(from: $from) {
      id
      facilityId
      facilityName
      supplier
      vehicle
      challan
      kind
      quantity
      unit
      nm3
      dispatchedAt
      expectedAt
      status
      receivedAt
      receivedQuantity
      shortfall
      note
      version
    }
  }
`;

export const DISPATCH_FORM = /* GraphQL */ `
  query OxygenDispatchForm($facilityId: ID!) {
    oxygenSources(facilityId: $facilityId) {
      id
      kind
      name
    }
    oxygenCylinderTypes {
      id
      code
      name
    }
  }
`;

export const DISPATCH_DELIVERY = /* GraphQL */ `
  mutation DispatchOxygenDelivery($facilityId: ID!, $input: OxygenDispatchInput!) {
    dispatchOxygenDelivery(facilityId: $facilityId, input: $input) {
      id
    }
  }
`;

export const RECEIVE_DELIVERY = /* GraphQL */ `
  mutation ReceiveOxygenDelivery($id: ID!, $expectedVersion: Int!, $receivedQuantity: Float!, $note: String) {
    receiveOxygenDelivery(id: $id, expectedVersion: $expectedVersion, receivedQuantity: $receivedQuantity, note: $note) {
      id
      status
    }
  }
`;

export const CANCEL_DELIVERY = /* GraphQL */ `
  mutation CancelOxygenDelivery($id: ID!, $expectedVersion: Int!, $note: String!) {
    cancelOxygenDelivery(id: $id, expectedVersion: $expectedVersion, note: $note) {
      id
      status
    }
  }
`;

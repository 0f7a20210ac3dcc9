export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * Implement the DateTime<Utc> scalar
   *
   * The input/output is a string in RFC3339 format.
   */
  DateTime: { input: string; output: string; }
  /** A scalar that can represent any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /**
   * ISO 8601 calendar date without timezone.
   * Format: %Y-%m-%d
   *
   * # Examples
   *
   * * `1994-11-13`
   * * `2000-02-24`
   */
  NaiveDate: { input: string; output: string; }
};

export type AbnormalFlag =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

export type AddReportRecipientInput = {
  email: Scalars['String']['input'];
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** The place: a unit, a facility, or neither for the whole tenant. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type AddressInput = {
  line?: InputMaybe<Scalars['String']['input']>;
  pincode?: InputMaybe<Scalars['String']['input']>;
  /** The block (or other unit) the patient lives in. */
  unitId: Scalars['ID']['input'];
};

export type AdjustStockInput = {
  batchId: Scalars['ID']['input'];
  note: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
  reason: AdjustmentReason;
  storeId: Scalars['ID']['input'];
};

export type AdjustmentReason =
  | 'DAMAGED'
  | 'EXPIRED'
  | 'FOUND_AT_COUNT'
  | 'LOST'
  | 'MISSING_AT_COUNT';

export type AdmissionStatus =
  | 'ADMITTED'
  | 'DISCHARGED';

export type AdmitInput = {
  /** Defaults to now. */
  admittedAt?: InputMaybe<Scalars['DateTime']['input']>;
  admittingProfessionalId: Scalars['ID']['input'];
  attendants?: Array<AttendantInput>;
  bedId: Scalars['ID']['input'];
  department: Department;
  /** The registered patient's health ID; leave out for an unidentified patient. */
  healthId?: InputMaybe<Scalars['String']['input']>;
  provisionalDiagnosis?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  /** "Unknown male, about 40, brought by ambulance from …": required without a health ID. */
  unidentified?: InputMaybe<Scalars['String']['input']>;
};

export type AdmittedFilter = {
  category?: InputMaybe<ConditionCategory>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  lifeSupport?: Array<LifeSupport>;
  /** Only patients in hospital at least this many days. */
  minStayDays?: InputMaybe<Scalars['Int']['input']>;
  wardId?: InputMaybe<Scalars['ID']['input']>;
};

/** One rule as the state writes it. */
export type AlertRuleInput = {
  /** The threshold, the multiple, k, the rate per 100,000, or the cluster's cases. */
  amount: Scalars['Float']['input'];
  days?: Scalars['Int']['input'];
  halfWidth?: Scalars['Int']['input'];
  kind: AlertRuleKind;
  minCases?: Scalars['Int']['input'];
  quietDays?: Scalars['Int']['input'];
  scope: AlertScope;
  window?: AlertWindow;
  years?: Scalars['Int']['input'];
};

export type AlertRuleKind =
  /** cases ≥ multiple × the baseline. */
  | 'BASELINE_MULTIPLE'
  /** N cases in one village or ward within D days. */
  | 'CLUSTER'
  /** cases ≥ threshold. */
  | 'FIXED'
  /** cases > mean + k × SD of the baseline. */
  | 'MEAN_PLUS_SD'
  /** cases per 100,000 people ≥ the rate. */
  | 'RATE';

export type AlertScope =
  | 'BLOCK'
  | 'DISTRICT';

export type AlertWindow =
  /** The epidemiological week of the case's onset. */
  | 'EPI_WEEK'
  /** The seven days to today. */
  | 'ROLLING_7_DAYS';

export type ApplicationStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type ArrivalInput = {
  batchId: Scalars['ID']['input'];
  damaged?: Scalars['Int']['input'];
  /** Arrived in good order (goes into stock). */
  received: Scalars['Int']['input'];
};

export type AttendanceMark =
  | 'ABSENT'
  | 'PRESENT';

/** One nominee's mark, naming the cell's version the phone saw (0: unmarked). */
export type AttendanceMarkInput = {
  basedOnVersion: Scalars['Int']['input'];
  mark: AttendanceMark;
  professionalId: Scalars['ID']['input'];
};

export type AttendantInput = {
  name: Scalars['String']['input'];
  /** An Indian mobile number: status codes go only to it. */
  phone: Scalars['String']['input'];
  /** Son, daughter, wife, neighbour… */
  relationship: Scalars['String']['input'];
};

export type AuditEventFilter = {
  /** An action code (`auth.login_failed`), or a family ending in a dot (`auth.`). */
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
  /** From this time on (inclusive). */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AwardWinnerInput = {
  facilityId: Scalars['ID']['input'];
  /** 1 for first place. */
  place: Scalars['Int']['input'];
};

export type BatchPickInput = {
  batchId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** Beds by type (counts; occupancy is tracked against these elsewhere). */
export type BedCapacityInput = {
  general?: Scalars['Int']['input'];
  hdu?: Scalars['Int']['input'];
  icu?: Scalars['Int']['input'];
  isolation?: Scalars['Int']['input'];
  maternity?: Scalars['Int']['input'];
  oxygenSupported?: Scalars['Int']['input'];
  paediatric?: Scalars['Int']['input'];
  ventilator?: Scalars['Int']['input'];
};

export type BedHousekeeping =
  | 'CLEANING'
  | 'CLOSED'
  | 'CONTAMINATED'
  | 'ISOLATED'
  | 'READY';

export type BedState =
  | 'CLEANING'
  | 'CLOSED'
  | 'CONTAMINATED'
  | 'FREE'
  | 'ISOLATED'
  | 'OCCUPIED'
  | 'RESERVED';

export type BedType =
  | 'GENERAL'
  | 'HDU'
  | 'ICU'
  | 'ISOLATION'
  | 'MATERNITY'
  | 'OXYGEN_SUPPORTED'
  | 'PAEDIATRIC'
  | 'VENTILATOR';

export type BookAppointmentInput = {
  /**
   * Book even though the patient already has a booking at this facility that day
   * (otherwise `CONFLICT` with `extensions.reason` `SAME_DAY_BOOKING`).
   */
  allowSameDay?: Scalars['Boolean']['input'];
  department: Scalars['String']['input'];
  facilityId: Scalars['ID']['input'];
  patientId: Scalars['ID']['input'];
  professionalId: Scalars['ID']['input'];
  /** The slot's start, as `freeSlots` gives it. */
  start: Scalars['DateTime']['input'];
  /** The helpline ticket the booking answers, if any. */
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

export type BudgetHeadInput = {
  allocationPaise: Scalars['Int']['input'];
  code: Scalars['String']['input'];
  /** "2026-27". */
  financialYear: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type BufferKitInput = {
  lines: Array<KitLineInput>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type CardDelivery =
  | 'DELIVERED'
  | 'PENDING'
  | 'PRINTED';

export type CardStatus =
  | 'ACTIVE'
  | 'REPLACED'
  | 'REVOKED';

/** A surveillance officer's change to a case; a field left out is kept. */
export type CaseChangeInput = {
  /** True: the case is discarded (not the disease after all); false: taken back. */
  discarded?: InputMaybe<Scalars['Boolean']['input']>;
  onsetDate?: InputMaybe<Scalars['NaiveDate']['input']>;
  /** recovered, died or lost. */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** The registered patient a field case turned out to be. */
  patientId?: InputMaybe<Scalars['ID']['input']>;
};

/** IDSP's reporting levels. */
export type CaseLevel =
  /** Laboratory confirmed. */
  | 'L'
  /** Presumptive: diagnosed by a clinician. */
  | 'P'
  /** Syndromic: reported by a health worker from signs and symptoms. */
  | 'S';

export type ClinicSessionInput = {
  department: Scalars['String']['input'];
  end: Scalars['String']['input'];
  facilityId: Scalars['ID']['input'];
  professionalId: Scalars['ID']['input'];
  slotMinutes: Scalars['Int']['input'];
  /** `HH:MM`, India time. */
  start: Scalars['String']['input'];
  validFrom: Scalars['NaiveDate']['input'];
  validUntil?: InputMaybe<Scalars['NaiveDate']['input']>;
  weekday: Scalars['Int']['input'];
};

/** Exactly one kind of entry. */
export type ClinicalEntryInput =
  { diagnosis: DiagnosisInput; dischargeSummary?: never; labOrder?: never; labResult?: never; note?: never; prescription?: never; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary: DischargeSummaryInput; labOrder?: never; labResult?: never; note?: never; prescription?: never; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary?: never; labOrder: LabOrderInput; labResult?: never; note?: never; prescription?: never; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary?: never; labOrder?: never; labResult: LabResultInput; note?: never; prescription?: never; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary?: never; labOrder?: never; labResult?: never; note: NoteInput; prescription?: never; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary?: never; labOrder?: never; labResult?: never; note?: never; prescription: PrescriptionInput; vitals?: never; }
  |  { diagnosis?: never; dischargeSummary?: never; labOrder?: never; labResult?: never; note?: never; prescription?: never; vitals: VitalsInput; };

export type ConcentratorsInput = {
  count: Scalars['Int']['input'];
  litresPerMinute: Scalars['Float']['input'];
};

export type ConditionCategory =
  | 'ACTIVELY_DYING'
  | 'CRITICAL'
  | 'MILD'
  | 'MODERATE';

export type ConditionInput = {
  admissionId: Scalars['ID']['input'];
  category: ConditionCategory;
  consciousness: Consciousness;
  lifeSupport: LifeSupport;
  /** With all five, the server computes NEWS2. */
  observations?: InputMaybe<ObservationsInput>;
  /** Defaults to now; a late entry may go back up to 72 hours. */
  recordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  remark?: InputMaybe<Scalars['String']['input']>;
};

export type Consciousness =
  | 'ALERT'
  | 'NEW_CONFUSION'
  | 'PAIN'
  | 'UNRESPONSIVE'
  | 'VOICE';

export type CouncilRegistrationInput = {
  /** e.g. West Bengal Medical Council, Indian Nursing Council. */
  council: Scalars['String']['input'];
  number: Scalars['String']['input'];
  registeredOn: Scalars['NaiveDate']['input'];
  /** Leave out for a permanent registration. */
  validUntil?: InputMaybe<Scalars['NaiveDate']['input']>;
};

export type CountStatus =
  | 'APPROVED'
  | 'OPEN'
  | 'REJECTED'
  | 'SUBMITTED';

export type CountedInput = {
  batchId: Scalars['ID']['input'];
  counted: Scalars['Int']['input'];
  /** Required where the count differs from the books. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type CreateAdminUnitInput = {
  kind: UnitKind;
  lgdCode?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Leave out for the tenant's top unit (its state, or its district). */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateApiClientInput = {
  /** Shown in the audit trail beside everything it does. */
  name: Scalars['String']['input'];
  /**
   * 1 to 10 grants of machine roles (lab technician, doctor, nurse, surveyor, oxygen
   * officer, store keeper, pharmacist), each within what you may grant.
   */
  scopes: Array<RoleGrantInput>;
  /** Platform administrators name the tenant; staff leave it out. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateFacilityInput = {
  facility: FacilityInput;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateProfessionalInput = {
  /** Where they work; required from district-scoped administrators. */
  posting?: InputMaybe<PostingInput>;
  professional: ProfessionalInput;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateTenantInput = {
  /** The first administrator, made state or district admin according to the kind. */
  admin?: InputMaybe<NewAccountInput>;
  /** `WB` for a state; `BR-MZP` for a district. */
  code: Scalars['String']['input'];
  kind: TenantKind;
  name: Scalars['String']['input'];
  /** A district's state, by code. */
  parentCode?: InputMaybe<Scalars['String']['input']>;
};

export type CreateUserInput = {
  account: NewAccountInput;
  /**
   * Create it even though its display name looks like another account's (the first
   * try answers CONFLICT with reason SIMILAR_NAME).
   */
  allowSimilarName?: Scalars['Boolean']['input'];
  roles?: Array<RoleGrantInput>;
  /** Platform administrators name the tenant; staff leave it out. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type CylinderBankInput = {
  cylinderTypeId: Scalars['ID']['input'];
  /** Cylinders of this type the facility holds, full or empty. */
  owned: Scalars['Int']['input'];
};

export type CylinderCountInput = {
  cylinderTypeId: Scalars['ID']['input'];
  empty: Scalars['Int']['input'];
  full: Scalars['Int']['input'];
  inUse: Scalars['Int']['input'];
  sentForRefill?: Scalars['Int']['input'];
};

export type CylinderLoadInput = {
  count: Scalars['Int']['input'];
  cylinderTypeId: Scalars['ID']['input'];
};

export type CylinderMovementInput = {
  challan?: InputMaybe<Scalars['String']['input']>;
  count: Scalars['Int']['input'];
  cylinderTypeId: Scalars['ID']['input'];
  supplier: Scalars['String']['input'];
};

export type DecideAwardRoundInput = {
  expectedVersion: Scalars['Int']['input'];
  /** The decision as minuted. */
  note: Scalars['String']['input'];
  roundId: Scalars['ID']['input'];
  winners: Array<AwardWinnerInput>;
};

export type DecideIndentInput = {
  expectedVersion: Scalars['Int']['input'];
  indentId: Scalars['ID']['input'];
  lines: Array<IndentDecisionInput>;
};

export type Department =
  | 'EMERGENCY'
  | 'HDU'
  | 'ICU'
  | 'ISOLATION'
  | 'MEDICINE'
  | 'OBSTETRICS'
  | 'ORTHOPAEDICS'
  | 'OTHER'
  | 'PAEDIATRICS'
  | 'SURGERY';

/** Map a thing to a DHIS2 identifier, or clear its mapping (`dhis2Id` null). */
export type Dhis2MappingInput = {
  /** For CATEGORY: 0-4, 5-14, 15-44, 45-64, 65+ or unknown. */
  ageGroup?: InputMaybe<Scalars['String']['input']>;
  /** For DATA_ELEMENT. */
  conditionId?: InputMaybe<Scalars['ID']['input']>;
  /** The DHIS2 identifier (11 characters); null clears the mapping. */
  dhis2Id?: InputMaybe<Scalars['String']['input']>;
  /** The version read, to change or clear an existing mapping. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  kind: Dhis2MappingKind;
  /** For DATA_ELEMENT: cases, confirmed or deaths. */
  measure?: InputMaybe<Scalars['String']['input']>;
  /** For CATEGORY: female, male, other or unknown. */
  sex?: InputMaybe<Scalars['String']['input']>;
  /** For ORG_UNIT. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a DHIS2 mapping maps. */
export type Dhis2MappingKind =
  /** An age group and sex to a category option combination. */
  | 'CATEGORY'
  /** A condition's cases, confirmed cases or deaths to a data element. */
  | 'DATA_ELEMENT'
  /** A place (unit) to an organisation unit. */
  | 'ORG_UNIT';

export type DiagnosisCertainty =
  | 'FINAL'
  | 'PROVISIONAL';

export type DiagnosisInput = {
  certainty: DiagnosisCertainty;
  /** ICD-10, as typed ("E11.9", "e119"). */
  code: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  rank?: DiagnosisRank;
};

export type DiagnosisRank =
  | 'PRIMARY'
  | 'SECONDARY';

export type DischargeInput = {
  admissionId: Scalars['ID']['input'];
  /** Defaults to now. */
  dischargedAt?: InputMaybe<Scalars['DateTime']['input']>;
  expectedVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: DischargeOutcome;
  /** Required when the patient died, and only then. */
  timeOfDeath?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DischargeOutcome =
  | 'ABSCONDED'
  | 'DIED'
  | 'IMPROVED'
  | 'LEFT_AGAINST_ADVICE'
  | 'RECOVERED'
  | 'REFERRED';

export type DischargeSummaryInput = {
  advice?: InputMaybe<Scalars['String']['input']>;
  conditionAtDischarge?: InputMaybe<Scalars['String']['input']>;
  diagnosisCodes: Array<Scalars['String']['input']>;
  followUpOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  treatmentGiven: Scalars['String']['input'];
};

export type DispatchEmergencyInput = {
  /** Address or landmark, as the caller gave it. */
  description: Scalars['String']['input'];
  expectedVersion: Scalars['Int']['input'];
  /** Where the patient is taken; default: the nearest suggestion. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type DispatchStatus =
  | 'ARRIVED'
  | 'CLOSED'
  | 'DISPATCHED';

export type DispenseInput = {
  lines: Array<DispenseLineInput>;
  prescriptionId: Scalars['ID']['input'];
  storeId: Scalars['ID']['input'];
  /** A colleague's second signature, for controlled drugs (schedule H1, X). */
  witness?: InputMaybe<WitnessInput>;
};

export type DispenseLineInput = {
  batchReason?: InputMaybe<Scalars['String']['input']>;
  batches?: InputMaybe<Array<BatchPickInput>>;
  /** The item given; leave out when the drug is not available. */
  itemId?: InputMaybe<Scalars['ID']['input']>;
  /** The prescription's line (0-based); leave out for walk-ins. */
  line?: InputMaybe<Scalars['Int']['input']>;
  quantity?: Scalars['Int']['input'];
  /** Why a substitute was given, or why nothing was. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type DispenseOutcome =
  | 'DISPENSED'
  | 'NOT_AVAILABLE'
  | 'SUBSTITUTED';

export type DocumentPurpose =
  | 'BIOMEDICAL_WASTE_AUTHORISATION'
  | 'BUILDING_OCCUPANCY_CERTIFICATE'
  | 'CLINICAL_ESTABLISHMENT_REGISTRATION'
  | 'DISCHARGE_SUMMARY'
  | 'FIRE_SAFETY_NOC'
  | 'LAB_REPORT'
  | 'OTHER_LICENCE'
  | 'PAN_GST'
  | 'POLLUTION_CONTROL_CONSENT';

export type DocumentStatus =
  | 'AVAILABLE'
  | 'DELETED'
  /** Never confirmed in time. */
  | 'EXPIRED'
  /** Waiting for the upload to be confirmed. */
  | 'PENDING'
  /** The upload did not match its declaration (see `rejectReason`). */
  | 'REJECTED';

export type DosageForm =
  | 'CAPSULE'
  | 'CREAM'
  | 'DROPS'
  | 'GEL'
  | 'INFUSION'
  | 'INHALER'
  | 'INJECTION'
  | 'LOTION'
  | 'NEBULISATION'
  | 'OINTMENT'
  | 'OTHER'
  | 'POWDER'
  | 'SUPPOSITORY'
  | 'SUSPENSION'
  | 'SYRUP'
  | 'TABLET';

export type DoseMarkInput = {
  admissionId: Scalars['ID']['input'];
  /** Replace the dose's current mark (both are kept). */
  correct?: Scalars['Boolean']['input'];
  /** The due dose; leave out for a dose given as needed. */
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  itemIndex: Scalars['Int']['input'];
  /** Required unless given: why it was held, refused or not available. */
  note?: InputMaybe<Scalars['String']['input']>;
  prescriptionId: Scalars['ID']['input'];
  status: DoseStatus;
};

export type DoseStatus =
  | 'GIVEN'
  | 'HELD'
  | 'NOT_AVAILABLE'
  | 'REFUSED';

export type DrugSchedule =
  | 'G'
  | 'H'
  | 'H1'
  | 'NONE'
  | 'X';

export type EmrChecklistEntryInput = {
  item: EmrItem;
  status: ReadinessStatus;
};

export type EmrItem =
  | 'INFORMATION_SECURITY'
  | 'LAN'
  | 'SERVER_BACKUP'
  | 'WORKSTATIONS';

export type EmrReadinessInput = {
  adopted?: Scalars['Boolean']['input'];
  /** Required exactly when `adopted` is true. */
  adoptedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  checklist?: Array<EmrChecklistEntryInput>;
};

export type EncounterKind =
  | 'EMERGENCY'
  | 'HOME_VISIT'
  | 'INPATIENT'
  | 'OUTPATIENT'
  | 'TELECONSULTATION';

export type EncounterOutcome =
  | 'ADMITTED'
  | 'DIED'
  | 'FOLLOW_UP'
  | 'LEFT_AGAINST_ADVICE'
  | 'REFERRED'
  | 'SENT_HOME';

export type EntryKind =
  | 'DIAGNOSIS'
  | 'DISCHARGE_SUMMARY'
  | 'ENCOUNTER'
  | 'LAB_ORDER'
  | 'LAB_RESULT'
  | 'NOTE'
  | 'PRESCRIPTION'
  | 'VITALS';

export type EntryStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'ENTERED_IN_ERROR'
  | 'FINISHED'
  | 'IN_PROGRESS';

export type EquipmentInput = {
  installedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  kind: EquipmentKind;
  lastMaintenanceOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  make: Scalars['String']['input'];
  model: Scalars['String']['input'];
  /** The procurement order it arrived against. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  serialNumber: Scalars['String']['input'];
  source: EquipmentSource;
  status?: EquipmentStatus;
};

export type EquipmentKind =
  | 'BIPAP'
  | 'CONCENTRATOR'
  | 'CPAP'
  | 'CYLINDER'
  | 'DEFIBRILLATOR'
  | 'HFNC'
  | 'INVASIVE_VENTILATOR'
  | 'MONITOR'
  | 'NON_INVASIVE_VENTILATOR';

export type EquipmentOrderInput = {
  expectedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  kind: EquipmentKind;
  orderedOn: Scalars['NaiveDate']['input'];
  quantity: Scalars['Int']['input'];
  reference?: InputMaybe<Scalars['String']['input']>;
  supplier: Scalars['String']['input'];
  /** A district the order is for; the whole state when left out. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type EquipmentSource =
  | 'DONATED'
  | 'PROCURED';

export type EquipmentStatus =
  | 'CONDEMNED'
  | 'FUNCTIONAL'
  | 'UNDER_REPAIR';

/** How near a batch is to its expiry, by the store's bands. */
export type ExpiryBand =
  /** Within the store's alert band (30 days unless set otherwise). */
  | 'ALERT'
  | 'EXPIRED'
  | 'GOOD'
  /** Within the store's warning band (90 days unless set otherwise). */
  | 'WARNING';

export type FacilityFilter = {
  ownership?: InputMaybe<Ownership>;
  /** Words of the name (all must appear), case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OperationalStatus>;
  types?: Array<FacilityType>;
  /** Only facilities in this unit or anywhere under it. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** A facility's details, as created or replaced in full. */
export type FacilityInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  beds?: BedCapacityInput;
  email?: InputMaybe<Scalars['String']['input']>;
  emrReadiness?: EmrReadinessInput;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
  /** e.g. IN3310001271. */
  nationalFacilityId?: InputMaybe<Scalars['String']['input']>;
  operationalStatus?: InputMaybe<OperationalStatus>;
  ownership: Ownership;
  /** e.g. state government, central government, trust, corporate. */
  ownershipSubtype?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  pincode?: InputMaybe<Scalars['String']['input']>;
  specialities?: Array<Scalars['String']['input']>;
  systemsOfMedicine?: Array<SystemOfMedicine>;
  type: FacilityType;
  /** The administrative unit it lies in. */
  unitId: Scalars['ID']['input'];
};

export type FacilityStepInput = {
  address: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
  /** Daily outpatient hours, `HH:MM-HH:MM` (needed unless open 24x7). */
  opdHours?: InputMaybe<Scalars['String']['input']>;
  open24x7?: Scalars['Boolean']['input'];
  /** Proprietorship, partnership, trust, society, company… */
  ownershipSubtype?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  pincode?: InputMaybe<Scalars['String']['input']>;
  services?: Array<HospitalService>;
  specialities?: Array<Scalars['String']['input']>;
  systemsOfMedicine?: Array<SystemOfMedicine>;
  /** `PRIVATE_HOSPITAL`, `NURSING_HOME`, `DIAGNOSTIC_LABORATORY` or `BLOOD_BANK`. */
  type: FacilityType;
  /** The block or unit the facility lies in. */
  unitId: Scalars['ID']['input'];
};

export type FacilityType =
  | 'BLOCK_PHC'
  | 'BLOOD_BANK'
  | 'DIAGNOSTIC_LABORATORY'
  | 'DISTRICT_HOSPITAL'
  | 'MEDICAL_COLLEGE_HOSPITAL'
  | 'NURSING_HOME'
  | 'PHC'
  | 'PRIVATE_HOSPITAL'
  | 'RURAL_HOSPITAL_CHC'
  | 'STATE_GENERAL_HOSPITAL'
  | 'SUB_CENTRE_HWC'
  | 'SUB_DIVISIONAL_HOSPITAL';

/** How a family names the patient: a health ID, or a name and the hospital. */
export type FamilyLookupInput =
  { healthId: Scalars['String']['input']; nameAtHospital?: never; }
  |  { healthId?: never; nameAtHospital: NameAtHospital; };

/** A case reported from the field (level S). */
export type FieldCaseInput = {
  ageYears: Scalars['Int']['input'];
  /** The condition's code (`DENGUE`). */
  condition: Scalars['String']['input'];
  /** The case's id when the phone made it (a UUID v7), for reports made offline. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  onsetDate: Scalars['NaiveDate']['input'];
  /** female, male, other or unknown. */
  sex: Scalars['String']['input'];
  symptoms: Scalars['String']['input'];
  /** The block (or other unit) the person lives in. */
  unitId: Scalars['ID']['input'];
  /** The village or ward. */
  village: Scalars['String']['input'];
};

export type FluidKind =
  | 'ASPIRATE'
  | 'BLOOD'
  | 'DRAIN'
  | 'INTRAVENOUS'
  | 'NASOGASTRIC_TUBE'
  | 'ORAL'
  | 'STOOL'
  | 'URINE'
  | 'VOMIT';

export type FreezeAwardRoundInput = {
  /** The scorecard's version whose ranking the caller looked at. */
  expectedVersion: Scalars['Int']['input'];
  scorecardId: Scalars['ID']['input'];
  /** "Best district hospital in paediatrics, 2026–27". */
  title: Scalars['String']['input'];
};

export type GlucoseTiming =
  | 'FASTING'
  | 'POST_PRANDIAL'
  | 'RANDOM';

export type GoodsInInput = {
  accepted?: Scalars['Int']['input'];
  batchNo?: InputMaybe<Scalars['String']['input']>;
  expiresOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  itemId: Scalars['ID']['input'];
  manufacturedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  manufacturer?: InputMaybe<Scalars['String']['input']>;
  /** Why goods were rejected. */
  reason?: InputMaybe<Scalars['String']['input']>;
  rejected?: Scalars['Int']['input'];
};

export type GuardianInput = {
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  relation: Relation;
};

export type HospitalService =
  | 'AMBULANCE'
  | 'BLOOD_BANK'
  | 'CT_SCAN'
  | 'DIALYSIS'
  | 'EMERGENCY'
  | 'LABORATORY'
  | 'MATERNITY'
  | 'MRI'
  | 'OPERATION_THEATRE'
  | 'PHARMACY'
  | 'ULTRASOUND'
  | 'XRAY';

export type HouseholdInput = {
  addressLine: Scalars['String']['input'];
  /**
   * The household's id when the phone made it (a UUID v7: see `OfflineId`), so that
   * members can be enrolled into it while both still wait in the phone's queue.
   */
  id?: InputMaybe<Scalars['ID']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  unitId: Scalars['ID']['input'];
};

export type ImportEmrReadinessInput = {
  /** The CSV text (columns in `docs/samples/emr-readiness.csv`). */
  csv: Scalars['String']['input'];
  /** Go on with the valid rows when some are invalid (otherwise nothing changes). */
  skipInvalid?: Scalars['Boolean']['input'];
};

export type IndentDecisionInput = {
  approved: Scalars['Int']['input'];
  itemId: Scalars['ID']['input'];
  /** Required when less than requested is approved. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type IndentLineInput = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type IndentStatus =
  | 'APPROVED'
  | 'CANCELLED'
  | 'ISSUED'
  | 'RECEIVED'
  | 'REJECTED'
  | 'SUBMITTED';

export type IndicatorMeasure =
  | 'ADMISSIONS'
  | 'CARDS_ISSUED'
  | 'DEATHS'
  | 'DISCHARGES'
  | 'HELPLINE_CALLS'
  | 'HELPLINE_DUE'
  | 'HELPLINE_IN_TARGET'
  | 'HOUSEHOLDS_SURVEYED'
  | 'INPATIENT_DAYS'
  | 'LAB_TESTS'
  | 'LAB_TIMED'
  | 'LAB_TURNAROUND_MINUTES'
  | 'NOTIFIABLE_CASES'
  | 'OPD_VISITS'
  | 'OXYGEN_DAILY_USE_LITRES'
  | 'OXYGEN_USABLE_LITRES'
  | 'PEOPLE_SURVEYED'
  | 'PRESCRIPTIONS'
  | 'PROFESSIONALS_VERIFIED'
  | 'REFERRALS_OUT'
  | 'REGISTRATIONS'
  | 'STOCK_OUTS';

/** An entry for an investigation; which fields it needs depends on its kind. */
export type InvestigationEntryInput = {
  /** CASE_LINK: the case. */
  caseId?: InputMaybe<Scalars['ID']['input']>;
  /** TEAM_MEMBER: the role. SAMPLE: the laboratory. */
  detail?: InputMaybe<Scalars['String']['input']>;
  kind: InvestigationEntryKind;
  /** ACTION, SAMPLE, SAMPLE_RESULT: the day it happened (India's date). */
  on?: InputMaybe<Scalars['NaiveDate']['input']>;
  result?: InputMaybe<SampleResult>;
  /** SAMPLE_RESULT: the sample. */
  sampleId?: InputMaybe<Scalars['ID']['input']>;
  /** ACTION: what was done. TEAM_MEMBER: the name. SAMPLE: the specimen. SAMPLE_RESULT: a note. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type InvestigationEntryKind =
  | 'ACTION'
  | 'CASE_LINK'
  | 'SAMPLE'
  | 'SAMPLE_RESULT'
  | 'TEAM_MEMBER';

export type InvestigationStatus =
  | 'CLOSED'
  | 'CONTAINED'
  | 'INVESTIGATING'
  | 'OPEN';

export type IssueStockInput = {
  /** Name the batches instead of first-expiry-first-out (with `overrideReason`). */
  batches?: InputMaybe<Array<BatchPickInput>>;
  /** Where the stock goes (a camp, a programme). */
  destination: Scalars['String']['input'];
  itemId: Scalars['ID']['input'];
  overrideReason?: InputMaybe<Scalars['String']['input']>;
  quantity: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};

export type ItemKind =
  | 'CONSUMABLE'
  | 'MEDICINE'
  | 'REAGENT';

export type KbArticleInput = {
  body: Scalars['String']['input'];
  language: Scalars['String']['input'];
  tags?: Array<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type KitLineInput = {
  facilityType: FacilityType;
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type LabOrderInput = {
  clinicalInfo?: InputMaybe<Scalars['String']['input']>;
  priority?: LabPriority;
  specimen: Specimen;
  tests: Array<LabTestInput>;
};

export type LabPriority =
  | 'ROUTINE'
  | 'STAT'
  | 'URGENT';

export type LabResultInput = {
  conclusion?: InputMaybe<Scalars['String']['input']>;
  measurements: Array<MeasurementInput>;
  /** The lab order this reports on (in the same encounter). */
  orderId: Scalars['ID']['input'];
};

export type LabTestInput = {
  loinc?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type LicencesStepInput = {
  biomedicalWasteAuthorisationNumber?: InputMaybe<Scalars['String']['input']>;
  clinicalEstablishmentNumber: Scalars['String']['input'];
  fireNocNumber?: InputMaybe<Scalars['String']['input']>;
  gstin?: InputMaybe<Scalars['String']['input']>;
  pan?: InputMaybe<Scalars['String']['input']>;
  pollutionConsentNumber?: InputMaybe<Scalars['String']['input']>;
};

export type LifeSupport =
  | 'HIGH_FLOW_NASAL_CANNULA'
  | 'INVASIVE_VENTILATION'
  | 'MASK'
  | 'NASAL_CANNULA'
  | 'NONE'
  | 'NON_INVASIVE_VENTILATION';

export type LiquidDeliveryInput = {
  challan?: InputMaybe<Scalars['String']['input']>;
  quantity: Scalars['Float']['input'];
  sourceId: Scalars['ID']['input'];
  supplier: Scalars['String']['input'];
  tanker?: InputMaybe<Scalars['String']['input']>;
  unit: LiquidUnit;
};

export type LiquidLoadInput = {
  quantity: Scalars['Float']['input'];
  sourceId: Scalars['ID']['input'];
  unit: LiquidUnit;
};

export type LiquidUnit =
  | 'KILOGRAM'
  | 'KILOLITRE'
  | 'LITRE';

export type LmoTankInput = {
  amount: Scalars['Float']['input'];
  unit: LiquidUnit;
  /** The share that can be drawn: 0.9 to 0.95 for most tanks. */
  usableFraction: Scalars['Float']['input'];
};

export type LogCallInput = {
  callerName?: InputMaybe<Scalars['String']['input']>;
  callerPhone: Scalars['String']['input'];
  category: TicketCategory;
  channel: TicketChannel;
  /** `en`, `hi`, `bn`, … */
  language: Scalars['String']['input'];
  notes: Scalars['String']['input'];
  /** The caller's card number, when they have one. */
  patientHealthId?: InputMaybe<Scalars['String']['input']>;
  /** Ignored for emergencies, which are always critical. */
  priority?: InputMaybe<TicketPriority>;
};

export type LoginInput = {
  /** Username or e-mail address. */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** The tenant's code (`WB`, `BR-MZP`); leave out to log in as a platform administrator. */
  tenantCode?: InputMaybe<Scalars['String']['input']>;
};

export type MarkAttendanceInput = {
  day: Scalars['NaiveDate']['input'];
  /** When the marks were made on the phone (a queued submission keeps it). */
  markedAt: Scalars['DateTime']['input'];
  /** 1 to 500 marks, one per nominee. */
  marks: Array<AttendanceMarkInput>;
  sessionId: Scalars['ID']['input'];
};

export type MatchReason =
  | 'SAME_NATIONAL_ID'
  | 'SAME_PHONE'
  | 'SIMILAR_NAME_AND_AGE';

export type MeasurementInput = {
  loinc?: InputMaybe<Scalars['String']['input']>;
  referenceHigh?: InputMaybe<Scalars['Float']['input']>;
  referenceLow?: InputMaybe<Scalars['Float']['input']>;
  referenceText?: InputMaybe<Scalars['String']['input']>;
  test: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
  value: Scalars['String']['input'];
};

export type MovementKind =
  | 'ADJUSTMENT'
  | 'DISPENSE'
  | 'ISSUE'
  | 'RECEIPT'
  | 'RETURN'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT';

export type NameAtHospital = {
  facilityId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type NewAccountInput = {
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  /** 10 to 128 characters. */
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type News2Risk =
  | 'HIGH'
  | 'LOW'
  | 'LOW_MEDIUM'
  | 'MEDIUM';

export type NoteCategory =
  | 'CONSULTATION'
  | 'COUNSELLING'
  | 'NURSING'
  | 'OTHER'
  | 'PROCEDURE'
  | 'PROGRESS';

export type NoteInput = {
  category: NoteCategory;
  text: Scalars['String']['input'];
};

/** A notifiable condition's definition (its code does not change). */
export type NotifiableConditionInput = {
  active: Scalars['Boolean']['input'];
  code: Scalars['String']['input'];
  confirmed: Scalars['String']['input'];
  episodeDays: Scalars['Int']['input'];
  icd10: Array<Scalars['String']['input']>;
  loinc: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  presumptive: Scalars['String']['input'];
  syndromic: Scalars['String']['input'];
};

export type NursingShift =
  | 'EVENING'
  | 'MORNING'
  | 'NIGHT';

export type ObservationsInput = {
  /**
   * Not scored; with it the observations also make a blood pressure in the
   * patient's vital signs.
   */
  diastolicBp?: InputMaybe<Scalars['Int']['input']>;
  pulse: Scalars['Int']['input'];
  respiratoryRate: Scalars['Int']['input'];
  spo2: Scalars['Int']['input'];
  systolicBp: Scalars['Int']['input'];
  temperatureC: Scalars['Float']['input'];
};

/** What occupancy is grouped by. */
export type OccupancyGrouping =
  | 'DISTRICT'
  | 'FACILITY';

export type OperationalStatus =
  | 'CLOSED'
  | 'NON_OPERATIONAL'
  | 'OPERATIONAL';

export type OrderLineInput = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  unitPricePaise: Scalars['Int']['input'];
};

export type OwnerStepInput = {
  /** The council that registered them (e.g. West Bengal Medical Council). */
  council: Scalars['String']['input'];
  designation: Scalars['String']['input'];
  name: Scalars['String']['input'];
  registrationNumber: Scalars['String']['input'];
};

export type Ownership =
  | 'OTHER'
  | 'PRIVATE'
  | 'PUBLIC';

export type OxygenAlertKind =
  | 'NO_ENTRY'
  | 'PLANT_FAULT'
  | 'TIME_TO_EMPTY'
  | 'UNEXPLAINED_USE';

export type OxygenAlertLevel =
  | 'CRITICAL'
  | 'WARNING';

/** What the source is, and how big. */
export type OxygenCapacityInput =
  { concentrators: ConcentratorsInput; cylinders?: never; lmoTank?: never; psaPlant?: never; }
  |  { concentrators?: never; cylinders: CylinderBankInput; lmoTank?: never; psaPlant?: never; }
  |  { concentrators?: never; cylinders?: never; lmoTank: LmoTankInput; psaPlant?: never; }
  |  { concentrators?: never; cylinders?: never; lmoTank?: never; psaPlant: PsaPlantInput; };

export type OxygenCylinderTypeInput = {
  /** As on challans: B, D, jumbo… */
  code: Scalars['String']['input'];
  /** Free gas in a full cylinder, litres, as labelled. */
  gasLitres: Scalars['Float']['input'];
  /** The label's reference temperature; 15 °C when left out. */
  labelCelsius?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
  /** For a supplier whose cylinders of this code hold a different volume. */
  supplier?: InputMaybe<Scalars['String']['input']>;
};

export type OxygenDispatchInput = {
  challan?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to now. */
  dispatchedAt?: InputMaybe<Scalars['DateTime']['input']>;
  expectedAt: Scalars['DateTime']['input'];
  load: OxygenLoadInput;
  supplier: Scalars['String']['input'];
  /** The tanker's or truck's registration. */
  vehicle?: InputMaybe<Scalars['String']['input']>;
};

/** A district's own time-to-empty thresholds. */
export type OxygenDistrictThresholdInput = {
  criticalHours: Scalars['Int']['input'];
  districtId: Scalars['ID']['input'];
  warningHours: Scalars['Int']['input'];
};

export type OxygenFlowNormsInput = {
  hduBed: Scalars['Float']['input'];
  hfnc: Scalars['Float']['input'];
  icuBed: Scalars['Float']['input'];
  invasiveVentilation: Scalars['Float']['input'];
  mask: Scalars['Float']['input'];
  nasalCannula: Scalars['Float']['input'];
  niv: Scalars['Float']['input'];
  oxygenSupportedBed: Scalars['Float']['input'];
  ventilatorBed: Scalars['Float']['input'];
};

export type OxygenLoadInput =
  { cylinders: CylinderLoadInput; liquid?: never; }
  |  { cylinders?: never; liquid: LiquidLoadInput; };

/** One set of readings: gauges, counts, what arrived and what the plants made. */
export type OxygenReadingsInput = {
  cylinders?: Array<CylinderCountInput>;
  /** Full cylinders received. */
  cylindersReceived?: Array<CylinderMovementInput>;
  /** Empties returned. */
  cylindersReturned?: Array<CylinderMovementInput>;
  liquidReceived?: Array<LiquidDeliveryInput>;
  /** Leave out to take the count from inpatient care. */
  patients?: InputMaybe<PatientsOnOxygenInput>;
  plants?: Array<PlantRunInput>;
  tanks?: Array<TankReadingInput>;
};

/** How urgent a facility is. */
export type OxygenRisk =
  | 'CRITICAL'
  | 'NOT_REPORTED'
  | 'OK'
  | 'WARNING';

export type OxygenRulesInput = {
  /** Under this many hours, critical. */
  criticalHours: Scalars['Int']['input'];
  /** Each day's reading is due by this hour (IST, 0–23). */
  deadlineHour: Scalars['Int']['input'];
  /** Districts that set their own thresholds; the others use the tenant's. */
  districtThresholds?: Array<OxygenDistrictThresholdInput>;
  /** Unacknowledged critical alerts go to the state after this many hours. */
  escalateAfterHours?: Scalars['Int']['input'];
  /** The rules' current version (0 before the first save). */
  expectedVersion: Scalars['Int']['input'];
  /** The code of a liquid factor from `oxygenConversionFactors`. */
  liquidFactor: Scalars['String']['input'];
  /** Litres per minute. */
  norms: OxygenFlowNormsInput;
  /** Time to empty under this many hours is a warning. */
  warningHours: Scalars['Int']['input'];
};

export type OxygenSourceInput = {
  /** Beds its pipeline can feed. */
  bedsFed?: Scalars['Int']['input'];
  capacity: OxygenCapacityInput;
  name: Scalars['String']['input'];
};

export type OxygenSourceKind =
  | 'CONCENTRATORS'
  | 'CYLINDERS'
  | 'LMO_TANK'
  | 'PSA_PLANT';

export type PatientInput = {
  /** XX-XXXX-XXXX-XXXX. */
  abhaNumber?: InputMaybe<Scalars['String']['input']>;
  address?: InputMaybe<AddressInput>;
  ageYears?: InputMaybe<Scalars['Int']['input']>;
  /** Give this, or `ageYears` when the date is not known. */
  dateOfBirth?: InputMaybe<Scalars['NaiveDate']['input']>;
  familyName?: InputMaybe<Scalars['String']['input']>;
  /** In Latin letters. */
  givenName: Scalars['String']['input'];
  guardian?: InputMaybe<GuardianInput>;
  /** The name in the patient's own script, as entered. */
  localName?: InputMaybe<Scalars['String']['input']>;
  /** Aadhaar number: only a keyed hash and the last four digits are kept. */
  nationalId?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** ISO 639-1 code, e.g. hi, bn, en. */
  preferredLanguage?: InputMaybe<Scalars['String']['input']>;
  sex: PatientSex;
};

export type PatientSearchInput = {
  /** Age band in years (with `name`). */
  ageFrom?: InputMaybe<Scalars['Int']['input']>;
  ageTo?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Words of the name, in Latin, Devanagari or Bengali script; spelling and
   * transliteration variants match (लक्ष्मी and লক্ষ্মী find Lakshmi).
   */
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type PatientSex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

export type PatientsOnOxygenInput = {
  hfnc: Scalars['Int']['input'];
  invasiveVentilation: Scalars['Int']['input'];
  mask: Scalars['Int']['input'];
  nasalCannula: Scalars['Int']['input'];
  niv: Scalars['Int']['input'];
};

export type PlantRunInput = {
  /** What went wrong, if anything. */
  fault?: InputMaybe<Scalars['String']['input']>;
  runningHours: Scalars['Float']['input'];
  sourceId: Scalars['ID']['input'];
};

export type PostingInput = {
  department?: InputMaybe<Scalars['String']['input']>;
  /** e.g. Medical Officer, Staff Nurse. */
  designation: Scalars['String']['input'];
  facilityId: Scalars['ID']['input'];
  from: Scalars['NaiveDate']['input'];
  to?: InputMaybe<Scalars['NaiveDate']['input']>;
};

export type PrescriptionInput = {
  advice?: InputMaybe<Scalars['String']['input']>;
  /** When the patient should come back (today or later). */
  followUpOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  items: Array<PrescriptionItemInput>;
};

export type PrescriptionItemInput = {
  /** "1 tablet" */
  dose: Scalars['String']['input'];
  drugCode?: InputMaybe<Scalars['String']['input']>;
  drugName: Scalars['String']['input'];
  durationDays?: InputMaybe<Scalars['Int']['input']>;
  /** Default: the usual form for the route (TABLET for ORAL, INJECTION for IV/IM/SC…). */
  form?: InputMaybe<DosageForm>;
  /** As written: "1-0-1", "TDS". */
  frequency: Scalars['String']['input'];
  instructions?: InputMaybe<Scalars['String']['input']>;
  /** Default: ORAL. */
  route?: InputMaybe<Route>;
  /** "500 mg" */
  strength?: InputMaybe<Scalars['String']['input']>;
};

export type PresenceStatus =
  | 'AVAILABLE'
  | 'AWAY'
  | 'BUSY';

export type ProfessionalFilter = {
  /** Currently posted at this facility. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<ProfessionalKind>;
  registrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** Words of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<VerificationStatus>;
};

export type ProfessionalInput = {
  dateOfBirth?: InputMaybe<Scalars['NaiveDate']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  kind: ProfessionalKind;
  languages?: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  qualifications?: Array<QualificationInput>;
  registrations?: Array<CouncilRegistrationInput>;
  sex?: InputMaybe<Sex>;
};

export type ProfessionalKind =
  | 'ASHA_CHW'
  | 'DOCTOR'
  | 'LAB_TECHNICIAN'
  | 'MIDWIFE'
  | 'NURSE'
  | 'OTHER'
  | 'PHARMACIST'
  | 'RADIOGRAPHER';

export type PsaPlantInput = {
  /** Normal litres per minute. */
  litresPerMinute: Scalars['Float']['input'];
  purityPercent: Scalars['Float']['input'];
};

export type PurchaseOrderInput = {
  budgetHeadId: Scalars['ID']['input'];
  expectedOn: Scalars['NaiveDate']['input'];
  lines: Array<OrderLineInput>;
  /** Only a state administrator may order beyond the head's balance, saying why. */
  overrideReason?: InputMaybe<Scalars['String']['input']>;
  storeId: Scalars['ID']['input'];
  supplier: Scalars['String']['input'];
};

export type PurchaseOrderStatus =
  | 'CANCELLED'
  | 'OPEN'
  | 'PARTLY_RECEIVED'
  | 'RECEIVED';

export type QualificationInput = {
  degree: Scalars['String']['input'];
  institution: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

export type QualityStatus =
  | 'FAILED'
  | 'NOT_REQUIRED'
  | 'PASSED'
  | 'PENDING';

export type RaiseIndentInput = {
  lines: Array<IndentLineInput>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** The asking store; the indent goes to the store above it. */
  storeId: Scalars['ID']['input'];
};

export type ReadinessStatus =
  | 'DONE'
  | 'IN_PROGRESS'
  | 'NOT_STARTED';

export type ReceiveIndentInput = {
  /** One per batch on the issue voucher. */
  arrivals: Array<ArrivalInput>;
  expectedVersion: Scalars['Int']['input'];
  indentId: Scalars['ID']['input'];
};

export type ReceiveStockInput = {
  batchNo: Scalars['String']['input'];
  expiresOn: Scalars['NaiveDate']['input'];
  itemId: Scalars['ID']['input'];
  manufacturedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  manufacturer?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  qualityStatus?: InputMaybe<QualityStatus>;
  quantity: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
  supplier?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit of issue, in paise. */
  unitPricePaise?: Scalars['Int']['input'];
};

export type RecordTeleconsultationInput = {
  expectedVersion: Scalars['Int']['input'];
  /** Where it is recorded; default: your only posting. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** The consultation: history, advice, what the caller should do next. */
  note: Scalars['String']['input'];
  /** The caller's card number, when they were identified during the call. */
  patientHealthId?: InputMaybe<Scalars['String']['input']>;
  /** Reason for the encounter; default: the ticket's notes. */
  reason?: InputMaybe<Scalars['String']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type ReissueReason =
  | 'DAMAGED'
  | 'DETAILS_CHANGED'
  | 'LOST';

export type Relation =
  | 'DAUGHTER'
  | 'FATHER'
  | 'GUARDIAN'
  | 'MOTHER'
  | 'OTHER'
  | 'SIBLING'
  | 'SON'
  | 'SPOUSE';

/** IDSP's reporting levels, for the weekly forms. */
export type ReportingLevel =
  /** Laboratory confirmed. */
  | 'L'
  /** Presumptive, by clinicians. */
  | 'P'
  /** Syndromic, by health workers. */
  | 'S';

export type RequestApplicationChangesInput = {
  applicationId: Scalars['ID']['input'];
  comments?: Array<ReviewCommentInput>;
  expectedVersion: Scalars['Int']['input'];
  /** A note for the whole application. */
  note?: InputMaybe<Scalars['String']['input']>;
};

export type RequestUploadInput = {
  /** For licences and certificates: the hospital application. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** `application/pdf`, `image/jpeg` or `image/png` unless the tenant allows others. */
  contentType: Scalars['String']['input'];
  /** For lab reports and discharge papers: the lab result or discharge summary. */
  entryId?: InputMaybe<Scalars['ID']['input']>;
  /** The file's name on the uploader's device (shown, and used for downloads). */
  fileName: Scalars['String']['input'];
  purpose: DocumentPurpose;
  sizeBytes: Scalars['Int']['input'];
};

export type ReturnReason =
  | 'DAMAGED'
  | 'EXCESS'
  | 'EXPIRED'
  | 'NEAR_EXPIRY'
  | 'RECALLED';

export type ReturnStockInput = {
  batchId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  quantity: Scalars['Int']['input'];
  reason: ReturnReason;
  /** The returning store; the stock goes to the store it indents from. */
  storeId: Scalars['ID']['input'];
};

export type ReviewCommentInput = {
  /** A field (`facility.name`, `licences.pan`) or a document (`document:fire_safety_noc`). */
  target: Scalars['String']['input'];
  text: Scalars['String']['input'];
};

export type Role =
  | 'DISTRICT_ADMIN'
  /** Answers the district's indents and watches its stock (scope it to the district). */
  | 'DISTRICT_DRUG_OFFICER'
  | 'DOCTOR'
  | 'FACILITY_ADMIN'
  | 'HELPLINE_DOCTOR'
  | 'HELPLINE_OPERATOR'
  | 'HOSPITAL_APPLICANT'
  | 'LAB_TECHNICIAN'
  | 'NURSE'
  /**
   * A district oxygen committee (scope it to the district) or, for the whole
   * tenant, the state's oxygen cell.
   */
  | 'OXYGEN_COMMITTEE'
  /** Enters a facility's daily oxygen readings (scope it to the facility). */
  | 'OXYGEN_OFFICER'
  /** Dispenses at a facility's pharmacy (scope it to the facility). */
  | 'PHARMACIST'
  | 'PLATFORM_ADMIN'
  | 'STATE_ADMIN'
  /** Runs the state warehouse and the catalogue. */
  | 'STATE_PROCUREMENT_OFFICER'
  /**
   * Keeps a store: the state warehouse (whole tenant), a district drug store
   * (scope it to the district) or a facility's stores (scope it to the facility).
   */
  | 'STORE_KEEPER'
  /**
   * Watches notifiable diseases: scope it to a district (the district surveillance
   * officer) or give it for the whole tenant (the state surveillance cell).
   */
  | 'SURVEILLANCE_OFFICER'
  | 'SURVEYOR';

export type RoleGrantInput = {
  /** Narrow the role to one facility. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  role: Role;
  /** Narrow the role to an administrative unit (e.g. a district admin's district). */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type RolloutStanding =
  | 'ADOPTED'
  | 'AT_RISK'
  | 'ON_TRACK'
  | 'OVERDUE';

export type Route =
  | 'INHALED'
  | 'INTRAMUSCULAR'
  | 'INTRAVENOUS'
  | 'NASAL'
  | 'OPHTHALMIC'
  | 'ORAL'
  | 'OTHER'
  | 'OTIC'
  | 'RECTAL'
  | 'SUBCUTANEOUS'
  | 'SUBLINGUAL'
  | 'TOPICAL'
  | 'VAGINAL';

export type SampleResult =
  | 'INCONCLUSIVE'
  | 'NEGATIVE'
  | 'POSITIVE';

/** Save one step of the draft: give exactly one of the steps. */
export type SaveApplicationStepInput = {
  applicationId: Scalars['ID']['input'];
  capacity?: InputMaybe<BedCapacityInput>;
  expectedVersion: Scalars['Int']['input'];
  facility?: InputMaybe<FacilityStepInput>;
  licences?: InputMaybe<LicencesStepInput>;
  owner?: InputMaybe<OwnerStepInput>;
};

export type SaveScorecardInput = {
  /** The version the caller saw (with `id`). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  facilityTypes: Array<FacilityType>;
  /** First and last month, "YYYY-MM" (a financial year: April to March). */
  from: Scalars['String']['input'];
  /** None for a new scorecard. */
  id?: InputMaybe<Scalars['ID']['input']>;
  items: Array<ScoreItemInput>;
  minVolume?: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  /** A ward department: medicine, paediatrics, orthopaedics, … */
  specialty: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type ScheduleTrainingInput = {
  /** 1 to 500; null: no limit. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  endsOn: Scalars['NaiveDate']['input'];
  /** Where it is held. */
  facilityId: Scalars['ID']['input'];
  /** From today (India) on; the last day at most 30 days after the first. */
  startsOn: Scalars['NaiveDate']['input'];
  /** 3 to 200 characters. */
  title: Scalars['String']['input'];
  topic: TrainingTopic;
  /** A professional of the registry; null: an outside trainer. */
  trainerId?: InputMaybe<Scalars['ID']['input']>;
};

export type ScoreDirection =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

export type ScoreIndicator =
  | 'ADMISSIONS'
  /** Days in hospital per discharge. */
  | 'AVERAGE_LENGTH_OF_STAY'
  /** Deaths per 100 discharges. */
  | 'MORTALITY_RATE'
  /** Outpatient visits in the specialty. */
  | 'OPD_VISITS'
  /** Referrals out per 100 visits and discharges. */
  | 'REFERRAL_RATE';

export type ScoreItemInput = {
  /** Defaults to the indicator's usual direction (volumes higher, rates lower). */
  direction?: InputMaybe<ScoreDirection>;
  indicator: ScoreIndicator;
  /** 1 to 100. */
  weight: Scalars['Int']['input'];
};

export type SetEmrDeadlineInput = {
  deadline: Scalars['NaiveDate']['input'];
  /** The deadline's version the caller saw: 0 when none was set. */
  expectedVersion: Scalars['Int']['input'];
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER';

export type Shift =
  /** 14:00–22:00. */
  | 'EVENING'
  /** 06:00–14:00 India time. */
  | 'MORNING'
  /** 22:00–06:00 (into the next day). */
  | 'NIGHT';

export type Specimen =
  | 'BLOOD'
  | 'CSF'
  | 'OTHER'
  | 'PLASMA'
  | 'SERUM'
  | 'SPUTUM'
  | 'STOOL'
  | 'SWAB'
  | 'TISSUE'
  | 'URINE';

export type StartEncounterInput = {
  /** Default: the caller. */
  attendingProfessionalId?: InputMaybe<Scalars['ID']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  /** Given for an encounter recorded after the fact: it is then finished. */
  end?: InputMaybe<Scalars['DateTime']['input']>;
  facilityId: Scalars['ID']['input'];
  kind: EncounterKind;
  patientId: Scalars['ID']['input'];
  /** Why the patient came. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Default: now. */
  start?: InputMaybe<Scalars['DateTime']['input']>;
};

export type StartHospitalSignupInput = {
  email: Scalars['String']['input'];
  /** The representative's name. */
  name: Scalars['String']['input'];
  /** An Indian mobile number: the code goes here, and it becomes the sign-in name. */
  phone: Scalars['String']['input'];
  /** The department's tenant code (`WB`, `BR`, …). */
  tenantCode: Scalars['String']['input'];
};

/** Where an item stands in a store. */
export type StockStatus =
  | 'NORMAL'
  | 'OVER_STOCKED'
  | 'STOCK_OUT'
  | 'UNDER_STOCKED';

export type StoreInput = {
  /** The facility a pharmacy or ward store belongs to. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  level: StoreLevel;
  name: Scalars['String']['input'];
  /** The store it indents from (none for the state warehouse). */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  settings?: InputMaybe<StoreSettingsInput>;
  /** The unit a state or district store serves. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type StoreLevel =
  | 'DISTRICT'
  | 'FACILITY'
  | 'STATE'
  | 'WARD';

/** A store's planning thresholds. */
export type StoreSettingsInput = {
  expiryAlertDays: Scalars['Int']['input'];
  expiryWarnDays: Scalars['Int']['input'];
  lookbackDays: Scalars['Int']['input'];
  maxMonths: Scalars['Float']['input'];
  minMonths: Scalars['Float']['input'];
  overstockMonths: Scalars['Float']['input'];
};

export type SupplyAlertKind =
  | 'BELOW_MINIMUM'
  | 'EXPIRED'
  | 'EXPIRING'
  | 'EXPIRING_SOON'
  | 'STOCK_OUT';

export type SupplyItemInput = {
  code: Scalars['String']['input'];
  essential?: Scalars['Boolean']['input'];
  form?: InputMaybe<DosageForm>;
  kind?: InputMaybe<ItemKind>;
  /** The generic name. */
  name: Scalars['String']['input'];
  overTheCounter?: Scalars['Boolean']['input'];
  packSize: Scalars['Int']['input'];
  schedule?: InputMaybe<DrugSchedule>;
  strength?: InputMaybe<Scalars['String']['input']>;
  unitOfIssue: Scalars['String']['input'];
};

export type SystemOfMedicine =
  | 'ALLOPATHY'
  | 'AYURVEDA'
  | 'HOMOEOPATHY'
  | 'SIDDHA'
  | 'SOWA_RIGPA'
  | 'UNANI'
  | 'YOGA';

/** A tank's gauge: give the percentage or the kilograms, as the gauge shows. */
export type TankReadingInput = {
  kilograms?: InputMaybe<Scalars['Float']['input']>;
  percent?: InputMaybe<Scalars['Float']['input']>;
  sourceId: Scalars['ID']['input'];
};

export type TenantKind =
  | 'DISTRICT'
  | 'STATE';

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type TicketCategory =
  | 'APPOINTMENT'
  | 'COMPLAINT'
  | 'EMERGENCY'
  | 'INFORMATION'
  | 'OTHER'
  | 'TELECONSULTATION';

export type TicketChannel =
  | 'PHONE'
  | 'SMS'
  | 'WEB'
  | 'WHATSAPP';

export type TicketPriority =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

export type TicketStatus =
  | 'CLOSED'
  | 'ESCALATED'
  | 'IN_PROGRESS'
  | 'NEW'
  | 'RESOLVED';

export type TimelineFilter = {
  /** Entries at or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Empty or absent: every kind. */
  kinds?: InputMaybe<Array<EntryKind>>;
  /** Default: newest first. */
  oldestFirst?: InputMaybe<Scalars['Boolean']['input']>;
  /** Entries before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** `SCHEDULED`: attendance is marked. `CLOSED`: signed off. `CANCELLED`: not held. */
export type TrainingStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'SCHEDULED';

export type TrainingTopic =
  | 'CLINICAL_CARE'
  | 'DIGITAL_HEALTH'
  | 'DISEASE_SURVEILLANCE'
  | 'IMMUNISATION'
  | 'INFECTION_PREVENTION'
  | 'MATERNAL_CHILD_HEALTH'
  | 'OTHER'
  | 'OXYGEN_CRITICAL_CARE'
  | 'SUPPLY_CHAIN';

export type UnitKind =
  | 'BLOCK'
  | 'DISTRICT'
  | 'STATE'
  | 'SUB_DIVISION';

export type UpdateAdminUnitInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  /** An empty string removes the code. */
  lgdCode?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateEncounterInput = {
  attendingProfessionalId?: InputMaybe<Scalars['ID']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  /** Default when finishing: now. */
  end?: InputMaybe<Scalars['DateTime']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  /** How the visit ended (when finishing it). */
  outcome?: InputMaybe<EncounterOutcome>;
  reason?: InputMaybe<Scalars['String']['input']>;
  /** FINISHED or CANCELLED (from IN_PROGRESS). */
  status?: InputMaybe<EntryStatus>;
};

export type UpdateFacilityInput = {
  expectedVersion: Scalars['Int']['input'];
  facility: FacilityInput;
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateProfessionalInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  professional: ProfessionalInput;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateUserInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Keep a display name that looks like another account's (see `CreateUserInput`). */
  allowSimilarName?: Scalars['Boolean']['input'];
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** An empty string removes the address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The `version` you last read; a newer one means someone else changed the account. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type UserStatus =
  | 'ACTIVE'
  | 'DISABLED';

export type VerificationStatus =
  | 'PENDING'
  | 'REJECTED'
  | 'VERIFIED';

export type VerifyHospitalSignupInput = {
  /** The six digits sent to the phone. */
  code: Scalars['String']['input'];
  /** The password for the new applicant account. */
  password: Scalars['String']['input'];
  signupId: Scalars['ID']['input'];
  tenantCode: Scalars['String']['input'];
};

export type VitalsInput = {
  bloodGlucoseMgDl?: InputMaybe<Scalars['Float']['input']>;
  diastolicMmHg?: InputMaybe<Scalars['Int']['input']>;
  glucoseTiming?: InputMaybe<GlucoseTiming>;
  heightCm?: InputMaybe<Scalars['Float']['input']>;
  pulsePerMin?: InputMaybe<Scalars['Int']['input']>;
  respiratoryRatePerMin?: InputMaybe<Scalars['Int']['input']>;
  spo2Percent?: InputMaybe<Scalars['Int']['input']>;
  systolicMmHg?: InputMaybe<Scalars['Int']['input']>;
  temperatureC?: InputMaybe<Scalars['Float']['input']>;
  /** The temperature as read in °F, instead of `temperatureC`: kept in °C (one decimal). */
  temperatureF?: InputMaybe<Scalars['Float']['input']>;
  weightKg?: InputMaybe<Scalars['Float']['input']>;
};

export type WalkInInput = {
  lines: Array<DispenseLineInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  storeId: Scalars['ID']['input'];
};

export type WardInput = {
  department: Department;
  facilityId: Scalars['ID']['input'];
  floor?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** The nurses' station, given to families on the status page. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type WitnessInput = {
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type ClientSignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ClientSignInMutation = { login: { accessToken: string, accessTokenExpiresAt: string } };

export type ClientSearchPatientsQueryVariables = Exact<{
  input: PatientSearchInput;
}>;


export type ClientSearchPatientsQuery = { searchPatients: Array<{ id: string, healthId: string, givenName: string, familyName: string | null }> };

export type ClientPatientRecordQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ClientPatientRecordQuery = { patientByHealthId: { id: string, healthId: string, givenName: string, familyName: string | null, sex: PatientSex, ageYears: number, timeline: { edges: Array<{ node: { id: string, kind: EntryKind, status: EntryStatus, occurredAt: string, facility: { name: string } | null, details: { __typename: 'DiagnosisView', code: string, description: string, certainty: DiagnosisCertainty } | { __typename: 'DischargeSummaryView' } | { __typename: 'EncounterView' } | { __typename: 'LabOrderView' } | { __typename: 'LabResultView' } | { __typename: 'NoteView', text: string } | { __typename: 'PrescriptionView', items: Array<{ drugName: string, dose: string, frequency: string }> } | { __typename: 'VitalsView', systolicMmHg: number | null, diastolicMmHg: number | null, pulsePerMin: number | null, spo2Percent: number | null } } }> } } };

export type ClientRecordOxygenReadingMutationVariables = Exact<{
  facilityId: Scalars['ID']['input'];
  readingAt: Scalars['DateTime']['input'];
  readings: OxygenReadingsInput;
}>;


export type ClientRecordOxygenReadingMutation = { recordOxygenReading: { id: string, version: number, heldNm3: number } };

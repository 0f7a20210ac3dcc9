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

export type Address = {
  line: Maybe<Scalars['String']['output']>;
  pincode: Maybe<Scalars['String']['output']>;
  unit: Maybe<AdminUnit>;
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

export type AdminUnit = {
  children: Array<AdminUnit>;
  createdAt: Scalars['DateTime']['output'];
  /** 0 for the top unit. */
  depth: Scalars['Int']['output'];
  /** Everything under this unit, in tree order. */
  descendants: Array<AdminUnit>;
  id: Scalars['ID']['output'];
  kind: UnitKind;
  /** Local Government Directory code. */
  lgdCode: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  parent: Maybe<AdminUnit>;
  /** From the top unit down to this one (only the part the caller may read). */
  path: Array<AdminUnit>;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

/** An admission as boards and lists show it. */
export type Admission = {
  admittedAt: Scalars['DateTime']['output'];
  admittingProfessionalId: Scalars['ID']['output'];
  bedId: Scalars['ID']['output'];
  bedLabel: Maybe<Scalars['String']['output']>;
  /** The latest condition entry's category and life support. */
  category: Maybe<ConditionCategory>;
  conditionAt: Maybe<Scalars['DateTime']['output']>;
  department: Maybe<Department>;
  dischargedAt: Maybe<Scalars['DateTime']['output']>;
  /** When the next condition entry is due, and whether that time has passed. */
  dueAt: Scalars['DateTime']['output'];
  /** The inpatient encounter in the patient's record. */
  encounterId: Maybe<Scalars['ID']['output']>;
  facilityId: Scalars['ID']['output'];
  facilityName: Maybe<Scalars['String']['output']>;
  healthId: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lengthOfStayDays: Scalars['Int']['output'];
  lifeSupport: Maybe<LifeSupport>;
  /** The patient's name, or the description of an unidentified patient. */
  name: Maybe<Scalars['String']['output']>;
  news2: Maybe<Scalars['Int']['output']>;
  outcome: Maybe<DischargeOutcome>;
  overdue: Scalars['Boolean']['output'];
  patientId: Maybe<Scalars['ID']['output']>;
  provisionalDiagnosis: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  status: Maybe<AdmissionStatus>;
  timeOfDeath: Maybe<Scalars['DateTime']['output']>;
  unidentified: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
  wardId: Scalars['ID']['output'];
  wardName: Maybe<Scalars['String']['output']>;
};

/** An admission changed: refresh what shows it. */
export type AdmissionChange = {
  /** `admit`, `condition`, `transfer`, `reserve` (a bed held or given up) or `discharge`. */
  action: Scalars['String']['output'];
  admissionId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  category: Maybe<ConditionCategory>;
  facilityId: Scalars['ID']['output'];
  lifeSupport: Maybe<LifeSupport>;
  wardId: Scalars['ID']['output'];
};

export type AdmissionStatus =
  | 'ADMITTED'
  | 'DISCHARGED';

export type AdmissionView = {
  admission: Admission;
  attendants: Array<Attendant>;
  /** The latest first; never edited. */
  conditionHistory: Array<ConditionEntry>;
};

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

export type AdmittedList = {
  byCategory: Array<ConditionCategoryCount>;
  byLifeSupport: Array<LifeSupportCount>;
  /** At most 500, the sickest first. */
  patients: Array<Admission>;
  /** Over everything the caller sees (filters of category and life support apart). */
  total: Scalars['Int']['output'];
};

export type AdmittingDoctor = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type AgentPresence = {
  languages: Array<Scalars['String']['output']>;
  status: PresenceStatus;
  tier: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  userId: Scalars['ID']['output'];
};

/** One rule of a condition. */
export type AlertRule = {
  /** The threshold, the multiple, k, the rate per 100,000, or the cluster's cases. */
  amount: Scalars['Float']['output'];
  /** A cluster's days. */
  days: Maybe<Scalars['Int']['output']>;
  halfWidth: Maybe<Scalars['Int']['output']>;
  key: Scalars['String']['output'];
  kind: AlertRuleKind;
  minCases: Scalars['Int']['output'];
  quietDays: Scalars['Int']['output'];
  scope: AlertScope;
  window: AlertWindow;
  /** Baseline years and ± weeks (baseline and SD rules). */
  years: Maybe<Scalars['Int']['output']>;
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

/** A condition's rules in force. */
export type AlertRuleSet = {
  conditionId: Scalars['ID']['output'];
  /** The tenant runs IDSP's defaults for this condition (no set of its own). */
  isDefault: Scalars['Boolean']['output'];
  rules: Array<AlertRule>;
};

export type AlertScope =
  | 'BLOCK'
  | 'DISTRICT';

export type AlertWindow =
  /** The epidemiological week of the case's onset. */
  | 'EPI_WEEK'
  /** The seven days to today. */
  | 'ROLLING_7_DAYS';

export type ApiClient = {
  active: Scalars['Boolean']['output'];
  /** What the client sends as `client_id`: its tenant's code and its id. */
  clientId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  rotatedAt: Maybe<Scalars['DateTime']['output']>;
  /** The same as words, as the token endpoint says them (`lab_technician@facility:…`). */
  scope: Scalars['String']['output'];
  /** What it may do: roles with their unit or facility, as for staff. */
  scopes: Array<RoleGrant>;
  version: Scalars['Int']['output'];
};

/** How many applications are in one status in one district. */
export type ApplicationCount = {
  count: Scalars['Int']['output'];
  districtId: Maybe<Scalars['ID']['output']>;
  status: ApplicationStatus;
};

export type ApplicationEvent = {
  /** `create`, `save_step`, `submit`, `request_changes`, `approve`, `reject`, `withdraw`. */
  action: Scalars['String']['output'];
  actorUserId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  comments: Array<ReviewComment>;
  fromStatus: Maybe<ApplicationStatus>;
  id: Scalars['ID']['output'];
  /** The step saved, the reviewer's note, or the reason for a rejection. */
  note: Maybe<Scalars['String']['output']>;
  toStatus: Maybe<ApplicationStatus>;
};

export type ApplicationStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type Appointment = {
  cancelReason: Maybe<Scalars['String']['output']>;
  /** The day (IST) and the department's token number for it. */
  day: Scalars['NaiveDate']['output'];
  department: Scalars['String']['output'];
  end: Scalars['DateTime']['output'];
  facilityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  professionalId: Scalars['ID']['output'];
  start: Scalars['DateTime']['output'];
  /** `booked` or `cancelled`. */
  status: Scalars['String']['output'];
  ticketId: Maybe<Scalars['ID']['output']>;
  tokenNumber: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};

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

export type Attendant = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  phone: Scalars['String']['output'];
  relationship: Scalars['String']['output'];
  removed: Scalars['Boolean']['output'];
  /** The number was proved by a code at the ward. */
  verified: Scalars['Boolean']['output'];
};

export type AttendantInput = {
  name: Scalars['String']['input'];
  /** An Indian mobile number: status codes go only to it. */
  phone: Scalars['String']['input'];
  /** Son, daughter, wife, neighbour… */
  relationship: Scalars['String']['input'];
};

export type AuditEvent = {
  /** e.g. `user.create`, `auth.login_failed`, `tenant.suspend`. */
  action: Scalars['String']['output'];
  /** The acting staff member, when the actor is a user of this tenant. */
  actor: Maybe<User>;
  actorId: Maybe<Scalars['ID']['output']>;
  /** `user`, `platform_admin`, `system` or `anonymous`. */
  actorKind: Scalars['String']['output'];
  clientAddress: Maybe<Scalars['String']['output']>;
  detail: Scalars['JSON']['output'];
  entityId: Maybe<Scalars['ID']['output']>;
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  requestId: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  /** A list of edges. */
  edges: Array<AuditEventEdge>;
  /** A list of nodes. */
  nodes: Array<AuditEvent>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type AuditEventEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AuditEvent;
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

/**
 * Tokens for a session. Send the access token as `Authorization: Bearer …`; before it
 * expires, exchange the refresh token (once) for a new pair.
 */
export type AuthPayload = {
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  me: Me;
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  tokenType: Scalars['String']['output'];
};

export type AwardRound = {
  decided: Scalars['Boolean']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decidedBy: Maybe<Scalars['String']['output']>;
  decisionNote: Maybe<Scalars['String']['output']>;
  /** The months frozen, "YYYY-MM". */
  from: Scalars['String']['output'];
  frozenAt: Scalars['DateTime']['output'];
  frozenBy: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  items: Array<ScoreItemView>;
  minVolume: Scalars['Int']['output'];
  /**
   * The ranking as frozen, with the counts it was worked out from: never
   * recomputed.
   */
  result: Array<HospitalStanding>;
  scorecardId: Scalars['ID']['output'];
  scorecardName: Scalars['String']['output'];
  scorecardVersion: Scalars['Int']['output'];
  specialty: Scalars['String']['output'];
  title: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** Pass it back as `expectedVersion` to record the decision. */
  version: Scalars['Int']['output'];
  winners: Array<AwardWinner>;
};

export type AwardWinner = {
  /** The printable certificate (PDF, signed in by the same token as the API). */
  certificateUrl: Scalars['String']['output'];
  facilityId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** 1 for first place. */
  place: Scalars['Int']['output'];
  rank: Maybe<Scalars['Int']['output']>;
  score: Maybe<Scalars['Float']['output']>;
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

export type BatchStock = {
  batchId: Scalars['ID']['output'];
  batchNo: Scalars['String']['output'];
  /** Why it may not be issued, if it may not. */
  blocked: Maybe<Scalars['String']['output']>;
  daysToExpiry: Scalars['Int']['output'];
  expiresOn: Scalars['NaiveDate']['output'];
  expiry: ExpiryBand;
  manufacturer: Maybe<Scalars['String']['output']>;
  onHold: Scalars['Boolean']['output'];
  qualityStatus: QualityStatus;
  quantity: Scalars['Int']['output'];
  unitPricePaise: Scalars['Int']['output'];
};

export type Bed = {
  bedType: Maybe<BedType>;
  /** The bed's own state (occupancy apart). */
  housekeeping: Maybe<BedHousekeeping>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  /** Why the bed is closed. */
  reason: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
  wardId: Scalars['ID']['output'];
};

/** Beds by type (counts; occupancy is tracked against these elsewhere). */
export type BedCapacity = {
  general: Scalars['Int']['output'];
  hdu: Scalars['Int']['output'];
  icu: Scalars['Int']['output'];
  isolation: Scalars['Int']['output'];
  maternity: Scalars['Int']['output'];
  oxygenSupported: Scalars['Int']['output'];
  paediatric: Scalars['Int']['output'];
  ventilator: Scalars['Int']['output'];
};

/** A bed type's declared capacity beside the beds set up. */
export type BedCapacityCheck = {
  bedType: BedType;
  declared: Scalars['Int']['output'];
  /** Set up minus declared: negative when beds are missing from the wards. */
  difference: Scalars['Int']['output'];
  setUp: Scalars['Int']['output'];
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

export type BedCounts = {
  free: Scalars['Int']['output'];
  /** Occupied over beds in service, in percent. */
  occupancyRate: Maybe<Scalars['Float']['output']>;
  occupied: Scalars['Int']['output'];
  outOfService: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type BedHousekeeping =
  | 'CLEANING'
  | 'CLOSED'
  | 'CONTAMINATED'
  | 'ISOLATED'
  | 'READY';

/** A bed held for an admitted patient who will be transferred into it. */
export type BedReservation = {
  admissionId: Scalars['ID']['output'];
  bedId: Scalars['ID']['output'];
  reservedAt: Scalars['DateTime']['output'];
};

export type BedState =
  | 'CLEANING'
  | 'CLOSED'
  | 'CONTAMINATED'
  | 'FREE'
  | 'ISOLATED'
  | 'OCCUPIED'
  | 'RESERVED';

export type BedTile = {
  admission: Maybe<Admission>;
  bed: Bed;
  /** FHIR `Location.operationalStatus` code (v2 table 0116). */
  fhirStatus: Scalars['String']['output'];
  /** Occupied and reserved come from the bed's assignments. */
  state: BedState;
};

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

/** A budget head's position in its financial year (amounts in paise). */
export type BudgetHead = {
  allocationPaise: Scalars['Int']['output'];
  balancePaise: Scalars['Int']['output'];
  code: Scalars['String']['output'];
  /** Open orders' goods not yet received. */
  committedPaise: Scalars['Int']['output'];
  /** "2026-27". */
  financialYear: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Goods received and accepted. */
  spentPaise: Scalars['Int']['output'];
  utilisationPercent: Scalars['Float']['output'];
};

export type BudgetHeadInput = {
  allocationPaise: Scalars['Int']['input'];
  code: Scalars['String']['input'];
  /** "2026-27". */
  financialYear: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type BufferKit = {
  id: Scalars['ID']['output'];
  lines: Array<KitLine>;
  name: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
};

export type BufferKitInput = {
  lines: Array<KitLineInput>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type Card = {
  delivery: CardDelivery;
  healthId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  /**
   * The signed payload printed as the card's QR code (compact JWS, EdDSA), verifiable
   * offline with the tenant's key from `/tenants/{code}/card-keys.json`.
   */
  qrPayload: Scalars['String']['output'];
  /** The card this one replaced. */
  replacesId: Maybe<Scalars['ID']['output']>;
  status: CardStatus;
  statusReason: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type CardClaimsView = {
  healthId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  tenantCode: Scalars['String']['output'];
  yearOfBirth: Scalars['Int']['output'];
};

export type CardDelivery =
  | 'DELIVERED'
  | 'PENDING'
  | 'PRINTED';

export type CardStatus =
  | 'ACTIVE'
  | 'REPLACED'
  | 'REVOKED';

export type CardVerification = {
  claims: Maybe<CardClaimsView>;
  /** The card is neither replaced nor revoked; null for another tenant's card. */
  current: Maybe<Scalars['Boolean']['output']>;
  message: Scalars['String']['output'];
  /** The tenant's signature matches the content. */
  signatureValid: Scalars['Boolean']['output'];
  status: Maybe<CardStatus>;
};

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

export type CategoryCount = {
  category: TicketCategory;
  count: Scalars['Int']['output'];
};

export type CertificateVerification = {
  facilityName: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** Whether this tenant lists the award (none for another tenant's certificate). */
  onRecord: Maybe<Scalars['Boolean']['output']>;
  place: Maybe<Scalars['Int']['output']>;
  signatureValid: Scalars['Boolean']['output'];
  tenantCode: Maybe<Scalars['String']['output']>;
  title: Maybe<Scalars['String']['output']>;
};

export type ChannelCount = {
  channel: TicketChannel;
  count: Scalars['Int']['output'];
};

export type ClinicSession = {
  department: Scalars['String']['output'];
  end: Scalars['String']['output'];
  facilityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  professionalId: Scalars['ID']['output'];
  slotMinutes: Scalars['Int']['output'];
  start: Scalars['String']['output'];
  validFrom: Scalars['NaiveDate']['output'];
  validUntil: Maybe<Scalars['NaiveDate']['output']>;
  /** 1 = Monday … 7 = Sunday. */
  weekday: Scalars['Int']['output'];
};

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

export type ClinicalEntry = {
  /** Who wrote the current version. */
  author: Maybe<Professional>;
  details: EntryDetailsView;
  /**
   * Every version, oldest first; the last is the current one.
   * Report documents attached to this entry (lab reports, discharge papers);
   * download one with `documentDownload`, which logs the read.
   */
  documents: Array<Document>;
  /** The encounter it was recorded in (its own id for an encounter). */
  encounterId: Scalars['ID']['output'];
  enteredInErrorReason: Maybe<Scalars['String']['output']>;
  /** For an encounter: what was recorded in it, by time. Empty for other entries. */
  entries: Array<ClinicalEntry>;
  facility: Maybe<Facility>;
  history: Array<EntryVersion>;
  id: Scalars['ID']['output'];
  kind: EntryKind;
  /** When it happened (an encounter's start, when vitals were taken). */
  occurredAt: Scalars['DateTime']['output'];
  /** For a lab result: the order it answers. */
  orderId: Maybe<Scalars['ID']['output']>;
  patientId: Scalars['ID']['output'];
  /** When it was first recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** For a lab order: the results reported on it. Empty for other entries. */
  results: Array<ClinicalEntry>;
  status: EntryStatus;
  /** When the current version was recorded. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1; every correction adds one. */
  version: Scalars['Int']['output'];
};

export type ClinicalEntryConnection = {
  /** A list of edges. */
  edges: Array<ClinicalEntryEdge>;
  /** A list of nodes. */
  nodes: Array<ClinicalEntry>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type ClinicalEntryEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: ClinicalEntry;
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

export type CodedDiagnosis = {
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

export type ConcentratorsInput = {
  count: Scalars['Int']['input'];
  litresPerMinute: Scalars['Float']['input'];
};

export type ConditionCategory =
  | 'ACTIVELY_DYING'
  | 'CRITICAL'
  | 'MILD'
  | 'MODERATE';

export type ConditionCategoryCount = {
  category: Maybe<ConditionCategory>;
  patients: Scalars['Int']['output'];
};

export type ConditionEntry = {
  category: Maybe<ConditionCategory>;
  /** The category's written definition, as shown beside the choice. */
  categoryDefinition: Maybe<Scalars['String']['output']>;
  consciousness: Maybe<Consciousness>;
  id: Scalars['ID']['output'];
  lifeSupport: Maybe<LifeSupport>;
  /** NEWS2, computed by the server from the observations. */
  news2: Maybe<Scalars['Int']['output']>;
  news2Risk: Maybe<News2Risk>;
  observations: Maybe<Scalars['JSON']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  recordedBy: Scalars['ID']['output'];
  remark: Maybe<Scalars['String']['output']>;
};

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

export type ConsumptionTrend = {
  item: SupplyItem;
  months: Array<MonthUse>;
};

export type CouncilRegistration = {
  council: Scalars['String']['output'];
  number: Scalars['String']['output'];
  professional: Maybe<Professional>;
  registeredOn: Scalars['NaiveDate']['output'];
  /** Null: permanent. */
  validUntil: Maybe<Scalars['NaiveDate']['output']>;
};

export type CouncilRegistrationInput = {
  /** e.g. West Bengal Medical Council, Indian Nursing Council. */
  council: Scalars['String']['input'];
  number: Scalars['String']['input'];
  registeredOn: Scalars['NaiveDate']['input'];
  /** Leave out for a permanent registration. */
  validUntil?: InputMaybe<Scalars['NaiveDate']['input']>;
};

export type CountLine = {
  batchId: Scalars['ID']['output'];
  batchNo: Scalars['String']['output'];
  counted: Maybe<Scalars['Int']['output']>;
  /** What the books held when the sheet was drawn up. */
  expected: Scalars['Int']['output'];
  expiresOn: Maybe<Scalars['NaiveDate']['output']>;
  itemId: Scalars['ID']['output'];
  /** "Paracetamol 500 mg (PARA-500)". */
  itemName: Scalars['String']['output'];
  reason: Maybe<Scalars['String']['output']>;
  unitOfIssue: Scalars['String']['output'];
  /** Counted less expected, once counted. */
  variance: Maybe<Scalars['Int']['output']>;
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

export type CylinderCount = {
  cylinderTypeId: Scalars['ID']['output'];
  empty: Scalars['Int']['output'];
  full: Scalars['Int']['output'];
  inUse: Scalars['Int']['output'];
  sentForRefill: Scalars['Int']['output'];
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

export type CylinderMovement = {
  challan: Maybe<Scalars['String']['output']>;
  count: Scalars['Int']['output'];
  cylinderTypeId: Scalars['ID']['output'];
  supplier: Scalars['String']['output'];
};

export type CylinderMovementInput = {
  challan?: InputMaybe<Scalars['String']['input']>;
  count: Scalars['Int']['input'];
  cylinderTypeId: Scalars['ID']['input'];
  supplier: Scalars['String']['input'];
};

/** Beds of one type at the end of one day. */
export type DailyBeds = {
  bedType: Maybe<BedType>;
  day: Scalars['NaiveDate']['output'];
  occupied: Scalars['Int']['output'];
  outOfService: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
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

export type Dhis2Export = {
  /** The payload: `{ "dataValues": [{ dataElement, period, orgUnit, categoryOptionCombo?, value }] }`. */
  payload: Scalars['JSON']['output'];
  /** DHIS2's weekly period, `2026W49`. */
  period: Scalars['String']['output'];
  /** What could not be sent: map it and export again. */
  skipped: Array<Dhis2Skipped>;
  valueCount: Scalars['Int']['output'];
};

export type Dhis2Mapping = {
  ageGroup: Maybe<Scalars['String']['output']>;
  conditionId: Maybe<Scalars['ID']['output']>;
  dhis2Id: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** ORG_UNIT, DATA_ELEMENT or CATEGORY. */
  kind: Dhis2MappingKind;
  /** The unit's name, the condition's code and measure, or the age group and sex. */
  label: Scalars['String']['output'];
  measure: Maybe<Scalars['String']['output']>;
  sex: Maybe<Scalars['String']['output']>;
  unitId: Maybe<Scalars['ID']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

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

/** Cases left out of a DHIS2 export, and why. */
export type Dhis2Skipped = {
  cases: Scalars['Int']['output'];
  /** The condition's code, and the block for an unmapped place. */
  label: Scalars['String']['output'];
  /** place_not_mapped, condition_not_mapped or age_sex_not_mapped. */
  reason: Scalars['String']['output'];
};

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

export type DiagnosisView = {
  certainty: DiagnosisCertainty;
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  rank: DiagnosisRank;
};

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

export type DischargeSummaryView = {
  advice: Maybe<Scalars['String']['output']>;
  conditionAtDischarge: Maybe<Scalars['String']['output']>;
  diagnoses: Array<CodedDiagnosis>;
  followUpOn: Maybe<Scalars['NaiveDate']['output']>;
  treatmentGiven: Scalars['String']['output'];
};

/** Where the patient is taken. */
export type DispatchDestination = {
  facilityId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
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

export type Dispense = {
  dispensedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  itemId: Maybe<Scalars['ID']['output']>;
  line: Maybe<Scalars['Int']['output']>;
  outcome: DispenseOutcome;
  prescribed: Scalars['String']['output'];
  prescriptionId: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Int']['output'];
  reason: Maybe<Scalars['String']['output']>;
  witnessed: Scalars['Boolean']['output'];
};

/** A catalogue item that matches a prescribed drug, with what the pharmacy can give. */
export type DispenseCandidate = {
  item: SupplyItem;
  usable: Scalars['Int']['output'];
};

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

export type DistrictEquipment = {
  districtId: Maybe<Scalars['ID']['output']>;
  kinds: Array<EquipmentKindCount>;
  name: Scalars['String']['output'];
  /** Ventilator beds the district's facilities declare. */
  ventilatorBeds: Scalars['Int']['output'];
  /** Invasive and non-invasive ventilators that work. */
  ventilatorsFunctional: Scalars['Int']['output'];
};

export type DistrictFacilityCounts = {
  byType: Array<FacilityTypeCount>;
  /** Null for facilities placed at the state level. */
  district: Maybe<AdminUnit>;
  total: Scalars['Int']['output'];
};

export type DistrictOxygen = {
  burnNm3PerHour: Scalars['Float']['output'];
  critical: Scalars['Int']['output'];
  districtId: Maybe<Scalars['ID']['output']>;
  facilities: Scalars['Int']['output'];
  /** The shortest time to empty among its facilities. */
  minTimeToEmptyHours: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  reportedToday: Scalars['Int']['output'];
  usableNm3: Scalars['Float']['output'];
  warning: Scalars['Int']['output'];
};

export type Document = {
  confirmedAt: Maybe<Scalars['DateTime']['output']>;
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fileName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  purpose: DocumentPurpose;
  /** Why the upload was refused, when `status` is `REJECTED`. */
  rejectReason: Maybe<Scalars['String']['output']>;
  /** The SHA-256 of the confirmed file. */
  sha256: Maybe<Scalars['String']['output']>;
  sizeBytes: Scalars['Int']['output'];
  /** Until when a pending upload can be confirmed. */
  slotExpiresAt: Scalars['DateTime']['output'];
  status: DocumentStatus;
  version: Scalars['Int']['output'];
};

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

/** The tenant's document rules. */
export type DocumentSettings = {
  allowedTypes: Array<Scalars['String']['output']>;
  /** The largest file accepted (bytes), the same for every tenant of this server. */
  maxBytes: Scalars['Int']['output'];
  /** What a private hospital must upload before it can submit its application. */
  requiredDocuments: Array<DocumentPurpose>;
  /** 0 until an administrator first changes them. */
  version: Scalars['Int']['output'];
};

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

export type DoseMark = {
  dueAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  recordedBy: Scalars['ID']['output'];
  status: Maybe<DoseStatus>;
};

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

/** A due dose and its mark, if marked. */
export type DueDose = {
  dueAt: Scalars['DateTime']['output'];
  mark: Maybe<DoseMark>;
};

export type DuplicateCandidate = {
  patient: Patient;
  reasons: Array<MatchReason>;
};

/** What is overdue on a ward now. */
export type DutyList = {
  /** Discharges of the last two days without a discharge summary in the record. */
  dischargeSummariesPending: Array<Admission>;
  /** Deaths of the last two days entered more than two hours after the time of death. */
  lateDeathEntries: Array<Admission>;
  /** Condition entries past their due time (the CPMS rule). */
  overdueObservations: Array<Admission>;
};

/** Where the applicant's e-mail address stands: proved, or waiting for its code. */
export type EmailVerification = {
  /** When the code sent last stops working, while one is waiting. */
  codeExpiresAt: Maybe<Scalars['DateTime']['output']>;
  email: Maybe<Scalars['String']['output']>;
  verified: Scalars['Boolean']['output'];
};

export type EmergencyDispatch = {
  /** The statuses it may move to now. */
  allowedStatuses: Array<DispatchStatus>;
  arrivedAt: Maybe<Scalars['DateTime']['output']>;
  closedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Address or landmark. */
  description: Scalars['String']['output'];
  destination: Maybe<DispatchDestination>;
  id: Scalars['ID']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  status: DispatchStatus;
  /** The nearest facilities that receive emergencies, as suggested when help was sent. */
  suggestions: Array<SuggestedFacility>;
  ticketId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type EmrChecklistEntry = {
  item: EmrItem;
  status: ReadinessStatus;
};

export type EmrChecklistEntryInput = {
  item: EmrItem;
  status: ReadinessStatus;
};

export type EmrDeadline = {
  deadline: Scalars['NaiveDate']['output'];
  setAt: Scalars['DateTime']['output'];
  /** Pass it back as `expectedVersion` to change the deadline. */
  version: Scalars['Int']['output'];
};

export type EmrItem =
  | 'INFORMATION_SECURITY'
  | 'LAN'
  | 'SERVER_BACKUP'
  | 'WORKSTATIONS';

export type EmrReadiness = {
  adopted: Scalars['Boolean']['output'];
  adoptedOn: Maybe<Scalars['NaiveDate']['output']>;
  /** Every item, `NOT_STARTED` unless set. */
  checklist: Array<EmrChecklistEntry>;
};

export type EmrReadinessChange = {
  adopted: Scalars['Boolean']['output'];
  adoptedOn: Maybe<Scalars['NaiveDate']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Who made the change; none for the system. */
  changedBy: Maybe<Scalars['String']['output']>;
  checklist: Array<EmrChecklistEntry>;
  /** 1 for the facility's first row, one more for each change. */
  seq: Scalars['Int']['output'];
  /** registry (as it stood when tracking began), form, import or onboarding. */
  source: Scalars['String']['output'];
};

export type EmrReadinessImport = {
  /** Facilities whose readiness changed. */
  changed: Scalars['Int']['output'];
  errors: Array<ImportRowError>;
  /**
   * Rows not applied: the invalid ones, or all of them when any was invalid and
   * `skipInvalid` was false.
   */
  skipped: Scalars['Int']['output'];
  /** Valid rows that said what the registry already held. */
  unchanged: Scalars['Int']['output'];
};

export type EmrReadinessInput = {
  adopted?: Scalars['Boolean']['input'];
  /** Required exactly when `adopted` is true. */
  adoptedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  checklist?: Array<EmrChecklistEntryInput>;
};

export type EmrRollout = {
  all: RolloutTally;
  /** Districts by name; facilities outside any district last. */
  byDistrict: Array<RolloutGroup>;
  /** Facility types, the most numerous first. */
  byType: Array<RolloutGroup>;
  deadline: Maybe<EmrDeadline>;
  /**
   * Facilities not yet keeping electronic records: overdue first, then at risk,
   * then on track, each by name; at most 500 (see `notAdopted` for how many).
   */
  facilities: Array<RolloutFacility>;
  /** The last twelve months, this one (so far) last. */
  monthly: Array<RolloutMonth>;
  notAdopted: Scalars['Int']['output'];
  /** The day the standings are reckoned on (India's date). */
  today: Scalars['NaiveDate']['output'];
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

export type EncounterView = {
  attendingProfessionalId: Scalars['ID']['output'];
  department: Maybe<Scalars['String']['output']>;
  end: Maybe<Scalars['DateTime']['output']>;
  kind: EncounterKind;
  outcome: Maybe<EncounterOutcome>;
  reason: Maybe<Scalars['String']['output']>;
  start: Scalars['DateTime']['output'];
};

/** The details of an entry, by kind. */
export type EntryDetailsView = DiagnosisView | DischargeSummaryView | EncounterView | LabOrderView | LabResultView | NoteView | PrescriptionView | VitalsView;

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

export type EntryVersion = {
  author: Maybe<Professional>;
  /** Why this version was written (a correction's or an entered-in-error reason). */
  changeReason: Maybe<Scalars['String']['output']>;
  details: EntryDetailsView;
  occurredAt: Scalars['DateTime']['output'];
  recordedAt: Scalars['DateTime']['output'];
  status: EntryStatus;
  version: Scalars['Int']['output'];
};

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

export type EquipmentItem = {
  facilityId: Scalars['ID']['output'];
  /** The first first. */
  history: Array<EquipmentStatusChange>;
  id: Scalars['ID']['output'];
  installedOn: Maybe<Scalars['NaiveDate']['output']>;
  kind: Maybe<EquipmentKind>;
  lastMaintenanceOn: Maybe<Scalars['NaiveDate']['output']>;
  make: Scalars['String']['output'];
  model: Scalars['String']['output'];
  orderId: Maybe<Scalars['ID']['output']>;
  serialNumber: Scalars['String']['output'];
  source: Maybe<EquipmentSource>;
  status: Maybe<EquipmentStatus>;
  version: Scalars['Int']['output'];
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

export type EquipmentKindCount = {
  condemned: Scalars['Int']['output'];
  functional: Scalars['Int']['output'];
  kind: Maybe<EquipmentKind>;
  underRepair: Scalars['Int']['output'];
};

/** A procurement order and how much of it has arrived. */
export type EquipmentOrder = {
  expectedOn: Maybe<Scalars['NaiveDate']['output']>;
  id: Scalars['ID']['output'];
  kind: Maybe<EquipmentKind>;
  orderedOn: Scalars['NaiveDate']['output'];
  outstanding: Scalars['Int']['output'];
  quantity: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  reference: Maybe<Scalars['String']['output']>;
  supplier: Scalars['String']['output'];
};

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

export type EquipmentStatusChange = {
  at: Scalars['DateTime']['output'];
  /** None when it came in an import. */
  by: Maybe<Scalars['ID']['output']>;
  note: Maybe<Scalars['String']['output']>;
  status: Maybe<EquipmentStatus>;
};

export type EssentialAvailability = {
  essentialItems: Scalars['Int']['output'];
  facilityId: Maybe<Scalars['ID']['output']>;
  inStock: Scalars['Int']['output'];
  percentInStock: Scalars['Float']['output'];
  stockOutDaysThisMonth: Scalars['Int']['output'];
  storeId: Scalars['ID']['output'];
  storeName: Scalars['String']['output'];
};

/** How near a batch is to its expiry, by the store's bands. */
export type ExpiryBand =
  /** Within the store's alert band (30 days unless set otherwise). */
  | 'ALERT'
  | 'EXPIRED'
  | 'GOOD'
  /** Within the store's warning band (90 days unless set otherwise). */
  | 'WARNING';

export type ExpiryLine = {
  batchNo: Scalars['String']['output'];
  daysLeft: Scalars['Int']['output'];
  /** Units expected to be used before expiry at the store's AMC (none without one). */
  expectedUse: Maybe<Scalars['Int']['output']>;
  expiresOn: Scalars['NaiveDate']['output'];
  item: SupplyItem;
  quantity: Scalars['Int']['output'];
};

export type Facility = {
  address: Maybe<Scalars['String']['output']>;
  beds: BedCapacity;
  createdAt: Scalars['DateTime']['output'];
  district: Maybe<AdminUnit>;
  email: Maybe<Scalars['String']['output']>;
  emrReadiness: EmrReadiness;
  id: Scalars['ID']['output'];
  latitude: Maybe<Scalars['Float']['output']>;
  longitude: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  nationalFacilityId: Maybe<Scalars['String']['output']>;
  operationalStatus: OperationalStatus;
  ownership: Ownership;
  ownershipSubtype: Maybe<Scalars['String']['output']>;
  /** Normalised to +91 and ten digits. */
  phone: Maybe<Scalars['String']['output']>;
  pincode: Maybe<Scalars['String']['output']>;
  specialities: Array<Scalars['String']['output']>;
  /** Professionals currently posted here. */
  staff: Array<Posting>;
  systemsOfMedicine: Array<SystemOfMedicine>;
  totalBeds: Scalars['Int']['output'];
  type: FacilityType;
  unit: Maybe<AdminUnit>;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

export type FacilityConnection = {
  /** A list of edges. */
  edges: Array<FacilityEdge>;
  /** A list of nodes. */
  nodes: Array<Facility>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type FacilityEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Facility;
};

export type FacilityFilter = {
  ownership?: InputMaybe<Ownership>;
  /** Words of the name (all must appear), case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OperationalStatus>;
  types?: Array<FacilityType>;
  /** Only facilities in this unit or anywhere under it. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type FacilityFreeBeds = {
  facilityId: Scalars['ID']['output'];
  free: Array<FreeBedCount>;
  name: Scalars['String']['output'];
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

/** A facility's oxygen now. */
export type FacilityOxygen = {
  bedsFed: Scalars['Int']['output'];
  /** Over the readings of the last 24 hours. */
  burn24h: Maybe<OxygenBurnRate>;
  /** Over the last 72 hours. */
  burn72h: Maybe<OxygenBurnRate>;
  daysOfCover: Maybe<Scalars['Float']['output']>;
  districtId: Maybe<Scalars['ID']['output']>;
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  hoursSinceLastReading: Maybe<Scalars['Float']['output']>;
  lastReading: Maybe<OxygenReading>;
  /**
   * What the occupied oxygen, HDU, ICU and ventilator beds need (one facility's
   * status only).
   */
  needOfBedsNm3PerHour: Maybe<Scalars['Float']['output']>;
  /** What the patients on oxygen at the last reading need, by the flow norms. */
  needOfPatientsNm3PerHour: Scalars['Float']['output'];
  /** What the plants and concentrators make at full output. */
  outputNm3PerHour: Scalars['Float']['output'];
  reportedToday: Scalars['Boolean']['output'];
  risk: OxygenRisk;
  /** What the tanks and cylinders can hold. */
  storageNm3: Scalars['Float']['output'];
  /** None when the stock is not running down (or there are too few readings). */
  timeToEmptyHours: Maybe<Scalars['Float']['output']>;
  /** What can still be drawn now, projected from the last reading at the burn rate. */
  usableNm3: Maybe<Scalars['Float']['output']>;
};

export type FacilityReadiness = {
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  lines: Array<ReadinessLine>;
  ready: Scalars['Boolean']['output'];
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

export type FacilityStepView = {
  address: Scalars['String']['output'];
  email: Maybe<Scalars['String']['output']>;
  latitude: Maybe<Scalars['Float']['output']>;
  longitude: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  opdHours: Maybe<Scalars['String']['output']>;
  open24x7: Scalars['Boolean']['output'];
  ownershipSubtype: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  pincode: Maybe<Scalars['String']['output']>;
  services: Array<HospitalService>;
  specialities: Array<Scalars['String']['output']>;
  systemsOfMedicine: Array<SystemOfMedicine>;
  type: Maybe<FacilityType>;
  unitId: Scalars['ID']['output'];
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

export type FacilityTypeCount = {
  count: Scalars['Int']['output'];
  type: FacilityType;
};

/**
 * A message not delivered after every attempt. Its text is not shown: it may hold a
 * one-time code.
 */
export type FailedNotification = {
  attempts: Scalars['Int']['output'];
  /** `sms` or `email`. */
  channel: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  destination: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The gateway's last answer. */
  lastError: Maybe<Scalars['String']['output']>;
  subject: Scalars['String']['output'];
};

/** The same answer whether or not a patient matched. */
export type FamilyCodeRequest = {
  expiresAt: Scalars['DateTime']['output'];
  /** Give it back with the code. */
  requestId: Scalars['ID']['output'];
};

/** How a family names the patient: a health ID, or a name and the hospital. */
export type FamilyLookupInput =
  { healthId: Scalars['String']['input']; nameAtHospital?: never; }
  |  { healthId?: never; nameAtHospital: NameAtHospital; };

/** What a family is told: where, how ill, what support, when last updated. */
export type FamilyStatus = {
  category: Maybe<ConditionCategory>;
  discharged: Scalars['Boolean']['output'];
  hospital: Scalars['String']['output'];
  lifeSupport: Maybe<LifeSupport>;
  outcome: Maybe<DischargeOutcome>;
  updatedAt: Scalars['DateTime']['output'];
  ward: Scalars['String']['output'];
  wardPhone: Maybe<Scalars['String']['output']>;
};

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

export type FreeBedCount = {
  bedType: BedType;
  free: Scalars['Int']['output'];
};

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

export type GoodsReceived = {
  accepted: Scalars['Int']['output'];
  batchId: Maybe<Scalars['ID']['output']>;
  itemId: Scalars['ID']['output'];
  reason: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  rejected: Scalars['Int']['output'];
};

export type Guardian = {
  name: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
  relation: Maybe<Relation>;
};

export type GuardianInput = {
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  relation: Relation;
};

export type Handover = {
  day: Scalars['NaiveDate']['output'];
  id: Scalars['ID']['output'];
  incomingAt: Maybe<Scalars['DateTime']['output']>;
  incomingBy: Maybe<Scalars['ID']['output']>;
  outgoingAt: Scalars['DateTime']['output'];
  outgoingBy: Scalars['ID']['output'];
  pendingTasks: Maybe<Scalars['String']['output']>;
  shift: Maybe<NursingShift>;
  summary: Scalars['String']['output'];
  wardId: Scalars['ID']['output'];
};

/** A shift's or a day's figures, for calls logged in it, as they stand now. */
export type HelplineStats = {
  averageWaitSeconds: Maybe<Scalars['Int']['output']>;
  byCategory: Array<CategoryCount>;
  byChannel: Array<ChannelCount>;
  calls: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  p90WaitSeconds: Maybe<Scalars['Int']['output']>;
  resolvedByTier: Array<TierCount>;
  slaBreaches: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  /** Still waiting for an agent. */
  waiting: Scalars['Int']['output'];
};

export type HospitalApplication = {
  /**
   * What may be done next: `edit`, `submit`, `request_changes`, `approve`, `reject`,
   * `withdraw` (each for the role it belongs to).
   */
  allowedActions: Array<Scalars['String']['output']>;
  applicantUserId: Scalars['ID']['output'];
  capacity: Maybe<BedCapacity>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  districtId: Maybe<Scalars['ID']['output']>;
  /** Uploaded documents (not withdrawn), oldest first. */
  documents: Array<Document>;
  facility: Maybe<FacilityStepView>;
  /** The registry facility created on approval. */
  facilityId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  licences: Maybe<LicencesView>;
  /** Everything still needed before the application can be submitted. */
  missing: Array<Scalars['String']['output']>;
  /** The facility's name, once the facility step is saved. */
  name: Maybe<Scalars['String']['output']>;
  /** The reviewer's comments to act on, while changes are requested. */
  openComments: Array<ReviewComment>;
  owner: Maybe<OwnerView>;
  /** What the tenant requires, and whether each is uploaded and available. */
  requiredDocuments: Array<RequiredDocument>;
  status: ApplicationStatus;
  submittedAt: Maybe<Scalars['DateTime']['output']>;
  /** Every step, oldest first. */
  timeline: Array<ApplicationEvent>;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

export type HospitalApplicationConnection = {
  /** A list of edges. */
  edges: Array<HospitalApplicationEdge>;
  /** A list of nodes. */
  nodes: Array<HospitalApplication>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type HospitalApplicationEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: HospitalApplication;
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

/** A hospital's place in a ranking. */
export type HospitalStanding = {
  /** The counts in the specialty the score was worked out from. */
  counts: IndicatorFigures;
  district: Maybe<Scalars['String']['output']>;
  facilityId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parts: Array<ScorePart>;
  previousRank: Maybe<Scalars['Int']['output']>;
  /** The score and rank over the same months one period before. */
  previousScore: Maybe<Scalars['Float']['output']>;
  /** None: not ranked (volume below the minimum). Equal scores share a rank. */
  rank: Maybe<Scalars['Int']['output']>;
  /** 0 to 100: the weighted mean of the parts' points. */
  score: Maybe<Scalars['Float']['output']>;
  /** Visits plus admissions in the specialty. */
  volume: Scalars['Int']['output'];
};

export type Household = {
  addressLine: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  headPatientId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  latitude: Maybe<Scalars['Float']['output']>;
  longitude: Maybe<Scalars['Float']['output']>;
  /**
   * The people enrolled in it (viewing them is audited by the query that returned
   * the household).
   */
  members: Array<Patient>;
  unit: Maybe<AdminUnit>;
};

export type HouseholdConnection = {
  /** A list of edges. */
  edges: Array<HouseholdEdge>;
  /** A list of nodes. */
  nodes: Array<Household>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type HouseholdEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Household;
};

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

export type HttpHeader = {
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** An ICD-10 code, for type-ahead. */
export type Icd10Code = {
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

export type ImportEmrReadinessInput = {
  /** The CSV text (columns in `docs/samples/emr-readiness.csv`). */
  csv: Scalars['String']['input'];
  /** Go on with the valid rows when some are invalid (otherwise nothing changes). */
  skipInvalid?: Scalars['Boolean']['input'];
};

export type ImportReport = {
  errors: Array<ImportRowError>;
  imported: Scalars['Int']['output'];
  /**
   * Rows not imported: the invalid ones, or all of them when any was invalid and
   * `skipInvalid` was false.
   */
  skipped: Scalars['Int']['output'];
};

/** A problem with one row (the header is row 1), naming the CSV column. */
export type ImportRowError = {
  column: Scalars['String']['output'];
  message: Scalars['String']['output'];
  row: Scalars['Int']['output'];
};

export type Indent = {
  createdAt: Scalars['DateTime']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  fromStoreId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Maybe<Scalars['DateTime']['output']>;
  lines: Array<IndentLine>;
  note: Maybe<Scalars['String']['output']>;
  number: Scalars['String']['output'];
  receivedAt: Maybe<Scalars['DateTime']['output']>;
  status: IndentStatus;
  toStoreId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
  voucher: Array<VoucherLine>;
};

export type IndentDecisionInput = {
  approved: Scalars['Int']['input'];
  itemId: Scalars['ID']['input'];
  /** Required when less than requested is approved. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type IndentLine = {
  amc: Maybe<Scalars['Float']['output']>;
  approved: Maybe<Scalars['Int']['output']>;
  item: Maybe<SupplyItem>;
  itemId: Scalars['ID']['output'];
  reason: Maybe<Scalars['String']['output']>;
  requested: Scalars['Int']['output'];
  /** The asking store's usable stock and AMC when it asked. */
  stockOnHand: Scalars['Int']['output'];
  /** Of that stock, units that will expire before the asking store can use them. */
  wastedBeforeUse: Scalars['Int']['output'];
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

export type IndicatorDay = {
  /** The day, or the first day of the week within the range. */
  day: Scalars['NaiveDate']['output'];
  figures: IndicatorFigures;
};

export type IndicatorDays = {
  from: Scalars['NaiveDate']['output'];
  placeName: Scalars['String']['output'];
  points: Array<IndicatorDay>;
  to: Scalars['NaiveDate']['output'];
  weekly: Scalars['Boolean']['output'];
};

export type IndicatorDepartment = {
  /** A ward department (medicine, surgery, paediatrics, …), other or unspecified. */
  department: Scalars['String']['output'];
  figures: IndicatorFigures;
};

export type IndicatorFigures = {
  admissions: Scalars['Int']['output'];
  /** Inpatient days per discharge. */
  averageLengthOfStay: Maybe<Scalars['Float']['output']>;
  /** Inpatient days per 100 bed-days (beds × days). */
  bedOccupancyRate: Maybe<Scalars['Float']['output']>;
  /** Discharges per bed. */
  bedTurnover: Maybe<Scalars['Float']['output']>;
  /** Beds of the place's facilities (the registry's counts today). */
  beds: Scalars['Int']['output'];
  /** E-health cards issued, replacements included. */
  cardsIssued: Scalars['Int']['output'];
  /** Days of the period counted (to today for a month still running). */
  days: Scalars['Int']['output'];
  deaths: Scalars['Int']['output'];
  /** Stays ended, however they ended (deaths included). */
  discharges: Scalars['Int']['output'];
  /** Helpline calls received. */
  helplineCalls: Scalars['Int']['output'];
  /** Calls answered, or whose first-response target has passed. */
  helplineDue: Scalars['Int']['output'];
  /** Calls answered within their first-response target. */
  helplineInTarget: Scalars['Int']['output'];
  /** Calls answered within target per 100 calls due (the SLA compliance). */
  helplineInTargetRate: Maybe<Scalars['Float']['output']>;
  /** Households enrolled by a household survey. */
  householdsSurveyed: Scalars['Int']['output'];
  /** Days in hospital of the stays ended in the period. */
  inpatientDays: Scalars['Int']['output'];
  /** Lab results written. */
  labTests: Scalars['Int']['output'];
  /**
   * Hours from a lab order to its result, on average over the results that answer
   * an order.
   */
  labTurnaroundHours: Maybe<Scalars['Float']['output']>;
  /** Deaths per 100 discharges. */
  mortalityRate: Maybe<Scalars['Float']['output']>;
  /** Notifiable cases reported, not discarded. */
  notifiableCases: Scalars['Int']['output'];
  /** Outpatient, emergency and teleconsultation visits begun. */
  opdVisits: Scalars['Int']['output'];
  /**
   * Days the usable oxygen held would last at the day's use, on average over the
   * facility-days reported.
   */
  oxygenDaysOfCover: Maybe<Scalars['Float']['output']>;
  /** People listed in the households surveyed. */
  peopleSurveyed: Scalars['Int']['output'];
  /**
   * People living in the place (the surveillance population of the period's last
   * year); 0 when not known.
   */
  population: Scalars['Int']['output'];
  /** Prescriptions written. */
  prescriptions: Scalars['Int']['output'];
  /** Prescriptions per outpatient visit. */
  prescriptionsPerVisit: Maybe<Scalars['Float']['output']>;
  /** Professionals verified (and still verified), at their current posting. */
  professionalsVerified: Scalars['Int']['output'];
  /** Visits and stays ended by referral elsewhere. */
  referralsOut: Scalars['Int']['output'];
  /** Patients registered (counted at their unit). */
  registrations: Scalars['Int']['output'];
  /** Stock-outs: times a store ran out of an item. */
  stockOuts: Scalars['Int']['output'];
  /** People listed by household surveys per 100 people living in the place. */
  surveyCoverage: Maybe<Scalars['Float']['output']>;
};

export type IndicatorGroup = {
  /** 0-4, 5-14, 15-44, 45-64, 65+ or unknown. */
  ageGroup: Scalars['String']['output'];
  figures: IndicatorFigures;
  /** male, female, other or unknown. */
  sex: Scalars['String']['output'];
};

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

export type IndicatorMonth = {
  figures: IndicatorFigures;
  /** "YYYY-MM". */
  month: Scalars['String']['output'];
};

export type IndicatorPart = {
  figures: IndicatorFigures;
  id: Scalars['ID']['output'];
  /** "unit" or "facility". */
  kind: Scalars['String']['output'];
  /** Every month of the range, for a sparkline. */
  months: Array<IndicatorMonth>;
  name: Scalars['String']['output'];
};

export type IndicatorReport = {
  /**
   * When these figures were worked out from the roll-ups: a place's figures are
   * kept a few seconds (`indicator_cache_secs`) for the many who read them.
   */
  asOf: Scalars['DateTime']['output'];
  /** The department the figures are of; none for all. */
  department: Maybe<Scalars['String']['output']>;
  /** By department, all departments of the period (whatever `department` is). */
  departments: Array<IndicatorDepartment>;
  from: Scalars['String']['output'];
  /** By age group and sex: for a facility, or a unit with no units under it. */
  groups: Array<IndicatorGroup>;
  months: Array<IndicatorMonth>;
  /**
   * The units under the place (districts of a state, blocks of a district…), or
   * the facilities of a place with no units under it.
   */
  parts: Array<IndicatorPart>;
  /** The place's name (empty for a tenant of several top-level units). */
  placeName: Scalars['String']['output'];
  /**
   * When registrations, cards, surveys, calls, verifications, cases, stock-outs
   * and oxygen were last recounted from their records (they lag by up to the
   * recount interval); null before the first recount.
   */
  recountedAt: Maybe<Scalars['DateTime']['output']>;
  to: Scalars['String']['output'];
  totals: IndicatorFigures;
};

/** One record behind a number. */
export type IndicatorRow = {
  day: Scalars['NaiveDate']['output'];
  department: Scalars['String']['output'];
  /** The facility the record is counted at (none for what is counted at a unit). */
  facilityName: Maybe<Scalars['String']['output']>;
  healthId: Maybe<Scalars['String']['output']>;
  /**
   * VISIT, STAY, LAB_RESULT or PRESCRIPTION; for numbers counted from other
   * modules' records REGISTRATION, CARD, HOUSEHOLD, CALL, VERIFICATION, CASE,
   * STOCK_OUT or OXYGEN_DAY.
   */
  kind: Scalars['String']['output'];
  /**
   * What the record is when it is not a patient's: a household's address, a call's
   * category and status, a professional's or a case's name, a stock-out's message,
   * the facility of an oxygen day.
   */
  label: Maybe<Scalars['String']['output']>;
  patientName: Maybe<Scalars['String']['output']>;
  recordId: Scalars['ID']['output'];
  /** How an unidentified patient was described. */
  unidentified: Maybe<Scalars['String']['output']>;
  /** What it counts (1, or days in hospital, or minutes of turnaround). */
  value: Scalars['Int']['output'];
};

export type IndicatorRows = {
  /** @deprecated the place may be a unit: use placeName */
  facilityName: Scalars['String']['output'];
  from: Scalars['NaiveDate']['output'];
  /** The place's name (a facility's, a unit's). */
  placeName: Scalars['String']['output'];
  rows: Array<IndicatorRow>;
  /** The sum of their values: the number on screen. */
  sum: Scalars['Int']['output'];
  /** All the records found (at most 500 are listed). */
  total: Scalars['Int']['output'];
  until: Scalars['NaiveDate']['output'];
};

/** A tenant's inpatient rules. */
export type InpatientSettings = {
  /** Condition entries a day for patients in ICU, HDU and ventilator beds. */
  criticalCarePerDay: Scalars['Int']['output'];
  /** For other critical patients. */
  criticalPerDay: Scalars['Int']['output'];
  /** Deaths entered later than this are flagged on the duty list. */
  deathEntryHours: Scalars['Int']['output'];
  othersPerDay: Scalars['Int']['output'];
  /** 0 while the defaults (the CPMS rule) apply. */
  version: Scalars['Int']['output'];
};

export type IntakeOutputChart = {
  /** Intake less output over the day. */
  balanceMl: Scalars['Int']['output'];
  intakeMl: Scalars['Int']['output'];
  lines: Array<IntakeOutputLine>;
  outputMl: Scalars['Int']['output'];
};

export type IntakeOutputLine = {
  at: Scalars['DateTime']['output'];
  /** Struck out, never deleted. */
  enteredInError: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  intake: Scalars['Boolean']['output'];
  kind: Maybe<FluidKind>;
  note: Maybe<Scalars['String']['output']>;
  volumeMl: Scalars['Int']['output'];
};

export type InvestigationAction = {
  on: Scalars['NaiveDate']['output'];
  recordedAt: Scalars['DateTime']['output'];
  what: Scalars['String']['output'];
};

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

/** One entry of the log, as recorded. */
export type InvestigationLogEntry = {
  detail: Maybe<Scalars['String']['output']>;
  /** action, team_member, sample, sample_result, case_link or status. */
  kind: Scalars['String']['output'];
  on: Scalars['NaiveDate']['output'];
  recordedAt: Scalars['DateTime']['output'];
  text: Scalars['String']['output'];
};

/**
 * A specimen sent, with its latest result (a later result supersedes an earlier one;
 * both stay in the log).
 */
export type InvestigationSample = {
  id: Scalars['ID']['output'];
  lab: Scalars['String']['output'];
  /** positive, negative or inconclusive; none while awaited. */
  result: Maybe<Scalars['String']['output']>;
  resultNote: Maybe<Scalars['String']['output']>;
  resultOn: Maybe<Scalars['NaiveDate']['output']>;
  sentOn: Scalars['NaiveDate']['output'];
  specimen: Scalars['String']['output'];
};

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

/** A client with its secret: shown once, never again (only its hash is kept). */
export type IssuedApiClient = {
  client: ApiClient;
  /** Empty after a revocation. */
  clientSecret: Scalars['String']['output'];
};

export type ItemKind =
  | 'CONSUMABLE'
  | 'MEDICINE'
  | 'REAGENT';

export type KbArticle = {
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  language: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** Pass back as `expectedVersion` to correct the article. */
  version: Scalars['Int']['output'];
};

export type KbArticleInput = {
  body: Scalars['String']['input'];
  language: Scalars['String']['input'];
  tags?: Array<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type KitLine = {
  facilityType: FacilityType;
  item: Maybe<SupplyItem>;
  quantity: Scalars['Int']['output'];
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

export type LabOrderView = {
  clinicalInfo: Maybe<Scalars['String']['output']>;
  priority: LabPriority;
  specimen: Specimen;
  tests: Array<LabTest>;
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

export type LabResultView = {
  conclusion: Maybe<Scalars['String']['output']>;
  measurements: Array<Measurement>;
};

export type LabTest = {
  loinc: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type LabTestInput = {
  loinc?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** Facilities not yet adopted that lack one checklist item. */
export type LackingCount = {
  facilities: Scalars['Int']['output'];
  item: EmrItem;
};

/** Whether a store's balances agree with its ledger. */
export type LedgerCheck = {
  /** Batches whose stock is not the sum of their ledger rows. */
  batchesDisagreeing: Scalars['Int']['output'];
  /** Items whose store total is not the sum of their batches. */
  itemsDisagreeing: Scalars['Int']['output'];
};

export type LedgerEntry = {
  at: Scalars['DateTime']['output'];
  batchBalance: Scalars['Int']['output'];
  batchId: Scalars['ID']['output'];
  by: Scalars['ID']['output'];
  counterpartStoreId: Maybe<Scalars['ID']['output']>;
  documentId: Maybe<Scalars['ID']['output']>;
  documentKind: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  itemBalance: Scalars['Int']['output'];
  kind: MovementKind;
  note: Maybe<Scalars['String']['output']>;
  /** In is positive, out negative. */
  quantity: Scalars['Int']['output'];
  reason: Maybe<AdjustmentReason>;
};

export type LicencesStepInput = {
  biomedicalWasteAuthorisationNumber?: InputMaybe<Scalars['String']['input']>;
  clinicalEstablishmentNumber: Scalars['String']['input'];
  fireNocNumber?: InputMaybe<Scalars['String']['input']>;
  gstin?: InputMaybe<Scalars['String']['input']>;
  pan?: InputMaybe<Scalars['String']['input']>;
  pollutionConsentNumber?: InputMaybe<Scalars['String']['input']>;
};

export type LicencesView = {
  biomedicalWasteAuthorisationNumber: Maybe<Scalars['String']['output']>;
  clinicalEstablishmentNumber: Scalars['String']['output'];
  fireNocNumber: Maybe<Scalars['String']['output']>;
  gstin: Maybe<Scalars['String']['output']>;
  pan: Maybe<Scalars['String']['output']>;
  pollutionConsentNumber: Maybe<Scalars['String']['output']>;
};

export type LifeSupport =
  | 'HIGH_FLOW_NASAL_CANNULA'
  | 'INVASIVE_VENTILATION'
  | 'MASK'
  | 'NASAL_CANNULA'
  | 'NONE'
  | 'NON_INVASIVE_VENTILATION';

export type LifeSupportCount = {
  lifeSupport: Maybe<LifeSupport>;
  patients: Scalars['Int']['output'];
};

export type LiquidDelivery = {
  challan: Maybe<Scalars['String']['output']>;
  quantity: Scalars['Float']['output'];
  sourceId: Scalars['ID']['output'];
  supplier: Scalars['String']['output'];
  tanker: Maybe<Scalars['String']['output']>;
  unit: LiquidUnit;
};

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

export type Me = {
  /** As of when the access token was issued. */
  displayName: Scalars['String']['output'];
  isPlatformAdmin: Scalars['Boolean']['output'];
  /**
   * The secret the web app seals the work kept on this person's phone with (see
   * `PiiKeys::offline_secret`), base64url; null for platform administrators. Never
   * stored by the app: asked for again by every page that opens.
   */
  offlineSecret: Maybe<Scalars['String']['output']>;
  roles: Array<RoleGrant>;
  /** The caller's tenant; null for platform administrators. */
  tenant: Maybe<Tenant>;
  /** The caller's account; null for platform administrators. */
  user: Maybe<User>;
  userId: Scalars['ID']['output'];
};

export type Measurement = {
  /** Computed from the value and the numeric range; null when either is not numeric. */
  abnormal: Maybe<AbnormalFlag>;
  loinc: Maybe<Scalars['String']['output']>;
  referenceHigh: Maybe<Scalars['Float']['output']>;
  referenceLow: Maybe<Scalars['Float']['output']>;
  referenceText: Maybe<Scalars['String']['output']>;
  test: Scalars['String']['output'];
  unit: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type MeasurementInput = {
  loinc?: InputMaybe<Scalars['String']['input']>;
  referenceHigh?: InputMaybe<Scalars['Float']['input']>;
  referenceLow?: InputMaybe<Scalars['Float']['input']>;
  referenceText?: InputMaybe<Scalars['String']['input']>;
  test: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
  value: Scalars['String']['input'];
};

export type MonthUse = {
  /** "2026-11". */
  month: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
};

export type MovementKind =
  | 'ADJUSTMENT'
  | 'DISPENSE'
  | 'ISSUE'
  | 'RECEIPT'
  | 'RETURN'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT';

export type MutationRoot = {
  /**
   * The receiving facility admits the referred patient to one of its free beds
   * (they are discharged as referred where they were).
   */
  acceptReferral: Admission;
  /** Acknowledge an alert, saying what was done (5 to 500 characters). */
  acknowledgeOxygenAlert: OxygenAlert;
  addAttendant: Attendant;
  /** Beds of one type added to a ward, one per label. */
  addBeds: Array<Bed>;
  addBudgetHead: BudgetHead;
  /** A clinician's weekly session at a department (facility or district/state administrators). */
  addClinicSession: ClinicSession;
  /**
   * Record vitals, a diagnosis, a prescription, a lab order or result, a note or a
   * discharge summary in an encounter. Each kind has its treating roles.
   */
  addClinicalEntry: ClinicalEntry;
  /** A day a clinician sees nobody (leave, holiday). */
  addDayOff: Scalars['Boolean']['output'];
  addIntakeOutput: IntakeOutputLine;
  /** Add a cylinder type and the gas a full one holds. */
  addOxygenCylinderType: OxygenCylinderType;
  /** Post a professional at a facility (they may work at several). */
  addPosting: Posting;
  /**
   * Send a place's monthly indicators report to an e-mail address on the first of
   * each month (state administrators).
   */
  addReportRecipient: ReportRecipient;
  /** Add an item to the catalogue (state administrators, state procurement officer). */
  addSupplyItem: SupplyItem;
  addTicketNote: Ticket;
  /** Correct a batch's stock with a reason. */
  adjustStock: PostedMovement;
  /** Admit to a free bed: `CONFLICT` when the bed was taken (it says by what). */
  admitPatient: Admission;
  /**
   * Approve: the facility joins the registry (private, with its beds) and the
   * applicant becomes its `facility_admin`.
   */
  approveHospitalApplication: HospitalApplication;
  /** Book a free slot: `CONFLICT` when someone else has just booked it. */
  bookAppointment: Appointment;
  cancelAppointment: Appointment;
  /** Give up the bed held for the patient; false if none was held. */
  cancelBedReservation: Scalars['Boolean']['output'];
  /** The facility says the delivery will not come. */
  cancelOxygenDelivery: OxygenDelivery;
  /**
   * Change an item's status (functional, under repair, condemned), with a note and
   * the date of maintenance if it was serviced.
   */
  changeEquipmentStatus: EquipmentItem;
  /**
   * Move an investigation on: open → investigating → contained → closed (contained
   * back to investigating when cases rise again). Closing needs the final report.
   * The place's officers and the state cell are e-mailed.
   */
  changeInvestigationStatus: OutbreakInvestigation;
  /** Change your own password. Ends all your sessions: log in again afterwards. */
  changePassword: Scalars['Boolean']['output'];
  /**
   * Change a case: discard it (or take it back), its outcome, its onset, the patient it
   * is. The surveillance officer of the case's place; the weekly counts follow.
   */
  changeSurveillanceCase: SurveillanceCase;
  /**
   * Close the register (`CLOSED`: the trainer or an administrator, once the training
   * has begun) or cancel the training (`CANCELLED`: an administrator, with the reason).
   */
  changeTrainingStatus: TrainingRegister;
  closeTicket: Ticket;
  /**
   * After uploading: the server reads the object and checks its size, SHA-256 and
   * real type. The document comes back `AVAILABLE`, or `REJECTED` with the reason.
   */
  confirmUpload: Document;
  /**
   * Correct an entry: the corrected details become a new version; earlier versions
   * stay in its history. `expectedVersion` guards against concurrent edits.
   */
  correctClinicalEntry: ClinicalEntry;
  /** Correct a reading: a new version with the reason; the earlier one is kept. */
  correctOxygenReading: OxygenReading;
  createAdminUnit: AdminUnit;
  /** Create a machine client; its secret is in the answer, and nowhere else. */
  createApiClient: IssuedApiClient;
  createFacility: Facility;
  /** Start an application (a draft, saved step by step). */
  createHospitalApplication: HospitalApplication;
  createHousehold: Household;
  /** Write a knowledge-base article (helpline doctors, state administrators). */
  createKbArticle: KbArticle;
  /** A new entry, `PENDING` verification. */
  createProfessional: Professional;
  /** Set up a store in the hierarchy. */
  createStore: Store;
  /** Create a state or district tenant, optionally with its first administrator. */
  createTenant: Tenant;
  createUser: User;
  createWard: Ward;
  /**
   * Record a round's decision and winners, once (state administrators). Winners
   * are hospitals ranked in the frozen result.
   */
  decideAwardRound: AwardRound;
  /** Approve an indent's lines in full, in part or not at all (the store above). */
  decideIndent: Indent;
  /** Approve (posting every difference as an adjustment) or send back with a note. */
  decideStockCount: StockCount;
  /** Declare one of a facility's oxygen sources. */
  declareOxygenSource: OxygenSource;
  declineReferral: Referral;
  /** Define a buffer-stock list: what each type of facility should hold. */
  defineBufferKit: BufferKit;
  /**
   * Withdraw a document from an application still being edited (kept until the
   * retention period ends, then destroyed).
   */
  deleteDocument: Document;
  dischargePatient: Admission;
  /**
   * Send help for an emergency on a ticket you work at tier 2. The nearest
   * facilities that receive emergencies are suggested from the registry.
   */
  dispatchEmergency: EmergencyDispatch;
  /**
   * Record a delivery on its way to a facility; it counts towards the facility's
   * time to empty from when it is expected.
   */
  dispatchOxygenDelivery: OxygenDelivery;
  /** Dispense against a prescription, line by line. */
  dispensePrescription: Array<Dispense>;
  /** Over-the-counter items to someone without a prescription. */
  dispenseWalkIn: Array<Dispense>;
  /** Set the last day of a posting. */
  endPosting: Posting;
  /** Enrol a household member: registered (with duplicate detection) and given a card. */
  enrollHouseholdMember: Registration;
  /** Hand a ticket to tier 2 (the doctors). */
  escalateTicket: Ticket;
  /** Public, no sign-in: the patient's condition, once, for a right code. */
  familyStatus: FamilyStatus;
  /**
   * Freeze a scorecard's ranking as an award round (state administrators): the
   * rules, every hospital's counts and the result are kept unchanged from now on.
   */
  freezeAwardRound: AwardRound;
  grantRole: User;
  /** An unidentified patient turns out to be a registered one. */
  identifyAdmittedPatient: Admission;
  /**
   * Update facilities' EMR readiness from a sheet (state and district
   * administrators, within their reach). Each facility changed gets a row of
   * history under the caller's name.
   */
  importEmrReadiness: EmrReadinessImport;
  /** Import facilities from CSV (columns in `docs/samples/facilities.csv`). */
  importFacilities: ImportReport;
  /** Import professionals from CSV (columns in `docs/samples/professionals.csv`). */
  importProfessionals: ImportReport;
  /**
   * Import a household survey spreadsheet (columns in `docs/samples/survey.csv`):
   * one person per row, grouped by `household`. Nothing is imported when a row is
   * invalid, unless `skipInvalid`.
   */
  importSurvey: SurveyImportReport;
  /** Strike out a wrong line (it stays on the chart, marked). */
  intakeOutputEnteredInError: Scalars['Boolean']['output'];
  issueCard: Card;
  /** Issue an approved indent from the store above, onto its voucher. */
  issueIndent: Indent;
  /**
   * Issue stock out of the stores, first-expiry-first-out unless batches are named
   * with a reason. One movement per batch taken.
   */
  issueStock: Array<PostedMovement>;
  /** Record the knowledge-base article used to answer. */
  linkKbArticle: Ticket;
  /**
   * Link the entry to a user account (null unlinks), so that a doctor's login knows
   * which professional they are.
   */
  linkProfessionalUser: Professional;
  /** Log a call or message (operators and helpline doctors). */
  logCall: Ticket;
  /**
   * Log in. Repeated failures are throttled (`RATE_LIMITED`); the error never says
   * whether the tenant or account exists.
   */
  login: AuthPayload;
  /** End the session of this refresh token. Always true, so it tells nothing. */
  logout: Scalars['Boolean']['output'];
  /** Mark a dose given, held, refused or not available (a due dose once; correct to change). */
  markDose: DoseMark;
  /** Entries are never deleted: mark one entered in error, saying why. */
  markEnteredInError: ClinicalEntry;
  /**
   * Mark a day of the register (the trainer or an administrator). Each mark names
   * the cell's version it changes: a cell marked differently meanwhile is a
   * `CONFLICT` and nothing of the submission is written. Marks the cell already
   * has change nothing. Send it with an `Idempotency-Key`, as a queued phone does.
   */
  markTrainingAttendance: TrainingRegister;
  /**
   * Merge `mergedId` into `survivorId` (administrators). `expectedVersion` is the
   * merged record's version.
   */
  mergePatients: Patient;
  /** Nominate professionals of the registry; those already nominated stay as they are. */
  nominateTrainees: TrainingRegister;
  /** Place a procurement order (state administrators and the state's oxygen cell). */
  placeEquipmentOrder: EquipmentOrder;
  /** Order from a supplier against a budget head of this financial year. */
  placePurchaseOrder: PurchaseOrder;
  /** Ask the store above for stock. */
  raiseIndent: Indent;
  reactivateTenant: Tenant;
  /** The incoming nurse signs the handover. */
  receiveHandover: Handover;
  /** Record what arrived of an issued indent (the asking store). */
  receiveIndent: Indent;
  /** The receiving facility confirms what arrived. */
  receiveOxygenDelivery: OxygenDelivery;
  /** Record goods received against an order (in part or whole; rejected with a reason). */
  receivePurchaseOrder: PurchaseOrder;
  /** Receive a batch into a store (from a supplier, or opening stock). */
  receiveStock: PostedMovement;
  /** Record the condition (rounds, or a change): appended, never edited. */
  recordCondition: ConditionEntry;
  /**
   * Add to an investigation: an action taken (the first stops the response clock), a
   * team member, a sample sent, a sample's result, or a linked case. Entries are kept
   * as written. The place's surveillance officer; audited.
   */
  recordInvestigationEntry: OutbreakInvestigation;
  /**
   * Enter a reading in a facility's daily register. Consumption is worked out, not
   * typed: give the gauges, the counts, and what arrived.
   */
  recordOxygenReading: OxygenReading;
  /** Enter counts on an open sheet. */
  recordStockCounts: StockCount;
  /**
   * Record the teleconsultation of a ticket you work at tier 2. With a known patient
   * it becomes a finished teleconsultation encounter with your consultation note in
   * their record: you must be a verified doctor of the registry, posted at the
   * facility it is recorded at.
   */
  recordTeleconsultation: TeleconsultationRecorded;
  /**
   * Count a past day's census again (state and district administrators); returns
   * the number of wards counted. The server counts yesterday by itself.
   */
  recountCensus: Scalars['Int']['output'];
  /** Refer an admitted patient to another facility; they keep their bed until it answers. */
  referPatient: Referral;
  /**
   * Exchange a refresh token for new tokens. Each refresh token works once; using
   * one twice ends the session.
   */
  refreshToken: AuthPayload;
  /** Register a piece of equipment at a facility (against an order, if it came on one). */
  registerEquipment: EquipmentItem;
  /**
   * Register a patient. When likely duplicates exist and `confirmNotDuplicate` is
   * not set, nothing is created and the candidates are returned.
   */
  registerPatient: Registration;
  /** A new card for a lost or damaged one; the old card is marked replaced. */
  reissueCard: Card;
  rejectHospitalApplication: HospitalApplication;
  /** `PENDING` → `REJECTED`, saying why. */
  rejectProfessional: Professional;
  /** No more status codes go to this attendant. */
  removeAttendant: Scalars['Boolean']['output'];
  /** Stop sending the monthly report to a recipient (state administrators). */
  removeReportRecipient: Scalars['Boolean']['output'];
  /** Reopen a resolved or closed ticket within 72 hours of its resolution. */
  reopenTicket: Ticket;
  /**
   * Report a case from the field (level S), for a person who may not be registered.
   * Accepts the phone's own id for reports made offline.
   */
  reportFieldCase: SurveillanceCase;
  /** Send a submitted application back with comments on fields or documents. */
  requestApplicationChanges: HospitalApplication;
  /**
   * Public, no sign-in: ask for a code to see a patient's condition. It goes only
   * to the attendants the ward registered; the answer is the same either way.
   */
  requestFamilyCode: FamilyCodeRequest;
  /**
   * Open an upload slot: PUT the file's bytes to `upload.url` with `upload.headers`,
   * then call `confirmUpload`. Slots not confirmed in time expire and are removed.
   */
  requestUpload: UploadSlot;
  rescheduleAppointment: Appointment;
  /** Send another code (the previous one stops working). */
  resendSignupCode: SignupCode;
  /**
   * Hold a free bed of the facility for the patient until they are transferred
   * into it (a bed held before for them is given up). The bed counts as reserved.
   */
  reserveBed: BedReservation;
  /** Set a new password for a user of your tenant. Their sessions end. */
  resetUserPassword: Scalars['Boolean']['output'];
  resolveTicket: Ticket;
  /** `REJECTED` → `PENDING`, after the entry has been put right. */
  resubmitProfessional: Professional;
  /**
   * Give a batch back to the store above: near expiry, excess, expired (for
   * disposal), recalled or damaged. Out of one store and into the other at once.
   */
  returnStock: StockReturn;
  /** Mark a break-glass opening as reviewed (state and district administrators). */
  reviewBreakGlassAccess: RecordAccess;
  /** End a client: its tokens stop working now and no new one is issued. */
  revokeApiClient: ApiClient;
  /** Revoke a card (administrators). */
  revokeCard: Card;
  revokeRole: User;
  /** A new secret; the old one and every token it got stop working now. */
  rotateApiClientSecret: IssuedApiClient;
  /** Save one step of a draft (or of an application sent back for changes). */
  saveApplicationStep: HospitalApplication;
  /**
   * Save a hospital scorecard (state administrators): a new one, or a new version
   * of one over the version the caller saw.
   */
  saveScorecard: Scorecard;
  /**
   * Schedule a training at a facility: state administrators anywhere, district
   * administrators in their district, facility administrators at their facility.
   */
  scheduleTraining: TrainingSession;
  /** Send a code to the attendant's phone, to prove the number on the spot. */
  sendAttendantCode: Scalars['DateTime']['output'];
  /**
   * Send a code to prove an e-mail address (the one given, or the account's). An
   * application is submitted only once its applicant's address is proved.
   */
  sendEmailCode: EmailVerification;
  /**
   * Send a facility's weekly report (its cases counted now; none is a nil report).
   * Sending again corrects it; the first sending decides whether it was on time
   * (by the end of the Monday after the week, IST).
   */
  sendWeeklyReport: WeeklyReportSent;
  /**
   * Available, busy or away, and the languages you take calls in. Waiting tickets go
   * to free agents of their tier and language automatically, most urgent and oldest
   * first; becoming available brings the next one at once.
   */
  setAgentPresence: PresenceChange;
  /**
   * Replace a condition's alert rules (an empty list goes back to IDSP's defaults;
   * the old set is kept, retired). State administrators and the state surveillance
   * cell; audited with before and after.
   */
  setAlertRules: AlertRuleSet;
  /** Put a batch on hold or release it, with its quality-test status. */
  setBatchQuality: SupplyBatch;
  /** Cleaning done, isolating, closing (with a reason): occupancy is not set here. */
  setBedHousekeeping: Bed;
  /** Record that a card was printed or delivered. */
  setCardDelivery: Card;
  /**
   * Map a place, a condition's measure, or an age group and sex to a DHIS2
   * identifier; change it (with the version read) or clear it (`dhis2Id` null).
   * Returns the mapping, or null once cleared. Audited with before and after.
   */
  setDhis2Mapping: Maybe<Dhis2Mapping>;
  /**
   * Set the date by which every facility should keep electronic records (state
   * administrators). Each change is a new version.
   */
  setEmrDeadline: EmrDeadline;
  /** Set a category's SLA targets (state administrators). */
  setHelplineSla: Scalars['Boolean']['output'];
  /**
   * State administrators set how often conditions are recorded and how late a death
   * may be entered.
   */
  setInpatientSettings: InpatientSettings;
  /** Set the tenant's oxygen rules (state administrators and the state's oxygen cell). */
  setOxygenRules: OxygenRules;
  /** Change a store's planning thresholds. */
  setStoreSettings: Store;
  /**
   * Set a place's population for a year, the denominator of rate rules (a change
   * needs the version read).
   */
  setUnitPopulation: UnitPopulation;
  /** Open an encounter at one of the caller's facilities (doctors and nurses). */
  startEncounter: ClinicalEntry;
  /**
   * A hospital's representative starts signing up (no account needed): a six-digit
   * code goes to the phone. Codes expire, and only a few are sent per phone per
   * quarter hour (`RATE_LIMITED` says when to try again).
   */
  startHospitalSignup: SignupCode;
  /** Draw up a count sheet of every batch the store's books hold. */
  startStockCount: StockCount;
  /**
   * Submit for review. Refused (`VALIDATION`, naming what is missing) until every
   * step is filled and every required document is available.
   */
  submitHospitalApplication: HospitalApplication;
  /** Hand a fully counted sheet over for approval. */
  submitStockCount: StockCount;
  /**
   * Suspend a tenant: its users can no longer log in or use their tokens.
   * Suspend a tenant: its users can no longer sign in or call the API. The reason
   * (5 to 500 characters) is kept in the tenant's audit trail.
   */
  suspendTenant: Tenant;
  /** Start working a ticket of your tier (it becomes yours). */
  takeTicket: Ticket;
  /** Move to another bed of the facility; the old bed goes for cleaning. */
  transferPatient: Admission;
  /** Give a ticket being worked to another agent of its tier. */
  transferTicket: Ticket;
  /** Undo a merge (administrators). */
  unmergePatient: Patient;
  updateAdminUnit: AdminUnit;
  /** Help arrived, or the dispatch is closed. */
  updateDispatchStatus: EmergencyDispatch;
  /**
   * Set the tenant's accepted file types and the documents hospitals must provide
   * (state administrators).
   */
  updateDocumentSettings: DocumentSettings;
  /** Finish or cancel an encounter, or correct its fields (a new version). */
  updateEncounter: ClinicalEntry;
  /** Replace a facility's details (send them all), if you saw its latest version. */
  updateFacility: Facility;
  /**
   * Correct an article (the same writers); a stale `expectedVersion` gets `CONFLICT`.
   * The audit trail keeps what it said before.
   */
  updateKbArticle: KbArticle;
  /**
   * Change a notifiable condition: its codes, case definitions, episode length, or
   * whether it is watched. State administrators and the state surveillance cell.
   */
  updateNotifiableCondition: NotifiableCondition;
  /** Change a source, or retire it (`active: false`). */
  updateOxygenSource: OxygenSource;
  /**
   * Correct a patient's details. Pass the `version` you read as `expectedVersion`;
   * leave `nationalId` out to keep the one on record.
   */
  updatePatient: Patient;
  /** Replace the details; the entry goes back to `PENDING` verification. */
  updateProfessional: Professional;
  /** Change an account's name, e-mail or active state. Disabling ends its sessions. */
  updateUser: User;
  verifyAttendant: Attendant;
  /** The code from the e-mail: the address is proved and becomes the account's. */
  verifyEmail: EmailVerification;
  /**
   * The code from the phone and a password: makes the applicant account (signed in
   * from now on with the mobile number or e-mail address) and signs it in.
   */
  verifyHospitalSignup: AuthPayload;
  /**
   * `PENDING` → `VERIFIED`.
   * `PENDING` → `VERIFIED`; `note` (what was checked, 5 to 500 characters) goes to
   * the audit trail.
   */
  verifyProfessional: Professional;
  /**
   * Say whether an alert is a true signal (an outbreak to look into; its weeks leave
   * future baselines) or not, with what was checked. The place's surveillance officer.
   */
  verifySurveillanceAlert: SurveillanceAlert;
  /**
   * The applicant takes an application back (draft, submitted or sent back for
   * changes). Its documents are deleted, kept until the retention period ends.
   */
  withdrawHospitalApplication: HospitalApplication;
  /** The outgoing nurse writes the shift's handover: who is critical, what is pending. */
  writeHandover: Handover;
};


export type MutationRootAcceptReferralArgs = {
  admittingProfessionalId: Scalars['ID']['input'];
  bedId: Scalars['ID']['input'];
  referralId: Scalars['ID']['input'];
};


export type MutationRootAcknowledgeOxygenAlertArgs = {
  actionTaken: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootAddAttendantArgs = {
  admissionId: Scalars['ID']['input'];
  input: AttendantInput;
};


export type MutationRootAddBedsArgs = {
  bedType: BedType;
  labels: Array<Scalars['String']['input']>;
  wardId: Scalars['ID']['input'];
};


export type MutationRootAddBudgetHeadArgs = {
  input: BudgetHeadInput;
};


export type MutationRootAddClinicSessionArgs = {
  input: ClinicSessionInput;
};


export type MutationRootAddClinicalEntryArgs = {
  encounterId: Scalars['ID']['input'];
  entry: ClinicalEntryInput;
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationRootAddDayOffArgs = {
  day: Scalars['NaiveDate']['input'];
  facilityId: Scalars['ID']['input'];
  professionalId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRootAddIntakeOutputArgs = {
  admissionId: Scalars['ID']['input'];
  at?: InputMaybe<Scalars['DateTime']['input']>;
  kind: FluidKind;
  note?: InputMaybe<Scalars['String']['input']>;
  volumeMl: Scalars['Int']['input'];
};


export type MutationRootAddOxygenCylinderTypeArgs = {
  input: OxygenCylinderTypeInput;
};


export type MutationRootAddPostingArgs = {
  posting: PostingInput;
  professionalId: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootAddReportRecipientArgs = {
  input: AddReportRecipientInput;
};


export type MutationRootAddSupplyItemArgs = {
  input: SupplyItemInput;
};


export type MutationRootAddTicketNoteArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRootAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationRootAdmitPatientArgs = {
  input: AdmitInput;
};


export type MutationRootApproveHospitalApplicationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootBookAppointmentArgs = {
  input: BookAppointmentInput;
};


export type MutationRootCancelAppointmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRootCancelBedReservationArgs = {
  admissionId: Scalars['ID']['input'];
};


export type MutationRootCancelOxygenDeliveryArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationRootChangeEquipmentStatusArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  maintainedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  status: EquipmentStatus;
};


export type MutationRootChangeInvestigationStatusArgs = {
  expectedVersion: Scalars['Int']['input'];
  finalReport?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  note?: Scalars['String']['input'];
  status: InvestigationStatus;
};


export type MutationRootChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationRootChangeSurveillanceCaseArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: CaseChangeInput;
};


export type MutationRootChangeTrainingStatusArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  status: TrainingStatus;
};


export type MutationRootCloseTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootConfirmUploadArgs = {
  documentId: Scalars['ID']['input'];
  sha256: Scalars['String']['input'];
};


export type MutationRootCorrectClinicalEntryArgs = {
  entry: ClinicalEntryInput;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootCorrectOxygenReadingArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  readingAt: Scalars['DateTime']['input'];
  readings: OxygenReadingsInput;
  reason: Scalars['String']['input'];
};


export type MutationRootCreateAdminUnitArgs = {
  input: CreateAdminUnitInput;
};


export type MutationRootCreateApiClientArgs = {
  input: CreateApiClientInput;
};


export type MutationRootCreateFacilityArgs = {
  input: CreateFacilityInput;
};


export type MutationRootCreateHouseholdArgs = {
  input: HouseholdInput;
};


export type MutationRootCreateKbArticleArgs = {
  input: KbArticleInput;
};


export type MutationRootCreateProfessionalArgs = {
  input: CreateProfessionalInput;
};


export type MutationRootCreateStoreArgs = {
  input: StoreInput;
};


export type MutationRootCreateTenantArgs = {
  input: CreateTenantInput;
};


export type MutationRootCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationRootCreateWardArgs = {
  input: WardInput;
};


export type MutationRootDecideAwardRoundArgs = {
  input: DecideAwardRoundInput;
};


export type MutationRootDecideIndentArgs = {
  input: DecideIndentInput;
};


export type MutationRootDecideStockCountArgs = {
  approve: Scalars['Boolean']['input'];
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootDeclareOxygenSourceArgs = {
  facilityId: Scalars['ID']['input'];
  input: OxygenSourceInput;
};


export type MutationRootDeclineReferralArgs = {
  note: Scalars['String']['input'];
  referralId: Scalars['ID']['input'];
};


export type MutationRootDefineBufferKitArgs = {
  input: BufferKitInput;
};


export type MutationRootDeleteDocumentArgs = {
  documentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationRootDischargePatientArgs = {
  input: DischargeInput;
};


export type MutationRootDispatchEmergencyArgs = {
  input: DispatchEmergencyInput;
};


export type MutationRootDispatchOxygenDeliveryArgs = {
  facilityId: Scalars['ID']['input'];
  input: OxygenDispatchInput;
};


export type MutationRootDispensePrescriptionArgs = {
  input: DispenseInput;
};


export type MutationRootDispenseWalkInArgs = {
  input: WalkInInput;
};


export type MutationRootEndPostingArgs = {
  postingId: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['NaiveDate']['input'];
};


export type MutationRootEnrollHouseholdMemberArgs = {
  confirmNotDuplicate?: InputMaybe<Scalars['Boolean']['input']>;
  head?: InputMaybe<Scalars['Boolean']['input']>;
  householdId: Scalars['ID']['input'];
  patient: PatientInput;
};


export type MutationRootEscalateTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootFamilyStatusArgs = {
  code: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
  tenantCode: Scalars['String']['input'];
};


export type MutationRootFreezeAwardRoundArgs = {
  input: FreezeAwardRoundInput;
};


export type MutationRootGrantRoleArgs = {
  grant: RoleGrantInput;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationRootIdentifyAdmittedPatientArgs = {
  admissionId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  healthId: Scalars['String']['input'];
};


export type MutationRootImportEmrReadinessArgs = {
  input: ImportEmrReadinessInput;
};


export type MutationRootImportFacilitiesArgs = {
  csv: Scalars['String']['input'];
  skipInvalid?: Scalars['Boolean']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootImportProfessionalsArgs = {
  csv: Scalars['String']['input'];
  skipInvalid?: Scalars['Boolean']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootImportSurveyArgs = {
  csv: Scalars['String']['input'];
  skipInvalid?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRootIntakeOutputEnteredInErrorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRootIssueCardArgs = {
  patientId: Scalars['ID']['input'];
};


export type MutationRootIssueIndentArgs = {
  expectedVersion: Scalars['Int']['input'];
  indentId: Scalars['ID']['input'];
};


export type MutationRootIssueStockArgs = {
  input: IssueStockInput;
};


export type MutationRootLinkKbArticleArgs = {
  articleId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootLinkProfessionalUserArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootLogCallArgs = {
  input: LogCallInput;
};


export type MutationRootLoginArgs = {
  input: LoginInput;
};


export type MutationRootLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRootMarkDoseArgs = {
  input: DoseMarkInput;
};


export type MutationRootMarkEnteredInErrorArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRootMarkTrainingAttendanceArgs = {
  input: MarkAttendanceInput;
};


export type MutationRootMergePatientsArgs = {
  expectedVersion: Scalars['Int']['input'];
  mergedId: Scalars['ID']['input'];
  survivorId: Scalars['ID']['input'];
};


export type MutationRootNominateTraineesArgs = {
  professionalIds: Array<Scalars['ID']['input']>;
  sessionId: Scalars['ID']['input'];
};


export type MutationRootPlaceEquipmentOrderArgs = {
  input: EquipmentOrderInput;
};


export type MutationRootPlacePurchaseOrderArgs = {
  input: PurchaseOrderInput;
};


export type MutationRootRaiseIndentArgs = {
  input: RaiseIndentInput;
};


export type MutationRootReactivateTenantArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootReceiveHandoverArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRootReceiveIndentArgs = {
  input: ReceiveIndentInput;
};


export type MutationRootReceiveOxygenDeliveryArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  receivedQuantity: Scalars['Float']['input'];
};


export type MutationRootReceivePurchaseOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  lines: Array<GoodsInInput>;
  orderId: Scalars['ID']['input'];
};


export type MutationRootReceiveStockArgs = {
  input: ReceiveStockInput;
};


export type MutationRootRecordConditionArgs = {
  input: ConditionInput;
};


export type MutationRootRecordInvestigationEntryArgs = {
  id: Scalars['ID']['input'];
  input: InvestigationEntryInput;
};


export type MutationRootRecordOxygenReadingArgs = {
  facilityId: Scalars['ID']['input'];
  readingAt: Scalars['DateTime']['input'];
  readings: OxygenReadingsInput;
};


export type MutationRootRecordStockCountsArgs = {
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  lines: Array<CountedInput>;
};


export type MutationRootRecordTeleconsultationArgs = {
  input: RecordTeleconsultationInput;
};


export type MutationRootRecountCensusArgs = {
  day: Scalars['NaiveDate']['input'];
};


export type MutationRootReferPatientArgs = {
  admissionId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  toFacilityId: Scalars['ID']['input'];
};


export type MutationRootRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRootRegisterEquipmentArgs = {
  facilityId: Scalars['ID']['input'];
  input: EquipmentInput;
};


export type MutationRootRegisterPatientArgs = {
  confirmNotDuplicate?: InputMaybe<Scalars['Boolean']['input']>;
  input: PatientInput;
};


export type MutationRootReissueCardArgs = {
  cardId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason: ReissueReason;
};


export type MutationRootRejectHospitalApplicationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRootRejectProfessionalArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootRemoveAttendantArgs = {
  attendantId: Scalars['ID']['input'];
};


export type MutationRootRemoveReportRecipientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRootReopenTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootReportFieldCaseArgs = {
  input: FieldCaseInput;
};


export type MutationRootRequestApplicationChangesArgs = {
  input: RequestApplicationChangesInput;
};


export type MutationRootRequestFamilyCodeArgs = {
  lookup: FamilyLookupInput;
  tenantCode: Scalars['String']['input'];
};


export type MutationRootRequestUploadArgs = {
  input: RequestUploadInput;
};


export type MutationRootRescheduleAppointmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  start: Scalars['DateTime']['input'];
};


export type MutationRootResendSignupCodeArgs = {
  signupId: Scalars['ID']['input'];
  tenantCode: Scalars['String']['input'];
};


export type MutationRootReserveBedArgs = {
  admissionId: Scalars['ID']['input'];
  bedId: Scalars['ID']['input'];
};


export type MutationRootResetUserPasswordArgs = {
  newPassword: Scalars['String']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationRootResolveTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootResubmitProfessionalArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootReturnStockArgs = {
  input: ReturnStockInput;
};


export type MutationRootReviewBreakGlassAccessArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootRevokeApiClientArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootRevokeCardArgs = {
  cardId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRootRevokeRoleArgs = {
  grant: RoleGrantInput;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationRootRotateApiClientSecretArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootSaveApplicationStepArgs = {
  input: SaveApplicationStepInput;
};


export type MutationRootSaveScorecardArgs = {
  input: SaveScorecardInput;
};


export type MutationRootScheduleTrainingArgs = {
  input: ScheduleTrainingInput;
};


export type MutationRootSendAttendantCodeArgs = {
  attendantId: Scalars['ID']['input'];
};


export type MutationRootSendEmailCodeArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootSendWeeklyReportArgs = {
  facilityId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  week: Scalars['String']['input'];
};


export type MutationRootSetAgentPresenceArgs = {
  languages: Array<Scalars['String']['input']>;
  status: PresenceStatus;
};


export type MutationRootSetAlertRulesArgs = {
  conditionId: Scalars['ID']['input'];
  rules: Array<AlertRuleInput>;
};


export type MutationRootSetBatchQualityArgs = {
  batchId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  onHold: Scalars['Boolean']['input'];
  qualityStatus: QualityStatus;
};


export type MutationRootSetBedHousekeepingArgs = {
  bedId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  housekeeping: BedHousekeeping;
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootSetCardDeliveryArgs = {
  cardId: Scalars['ID']['input'];
  delivery: CardDelivery;
};


export type MutationRootSetDhis2MappingArgs = {
  input: Dhis2MappingInput;
};


export type MutationRootSetEmrDeadlineArgs = {
  input: SetEmrDeadlineInput;
};


export type MutationRootSetHelplineSlaArgs = {
  category: TicketCategory;
  firstResponseMinutes: Scalars['Int']['input'];
  resolutionMinutes: Scalars['Int']['input'];
};


export type MutationRootSetInpatientSettingsArgs = {
  criticalCarePerDay: Scalars['Int']['input'];
  criticalPerDay: Scalars['Int']['input'];
  deathEntryHours: Scalars['Int']['input'];
  othersPerDay: Scalars['Int']['input'];
};


export type MutationRootSetOxygenRulesArgs = {
  input: OxygenRulesInput;
};


export type MutationRootSetStoreSettingsArgs = {
  expectedVersion: Scalars['Int']['input'];
  settings: StoreSettingsInput;
  storeId: Scalars['ID']['input'];
};


export type MutationRootSetUnitPopulationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  population: Scalars['Int']['input'];
  unitId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


export type MutationRootStartEncounterArgs = {
  input: StartEncounterInput;
};


export type MutationRootStartHospitalSignupArgs = {
  input: StartHospitalSignupInput;
};


export type MutationRootStartStockCountArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  storeId: Scalars['ID']['input'];
};


export type MutationRootSubmitHospitalApplicationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootSubmitStockCountArgs = {
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationRootSuspendTenantArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootTakeTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootTransferPatientArgs = {
  admissionId: Scalars['ID']['input'];
  bedId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationRootTransferTicketArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  toUserId: Scalars['ID']['input'];
};


export type MutationRootUnmergePatientArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRootUpdateAdminUnitArgs = {
  input: UpdateAdminUnitInput;
};


export type MutationRootUpdateDispatchStatusArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: DispatchStatus;
};


export type MutationRootUpdateDocumentSettingsArgs = {
  allowedTypes: Array<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  requiredDocuments: Array<DocumentPurpose>;
};


export type MutationRootUpdateEncounterArgs = {
  input: UpdateEncounterInput;
};


export type MutationRootUpdateFacilityArgs = {
  input: UpdateFacilityInput;
};


export type MutationRootUpdateKbArticleArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: KbArticleInput;
};


export type MutationRootUpdateNotifiableConditionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: NotifiableConditionInput;
};


export type MutationRootUpdateOxygenSourceArgs = {
  active?: Scalars['Boolean']['input'];
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: OxygenSourceInput;
};


export type MutationRootUpdatePatientArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: PatientInput;
};


export type MutationRootUpdateProfessionalArgs = {
  input: UpdateProfessionalInput;
};


export type MutationRootUpdateUserArgs = {
  input: UpdateUserInput;
};


export type MutationRootVerifyAttendantArgs = {
  attendantId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationRootVerifyEmailArgs = {
  code: Scalars['String']['input'];
};


export type MutationRootVerifyHospitalSignupArgs = {
  input: VerifyHospitalSignupInput;
};


export type MutationRootVerifyProfessionalArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRootVerifySurveillanceAlertArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
  trueSignal: Scalars['Boolean']['input'];
};


export type MutationRootWithdrawHospitalApplicationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRootWriteHandoverArgs = {
  day: Scalars['NaiveDate']['input'];
  pendingTasks?: InputMaybe<Scalars['String']['input']>;
  shift: NursingShift;
  summary: Scalars['String']['input'];
  wardId: Scalars['ID']['input'];
};

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

export type NoteView = {
  category: NoteCategory;
  text: Scalars['String']['output'];
};

export type NotifiableCondition = {
  active: Scalars['Boolean']['output'];
  /** Stable short code (`DENGUE`). */
  code: Scalars['String']['output'];
  /** Case definition at level L. */
  confirmed: Scalars['String']['output'];
  /** Diagnoses within this many days of a case's onset are the same episode. */
  episodeDays: Scalars['Int']['output'];
  /** ICD-10 codes or categories whose diagnosis makes a presumptive case. */
  icd10: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** LOINC codes of tests whose positive result confirms a case. */
  loinc: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Case definition at level P. */
  presumptive: Scalars['String']['output'];
  /** Case definition at level S. */
  syndromic: Scalars['String']['output'];
  version: Scalars['Int']['output'];
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

export type Occupancy = {
  rows: Array<OccupancyRow>;
  total: BedCounts;
};

/** What occupancy is grouped by. */
export type OccupancyGrouping =
  | 'DISTRICT'
  | 'FACILITY';

export type OccupancyHistory = {
  /** Whole days from admission to discharge (a same-day stay is one), averaged. */
  averageLengthOfStayDays: Maybe<Scalars['Float']['output']>;
  /** Discharges per bed over the period. */
  bedTurnover: Maybe<Scalars['Float']['output']>;
  /** From the kept daily snapshots, by day and bed type. */
  days: Array<DailyBeds>;
  /** Admissions that ended in the period. */
  discharges: Scalars['Int']['output'];
};

export type OccupancyRow = {
  bedType: BedType;
  counts: BedCounts;
  /** The district's or facility's id. */
  key: Maybe<Scalars['ID']['output']>;
  name: Maybe<Scalars['String']['output']>;
};

export type OperationalStatus =
  | 'CLOSED'
  | 'NON_OPERATIONAL'
  | 'OPERATIONAL';

export type OrderLine = {
  accepted: Scalars['Int']['output'];
  itemId: Scalars['ID']['output'];
  outstanding: Scalars['Int']['output'];
  quantity: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  unitPricePaise: Scalars['Int']['output'];
};

export type OrderLineInput = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  unitPricePaise: Scalars['Int']['input'];
};

export type OutbreakInvestigation = {
  actions: Array<InvestigationAction>;
  alertId: Scalars['ID']['output'];
  /** The cases taken as part of the outbreak (names: the place's surveillance officers). */
  cases: Array<SurveillanceCase>;
  closedAt: Maybe<Scalars['DateTime']['output']>;
  condition: Scalars['String']['output'];
  finalReport: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Every entry, oldest first. */
  log: Array<InvestigationLogEntry>;
  raisedAt: Scalars['DateTime']['output'];
  /** When the first action was recorded. */
  respondedAt: Maybe<Scalars['DateTime']['output']>;
  /** From verification to the first action in the field (target 24 hours). */
  responseClock: ResponseClock;
  samples: Array<InvestigationSample>;
  status: InvestigationStatus;
  team: Array<TeamMember>;
  unitName: Scalars['String']['output'];
  /** From the alert being raised to its verification (target 24 hours). */
  verificationClock: ResponseClock;
  verifiedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
  village: Maybe<Scalars['String']['output']>;
};

export type OwnerStepInput = {
  /** The council that registered them (e.g. West Bengal Medical Council). */
  council: Scalars['String']['input'];
  designation: Scalars['String']['input'];
  name: Scalars['String']['input'];
  registrationNumber: Scalars['String']['input'];
};

export type OwnerView = {
  council: Scalars['String']['output'];
  designation: Scalars['String']['output'];
  name: Scalars['String']['output'];
  registrationNumber: Scalars['String']['output'];
};

export type Ownership =
  | 'OTHER'
  | 'PRIVATE'
  | 'PUBLIC';

export type OxygenAlert = {
  acknowledgedAt: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy: Maybe<Scalars['String']['output']>;
  actionTaken: Maybe<Scalars['String']['output']>;
  districtId: Maybe<Scalars['ID']['output']>;
  /** When it went up to the state, unacknowledged. */
  escalatedAt: Maybe<Scalars['DateTime']['output']>;
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Maybe<OxygenAlertKind>;
  level: Maybe<OxygenAlertLevel>;
  /** In English, as e-mailed; the app words it from `kind` and `detail`. */
  message: Scalars['String']['output'];
  raisedAt: Scalars['DateTime']['output'];
  timeToEmptyHours: Maybe<Scalars['Float']['output']>;
};

/** An alert was raised, acknowledged or escalated: refresh the queue. */
export type OxygenAlertChange = {
  /** `raised`, `acknowledged` or `escalated`. */
  action: Scalars['String']['output'];
  alertId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  facilityId: Scalars['ID']['output'];
  kind: Maybe<OxygenAlertKind>;
  level: Maybe<OxygenAlertLevel>;
};

export type OxygenAlertKind =
  | 'NO_ENTRY'
  | 'PLANT_FAULT'
  | 'TIME_TO_EMPTY'
  | 'UNEXPLAINED_USE';

export type OxygenAlertLevel =
  | 'CRITICAL'
  | 'WARNING';

/** Nm³ per hour over a window of readings. */
export type OxygenBurnRate = {
  /** Drawn from stock: use less what the plants made. */
  drainPerHour: Scalars['Float']['output'];
  estimated: Scalars['Boolean']['output'];
  /** Hours of readings it rests on. */
  hours: Scalars['Float']['output'];
  /** Used by patients. */
  nm3PerHour: Scalars['Float']['output'];
};

/** What the source is, and how big. */
export type OxygenCapacityInput =
  { concentrators: ConcentratorsInput; cylinders?: never; lmoTank?: never; psaPlant?: never; }
  |  { concentrators?: never; cylinders: CylinderBankInput; lmoTank?: never; psaPlant?: never; }
  |  { concentrators?: never; cylinders?: never; lmoTank: LmoTankInput; psaPlant?: never; }
  |  { concentrators?: never; cylinders?: never; lmoTank?: never; psaPlant: PsaPlantInput; };

/** What was used between the previous reading and this one (Nm³), by stock balance. */
export type OxygenConsumption = {
  closingNm3: Scalars['Float']['output'];
  /** opening + received + produced − closing */
  consumptionNm3: Scalars['Float']['output'];
  /** False when both readings were measured. */
  estimated: Scalars['Boolean']['output'];
  hours: Scalars['Float']['output'];
  openingNm3: Scalars['Float']['output'];
  producedNm3: Scalars['Float']['output'];
  receivedNm3: Scalars['Float']['output'];
  since: Scalars['DateTime']['output'];
};

/** How many Nm³ (normal cubic metres of gas: 0 °C, 1 atm) one unit of oxygen is. */
export type OxygenConversionFactor = {
  code: Scalars['String']['output'];
  nm3PerUnit: Scalars['Float']['output'];
  referenceCelsius: Scalars['Float']['output'];
  source: Scalars['String']['output'];
  /** The factor as its source states it. */
  statedAs: Scalars['String']['output'];
  unit: Scalars['String']['output'];
};

export type OxygenCylinderType = {
  code: Scalars['String']['output'];
  gasLitres: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  labelCelsius: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** Nm³ in a full cylinder. */
  nm3: Scalars['Float']['output'];
  supplier: Maybe<Scalars['String']['output']>;
};

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

/** One day's oxygen for a facility, a district or everything in reach. */
export type OxygenDay = {
  /** Facilities whose time to empty was under the warning threshold. */
  atRisk: Scalars['Int']['output'];
  consumptionNm3: Scalars['Float']['output'];
  consumptionPerOccupiedBed: Maybe<Scalars['Float']['output']>;
  day: Scalars['NaiveDate']['output'];
  facilities: Scalars['Int']['output'];
  /** Occupied oxygen-supported, HDU, ICU and ventilator beds at the day's census. */
  occupiedOxygenBeds: Scalars['Int']['output'];
  producedNm3: Scalars['Float']['output'];
  receivedNm3: Scalars['Float']['output'];
  /** Facilities with a reading that day. */
  reported: Scalars['Int']['output'];
  /** At each facility's last reading of the day, Nm³. */
  stockNm3: Scalars['Float']['output'];
  usableNm3: Scalars['Float']['output'];
};

/** A delivery in the supply ledger. */
export type OxygenDelivery = {
  challan: Maybe<Scalars['String']['output']>;
  cylinderTypeId: Maybe<Scalars['ID']['output']>;
  dispatchedAt: Scalars['DateTime']['output'];
  expectedAt: Scalars['DateTime']['output'];
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** `liquid` or `cylinders`. */
  kind: Scalars['String']['output'];
  nm3: Scalars['Float']['output'];
  note: Maybe<Scalars['String']['output']>;
  quantity: Scalars['Float']['output'];
  receivedAt: Maybe<Scalars['DateTime']['output']>;
  receivedQuantity: Maybe<Scalars['Float']['output']>;
  /** What was dispatched less what arrived, in the delivery's unit. */
  shortfall: Maybe<Scalars['Float']['output']>;
  sourceId: Maybe<Scalars['ID']['output']>;
  /** `dispatched`, `received` or `cancelled`. */
  status: Scalars['String']['output'];
  supplier: Scalars['String']['output'];
  /** `litre`, `kilolitre`, `kilogram` or `cylinders`. */
  unit: Scalars['String']['output'];
  vehicle: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
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

export type OxygenDistrictThreshold = {
  criticalHours: Scalars['Int']['output'];
  districtId: Scalars['ID']['output'];
  warningHours: Scalars['Int']['output'];
};

/** A district's own time-to-empty thresholds. */
export type OxygenDistrictThresholdInput = {
  criticalHours: Scalars['Int']['input'];
  districtId: Scalars['ID']['input'];
  warningHours: Scalars['Int']['input'];
};

/** Litres per minute. */
export type OxygenFlowNorms = {
  hduBed: Scalars['Float']['output'];
  hfnc: Scalars['Float']['output'];
  icuBed: Scalars['Float']['output'];
  invasiveVentilation: Scalars['Float']['output'];
  mask: Scalars['Float']['output'];
  nasalCannula: Scalars['Float']['output'];
  niv: Scalars['Float']['output'];
  oxygenSupportedBed: Scalars['Float']['output'];
  ventilatorBed: Scalars['Float']['output'];
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

/**
 * The reporting facilities in reach (all, or those at risk), most urgent first, and
 * the districts' totals (always over every facility in reach).
 */
export type OxygenOverview = {
  at: Scalars['DateTime']['output'];
  districts: Array<DistrictOxygen>;
  facilities: Array<FacilityOxygen>;
  notReportedToday: Scalars['Int']['output'];
  rules: OxygenRules;
};

export type OxygenReading = {
  /** Since the previous reading (in lists of readings). */
  consumption: Maybe<OxygenConsumption>;
  correctionReason: Maybe<Scalars['String']['output']>;
  cylinders: Array<CylinderCount>;
  cylindersReceived: Array<CylinderMovement>;
  cylindersReturned: Array<CylinderMovement>;
  enteredAt: Scalars['DateTime']['output'];
  enteredBy: Scalars['ID']['output'];
  /** True when part of the stock is estimated (cylinders in use, plant output). */
  estimated: Scalars['Boolean']['output'];
  facilityId: Scalars['ID']['output'];
  /** Oxygen held, Nm³. */
  heldNm3: Scalars['Float']['output'];
  /** The reading's id, the same for all its versions. */
  id: Scalars['ID']['output'];
  /** Entered on a later day than it was read. */
  late: Scalars['Boolean']['output'];
  liquidReceived: Array<LiquidDelivery>;
  patients: PatientsOnOxygen;
  /** `inpatient` (counted from the wards) or `entered`. */
  patientsFrom: Scalars['String']['output'];
  plantFault: Scalars['Boolean']['output'];
  plants: Array<PlantRun>;
  producedNm3: Scalars['Float']['output'];
  readingAt: Scalars['DateTime']['output'];
  receivedNm3: Scalars['Float']['output'];
  /** Set on versions a correction replaced. */
  supersededAt: Maybe<Scalars['DateTime']['output']>;
  tanks: Array<TankReading>;
  /** Oxygen that can still be drawn, Nm³. */
  usableNm3: Scalars['Float']['output'];
  /** Pass this back as `expectedVersion` to correct the reading. */
  version: Scalars['Int']['output'];
  versionId: Scalars['ID']['output'];
};

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

/** The tenant's oxygen rules (the defaults until it sets its own: version 0). */
export type OxygenRules = {
  criticalHours: Scalars['Int']['output'];
  deadlineHour: Scalars['Int']['output'];
  /** Districts with their own thresholds. */
  districtThresholds: Array<OxygenDistrictThreshold>;
  escalateAfterHours: Scalars['Int']['output'];
  liquidFactor: OxygenConversionFactor;
  norms: OxygenFlowNorms;
  version: Scalars['Int']['output'];
  warningHours: Scalars['Int']['output'];
};

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

/** A facility's oxygen source; the capacity fields that apply to its kind are set. */
export type OxygenSource = {
  active: Scalars['Boolean']['output'];
  /** A tank's capacity, in `unit`. */
  amount: Maybe<Scalars['Float']['output']>;
  bedsFed: Scalars['Int']['output'];
  /** Concentrators. */
  count: Maybe<Scalars['Int']['output']>;
  cylinderTypeId: Maybe<Scalars['ID']['output']>;
  facilityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  kind: OxygenSourceKind;
  /** A plant's or each concentrator's output. */
  litresPerMinute: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  outputNm3PerHour: Scalars['Float']['output'];
  owned: Maybe<Scalars['Int']['output']>;
  purityPercent: Maybe<Scalars['Float']['output']>;
  /** What it can hold, Nm³. */
  storageNm3: Scalars['Float']['output'];
  unit: Maybe<LiquidUnit>;
  usableFraction: Maybe<Scalars['Float']['output']>;
  version: Scalars['Int']['output'];
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

/** Information about pagination in a connection */
export type PageInfo = {
  /** When paginating forwards, the cursor to continue. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Patient = {
  abhaNumber: Maybe<Scalars['String']['output']>;
  /** Null for roles that do not need it. */
  address: Maybe<Address>;
  ageYears: Scalars['Int']['output'];
  birthDate: Scalars['NaiveDate']['output'];
  /** True when the birth date was estimated from a stated age. */
  birthDateEstimated: Scalars['Boolean']['output'];
  /** Cards of this record and of every record merged into it, newest first. */
  cards: Array<Card>;
  familyName: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  /** Null for roles that do not need it. */
  guardian: Maybe<Guardian>;
  healthId: Scalars['String']['output'];
  householdId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  localName: Maybe<Scalars['String']['output']>;
  mergedAt: Maybe<Scalars['DateTime']['output']>;
  /** Set when this record was merged into another (the survivor). */
  mergedIntoId: Maybe<Scalars['ID']['output']>;
  /** Records merged into this one. */
  mergedRecords: Array<Patient>;
  /** The last four digits of the national ID; the number itself is never kept. */
  nationalIdLast4: Maybe<Scalars['String']['output']>;
  /** Null for roles that do not need it. */
  phone: Maybe<Scalars['String']['output']>;
  preferredLanguage: Maybe<Scalars['String']['output']>;
  /**
   * Who read this patient's health record, newest first (state and district
   * administrators).
   */
  recordAccessLog: RecordAccessConnection;
  registeredAt: Scalars['DateTime']['output'];
  sex: PatientSex;
  /**
   * The patient's health record across every facility of the tenant (and the records
   * merged into this one), newest first unless asked. Doctors, nurses and lab
   * technicians read it when the patient is in care at their facility (has an
   * encounter there); otherwise only with `breakGlassReason`, an emergency reason
   * that flags the access for review. Every call is written to the access log.
   */
  timeline: ClinicalEntryConnection;
  version: Scalars['Int']['output'];
  yearOfBirth: Scalars['Int']['output'];
};


export type PatientRecordAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PatientTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  breakGlassReason?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TimelineFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
};

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

export type PatientPrescriptions = {
  healthId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  patientId: Scalars['ID']['output'];
  prescriptions: Array<PrescriptionToDispense>;
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

export type PatientsOnOxygen = {
  hfnc: Scalars['Int']['output'];
  invasiveVentilation: Scalars['Int']['output'];
  mask: Scalars['Int']['output'];
  nasalCannula: Scalars['Int']['output'];
  niv: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type PatientsOnOxygenInput = {
  hfnc: Scalars['Int']['input'];
  invasiveVentilation: Scalars['Int']['input'];
  mask: Scalars['Int']['input'];
  nasalCannula: Scalars['Int']['input'];
  niv: Scalars['Int']['input'];
};

/** A referral waiting for the caller's facility, with who is coming. */
export type PendingReferral = {
  category: Maybe<ConditionCategory>;
  diagnosis: Maybe<Scalars['String']['output']>;
  lifeSupport: Maybe<LifeSupport>;
  referral: Referral;
};

export type PlantRun = {
  fault: Maybe<Scalars['String']['output']>;
  runningHours: Scalars['Float']['output'];
  sourceId: Scalars['ID']['output'];
};

export type PlantRunInput = {
  /** What went wrong, if anything. */
  fault?: InputMaybe<Scalars['String']['input']>;
  runningHours: Scalars['Float']['input'];
  sourceId: Scalars['ID']['input'];
};

/** A movement posted: the ledger row and the balances after it. */
export type PostedMovement = {
  batchBalance: Scalars['Int']['output'];
  batchId: Maybe<Scalars['ID']['output']>;
  itemBalance: Scalars['Int']['output'];
  ledgerId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
};

export type Posting = {
  department: Maybe<Scalars['String']['output']>;
  designation: Scalars['String']['output'];
  /** Null when the facility lies outside what the caller may read. */
  facility: Maybe<Facility>;
  from: Scalars['NaiveDate']['output'];
  id: Scalars['ID']['output'];
  professional: Maybe<Professional>;
  to: Maybe<Scalars['NaiveDate']['output']>;
};

export type PostingInput = {
  department?: InputMaybe<Scalars['String']['input']>;
  /** e.g. Medical Officer, Staff Nurse. */
  designation: Scalars['String']['input'];
  facilityId: Scalars['ID']['input'];
  from: Scalars['NaiveDate']['input'];
  to?: InputMaybe<Scalars['NaiveDate']['input']>;
};

export type Preparedness = {
  facilities: Scalars['Int']['output'];
  kitName: Scalars['String']['output'];
  /** Every facility the list covers, the furthest from ready first. */
  readiness: Array<FacilityReadiness>;
  ready: Scalars['Int']['output'];
};

export type PrescriptionInput = {
  advice?: InputMaybe<Scalars['String']['input']>;
  /** When the patient should come back (today or later). */
  followUpOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  items: Array<PrescriptionItemInput>;
};

export type PrescriptionItem = {
  dose: Scalars['String']['output'];
  drugCode: Maybe<Scalars['String']['output']>;
  drugName: Scalars['String']['output'];
  durationDays: Maybe<Scalars['Int']['output']>;
  form: DosageForm;
  frequency: Scalars['String']['output'];
  instructions: Maybe<Scalars['String']['output']>;
  route: Route;
  strength: Maybe<Scalars['String']['output']>;
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

export type PrescriptionLineToDispense = {
  candidates: Array<DispenseCandidate>;
  /** Units already given against this line. */
  dispensedQuantity: Scalars['Int']['output'];
  dispenses: Array<Dispense>;
  dose: Scalars['String']['output'];
  drugCode: Maybe<Scalars['String']['output']>;
  drugName: Scalars['String']['output'];
  durationDays: Maybe<Scalars['Int']['output']>;
  frequency: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  strength: Maybe<Scalars['String']['output']>;
};

export type PrescriptionToDispense = {
  facilityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lines: Array<PrescriptionLineToDispense>;
  occurredAt: Scalars['DateTime']['output'];
};

export type PrescriptionView = {
  advice: Maybe<Scalars['String']['output']>;
  followUpOn: Maybe<Scalars['NaiveDate']['output']>;
  items: Array<PrescriptionItem>;
};

/** Presence set, and the ticket that came with becoming available, if any. */
export type PresenceChange = {
  assigned: Maybe<Ticket>;
  presence: AgentPresence;
};

export type PresenceStatus =
  | 'AVAILABLE'
  | 'AWAY'
  | 'BUSY';

export type Professional = {
  createdAt: Scalars['DateTime']['output'];
  dateOfBirth: Maybe<Scalars['NaiveDate']['output']>;
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ProfessionalKind;
  languages: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
  /** Where they work now. */
  postings: Array<Posting>;
  qualifications: Array<Qualification>;
  registrations: Array<CouncilRegistration>;
  sex: Maybe<Sex>;
  statusChangedAt: Maybe<Scalars['DateTime']['output']>;
  /** Why it was rejected. */
  statusReason: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** The linked user account, if any. */
  user: Maybe<User>;
  verificationStatus: VerificationStatus;
  version: Scalars['Int']['output'];
};

export type ProfessionalConnection = {
  /** A list of edges. */
  edges: Array<ProfessionalEdge>;
  /** A list of nodes. */
  nodes: Array<Professional>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type ProfessionalEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Professional;
};

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

/** Free beds of a district's facilities: counts only. */
export type PublicBedAvailability = {
  asOf: Scalars['DateTime']['output'];
  district: Scalars['String']['output'];
  facilities: Array<FacilityFreeBeds>;
};

export type PublicDistrict = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type PurchaseOrder = {
  budgetHeadId: Scalars['ID']['output'];
  expectedOn: Scalars['NaiveDate']['output'];
  id: Scalars['ID']['output'];
  /** Days from the order to the first goods received. */
  leadTimeDays: Maybe<Scalars['Int']['output']>;
  lines: Array<OrderLine>;
  number: Scalars['String']['output'];
  orderedOn: Scalars['NaiveDate']['output'];
  overrideReason: Maybe<Scalars['String']['output']>;
  receipts: Array<GoodsReceived>;
  status: PurchaseOrderStatus;
  storeId: Scalars['ID']['output'];
  supplier: Scalars['String']['output'];
  totalPaise: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
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

export type Qualification = {
  degree: Scalars['String']['output'];
  institution: Scalars['String']['output'];
  year: Scalars['Int']['output'];
};

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

export type QueryRoot = {
  adminUnit: AdminUnit;
  /**
   * The unit tree (or the subtree under `rootId`) in tree order: each unit once,
   * parents before children. Build the tree from `id` and `parent { id }`.
   */
  adminUnitTree: Array<AdminUnit>;
  /** An admission with its attendants and condition history: an audited read. */
  admission: AdmissionView;
  /** Admitted patients the caller may see, the sickest first, with counts. */
  admittedPatients: AdmittedList;
  /** Verified doctors posted at the facility today, who may admit there. */
  admittingDoctors: Array<AdmittingDoctor>;
  /** A condition's alert rules in force: the state's own set, or IDSP's defaults. */
  alertRules: AlertRuleSet;
  /** The tenant's machine clients whose scopes you could grant, newest first. */
  apiClients: Array<ApiClient>;
  /** The tenant's audit trail, newest first (administrators). */
  auditEvents: AuditEventConnection;
  /** One award round as frozen, with its decision. */
  awardRound: AwardRound;
  /** Every award round, newest first. */
  awardRounds: Array<AwardRound>;
  /** The facility's declared bed capacity beside the beds set up in its wards. */
  bedCapacityCheck: Array<BedCapacityCheck>;
  /**
   * Beds by state and type, by district or facility: within a unit, at one
   * facility, or everything the caller oversees.
   */
  bedOccupancy: Occupancy;
  /** The bed held for an admitted patient, if any. */
  bedReservation: Maybe<BedReservation>;
  /**
   * Records opened outside care (break-glass), newest first, for state and
   * district administrators to review.
   */
  breakGlassAccesses: RecordAccessConnection;
  /**
   * Budget heads of a financial year (this one unless named) with allocation,
   * committed, spent and balance.
   */
  budgetHeads: Array<BudgetHead>;
  bufferKits: Array<BufferKit>;
  /**
   * Every case with its fields (names included), for surveillance officers in their
   * reach; newest onset first, at most 5,000. The read is audited.
   */
  caseLineList: Array<SurveillanceCase>;
  /** One entry with its history. The read is logged like a timeline read. */
  clinicalEntry: ClinicalEntry;
  /** A store's consumption per item and month. */
  consumptionTrend: Array<ConsumptionTrend>;
  /** The controlled drugs register of a schedule H1 or X drug in a store, newest first. */
  controlledRegister: Array<RegisterEntry>;
  /**
   * A week's counts as a DHIS2 `dataValueSets` payload (`week`: `2026W49`), the same
   * as `arogya export dhis2 --week 2026W49`; what could not be mapped is listed.
   * Audited.
   */
  dhis2Export: Dhis2Export;
  /** The tenant's DHIS2 mappings (state administrators and the state surveillance cell). */
  dhis2Mappings: Array<Dhis2Mapping>;
  /** A clinician's booked appointments of one day, by time. */
  doctorDayList: Array<Appointment>;
  /**
   * A short-lived URL to download a document. Allowed to whoever may see what owns
   * it; for health records this is a read of the patient's record, logged as one.
   */
  documentDownload: SignedRequest;
  /** The tenant's document rules (any member of staff may read them). */
  documentSettings: DocumentSettings;
  /** What is overdue on a ward now. */
  dutyList: DutyList;
  /**
   * Emergency dispatches, newest first; default: those not yet closed (helpline
   * agents, state and district administrators).
   */
  emergencyDispatches: Array<EmergencyDispatch>;
  /** A facility's readiness history, newest first (administrators of its place). */
  emrReadinessHistory: Array<EmrReadinessChange>;
  /**
   * Where the roll-out of electronic medical records stands within the caller's
   * reach, optionally under one unit (a district) and for one facility type.
   */
  emrRollout: EmrRollout;
  /** A facility's critical-care equipment with each item's history. */
  equipment: Array<EquipmentItem>;
  /** Equipment by district and kind, and working ventilators against ventilator beds. */
  equipmentByDistrict: Array<DistrictEquipment>;
  /** Procurement orders, the latest first, with what has arrived. */
  equipmentOrders: Array<EquipmentOrder>;
  /** Essential medicines at each facility pharmacy in reach. */
  essentialAvailability: Array<EssentialAvailability>;
  /**
   * Council registrations that end within `days` days, soonest first, optionally
   * only of professionals posted in one district.
   */
  expiringRegistrations: Array<CouncilRegistration>;
  /** A store's batches expiring within `days`, soonest first. */
  expiryReport: Array<ExpiryLine>;
  /** Facilities, newest first, filtered. */
  facilities: FacilityConnection;
  facility: Facility;
  /** How many facilities of each type each district has (within the caller's reach). */
  facilityCountsByDistrict: Array<DistrictFacilityCounts>;
  /** One facility's oxygen now. */
  facilityOxygen: FacilityOxygen;
  /**
   * Notifications not delivered after every attempt, newest first (state
   * administrators).
   */
  failedNotifications: Array<FailedNotification>;
  /** Free slots from `from` to `to` (at most 31 days), soonest first. */
  freeSlots: Array<Slot>;
  handovers: Array<Handover>;
  /** Every agent's presence, tier 1 first, longest idle first. */
  helplineAgents: Array<AgentPresence>;
  /** Figures of one day (India time), or of one shift of it. */
  helplineStats: HelplineStats;
  /** One application: the applicant's own, or (once submitted) one in a reviewer's reach. */
  hospitalApplication: HospitalApplication;
  /** How many applications there are per status and district (reviewers). */
  hospitalApplicationCounts: Array<ApplicationCount>;
  /**
   * Applications, newest first. Reviewers see the submitted ones in their reach
   * (drafts stay private to the applicant); applicants see their own.
   */
  hospitalApplications: HospitalApplicationConnection;
  household: Household;
  /** Households, newest first (a surveyor sees their own). */
  households: HouseholdConnection;
  /**
   * ICD-10 codes for type-ahead: by code prefix ("E11") or by words of the
   * description ("diab mell"), general codes first.
   */
  icd10Codes: Array<Icd10Code>;
  indent: Indent;
  /** Indents a store raised or must answer, newest first. */
  indents: Array<Indent>;
  /**
   * The indicators of a place (as `indicators`) day by day from `from` to `to` (at
   * most 92 days, none after today), or week by week (weeks begin on Monday).
   */
  indicatorDays: IndicatorDays;
  /**
   * The records behind a number of a facility, a unit or (neither given) the
   * caller's whole reach over the months `from` to `to` ("YYYY-MM"; one month above
   * a facility), of one department or all: for state and district administrators
   * within their reach. Audited as a read of the patients listed.
   */
  indicatorRows: IndicatorRows;
  /**
   * The indicators of a place over the months `from` to `to` ("YYYY-MM", both
   * included, at most 36): the caller's whole reach, or a unit or a facility in it.
   * Optionally of one department (a ward department, `other` or `unspecified`).
   */
  indicators: IndicatorReport;
  inpatientSettings: InpatientSettings;
  intakeOutputChart: IntakeOutputChart;
  /** Knowledge-base articles containing every word, newest first. */
  kbArticles: Array<KbArticle>;
  /** Who is calling: user, tenant and roles. */
  me: Me;
  /** A ward's medication round for a day: each patient's drugs with their due doses. */
  medicationRound: Array<RoundBed>;
  /**
   * Whether the caller's e-mail address is proved (an applicant must prove it
   * before submitting an application).
   */
  myEmailVerification: EmailVerification;
  /** The professional linked to the caller's own account. */
  myProfessional: Maybe<Professional>;
  /**
   * The facilities the caller sends weekly reports for, with how each stands for
   * `week`.
   */
  myReportingFacilities: Array<ReportingUnitStanding>;
  /** The nearest operating facilities that receive emergencies (helpline agents). */
  nearestEmergencyFacilities: Array<SuggestedFacility>;
  /** The tenant's notifiable conditions, with their case definitions. */
  notifiableConditions: Array<NotifiableCondition>;
  /**
   * Beds over time from the daily snapshots, with average length of stay and bed
   * turnover, for a unit, a facility, or everything the caller oversees.
   */
  occupancyHistory: OccupancyHistory;
  /** One investigation with its team, actions, samples, cases and log. */
  outbreakInvestigation: OutbreakInvestigation;
  /**
   * Outbreak investigations in the caller's reach, newest first: those not closed
   * (default) or all.
   */
  outbreakInvestigations: Array<OutbreakInvestigation>;
  /**
   * Alerts of the facilities in reach, the latest first; only those waiting for an
   * acknowledgement unless `open` is false.
   */
  oxygenAlerts: Array<OxygenAlert>;
  /**
   * Every conversion into Nm³ (normal cubic metres of gas, 0 °C and 1 atm), with
   * its reference temperature and source.
   */
  oxygenConversionFactors: Array<OxygenConversionFactor>;
  oxygenCylinderTypes: Array<OxygenCylinderType>;
  /**
   * Day by day (at most 400 days): one facility, a unit, or everything in reach.
   * Also as CSV: `GET /oxygen/daily.csv?from=&to=&facility=&unit=`.
   */
  oxygenDaily: Array<OxygenDay>;
  /**
   * The supply ledger: deliveries to one facility or every one in reach,
   * dispatched between two times (the last 30 days by default), the latest first.
   */
  oxygenDeliveries: Array<OxygenDelivery>;
  /**
   * For a district committee, the state's oxygen cell and administrators: every
   * reporting facility in reach (or within `unitId`; with `onlyAtRisk`, only those
   * whose time to empty is under the warning threshold), most urgent first, each
   * district's totals, and how many in reach have not reported today. Worked out at
   * most a minute ago (`at`); a reading entered since is in already.
   */
  oxygenOverview: OxygenOverview;
  /** Every version of a reading, the first first. */
  oxygenReadingVersions: Array<OxygenReading>;
  /**
   * A facility's readings (current versions) between two times, the latest last,
   * each with what was used since the one before. Defaults to the last 30 days.
   */
  oxygenReadings: Array<OxygenReading>;
  /** The tenant's oxygen rules. */
  oxygenRules: OxygenRules;
  /** A facility's oxygen sources (retired ones too with `all`). */
  oxygenSources: Array<OxygenSource>;
  /** One patient record by its id. Audited. */
  patient: Patient;
  patientAppointments: Array<Appointment>;
  /**
   * The patient behind a card number (typed or scanned); merged records resolve to
   * the survivor. Audited.
   */
  patientByHealthId: Patient;
  /** Likely duplicates of a registration, before registering. */
  patientDuplicates: Array<DuplicateCandidate>;
  /**
   * How many patients were registered on `day` (India time); surveyors count
   * their own registrations.
   */
  patientsRegistered: Scalars['Int']['output'];
  /** Referrals waiting for an answer at the facilities the caller works at or oversees. */
  pendingReferrals: Array<PendingReferral>;
  /** Which facilities in reach (under a unit when given) fall short of a list, and by how much. */
  preparedness: Preparedness;
  /**
   * A patient's current prescriptions (the last 90 days), found by health ID at
   * a pharmacy the caller works; the read goes on the patient's access log.
   */
  prescriptionsToDispense: PatientPrescriptions;
  professional: Professional;
  /** Search the registry, newest first. */
  professionals: ProfessionalConnection;
  /** Public, no sign-in: free beds by type at each facility of a district. */
  publicBedAvailability: PublicBedAvailability;
  /** Public, no sign-in: a tenant's districts, to choose one for free beds. */
  publicDistricts: Array<PublicDistrict>;
  /** Purchase orders: a store's, or all of them for the budget's keepers. */
  purchaseOrders: Array<PurchaseOrder>;
  /** Who receives the monthly indicators reports (state administrators). */
  reportRecipients: Array<ReportRecipient>;
  /**
   * A scorecard's ranking of its hospitals over its period so far, with each
   * hospital's score by indicator and its trend against the period before.
   */
  scorecardRanking: ScorecardRanking;
  /** Every hospital scorecard in force, by name. */
  scorecards: Array<Scorecard>;
  /**
   * Find patients by phone, or by name (spelling variants match) within an age band.
   * At most 50 results. Audited.
   */
  searchPatients: Array<Patient>;
  /** Open tickets past their first-response or resolution target at `at` (default: now). */
  slaBreaches: Array<SlaBreach>;
  /** An item's stock card in a store: its latest movements, newest first. */
  stockCard: Array<LedgerEntry>;
  /** A store's latest count sheets, newest first. */
  stockCounts: Array<StockCount>;
  /** Items with nothing usable in the stores in reach (under a unit when given). */
  stockOutReport: Array<StockOutLine>;
  /** A store's open alerts (stock-out, below minimum, expiring batches), checked afresh. */
  storeAlerts: Array<SupplyAlert>;
  /** Whether a store's balances agree with its ledger (they always should). */
  storeLedgerCheck: LedgerCheck;
  /** A store's stock on hand, item by item and batch by batch, with its planning figures. */
  storeStock: StoreStock;
  /** The stores the caller sees. */
  stores: Array<Store>;
  /** Open alerts of every store in reach (under a unit when given), as last checked. */
  supplyAlerts: Array<SupplyAlert>;
  /** The item catalogue, optionally those whose name or code contains `search`. */
  supplyItems: Array<SupplyItem>;
  /** Alerts in the caller's reach, newest first: open ones (default) or all. */
  surveillanceAlerts: Array<SurveillanceAlert>;
  /**
   * Completeness and timeliness of weekly reporting under `unitId` (default: the
   * caller's place) for the weeks `from`..`to`, with each facility's standing.
   */
  surveillanceReporting: Array<ReportingWeek>;
  /**
   * Survey progress of a unit and each unit under it (the whole tenant and its
   * districts when `unitId` is left out).
   */
  surveyProgress: Array<SurveyProgressRow>;
  /** One tenant: any for platform administrators, only their own for staff. */
  tenant: Tenant;
  /** All tenants, newest first (platform administrators). */
  tenants: TenantConnection;
  ticket: Ticket;
  /**
   * A tier's queue: waiting and in-progress tickets, emergencies and the most urgent
   * first, then the oldest.
   */
  ticketQueue: Array<Ticket>;
  /** A session's attendance register: every nominee, every day. */
  trainingRegister: TrainingRegister;
  /**
   * Sessions held between `from` and `to` (both included) that the caller runs (an
   * administrator in their reach) or trains, soonest first, at most 500.
   */
  trainingSessions: Array<TrainingSession>;
  /** Populations of the places in reach for `year` (the denominators of rates). */
  unitPopulations: Array<UnitPopulation>;
  user: User;
  /** Accounts of a tenant, newest first. */
  users: UserConnection;
  /** Check what an award certificate's QR code holds. */
  verifyAwardCertificate: CertificateVerification;
  /** Check a scanned card QR code: signature and whether the card is current. */
  verifyCard: CardVerification;
  /** One ward's beds, each with its state and patient: an audited read. */
  wardBoard: WardBoard;
  /** A ward's midnight census, day by day (at most two years). */
  wardCensus: Array<WardCensusDay>;
  /** A facility's wards. */
  wards: Array<Ward>;
  /** Wards of the facilities the caller works at or oversees (at most 300). */
  wardsInSight: Array<WardInSight>;
  /**
   * Cases by place and condition over the weeks `from`..`to` (`2026W45`, at most 53
   * weeks), for the children of `unitId` (default: where the caller's reach starts).
   * Kept current as cases come in. Counts from 1 to 4 show as "<5" outside a
   * surveillance officer's own district.
   */
  weeklyCaseTable: Array<WeeklyCaseCell>;
  /**
   * A place's weekly form at level S, P or L: each condition's cases that reached
   * the level in the week, by age group, with deaths. Also as PDF and CSV at
   * `/surveillance/weekly-form.{pdf,csv}?week=…&level=…[&unit=…]`.
   */
  weeklyForm: WeeklyFormView;
};


export type QueryRootAdminUnitArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootAdminUnitTreeArgs = {
  rootId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootAdmissionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootAdmittedPatientsArgs = {
  filter?: InputMaybe<AdmittedFilter>;
};


export type QueryRootAdmittingDoctorsArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootAlertRulesArgs = {
  conditionId: Scalars['ID']['input'];
};


export type QueryRootApiClientsArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootAwardRoundArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootBedCapacityCheckArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootBedOccupancyArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  groupBy?: InputMaybe<OccupancyGrouping>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootBedReservationArgs = {
  admissionId: Scalars['ID']['input'];
};


export type QueryRootBreakGlassAccessesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  reviewed?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRootBudgetHeadsArgs = {
  financialYear?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootCaseLineListArgs = {
  condition?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootClinicalEntryArgs = {
  breakGlassReason?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootConsumptionTrendArgs = {
  months?: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootControlledRegisterArgs = {
  itemId: Scalars['ID']['input'];
  limit?: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootDhis2ExportArgs = {
  week: Scalars['String']['input'];
};


export type QueryRootDoctorDayListArgs = {
  day: Scalars['NaiveDate']['input'];
  professionalId: Scalars['ID']['input'];
};


export type QueryRootDocumentDownloadArgs = {
  breakGlassReason?: InputMaybe<Scalars['String']['input']>;
  documentId: Scalars['ID']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootDutyListArgs = {
  wardId: Scalars['ID']['input'];
};


export type QueryRootEmergencyDispatchesArgs = {
  limit?: Scalars['Int']['input'];
  statuses?: InputMaybe<Array<DispatchStatus>>;
};


export type QueryRootEmrReadinessHistoryArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootEmrRolloutArgs = {
  facilityType?: InputMaybe<FacilityType>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootEquipmentArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootEssentialAvailabilityArgs = {
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootExpiringRegistrationsArgs = {
  days: Scalars['Int']['input'];
  districtId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootExpiryReportArgs = {
  days?: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootFacilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FacilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootFacilityArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootFacilityCountsByDistrictArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootFacilityOxygenArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootFailedNotificationsArgs = {
  limit?: Scalars['Int']['input'];
};


export type QueryRootFreeSlotsArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  facilityId: Scalars['ID']['input'];
  from: Scalars['NaiveDate']['input'];
  professionalId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['NaiveDate']['input'];
};


export type QueryRootHandoversArgs = {
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  wardId: Scalars['ID']['input'];
};


export type QueryRootHelplineStatsArgs = {
  day: Scalars['NaiveDate']['input'];
  shift?: InputMaybe<Shift>;
};


export type QueryRootHospitalApplicationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootHospitalApplicationCountsArgs = {
  districtId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootHospitalApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  districtId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<ApplicationStatus>>;
};


export type QueryRootHouseholdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRootIcd10CodesArgs = {
  first?: Scalars['Int']['input'];
  search: Scalars['String']['input'];
};


export type QueryRootIndentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootIndentsArgs = {
  limit?: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootIndicatorDaysArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
  weekly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRootIndicatorRowsArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  measure: IndicatorMeasure;
  to: Scalars['String']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootIndicatorsArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootIntakeOutputChartArgs = {
  admissionId: Scalars['ID']['input'];
  day: Scalars['NaiveDate']['input'];
};


export type QueryRootKbArticlesArgs = {
  language?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
  search: Scalars['String']['input'];
};


export type QueryRootMedicationRoundArgs = {
  day: Scalars['NaiveDate']['input'];
  wardId: Scalars['ID']['input'];
};


export type QueryRootMyReportingFacilitiesArgs = {
  week: Scalars['String']['input'];
};


export type QueryRootNearestEmergencyFacilitiesArgs = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};


export type QueryRootOccupancyHistoryArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootOutbreakInvestigationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootOutbreakInvestigationsArgs = {
  openOnly?: Scalars['Boolean']['input'];
};


export type QueryRootOxygenAlertsArgs = {
  first?: Scalars['Int']['input'];
  open?: Scalars['Boolean']['input'];
};


export type QueryRootOxygenDailyArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootOxygenDeliveriesArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryRootOxygenOverviewArgs = {
  onlyAtRisk?: Scalars['Boolean']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootOxygenReadingVersionsArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootOxygenReadingsArgs = {
  facilityId: Scalars['ID']['input'];
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryRootOxygenSourcesArgs = {
  all?: Scalars['Boolean']['input'];
  facilityId: Scalars['ID']['input'];
};


export type QueryRootPatientArgs = {
  id: Scalars['ID']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootPatientAppointmentsArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryRootPatientByHealthIdArgs = {
  healthId: Scalars['String']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootPatientDuplicatesArgs = {
  input: PatientInput;
};


export type QueryRootPatientsRegisteredArgs = {
  day: Scalars['NaiveDate']['input'];
};


export type QueryRootPreparednessArgs = {
  kitId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootPrescriptionsToDispenseArgs = {
  healthId: Scalars['String']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootProfessionalArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootProfessionalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProfessionalFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootPublicBedAvailabilityArgs = {
  districtId: Scalars['ID']['input'];
  tenantCode: Scalars['String']['input'];
};


export type QueryRootPublicDistrictsArgs = {
  tenantCode: Scalars['String']['input'];
};


export type QueryRootPurchaseOrdersArgs = {
  storeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootScorecardRankingArgs = {
  scorecardId: Scalars['ID']['input'];
};


export type QueryRootSearchPatientsArgs = {
  input: PatientSearchInput;
};


export type QueryRootSlaBreachesArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryRootStockCardArgs = {
  itemId: Scalars['ID']['input'];
  limit?: Scalars['Int']['input'];
  storeId: Scalars['ID']['input'];
};


export type QueryRootStockCountsArgs = {
  storeId: Scalars['ID']['input'];
};


export type QueryRootStockOutReportArgs = {
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootStoreAlertsArgs = {
  storeId: Scalars['ID']['input'];
};


export type QueryRootStoreLedgerCheckArgs = {
  storeId: Scalars['ID']['input'];
};


export type QueryRootStoreStockArgs = {
  storeId: Scalars['ID']['input'];
};


export type QueryRootSupplyAlertsArgs = {
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootSupplyItemsArgs = {
  limit?: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRootSurveillanceAlertsArgs = {
  openOnly?: Scalars['Boolean']['input'];
};


export type QueryRootSurveillanceReportingArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootSurveyProgressArgs = {
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootTenantArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootTenantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRootTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootTicketQueueArgs = {
  limit?: Scalars['Int']['input'];
  tier: Scalars['Int']['input'];
};


export type QueryRootTrainingRegisterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootTrainingSessionsArgs = {
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
};


export type QueryRootUnitPopulationsArgs = {
  year: Scalars['Int']['input'];
};


export type QueryRootUserArgs = {
  id: Scalars['ID']['input'];
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootVerifyAwardCertificateArgs = {
  payload: Scalars['String']['input'];
};


export type QueryRootVerifyCardArgs = {
  payload: Scalars['String']['input'];
};


export type QueryRootWardBoardArgs = {
  wardId: Scalars['ID']['input'];
};


export type QueryRootWardCensusArgs = {
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  wardId: Scalars['ID']['input'];
};


export type QueryRootWardsArgs = {
  facilityId: Scalars['ID']['input'];
};


export type QueryRootWeeklyCaseTableArgs = {
  condition?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRootWeeklyFormArgs = {
  level: ReportingLevel;
  unitId?: InputMaybe<Scalars['ID']['input']>;
  week: Scalars['String']['input'];
};

/** A change in a queue, as it happens. */
export type QueueChange = {
  /** `create`, `take`, `escalate`, `resolve`, `close`, `reopen`, `transfer`. */
  action: Scalars['String']['output'];
  assigneeUserId: Maybe<Scalars['ID']['output']>;
  at: Scalars['DateTime']['output'];
  priority: Scalars['String']['output'];
  status: Scalars['String']['output'];
  ticketId: Scalars['ID']['output'];
  tier: Scalars['Int']['output'];
};

export type RaiseIndentInput = {
  lines: Array<IndentLineInput>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** The asking store; the indent goes to the store above it. */
  storeId: Scalars['ID']['input'];
};

export type ReadinessLine = {
  available: Scalars['Int']['output'];
  item: SupplyItem;
  required: Scalars['Int']['output'];
  /** Required less available, when short. */
  short: Scalars['Int']['output'];
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

export type RecordAccess = {
  actor: Maybe<User>;
  at: Scalars['DateTime']['output'];
  /** Opened outside care, in an emergency. */
  breakGlass: Scalars['Boolean']['output'];
  entryId: Maybe<Scalars['ID']['output']>;
  /** The facility the reader works at. */
  facility: Maybe<Facility>;
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  professional: Maybe<Professional>;
  purpose: Maybe<Scalars['String']['output']>;
  /** The emergency reason given. */
  reason: Maybe<Scalars['String']['output']>;
  reviewNote: Maybe<Scalars['String']['output']>;
  reviewedAt: Maybe<Scalars['DateTime']['output']>;
  reviewedBy: Maybe<User>;
  /** What was viewed: timeline, entry, fhir_everything, prescription_pdf. */
  viewed: Scalars['String']['output'];
};

export type RecordAccessConnection = {
  /** A list of edges. */
  edges: Array<RecordAccessEdge>;
  /** A list of nodes. */
  nodes: Array<RecordAccess>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type RecordAccessEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: RecordAccess;
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

/** A patient referred to another facility, and the answer. */
export type Referral = {
  admissionId: Scalars['ID']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decisionNote: Maybe<Scalars['String']['output']>;
  fromFacilityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  /** The admission at the receiving facility, once accepted. */
  receivedAdmissionId: Maybe<Scalars['ID']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  /** `pending`, `accepted` or `declined`. */
  status: Scalars['String']['output'];
  toFacilityId: Scalars['ID']['output'];
};

export type RegisterCell = {
  day: Scalars['NaiveDate']['output'];
  mark: Maybe<AttendanceMark>;
  version: Scalars['Int']['output'];
};

/** A line of the controlled drugs register. */
export type RegisterEntry = {
  at: Scalars['DateTime']['output'];
  /** The store's balance of the drug after this line. */
  balance: Scalars['Int']['output'];
  batchNo: Scalars['String']['output'];
  by: Scalars['String']['output'];
  kind: MovementKind;
  note: Maybe<Scalars['String']['output']>;
  patientHealthId: Maybe<Scalars['String']['output']>;
  /** In is positive, out negative. */
  quantity: Scalars['Int']['output'];
  /** Who signed as witness (dispenses). */
  witness: Maybe<Scalars['String']['output']>;
};

export type RegisterLine = {
  cells: Array<RegisterCell>;
  /** Present every day of the training. */
  completed: Scalars['Boolean']['output'];
  daysPresent: Scalars['Int']['output'];
  /** doctor, nurse, asha_chw… as the registry keeps it. */
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Designation and facility of their current posting. */
  posting: Maybe<Scalars['String']['output']>;
  professionalId: Scalars['ID']['output'];
};

export type Registration = {
  /** The card issued at enrolment (household surveys). */
  card: Maybe<Card>;
  duplicates: Array<DuplicateCandidate>;
  /**
   * The new patient; null when likely duplicates were found: pick one of them, or
   * register again with `confirmNotDuplicate: true`.
   */
  patient: Maybe<Patient>;
  warnings: Array<Scalars['String']['output']>;
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

export type ReportRecipient = {
  addedAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  facilityId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** The place's name (empty for the whole tenant). */
  place: Scalars['String']['output'];
  unitId: Maybe<Scalars['ID']['output']>;
};

/** IDSP's reporting levels, for the weekly forms. */
export type ReportingLevel =
  /** Laboratory confirmed. */
  | 'L'
  /** Presumptive, by clinicians. */
  | 'P'
  /** Syndromic, by health workers. */
  | 'S';

/** How a reporting unit stands for the week. */
export type ReportingUnitStanding = {
  cases: Maybe<Scalars['Int']['output']>;
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  onTime: Scalars['Boolean']['output'];
  /** When it first sent the week; null: nothing sent. */
  sentAt: Maybe<Scalars['DateTime']['output']>;
  unitName: Scalars['String']['output'];
};

export type ReportingWeek = {
  /** Per cent of the expected that reported; null when none is expected. */
  completeness: Maybe<Scalars['Int']['output']>;
  /** Reports after this (the end of the Monday after the week, IST) are late. */
  deadline: Scalars['DateTime']['output'];
  /** Operational facilities under the place. */
  expected: Scalars['Int']['output'];
  onTime: Scalars['Int']['output'];
  reported: Scalars['Int']['output'];
  timeliness: Maybe<Scalars['Int']['output']>;
  /** Each unit: sent on time, late, or nothing. */
  units: Array<ReportingUnitStanding>;
  week: Scalars['String']['output'];
};

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

/** One required document and whether it is there. */
export type RequiredDocument = {
  label: Scalars['String']['output'];
  purpose: DocumentPurpose;
  satisfied: Scalars['Boolean']['output'];
};

/** A clock against its 24-hour target. */
export type ResponseClock = {
  /** Minutes from its start to its stop, or to now while it runs. */
  minutes: Scalars['Int']['output'];
  running: Scalars['Boolean']['output'];
  targetMinutes: Scalars['Int']['output'];
  /** Stopped within the target, or running and not yet past it. */
  withinTarget: Scalars['Boolean']['output'];
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

export type ReviewComment = {
  /** A field (`facility.name`) or a document (`document:fire_safety_noc`). */
  target: Scalars['String']['output'];
  text: Scalars['String']['output'];
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

/** A role and where it applies: the whole tenant, or narrowed to a unit or facility. */
export type RoleGrant = {
  facilityId: Maybe<Scalars['ID']['output']>;
  role: Role;
  unitId: Maybe<Scalars['ID']['output']>;
};

export type RoleGrantInput = {
  /** Narrow the role to one facility. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  role: Role;
  /** Narrow the role to an administrative unit (e.g. a district admin's district). */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type RolloutFacility = {
  checklist: Array<EmrChecklistEntry>;
  district: Maybe<Scalars['String']['output']>;
  facilityType: Maybe<FacilityType>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  standing: RolloutStanding;
};

export type RolloutGroup = {
  /** The district's id, or the facility type; none for facilities outside any district. */
  key: Maybe<Scalars['String']['output']>;
  /** The district's name (empty outside any district), or the facility type's code. */
  label: Scalars['String']['output'];
  tally: RolloutTally;
};

/**
 * One month of the trend: today's facilities, and how many of them had adopted
 * electronic records by the month's end.
 */
export type RolloutMonth = {
  adopted: Scalars['Int']['output'];
  facilities: Scalars['Int']['output'];
  /** "YYYY-MM". */
  month: Scalars['String']['output'];
};

export type RolloutStanding =
  | 'ADOPTED'
  | 'AT_RISK'
  | 'ON_TRACK'
  | 'OVERDUE';

/** Counts for a group of facilities. */
export type RolloutTally = {
  adopted: Scalars['Int']['output'];
  /** Adopted as a share of all, in per cent (one decimal); 0 when there are none. */
  adoptedPercent: Scalars['Float']['output'];
  atRisk: Scalars['Int']['output'];
  lacking: Array<LackingCount>;
  overdue: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type RoundBed = {
  admission: Admission;
  drugs: Array<RoundDrug>;
};

export type RoundDrug = {
  /** Doses given without a fixed time (as needed). */
  asNeeded: Array<DoseMark>;
  /** "Paracetamol 500 mg, 1 tablet, oral". */
  drug: Scalars['String']['output'];
  /** Due doses of the day (none when the frequency has no fixed times). */
  due: Array<DueDose>;
  frequency: Scalars['String']['output'];
  itemIndex: Scalars['Int']['output'];
  prescriptionId: Scalars['ID']['output'];
};

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

export type ScoreItemView = {
  direction: ScoreDirection;
  indicator: ScoreIndicator;
  weight: Scalars['Int']['output'];
};

/** One indicator of a hospital's score. */
export type ScorePart = {
  indicator: ScoreIndicator;
  /** 0 to 100 among the ranked hospitals. */
  points: Scalars['Float']['output'];
  /** None: nothing to divide by (it then scores 0 points). */
  value: Maybe<Scalars['Float']['output']>;
  weight: Scalars['Int']['output'];
};

export type Scorecard = {
  facilityTypes: Array<FacilityType>;
  /** First and last month, "YYYY-MM". */
  from: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  items: Array<ScoreItemView>;
  /** Visits plus admissions in the specialty below which a hospital is not ranked. */
  minVolume: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  savedAt: Scalars['DateTime']['output'];
  /** A ward department (medicine, paediatrics, …). */
  specialty: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** Pass it back as `expectedVersion` to change the scorecard or freeze a round. */
  version: Scalars['Int']['output'];
};

export type ScorecardRanking = {
  /** The months counted: the scorecard's period up to today. */
  from: Scalars['String']['output'];
  /** Ranked hospitals best first, then those not ranked. */
  hospitals: Array<HospitalStanding>;
  /** The months the trend compares with. */
  previousFrom: Scalars['String']['output'];
  previousTo: Scalars['String']['output'];
  scorecard: Scorecard;
  to: Scalars['String']['output'];
  /** The last day counted. */
  until: Scalars['NaiveDate']['output'];
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

/**
 * A count as it may be shown: `shown` is the number, or "<5" where the caller may
 * not see small counts (then `exact` is null).
 */
export type ShownCount = {
  exact: Maybe<Scalars['Int']['output']>;
  shown: Scalars['String']['output'];
};

/** A request to make directly (to S3, or to this server's storage), before `expiresAt`. */
export type SignedRequest = {
  expiresAt: Scalars['DateTime']['output'];
  /** Send these headers exactly: they are part of the signature. */
  headers: Array<HttpHeader>;
  method: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** A code was sent to the phone. */
export type SignupCode = {
  expiresAt: Scalars['DateTime']['output'];
  /** How many more codes may be sent to this phone in the current window. */
  sendsLeft: Scalars['Int']['output'];
  signupId: Scalars['ID']['output'];
};

export type SlaBreach = {
  sla: TicketSla;
  ticket: Ticket;
};

export type Slot = {
  department: Scalars['String']['output'];
  end: Scalars['DateTime']['output'];
  professionalId: Scalars['ID']['output'];
  start: Scalars['DateTime']['output'];
};

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

export type StockCount = {
  createdAt: Scalars['DateTime']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decisionNote: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<CountLine>;
  note: Maybe<Scalars['String']['output']>;
  status: CountStatus;
  storeId: Scalars['ID']['output'];
  submittedAt: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

export type StockOutLine = {
  item: SupplyItem;
  /** Units on hand that cannot be issued (expired, held or untested). */
  onHand: Scalars['Int']['output'];
  outSince: Maybe<Scalars['DateTime']['output']>;
  storeId: Scalars['ID']['output'];
  storeName: Scalars['String']['output'];
};

/** A store's position in one item. */
export type StockPosition = {
  /** Average monthly consumption over the store's look-back, leaving out days out of stock. */
  amc: Maybe<Scalars['Float']['output']>;
  batches: Array<BatchStock>;
  daysOutOfStock: Scalars['Int']['output'];
  /** Units in batches inside the store's expiry warning band. */
  expiring: Scalars['Int']['output'];
  /** Issued to this store and not yet received. */
  inTransit: Scalars['Int']['output'];
  item: SupplyItem;
  maxMonths: Scalars['Float']['output'];
  minMonths: Scalars['Float']['output'];
  monthsOfStock: Maybe<Scalars['Float']['output']>;
  /** Every unit in the store, whatever its state. */
  onHand: Scalars['Int']['output'];
  status: StockStatus;
  /** What to indent for now (0 above the minimum). */
  suggestedQuantity: Scalars['Int']['output'];
  /** What may be issued today: not expired, on hold or awaiting testing. */
  usable: Scalars['Int']['output'];
  /** Units that will expire before they can be used at this AMC. */
  wastedBeforeExpiry: Scalars['Int']['output'];
};

/** Both ends of a return. */
export type StockReturn = {
  /** The store above's row. */
  into: PostedMovement;
  /** The returning store's row (its balances after the return). */
  out: PostedMovement;
  toStoreId: Scalars['ID']['output'];
};

/** Where an item stands in a store. */
export type StockStatus =
  | 'NORMAL'
  | 'OVER_STOCKED'
  | 'STOCK_OUT'
  | 'UNDER_STOCKED';

export type Store = {
  facilityId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  level: StoreLevel;
  name: Scalars['String']['output'];
  parentId: Maybe<Scalars['ID']['output']>;
  settings: StoreSettings;
  /** Whether the caller approves this store's stock counts. */
  supervisesHere: Scalars['Boolean']['output'];
  unitId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
  /** Whether the caller moves this store's stock (or only sees it). */
  worksHere: Scalars['Boolean']['output'];
};

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

export type StoreSettings = {
  expiryAlertDays: Scalars['Int']['output'];
  expiryWarnDays: Scalars['Int']['output'];
  /** AMC is taken over this many days. */
  lookbackDays: Scalars['Int']['output'];
  maxMonths: Scalars['Float']['output'];
  minMonths: Scalars['Float']['output'];
  overstockMonths: Scalars['Float']['output'];
};

/** A store's planning thresholds. */
export type StoreSettingsInput = {
  expiryAlertDays: Scalars['Int']['input'];
  expiryWarnDays: Scalars['Int']['input'];
  lookbackDays: Scalars['Int']['input'];
  maxMonths: Scalars['Float']['input'];
  minMonths: Scalars['Float']['input'];
  overstockMonths: Scalars['Float']['input'];
};

export type StoreStock = {
  items: Array<StockPosition>;
  store: Store;
};

export type SubscriptionRoot = {
  /**
   * Admissions, condition changes, transfers and discharges at the facilities the
   * caller sees (or one of them), from every server instance. The stream ends when
   * the access token used to subscribe expires.
   */
  admissionsChanged: AdmissionChange;
  /**
   * Audit events of the tenant as they are committed (administrators).
   *
   * The stream ends (`complete`) when the access token used to subscribe expires or
   * the subscriber's tenant is suspended: reconnect with a fresh token.
   */
  auditEventAdded: AuditEvent;
  /**
   * Alerts of the facilities in reach, from every server instance. The stream ends
   * when the access token used to subscribe expires.
   */
  oxygenAlertChanged: OxygenAlertChange;
  /**
   * A change to refresh on, from every server instance. The stream ends when the
   * access token used to subscribe expires.
   */
  surveillanceChanged: SurveillanceChange;
  /**
   * Changes to a tier's queue (new tickets, assignments, escalations, resolutions),
   * from every server instance. Tier 1 also hears of its tickets leaving for tier 2.
   * The stream ends when the access token used to subscribe expires.
   */
  ticketQueueChanged: QueueChange;
};


export type SubscriptionRootAdmissionsChangedArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionRootAuditEventAddedArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionRootTicketQueueChangedArgs = {
  tier: Scalars['Int']['input'];
};

/** A facility that can receive the emergency, and how far it is. */
export type SuggestedFacility = {
  bedsIcu: Scalars['Int']['output'];
  /** Straight-line distance. */
  distanceKm: Scalars['Float']['output'];
  facilityId: Scalars['ID']['output'];
  /** The registry's facility type, e.g. `district_hospital`. */
  facilityType: Scalars['String']['output'];
  name: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
};

export type SupplyAlert = {
  batchId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  itemId: Scalars['ID']['output'];
  kind: SupplyAlertKind;
  message: Scalars['String']['output'];
  raisedAt: Scalars['DateTime']['output'];
  storeId: Scalars['ID']['output'];
  storeName: Scalars['String']['output'];
};

export type SupplyAlertKind =
  | 'BELOW_MINIMUM'
  | 'EXPIRED'
  | 'EXPIRING'
  | 'EXPIRING_SOON'
  | 'STOCK_OUT';

export type SupplyBatch = {
  batchNo: Scalars['String']['output'];
  expiresOn: Scalars['NaiveDate']['output'];
  id: Scalars['ID']['output'];
  onHold: Scalars['Boolean']['output'];
  qualityStatus: QualityStatus;
  version: Scalars['Int']['output'];
};

export type SupplyItem = {
  code: Scalars['String']['output'];
  essential: Scalars['Boolean']['output'];
  form: Maybe<DosageForm>;
  id: Scalars['ID']['output'];
  kind: ItemKind;
  name: Scalars['String']['output'];
  overTheCounter: Scalars['Boolean']['output'];
  packSize: Scalars['Int']['output'];
  schedule: DrugSchedule;
  strength: Maybe<Scalars['String']['output']>;
  unitOfIssue: Scalars['String']['output'];
};

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

export type SurveillanceAlert = {
  cases: Scalars['Int']['output'];
  condition: Scalars['String']['output'];
  /** Why it fired, in numbers. */
  explanation: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The outbreak investigation a true signal opened. */
  investigationId: Maybe<Scalars['ID']['output']>;
  /** The line the cases crossed (threshold, multiple of the baseline, mean + k SD). */
  line: Scalars['Float']['output'];
  raisedAt: Scalars['DateTime']['output'];
  /** The rule's key (`cluster-5-in-14-days`, `fixed-1-block`, `twice-baseline-block`, `mean-2sd-district`). */
  rule: Scalars['String']['output'];
  /** open, true_signal or false_signal. */
  status: Scalars['String']['output'];
  unitId: Scalars['ID']['output'];
  unitName: Scalars['String']['output'];
  verificationNote: Maybe<Scalars['String']['output']>;
  verifiedAt: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  /** The village or ward of a cluster. */
  village: Maybe<Scalars['String']['output']>;
  windowFrom: Scalars['NaiveDate']['output'];
  windowTo: Scalars['NaiveDate']['output'];
};

export type SurveillanceCase = {
  ageYears: Maybe<Scalars['Int']['output']>;
  /** suspected, probable, confirmed or discarded. */
  classification: Scalars['String']['output'];
  condition: Scalars['String']['output'];
  /** The onset's epidemiological week (`2026W49`). */
  epiWeek: Scalars['String']['output'];
  facilityId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  level: CaseLevel;
  /** The name of a person reported from the field (registered patients: see their record). */
  name: Maybe<Scalars['String']['output']>;
  onsetDate: Scalars['NaiveDate']['output'];
  /** recovered, died or lost; null while under care. */
  outcome: Maybe<Scalars['String']['output']>;
  /** The registered patient, when there is one. */
  patientId: Maybe<Scalars['ID']['output']>;
  reportedAt: Scalars['DateTime']['output'];
  sex: Scalars['String']['output'];
  symptoms: Maybe<Scalars['String']['output']>;
  unitId: Scalars['ID']['output'];
  /** Pass this back as `expectedVersion` to change the case. */
  version: Scalars['Int']['output'];
  village: Maybe<Scalars['String']['output']>;
};

/** An alert raised or verified, or an investigation changed, in the subscriber's reach. */
export type SurveillanceChange = {
  /** raised, verified, opened, entry or status. */
  action: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** alert or investigation. */
  kind: Scalars['String']['output'];
};

/** A row flagged as someone already enrolled. */
export type SurveyDuplicate = {
  /** Health IDs of the likely matches. */
  matches: Array<Scalars['String']['output']>;
  row: Scalars['Int']['output'];
};

export type SurveyImportReport = {
  /** Rows not enrolled because the person looks already enrolled. */
  duplicates: Array<SurveyDuplicate>;
  errors: Array<ImportRowError>;
  households: Scalars['Int']['output'];
  /** People enrolled (each with a health ID and a card). */
  imported: Scalars['Int']['output'];
};

export type SurveyProgressRow = {
  cardsDelivered: Scalars['Int']['output'];
  cardsIssued: Scalars['Int']['output'];
  cardsPrinted: Scalars['Int']['output'];
  households: Scalars['Int']['output'];
  peopleEnrolled: Scalars['Int']['output'];
  /** Null for the whole tenant. */
  unit: Maybe<AdminUnit>;
};

export type SystemOfMedicine =
  | 'ALLOPATHY'
  | 'AYURVEDA'
  | 'HOMOEOPATHY'
  | 'SIDDHA'
  | 'SOWA_RIGPA'
  | 'UNANI'
  | 'YOGA';

export type TankReading = {
  kilograms: Maybe<Scalars['Float']['output']>;
  percent: Maybe<Scalars['Float']['output']>;
  sourceId: Scalars['ID']['output'];
};

/** A tank's gauge: give the percentage or the kilograms, as the gauge shows. */
export type TankReadingInput = {
  kilograms?: InputMaybe<Scalars['Float']['input']>;
  percent?: InputMaybe<Scalars['Float']['input']>;
  sourceId: Scalars['ID']['input'];
};

export type TeamMember = {
  name: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

export type TeleconsultationRecorded = {
  /**
   * The teleconsultation encounter in the patient's record; null when the caller
   * is not a known patient (the note is then in the ticket's timeline).
   */
  encounterId: Maybe<Scalars['ID']['output']>;
  ticket: Ticket;
};

export type Tenant = {
  /** Short code such as `WB` or `BR-MZP`: the prefix of every health ID issued here. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: TenantKind;
  name: Scalars['String']['output'];
  /** The state a district tenant belongs to. */
  parent: Maybe<Tenant>;
  status: TenantStatus;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back as `expectedVersion` when changing the tenant. */
  version: Scalars['Int']['output'];
};

export type TenantConnection = {
  /** A list of edges. */
  edges: Array<TenantEdge>;
  /** A list of nodes. */
  nodes: Array<Tenant>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type TenantEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Tenant;
};

export type TenantKind =
  | 'DISTRICT'
  | 'STATE';

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type Ticket = {
  /** What may be done now: `take`, `escalate`, `resolve`, `close`, `reopen`. */
  allowedActions: Array<Scalars['String']['output']>;
  assigneeUserId: Maybe<Scalars['ID']['output']>;
  callerName: Maybe<Scalars['String']['output']>;
  callerPhone: Scalars['String']['output'];
  category: TicketCategory;
  channel: TicketChannel;
  createdAt: Scalars['DateTime']['output'];
  /** Help sent for this ticket, oldest first. */
  dispatches: Array<EmergencyDispatch>;
  /** The teleconsultation encounter recorded from this ticket, if any. */
  encounterId: Maybe<Scalars['ID']['output']>;
  firstResponseAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kbArticleId: Maybe<Scalars['ID']['output']>;
  language: Scalars['String']['output'];
  notes: Scalars['String']['output'];
  patientId: Maybe<Scalars['ID']['output']>;
  priority: TicketPriority;
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  /** Time left and breaches against the category's targets, at `at` (default: now). */
  sla: TicketSla;
  status: TicketStatus;
  /** 1 (operators) or 2 (doctors). */
  tier: Scalars['Int']['output'];
  /** Every step, oldest first. */
  timeline: Array<TicketEvent>;
  /** Pass back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};


export type TicketAllowedActionsArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


export type TicketSlaArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};

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

export type TicketEvent = {
  /**
   * `create`, `assign`, `take`, `escalate`, `resolve`, `close`, `reopen`, `note`,
   * `transfer`, `link_article`, `teleconsultation`, `dispatch`, `dispatch_arrived`,
   * `dispatch_closed`.
   */
  action: Scalars['String']['output'];
  actorUserId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  fromStatus: Maybe<Scalars['String']['output']>;
  note: Maybe<Scalars['String']['output']>;
  tier: Scalars['Int']['output'];
  toStatus: Scalars['String']['output'];
};

export type TicketPriority =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

/** Where a ticket stands against its targets. */
export type TicketSla = {
  firstResponseBreached: Scalars['Boolean']['output'];
  firstResponseDue: Scalars['DateTime']['output'];
  /** Seconds left (negative: overdue); null once met. */
  firstResponseSecondsLeft: Maybe<Scalars['Int']['output']>;
  resolutionBreached: Scalars['Boolean']['output'];
  resolutionDue: Scalars['DateTime']['output'];
  resolutionSecondsLeft: Maybe<Scalars['Int']['output']>;
};

export type TicketStatus =
  | 'CLOSED'
  | 'ESCALATED'
  | 'IN_PROGRESS'
  | 'NEW'
  | 'RESOLVED';

export type TierCount = {
  count: Scalars['Int']['output'];
  tier: Scalars['Int']['output'];
};

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

export type TrainingRegister = {
  days: Array<Scalars['NaiveDate']['output']>;
  /** Every nominee, by name. */
  lines: Array<RegisterLine>;
  session: TrainingSession;
};

export type TrainingSession = {
  /** Per cent of the nominee-days held so far marked present; null before the first day. */
  attendanceRate: Maybe<Scalars['Int']['output']>;
  /** The caller keeps its register (its trainer, or an administrator). */
  canKeepRegister: Scalars['Boolean']['output'];
  /** The caller administers it: nominates, cancels. */
  canManage: Scalars['Boolean']['output'];
  /** The most trainees it takes; null: no limit set. */
  capacity: Maybe<Scalars['Int']['output']>;
  /** Days held by today (India). */
  daysHeld: Scalars['Int']['output'];
  endsOn: Scalars['NaiveDate']['output'];
  /** The venue. */
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  nominees: Scalars['Int']['output'];
  /** Nominee-days marked present. */
  present: Scalars['Int']['output'];
  startsOn: Scalars['NaiveDate']['output'];
  status: TrainingStatus;
  /** Why it was cancelled (or a note at closing). */
  statusReason: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  topic: TrainingTopic;
  trainerId: Maybe<Scalars['ID']['output']>;
  /** The trainer's name; null: an outside trainer, or none named. */
  trainerName: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
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

export type UnitPopulation = {
  population: Scalars['Int']['output'];
  unitId: Scalars['ID']['output'];
  unitName: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

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

/** A pending document and where to upload its bytes; then call `confirmUpload`. */
export type UploadSlot = {
  document: Document;
  upload: SignedRequest;
};

export type User = {
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  roles: Array<RoleGrant>;
  status: UserStatus;
  tenant: Maybe<Tenant>;
  updatedAt: Scalars['DateTime']['output'];
  username: Scalars['String']['output'];
  /** Pass this back as `expectedVersion` when updating the account. */
  version: Scalars['Int']['output'];
};

export type UserConnection = {
  /** A list of edges. */
  edges: Array<UserEdge>;
  /** A list of nodes. */
  nodes: Array<User>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type UserEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: User;
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

/** A value outside the usual range, kept and shown with a warning. */
export type VitalFlag = {
  /** The measurement: `pulsePerMin`, `temperatureC`, `bmi`… */
  field: Scalars['String']['output'];
  /** Above the usual range (else below). */
  high: Scalars['Boolean']['output'];
  /** In English, naming the measurement: "Pulse high: 120 /min (usual 50 to 100)". */
  message: Scalars['String']['output'];
  unit: Scalars['String']['output'];
  usualHigh: Scalars['Float']['output'];
  usualLow: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
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

export type VitalsView = {
  bloodGlucoseMgDl: Maybe<Scalars['Float']['output']>;
  /** Derived from weight and height. */
  bmi: Maybe<Scalars['Float']['output']>;
  diastolicMmHg: Maybe<Scalars['Int']['output']>;
  flags: Array<VitalFlag>;
  glucoseTiming: Maybe<GlucoseTiming>;
  heightCm: Maybe<Scalars['Float']['output']>;
  pulsePerMin: Maybe<Scalars['Int']['output']>;
  respiratoryRatePerMin: Maybe<Scalars['Int']['output']>;
  spo2Percent: Maybe<Scalars['Int']['output']>;
  systolicMmHg: Maybe<Scalars['Int']['output']>;
  temperatureC: Maybe<Scalars['Float']['output']>;
  weightKg: Maybe<Scalars['Float']['output']>;
};

export type VoucherLine = {
  batchId: Scalars['ID']['output'];
  batchNo: Scalars['String']['output'];
  damaged: Maybe<Scalars['Int']['output']>;
  expiresOn: Maybe<Scalars['NaiveDate']['output']>;
  itemId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  received: Maybe<Scalars['Int']['output']>;
  /** Issued, and neither received nor damaged. */
  short: Maybe<Scalars['Int']['output']>;
};

export type WalkInInput = {
  lines: Array<DispenseLineInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  storeId: Scalars['ID']['input'];
};

export type Ward = {
  department: Maybe<Department>;
  facilityId: Scalars['ID']['output'];
  floor: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The nurses' station, shown to families. */
  phone: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type WardBoard = {
  beds: Array<BedTile>;
  counts: BedCounts;
  ward: Ward;
};

/** A ward's midnight census of one day, counted from bed assignments. */
export type WardCensusDay = {
  admitted: Scalars['Int']['output'];
  closing: Scalars['Int']['output'];
  day: Scalars['NaiveDate']['output'];
  died: Scalars['Int']['output'];
  discharged: Scalars['Int']['output'];
  opening: Scalars['Int']['output'];
  transferredIn: Scalars['Int']['output'];
  transferredOut: Scalars['Int']['output'];
};

export type WardInSight = {
  facilityName: Scalars['String']['output'];
  ward: Ward;
};

export type WardInput = {
  department: Department;
  facilityId: Scalars['ID']['input'];
  floor?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** The nurses' station, given to families on the status page. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type WeekCount = {
  cases: ShownCount;
  /** `2026W49`. */
  week: Scalars['String']['output'];
};

/** A place and a condition over the weeks asked for. */
export type WeeklyCaseCell = {
  /**
   * The strongest alert of the condition in the place over the weeks: `true_signal`
   * (an outbreak under investigation), `open` (to verify), or null.
   */
  alert: Maybe<Scalars['String']['output']>;
  /** Oldest week first: the epidemic curve. */
  byWeek: Array<WeekCount>;
  cases: ShownCount;
  condition: Scalars['String']['output'];
  confirmed: ShownCount;
  deaths: ShownCount;
  unitId: Scalars['ID']['output'];
  unitName: Scalars['String']['output'];
};

export type WeeklyFormLine = {
  /** Cases per age group, in the order of `ageGroups` ("<5" where hidden). */
  byAge: Array<Scalars['String']['output']>;
  condition: Scalars['String']['output'];
  conditionName: Scalars['String']['output'];
  deaths: Scalars['String']['output'];
  total: Scalars['String']['output'];
};

export type WeeklyFormView = {
  ageGroups: Array<Scalars['String']['output']>;
  expected: Scalars['Int']['output'];
  level: Scalars['String']['output'];
  lines: Array<WeeklyFormLine>;
  onTime: Scalars['Int']['output'];
  place: Scalars['String']['output'];
  reported: Scalars['Int']['output'];
  week: Scalars['String']['output'];
};

export type WeeklyReportSent = {
  /** The facility's cases of the week when sent. */
  cases: Scalars['Int']['output'];
  facilityId: Scalars['ID']['output'];
  facilityName: Scalars['String']['output'];
  /** The first sending (it decides timeliness). */
  firstSentAt: Scalars['DateTime']['output'];
  lastSentAt: Scalars['DateTime']['output'];
  /** No case this week: a nil report. */
  nilReport: Scalars['Boolean']['output'];
  onTime: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
  week: Scalars['String']['output'];
};

export type WitnessInput = {
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type MeFieldsFragment = { userId: string, isPlatformAdmin: boolean, displayName: string, roles: Array<{ role: Role }>, tenant: { code: string, name: string } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, me: { offlineSecret: string | null, userId: string, isPlatformAdmin: boolean, displayName: string, roles: Array<{ role: Role }>, tenant: { code: string, name: string } | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { offlineSecret: string | null, userId: string, isPlatformAdmin: boolean, displayName: string, roles: Array<{ role: Role }>, tenant: { code: string, name: string } | null } };

export type LogoutMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type LogoutMutation = { logout: boolean };

export type RefreshMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type RefreshMutation = { refreshToken: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type AccessLogQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccessLogQuery = { patientByHealthId: { healthId: string, givenName: string, familyName: string | null, recordAccessLog: { nodes: Array<{ id: string, at: string, viewed: string, purpose: string | null, breakGlass: boolean, reason: string | null, actor: { displayName: string } | null, professional: { name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type AuditTrailQueryVariables = Exact<{
  filter?: InputMaybe<AuditEventFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AuditTrailQuery = { auditEvents: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, action: string, entityType: string, entityId: string | null, occurredAt: string, actorKind: string, clientAddress: string | null, detail: unknown, actor: { username: string } | null }> } };

export type HelplineDashboardQueryVariables = Exact<{
  day: Scalars['NaiveDate']['input'];
  tier2: Scalars['Boolean']['input'];
}>;


export type HelplineDashboardQuery = { tier1: Array<{ status: TicketStatus }>, tier2?: Array<{ status: TicketStatus }>, helplineStats: { calls: number, slaBreaches: number } };

export type AdminDashboardQueryVariables = Exact<{
  state: Scalars['Boolean']['input'];
}>;


export type AdminDashboardQuery = { failedNotifications?: Array<{ id: string, channel: string, destination: string, subject: string, lastError: string | null, createdAt: string }>, professionals: { nodes: Array<{ id: string }>, pageInfo: { hasNextPage: boolean } }, hospitalApplications: { nodes: Array<{ id: string }>, pageInfo: { hasNextPage: boolean } } };

export type PatientsRegisteredTodayQueryVariables = Exact<{
  day: Scalars['NaiveDate']['input'];
}>;


export type PatientsRegisteredTodayQuery = { patientsRegistered: number };

export type ChangePasswordMutationVariables = Exact<{
  current: Scalars['String']['input'];
  next: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type PatientByHealthIdQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
}>;


export type PatientByHealthIdQuery = { patientByHealthId: { id: string, healthId: string, givenName: string, familyName: string | null, localName: string | null, birthDate: string, birthDateEstimated: boolean, phone: string | null } };

export type SearchPatientsQueryVariables = Exact<{
  input: PatientSearchInput;
}>;


export type SearchPatientsQuery = { searchPatients: Array<{ id: string, healthId: string, givenName: string, familyName: string | null, localName: string | null, ageYears: number, sex: PatientSex }> };

export type ProfessionalsQueryVariables = Exact<{
  filter?: InputMaybe<ProfessionalFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProfessionalsQuery = { professionals: { nodes: Array<{ id: string, name: string, kind: ProfessionalKind, verificationStatus: VerificationStatus, registrations: Array<{ council: string, number: string }>, postings: Array<{ designation: string, facility: { id: string, name: string } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyHouseholdsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyHouseholdsQuery = { households: { nodes: Array<{ id: string, addressLine: string, createdAt: string, headPatientId: string | null, unit: { name: string } | null, members: Array<{ id: string, healthId: string, givenName: string, familyName: string | null, localName: string | null, ageYears: number, sex: PatientSex }> }> } };

export type CreateHouseholdMutationVariables = Exact<{
  input: HouseholdInput;
}>;


export type CreateHouseholdMutation = { createHousehold: { id: string } };

export type EnrolMemberMutationVariables = Exact<{
  householdId: Scalars['ID']['input'];
  patient: PatientInput;
  head?: InputMaybe<Scalars['Boolean']['input']>;
  confirm?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type EnrolMemberMutation = { enrollHouseholdMember: { warnings: Array<string>, patient: { id: string, healthId: string } | null, duplicates: Array<{ reasons: Array<MatchReason>, patient: { healthId: string, givenName: string, familyName: string | null, localName: string | null, yearOfBirth: number } }> } };

export type TenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantsQuery = { tenants: { nodes: Array<{ id: string, code: string, name: string, kind: TenantKind, status: TenantStatus, version: number, parent: { code: string } | null }> } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { id: string, name: string } };

export type SuspendTenantMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v?: InputMaybe<Scalars['Int']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type SuspendTenantMutation = { suspendTenant: { id: string } };

export type ReactivateTenantMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v?: InputMaybe<Scalars['Int']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReactivateTenantMutation = { reactivateTenant: { id: string } };

export type PendingProfessionalsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingProfessionalsQuery = { professionals: { nodes: Array<{ id: string, name: string, kind: ProfessionalKind, version: number, registrations: Array<{ council: string, number: string }>, postings: Array<{ facility: { name: string } | null }> }> } };

export type VerifyProfessionalMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type VerifyProfessionalMutation = { verifyProfessional: { id: string } };

export type RejectProfessionalMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type RejectProfessionalMutation = { rejectProfessional: { id: string } };

export type ApiClientFieldsFragment = { id: string, clientId: string, name: string, active: boolean, createdAt: string, rotatedAt: string | null, revokedAt: string | null, scopes: Array<{ role: Role, unitId: string | null, facilityId: string | null }> };

export type ApiClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiClientsQuery = { apiClients: Array<{ id: string, clientId: string, name: string, active: boolean, createdAt: string, rotatedAt: string | null, revokedAt: string | null, scopes: Array<{ role: Role, unitId: string | null, facilityId: string | null }> }> };

export type CreateApiClientMutationVariables = Exact<{
  input: CreateApiClientInput;
}>;


export type CreateApiClientMutation = { createApiClient: { clientSecret: string, client: { id: string, clientId: string, name: string, active: boolean, createdAt: string, rotatedAt: string | null, revokedAt: string | null, scopes: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } } };

export type RotateApiClientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateApiClientMutation = { rotateApiClientSecret: { clientSecret: string, client: { id: string, clientId: string, name: string, active: boolean, createdAt: string, rotatedAt: string | null, revokedAt: string | null, scopes: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } } };

export type RevokeApiClientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiClientMutation = { revokeApiClient: { id: string, clientId: string, name: string, active: boolean, createdAt: string, rotatedAt: string | null, revokedAt: string | null, scopes: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } };

export type ClientFacilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientFacilitiesQuery = { facilities: { nodes: Array<{ id: string, name: string }> } };

export type UserFieldsFragment = { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> };

export type UsersQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersQuery = { users: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } };

export type SetUserActiveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  active: Scalars['Boolean']['input'];
}>;


export type SetUserActiveMutation = { updateUser: { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } };

export type ResetPasswordMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  password: Scalars['String']['input'];
}>;


export type ResetPasswordMutation = { resetUserPassword: boolean };

export type GrantRoleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  grant: RoleGrantInput;
}>;


export type GrantRoleMutation = { grantRole: { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } };

export type RevokeRoleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  grant: RoleGrantInput;
}>;


export type RevokeRoleMutation = { revokeRole: { id: string, username: string, displayName: string, email: string | null, status: UserStatus, version: number, roles: Array<{ role: Role, unitId: string | null, facilityId: string | null }> } };

export type ImportReportFieldsFragment = { imported: number, skipped: number, errors: Array<{ row: number, column: string, message: string }> };

export type ImportFacilitiesMutationVariables = Exact<{
  csv: Scalars['String']['input'];
  skip: Scalars['Boolean']['input'];
}>;


export type ImportFacilitiesMutation = { importFacilities: { imported: number, skipped: number, errors: Array<{ row: number, column: string, message: string }> } };

export type ImportProfessionalsMutationVariables = Exact<{
  csv: Scalars['String']['input'];
  skip: Scalars['Boolean']['input'];
}>;


export type ImportProfessionalsMutation = { importProfessionals: { imported: number, skipped: number, errors: Array<{ row: number, column: string, message: string }> } };

export type ImportSurveyMutationVariables = Exact<{
  csv: Scalars['String']['input'];
  skip: Scalars['Boolean']['input'];
}>;


export type ImportSurveyMutation = { importSurvey: { imported: number, households: number, duplicates: Array<{ row: number }>, errors: Array<{ row: number, column: string, message: string }> } };

export type IndicatorFigureFieldsFragment = { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null };

export type IndicatorsQueryVariables = Exact<{
  unitId?: InputMaybe<Scalars['ID']['input']>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  department?: InputMaybe<Scalars['String']['input']>;
}>;


export type IndicatorsQuery = { indicators: { placeName: string, from: string, to: string, department: string | null, asOf: string, recountedAt: string | null, totals: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null }, months: Array<{ month: string, figures: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null } }>, parts: Array<{ id: string, name: string, kind: string, figures: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null }, months: Array<{ month: string, figures: { opdVisits: number } }> }>, departments: Array<{ department: string, figures: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null } }>, groups: Array<{ ageGroup: string, sex: string, figures: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null } }> } };

export type ReportRecipientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportRecipientsQuery = { reportRecipients: Array<{ id: string, email: string, place: string }> };

export type AddReportRecipientMutationVariables = Exact<{
  input: AddReportRecipientInput;
}>;


export type AddReportRecipientMutation = { addReportRecipient: { id: string } };

export type RemoveReportRecipientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveReportRecipientMutation = { removeReportRecipient: boolean };

export type IndicatorRowsQueryVariables = Exact<{
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  measure: IndicatorMeasure;
  department?: InputMaybe<Scalars['String']['input']>;
}>;


export type IndicatorRowsQuery = { indicatorRows: { placeName: string, total: number, sum: number, rows: Array<{ kind: string, recordId: string, facilityName: string | null, healthId: string | null, patientName: string | null, unidentified: string | null, label: string | null, day: string, department: string, value: number }> } };

export type IndicatorDaysQueryVariables = Exact<{
  unitId?: InputMaybe<Scalars['ID']['input']>;
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
  department?: InputMaybe<Scalars['String']['input']>;
  weekly?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type IndicatorDaysQuery = { indicatorDays: { from: string, to: string, points: Array<{ day: string, figures: { opdVisits: number, admissions: number, discharges: number, deaths: number, inpatientDays: number, referralsOut: number, labTests: number, labTurnaroundHours: number | null, prescriptions: number, prescriptionsPerVisit: number | null, beds: number, days: number, mortalityRate: number | null, averageLengthOfStay: number | null, bedOccupancyRate: number | null, bedTurnover: number | null, registrations: number, cardsIssued: number, householdsSurveyed: number, peopleSurveyed: number, population: number, surveyCoverage: number | null, helplineCalls: number, helplineDue: number, helplineInTarget: number, helplineInTargetRate: number | null, professionalsVerified: number, notifiableCases: number, stockOuts: number, oxygenDaysOfCover: number | null } }> } };

export type EmrRolloutQueryVariables = Exact<{
  unitId?: InputMaybe<Scalars['ID']['input']>;
  facilityType?: InputMaybe<FacilityType>;
}>;


export type EmrRolloutQuery = { emrRollout: { today: string, notAdopted: number, deadline: { deadline: string, version: number } | null, all: { total: number, adopted: number, adoptedPercent: number, atRisk: number, overdue: number, lacking: Array<{ item: EmrItem, facilities: number }> }, byDistrict: Array<{ key: string | null, label: string, tally: { total: number, adopted: number, adoptedPercent: number, atRisk: number, overdue: number, lacking: Array<{ item: EmrItem, facilities: number }> } }>, byType: Array<{ key: string | null, tally: { total: number, adopted: number, adoptedPercent: number, atRisk: number, overdue: number, lacking: Array<{ item: EmrItem, facilities: number }> } }>, monthly: Array<{ month: string, facilities: number, adopted: number }>, facilities: Array<{ id: string, name: string, facilityType: FacilityType | null, district: string | null, standing: RolloutStanding, checklist: Array<{ item: EmrItem, status: ReadinessStatus }> }> } };

export type RolloutTallyFieldsFragment = { total: number, adopted: number, adoptedPercent: number, atRisk: number, overdue: number, lacking: Array<{ item: EmrItem, facilities: number }> };

export type EmrReadinessHistoryQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type EmrReadinessHistoryQuery = { emrReadinessHistory: Array<{ seq: number, adopted: boolean, adoptedOn: string | null, source: string, changedBy: string | null, changedAt: string, checklist: Array<{ item: EmrItem, status: ReadinessStatus }> }> };

export type SetEmrDeadlineMutationVariables = Exact<{
  input: SetEmrDeadlineInput;
}>;


export type SetEmrDeadlineMutation = { setEmrDeadline: { deadline: string, version: number } };

export type ImportEmrReadinessMutationVariables = Exact<{
  input: ImportEmrReadinessInput;
}>;


export type ImportEmrReadinessMutation = { importEmrReadiness: { changed: number, unchanged: number, skipped: number, errors: Array<{ row: number, column: string, message: string }> } };

export type StandingFieldsFragment = { facilityId: string, name: string, volume: number, rank: number | null, score: number | null, parts: Array<{ indicator: ScoreIndicator, weight: number, value: number | null, points: number }> };

export type ScorecardsQueryVariables = Exact<{ [key: string]: never; }>;


export type ScorecardsQuery = { scorecards: Array<{ id: string, version: number, name: string, specialty: string, minVolume: number, facilityTypes: Array<FacilityType>, from: string, to: string, items: Array<{ indicator: ScoreIndicator, direction: ScoreDirection, weight: number }> }>, awardRounds: Array<{ id: string, title: string, scorecardName: string, from: string, to: string, decided: boolean, frozenAt: string, winners: Array<{ facilityId: string, name: string, place: number }> }> };

export type ScorecardFieldsFragment = { id: string, version: number, name: string, specialty: string, minVolume: number, facilityTypes: Array<FacilityType>, from: string, to: string, items: Array<{ indicator: ScoreIndicator, direction: ScoreDirection, weight: number }> };

export type ScorecardRankingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScorecardRankingQuery = { scorecardRanking: { from: string, to: string, until: string, previousFrom: string, previousTo: string, hospitals: Array<{ district: string | null, previousScore: number | null, previousRank: number | null, facilityId: string, name: string, volume: number, rank: number | null, score: number | null, parts: Array<{ indicator: ScoreIndicator, weight: number, value: number | null, points: number }> }> } };

export type SaveScorecardMutationVariables = Exact<{
  input: SaveScorecardInput;
}>;


export type SaveScorecardMutation = { saveScorecard: { id: string, version: number } };

export type AwardRoundFieldsFragment = { id: string, version: number, title: string, scorecardName: string, scorecardVersion: number, specialty: string, minVolume: number, from: string, to: string, frozenAt: string, frozenBy: string | null, decided: boolean, decidedAt: string | null, decidedBy: string | null, decisionNote: string | null, items: Array<{ indicator: ScoreIndicator, direction: ScoreDirection, weight: number }>, result: Array<{ facilityId: string, name: string, volume: number, rank: number | null, score: number | null, parts: Array<{ indicator: ScoreIndicator, weight: number, value: number | null, points: number }> }>, winners: Array<{ facilityId: string, name: string, place: number, score: number | null, rank: number | null, certificateUrl: string }> };

export type AwardRoundQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AwardRoundQuery = { awardRound: { id: string, version: number, title: string, scorecardName: string, scorecardVersion: number, specialty: string, minVolume: number, from: string, to: string, frozenAt: string, frozenBy: string | null, decided: boolean, decidedAt: string | null, decidedBy: string | null, decisionNote: string | null, items: Array<{ indicator: ScoreIndicator, direction: ScoreDirection, weight: number }>, result: Array<{ facilityId: string, name: string, volume: number, rank: number | null, score: number | null, parts: Array<{ indicator: ScoreIndicator, weight: number, value: number | null, points: number }> }>, winners: Array<{ facilityId: string, name: string, place: number, score: number | null, rank: number | null, certificateUrl: string }> } };

export type FreezeAwardRoundMutationVariables = Exact<{
  input: FreezeAwardRoundInput;
}>;


export type FreezeAwardRoundMutation = { freezeAwardRound: { id: string } };

export type DecideAwardRoundMutationVariables = Exact<{
  input: DecideAwardRoundInput;
}>;


export type DecideAwardRoundMutation = { decideAwardRound: { id: string, version: number, title: string, scorecardName: string, scorecardVersion: number, specialty: string, minVolume: number, from: string, to: string, frozenAt: string, frozenBy: string | null, decided: boolean, decidedAt: string | null, decidedBy: string | null, decisionNote: string | null, items: Array<{ indicator: ScoreIndicator, direction: ScoreDirection, weight: number }>, result: Array<{ facilityId: string, name: string, volume: number, rank: number | null, score: number | null, parts: Array<{ indicator: ScoreIndicator, weight: number, value: number | null, points: number }> }>, winners: Array<{ facilityId: string, name: string, place: number, score: number | null, rank: number | null, certificateUrl: string }> } };

export type BookingPatientQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
}>;


export type BookingPatientQuery = { patientByHealthId: { id: string, givenName: string, familyName: string | null } };

export type BookingFacilitiesQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type BookingFacilitiesQuery = { facilities: { nodes: Array<{ id: string, name: string }> } };

export type FreeSlotsQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
  department?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
}>;


export type FreeSlotsQuery = { freeSlots: Array<{ professionalId: string, department: string, start: string, end: string }> };

export type BookAppointmentMutationVariables = Exact<{
  input: BookAppointmentInput;
}>;


export type BookAppointmentMutation = { bookAppointment: { id: string, tokenNumber: number, start: string } };

export type TicketRowFragment = { id: string, status: TicketStatus, tier: number, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, callerName: string | null, callerPhone: string, notes: string, createdAt: string, version: number, assigneeUserId: string | null };

export type TicketQueueQueryVariables = Exact<{
  tier: Scalars['Int']['input'];
}>;


export type TicketQueueQuery = { ticketQueue: Array<{ id: string, status: TicketStatus, tier: number, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, callerName: string | null, callerPhone: string, notes: string, createdAt: string, version: number, assigneeUserId: string | null }> };

export type QueueChangedSubscriptionVariables = Exact<{
  tier: Scalars['Int']['input'];
}>;


export type QueueChangedSubscription = { ticketQueueChanged: { ticketId: string, action: string } };

export type TicketDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TicketDetailQuery = { ticket: { language: string, patientId: string | null, allowedActions: Array<string>, id: string, status: TicketStatus, tier: number, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, callerName: string | null, callerPhone: string, notes: string, createdAt: string, version: number, assigneeUserId: string | null, sla: { resolutionDue: string, resolutionBreached: boolean, firstResponseBreached: boolean }, timeline: Array<{ at: string, action: string, fromStatus: string | null, toStatus: string, tier: number, note: string | null }> } };

export type LogCallMutationVariables = Exact<{
  input: LogCallInput;
}>;


export type LogCallMutation = { logCall: { id: string, status: TicketStatus, tier: number, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, callerName: string | null, callerPhone: string, notes: string, createdAt: string, version: number, assigneeUserId: string | null } };

export type TakeTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
}>;


export type TakeTicketMutation = { takeTicket: { id: string } };

export type EscalateTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type EscalateTicketMutation = { escalateTicket: { id: string } };

export type ResolveTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ResolveTicketMutation = { resolveTicket: { id: string } };

export type CloseTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
}>;


export type CloseTicketMutation = { closeTicket: { id: string } };

export type ReopenTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReopenTicketMutation = { reopenTicket: { id: string } };

export type AddTicketNoteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
}>;


export type AddTicketNoteMutation = { addTicketNote: { id: string } };

export type KbArticleFieldsFragment = { id: string, title: string, body: string, language: string, tags: Array<string>, version: number };

export type KbSearchQueryVariables = Exact<{
  search: Scalars['String']['input'];
  language?: InputMaybe<Scalars['String']['input']>;
}>;


export type KbSearchQuery = { kbArticles: Array<{ id: string, title: string, body: string, language: string, tags: Array<string>, version: number }> };

export type CreateKbArticleMutationVariables = Exact<{
  input: KbArticleInput;
}>;


export type CreateKbArticleMutation = { createKbArticle: { id: string, title: string, body: string, language: string, tags: Array<string>, version: number } };

export type UpdateKbArticleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  input: KbArticleInput;
}>;


export type UpdateKbArticleMutation = { updateKbArticle: { id: string, title: string, body: string, language: string, tags: Array<string>, version: number } };

export type AdmissionRowFragment = { id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number };

export type WardsInSightQueryVariables = Exact<{ [key: string]: never; }>;


export type WardsInSightQuery = { wardsInSight: Array<{ facilityName: string, ward: { id: string, facilityId: string, name: string, department: Department | null } }> };

export type AdmittedQueryVariables = Exact<{
  filter?: InputMaybe<AdmittedFilter>;
}>;


export type AdmittedQuery = { admittedPatients: { total: number, byCategory: Array<{ category: ConditionCategory | null, patients: number }>, byLifeSupport: Array<{ lifeSupport: LifeSupport | null, patients: number }>, patients: Array<{ id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number }> } };

export type WardBoardQueryVariables = Exact<{
  wardId: Scalars['ID']['input'];
}>;


export type WardBoardQuery = { wardBoard: { ward: { id: string, facilityId: string, name: string, department: Department | null, phone: string | null }, counts: { total: number, occupied: number, free: number, outOfService: number, occupancyRate: number | null }, beds: Array<{ state: BedState, bed: { id: string, label: string, bedType: BedType | null, housekeeping: BedHousekeeping | null, reason: string | null, version: number }, admission: { id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number } | null }> } };

export type AdmittingDoctorsQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type AdmittingDoctorsQuery = { admittingDoctors: Array<{ id: string, name: string }> };

export type AdmitPatientMutationVariables = Exact<{
  input: AdmitInput;
}>;


export type AdmitPatientMutation = { admitPatient: { id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number } };

export type RecordConditionMutationVariables = Exact<{
  input: ConditionInput;
}>;


export type RecordConditionMutation = { recordCondition: { id: string, category: ConditionCategory | null, news2: number | null, news2Risk: News2Risk | null, recordedAt: string } };

export type TransferPatientMutationVariables = Exact<{
  admissionId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  bedId: Scalars['ID']['input'];
}>;


export type TransferPatientMutation = { transferPatient: { id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number } };

export type DischargePatientMutationVariables = Exact<{
  input: DischargeInput;
}>;


export type DischargePatientMutation = { dischargePatient: { id: string, name: string | null, healthId: string | null, unidentified: boolean, facilityName: string | null, wardId: string, wardName: string | null, bedId: string, bedLabel: string | null, department: Department | null, reason: string, admittedAt: string, status: AdmissionStatus | null, outcome: DischargeOutcome | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, conditionAt: string | null, news2: number | null, lengthOfStayDays: number, dueAt: string, overdue: boolean, version: number } };

export type SetBedHousekeepingMutationVariables = Exact<{
  bedId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  housekeeping: BedHousekeeping;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type SetBedHousekeepingMutation = { setBedHousekeeping: { id: string, housekeeping: BedHousekeeping | null, version: number } };

export type AdmissionViewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AdmissionViewQuery = { admission: { attendants: Array<{ id: string, name: string, relationship: string, phone: string, verified: boolean, removed: boolean }>, conditionHistory: Array<{ id: string, category: ConditionCategory | null, lifeSupport: LifeSupport | null, consciousness: Consciousness | null, remark: string | null, news2: number | null, news2Risk: News2Risk | null, recordedAt: string }> } };

export type FacilityWardsQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type FacilityWardsQuery = { wards: Array<{ id: string, name: string, department: Department | null, floor: string | null }>, bedCapacityCheck: Array<{ bedType: BedType, declared: number, setUp: number, difference: number }> };

export type CreateWardMutationVariables = Exact<{
  input: WardInput;
}>;


export type CreateWardMutation = { createWard: { id: string } };

export type AddBedsMutationVariables = Exact<{
  wardId: Scalars['ID']['input'];
  bedType: BedType;
  labels: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type AddBedsMutation = { addBeds: Array<{ id: string }> };

export type MedicationRoundQueryVariables = Exact<{
  wardId: Scalars['ID']['input'];
  day: Scalars['NaiveDate']['input'];
}>;


export type MedicationRoundQuery = { medicationRound: Array<{ admission: { id: string, name: string | null, bedLabel: string | null }, drugs: Array<{ prescriptionId: string, itemIndex: number, drug: string, frequency: string, due: Array<{ dueAt: string, mark: { status: DoseStatus | null, note: string | null } | null }>, asNeeded: Array<{ status: DoseStatus | null, recordedAt: string }> }> }> };

export type MarkDoseMutationVariables = Exact<{
  input: DoseMarkInput;
}>;


export type MarkDoseMutation = { markDose: { id: string, status: DoseStatus | null } };

export type IntakeOutputQueryVariables = Exact<{
  admissionId: Scalars['ID']['input'];
  day: Scalars['NaiveDate']['input'];
}>;


export type IntakeOutputQuery = { intakeOutputChart: { intakeMl: number, outputMl: number, balanceMl: number } };

export type AddIntakeOutputMutationVariables = Exact<{
  admissionId: Scalars['ID']['input'];
  kind: FluidKind;
  volumeMl: Scalars['Int']['input'];
}>;


export type AddIntakeOutputMutation = { addIntakeOutput: { id: string } };

export type HandoversQueryVariables = Exact<{
  wardId: Scalars['ID']['input'];
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
}>;


export type HandoversQuery = { handovers: Array<{ id: string, shift: NursingShift | null, summary: string, pendingTasks: string | null, outgoingAt: string, incomingAt: string | null }> };

export type WriteHandoverMutationVariables = Exact<{
  wardId: Scalars['ID']['input'];
  day: Scalars['NaiveDate']['input'];
  shift: NursingShift;
  summary: Scalars['String']['input'];
  pendingTasks?: InputMaybe<Scalars['String']['input']>;
}>;


export type WriteHandoverMutation = { writeHandover: { id: string } };

export type ReceiveHandoverMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReceiveHandoverMutation = { receiveHandover: { id: string } };

export type AdmissionsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AdmissionsChangedSubscription = { admissionsChanged: { admissionId: string, action: string } };

export type OccupancyHistoryQueryVariables = Exact<{
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
}>;


export type OccupancyHistoryQuery = { occupancyHistory: { discharges: number, averageLengthOfStayDays: number | null, bedTurnover: number | null, days: Array<{ day: string, bedType: BedType | null, total: number, occupied: number }> } };

export type DutyListQueryVariables = Exact<{
  wardId: Scalars['ID']['input'];
}>;


export type DutyListQuery = { dutyList: { overdueObservations: Array<{ id: string, name: string | null, bedLabel: string | null, dueAt: string }>, lateDeathEntries: Array<{ id: string, name: string | null, bedLabel: string | null }>, dischargeSummariesPending: Array<{ id: string, name: string | null, bedLabel: string | null, healthId: string | null }> } };

export type ReserveBedMutationVariables = Exact<{
  admissionId: Scalars['ID']['input'];
  bedId: Scalars['ID']['input'];
}>;


export type ReserveBedMutation = { reserveBed: { bedId: string, reservedAt: string } };

export type CancelBedReservationMutationVariables = Exact<{
  admissionId: Scalars['ID']['input'];
}>;


export type CancelBedReservationMutation = { cancelBedReservation: boolean };

export type BedsNowQueryVariables = Exact<{ [key: string]: never; }>;


export type BedsNowQuery = { bedOccupancy: { rows: Array<{ bedType: BedType, counts: { total: number, occupied: number, reserved: number, free: number, outOfService: number } }> } };

export type InpatientSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type InpatientSettingsQuery = { inpatientSettings: { criticalCarePerDay: number, criticalPerDay: number, othersPerDay: number, deathEntryHours: number, version: number } };

export type SetInpatientSettingsMutationVariables = Exact<{
  criticalCarePerDay: Scalars['Int']['input'];
  criticalPerDay: Scalars['Int']['input'];
  othersPerDay: Scalars['Int']['input'];
  deathEntryHours: Scalars['Int']['input'];
}>;


export type SetInpatientSettingsMutation = { setInpatientSettings: { criticalCarePerDay: number, criticalPerDay: number, othersPerDay: number, deathEntryHours: number, version: number } };

export type StartSignupMutationVariables = Exact<{
  input: StartHospitalSignupInput;
}>;


export type StartSignupMutation = { startHospitalSignup: { signupId: string, expiresAt: string, sendsLeft: number } };

export type ResendSignupCodeMutationVariables = Exact<{
  tenantCode: Scalars['String']['input'];
  signupId: Scalars['ID']['input'];
}>;


export type ResendSignupCodeMutation = { resendSignupCode: { signupId: string, expiresAt: string, sendsLeft: number } };

export type VerifySignupMutationVariables = Exact<{
  input: VerifyHospitalSignupInput;
}>;


export type VerifySignupMutation = { verifyHospitalSignup: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type ApplicationSummaryFragment = { id: string, status: ApplicationStatus, version: number, name: string | null, districtId: string | null, submittedAt: string | null, updatedAt: string };

export type ApplicationsQueryVariables = Exact<{
  statuses?: InputMaybe<Array<ApplicationStatus> | ApplicationStatus>;
}>;


export type ApplicationsQuery = { hospitalApplications: { nodes: Array<{ id: string, status: ApplicationStatus, version: number, name: string | null, districtId: string | null, submittedAt: string | null, updatedAt: string }> } };

export type CreateApplicationMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateApplicationMutation = { createHospitalApplication: { id: string } };

export type ApplicationFullFragment = { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> };

export type ApplicationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApplicationQuery = { hospitalApplication: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type SaveApplicationStepMutationVariables = Exact<{
  input: SaveApplicationStepInput;
}>;


export type SaveApplicationStepMutation = { saveApplicationStep: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type SubmitApplicationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
}>;


export type SubmitApplicationMutation = { submitHospitalApplication: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type WithdrawApplicationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type WithdrawApplicationMutation = { withdrawHospitalApplication: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type RequestChangesMutationVariables = Exact<{
  input: RequestApplicationChangesInput;
}>;


export type RequestChangesMutation = { requestApplicationChanges: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type ApproveApplicationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApproveApplicationMutation = { approveHospitalApplication: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type RejectApplicationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type RejectApplicationMutation = { rejectHospitalApplication: { id: string, status: ApplicationStatus, version: number, name: string | null, facilityId: string | null, submittedAt: string | null, decidedAt: string | null, missing: Array<string>, allowedActions: Array<string>, facility: { name: string, type: FacilityType | null, ownershipSubtype: string | null, unitId: string, address: string, pincode: string | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, services: Array<HospitalService>, open24x7: boolean, opdHours: string | null } | null, capacity: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number } | null, licences: { clinicalEstablishmentNumber: string, fireNocNumber: string | null, biomedicalWasteAuthorisationNumber: string | null, pollutionConsentNumber: string | null, pan: string | null, gstin: string | null } | null, owner: { name: string, designation: string, council: string, registrationNumber: string } | null, documents: Array<{ id: string, purpose: DocumentPurpose, fileName: string, sizeBytes: number, status: DocumentStatus, rejectReason: string | null, version: number }>, requiredDocuments: Array<{ purpose: DocumentPurpose, label: string, satisfied: boolean }>, openComments: Array<{ target: string, text: string }>, timeline: Array<{ id: string, at: string, action: string, toStatus: ApplicationStatus | null, note: string | null, comments: Array<{ target: string, text: string }> }> } };

export type RequestUploadMutationVariables = Exact<{
  input: RequestUploadInput;
}>;


export type RequestUploadMutation = { requestUpload: { document: { id: string }, upload: { url: string, method: string, headers: Array<{ name: string, value: string }> } } };

export type ConfirmUploadMutationVariables = Exact<{
  documentId: Scalars['ID']['input'];
  sha256: Scalars['String']['input'];
}>;


export type ConfirmUploadMutation = { confirmUpload: { id: string, status: DocumentStatus, rejectReason: string | null } };

export type DeleteDocumentMutationVariables = Exact<{
  documentId: Scalars['ID']['input'];
  v: Scalars['Int']['input'];
}>;


export type DeleteDocumentMutation = { deleteDocument: { id: string } };

export type DocumentDownloadQueryVariables = Exact<{
  documentId: Scalars['ID']['input'];
}>;


export type DocumentDownloadQuery = { documentDownload: { url: string, method: string, headers: Array<{ name: string, value: string }> } };

export type MyEmailVerificationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEmailVerificationQuery = { myEmailVerification: { email: string | null, verified: boolean, codeExpiresAt: string | null } };

export type SendEmailCodeMutationVariables = Exact<{
  email?: InputMaybe<Scalars['String']['input']>;
}>;


export type SendEmailCodeMutation = { sendEmailCode: { email: string | null, verified: boolean, codeExpiresAt: string | null } };

export type VerifyEmailMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { verifyEmail: { email: string | null, verified: boolean, codeExpiresAt: string | null } };

export type OxygenOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OxygenOverviewQuery = { oxygenOverview: { at: string, notReportedToday: number, facilities: Array<{ facilityId: string, facilityName: string, risk: OxygenRisk, reportedToday: boolean, hoursSinceLastReading: number | null, usableNm3: number | null, storageNm3: number, timeToEmptyHours: number | null, daysOfCover: number | null, needOfPatientsNm3PerHour: number, burn24h: { nm3PerHour: number } | null }>, districts: Array<{ districtId: string | null, name: string, facilities: number, reportedToday: number, critical: number, warning: number, usableNm3: number, burnNm3PerHour: number }>, rules: { warningHours: number, criticalHours: number, deadlineHour: number } }, oxygenConversionFactors: Array<{ code: string, unit: string, nm3PerUnit: number, statedAs: string, referenceCelsius: number, source: string }> };

export type OxygenAlertsQueryVariables = Exact<{
  open: Scalars['Boolean']['input'];
}>;


export type OxygenAlertsQuery = { oxygenAlerts: Array<{ id: string, facilityName: string, kind: OxygenAlertKind | null, level: OxygenAlertLevel | null, message: string, timeToEmptyHours: number | null, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, actionTaken: string | null, escalatedAt: string | null }> };

export type AcknowledgeOxygenAlertMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  actionTaken: Scalars['String']['input'];
}>;


export type AcknowledgeOxygenAlertMutation = { acknowledgeOxygenAlert: { id: string, acknowledgedAt: string | null } };

export type OxygenAlertChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OxygenAlertChangedSubscription = { oxygenAlertChanged: { alertId: string, action: string } };

export type OxygenDailyQueryVariables = Exact<{
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
}>;


export type OxygenDailyQuery = { oxygenDaily: Array<{ day: string, reported: number, stockNm3: number, consumptionNm3: number, receivedNm3: number, atRisk: number }> };

export type OxygenEntryFormQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type OxygenEntryFormQuery = { oxygenSources: Array<{ id: string, kind: OxygenSourceKind, name: string, amount: number | null, unit: LiquidUnit | null, cylinderTypeId: string | null, owned: number | null }>, oxygenCylinderTypes: Array<{ id: string, code: string, name: string, nm3: number }>, oxygenReadings: Array<{ id: string, readingAt: string, heldNm3: number, tanks: Array<{ sourceId: string, percent: number | null, kilograms: number | null }>, cylinders: Array<{ cylinderTypeId: string, full: number, inUse: number, empty: number, sentForRefill: number }>, plants: Array<{ sourceId: string, runningHours: number }>, patients: { nasalCannula: number, mask: number, hfnc: number, niv: number, invasiveVentilation: number } }>, facilityOxygen: { facilityName: string, risk: OxygenRisk, usableNm3: number | null, timeToEmptyHours: number | null } };

export type RecordOxygenReadingMutationVariables = Exact<{
  facilityId: Scalars['ID']['input'];
  readingAt: Scalars['DateTime']['input'];
  readings: OxygenReadingsInput;
}>;


export type RecordOxygenReadingMutation = { recordOxygenReading: { id: string, heldNm3: number, usableNm3: number, late: boolean } };

export type OxygenEquipmentQueryVariables = Exact<{ [key: string]: never; }>;


export type OxygenEquipmentQuery = { equipmentByDistrict: Array<{ name: string, ventilatorBeds: number, ventilatorsFunctional: number, kinds: Array<{ kind: EquipmentKind | null, functional: number, underRepair: number, condemned: number }> }>, equipmentOrders: Array<{ id: string, kind: EquipmentKind | null, supplier: string, quantity: number, received: number, outstanding: number, orderedOn: string, expectedOn: string | null, reference: string | null }> };

export type FacilityEquipmentQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type FacilityEquipmentQuery = { equipment: Array<{ id: string, kind: EquipmentKind | null, make: string, model: string, serialNumber: string, status: EquipmentStatus | null, lastMaintenanceOn: string | null, version: number, history: Array<{ status: EquipmentStatus | null, note: string | null, at: string }> }> };

export type ChangeEquipmentStatusMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  status: EquipmentStatus;
  maintainedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChangeEquipmentStatusMutation = { changeEquipmentStatus: { id: string, status: EquipmentStatus | null, version: number } };

export type OxygenDeliveriesQueryVariables = Exact<{
  from?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type OxygenDeliveriesQuery = { oxygenDeliveries: Array<{ id: string, facilityId: string, facilityName: string, supplier: string, vehicle: string | null, challan: string | null, kind: string, quantity: number, unit: string, nm3: number, dispatchedAt: string, expectedAt: string, status: string, receivedAt: string | null, receivedQuantity: number | null, shortfall: number | null, note: string | null, version: number }> };

export type OxygenDispatchFormQueryVariables = Exact<{
  facilityId: Scalars['ID']['input'];
}>;


export type OxygenDispatchFormQuery = { oxygenSources: Array<{ id: string, kind: OxygenSourceKind, name: string }>, oxygenCylinderTypes: Array<{ id: string, code: string, name: string }> };

export type DispatchOxygenDeliveryMutationVariables = Exact<{
  facilityId: Scalars['ID']['input'];
  input: OxygenDispatchInput;
}>;


export type DispatchOxygenDeliveryMutation = { dispatchOxygenDelivery: { id: string } };

export type ReceiveOxygenDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  receivedQuantity: Scalars['Float']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReceiveOxygenDeliveryMutation = { receiveOxygenDelivery: { id: string, status: string } };

export type CancelOxygenDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  note: Scalars['String']['input'];
}>;


export type CancelOxygenDeliveryMutation = { cancelOxygenDelivery: { id: string, status: string } };

export type PatientCardsQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
}>;


export type PatientCardsQuery = { patientByHealthId: { id: string, cards: Array<{ id: string, healthId: string, status: CardStatus, issuedAt: string }> } };

export type IssueCardMutationVariables = Exact<{
  patientId: Scalars['ID']['input'];
}>;


export type IssueCardMutation = { issueCard: { id: string } };

export type RegistrationResultFragment = { warnings: Array<string>, patient: { id: string, healthId: string } | null, duplicates: Array<{ reasons: Array<MatchReason>, patient: { healthId: string, givenName: string, familyName: string | null, localName: string | null, yearOfBirth: number } }> };

export type RegisterPatientMutationVariables = Exact<{
  input: PatientInput;
  confirm?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type RegisterPatientMutation = { registerPatient: { warnings: Array<string>, patient: { id: string, healthId: string } | null, duplicates: Array<{ reasons: Array<MatchReason>, patient: { healthId: string, givenName: string, familyName: string | null, localName: string | null, yearOfBirth: number } }> } };

export type PublicBedsQueryVariables = Exact<{
  tenantCode: Scalars['String']['input'];
  districtId: Scalars['ID']['input'];
}>;


export type PublicBedsQuery = { publicBedAvailability: { district: string, asOf: string, facilities: Array<{ facilityId: string, name: string, free: Array<{ bedType: BedType, free: number }> }> } };

export type RequestFamilyCodeMutationVariables = Exact<{
  tenantCode: Scalars['String']['input'];
  lookup: FamilyLookupInput;
}>;


export type RequestFamilyCodeMutation = { requestFamilyCode: { requestId: string, expiresAt: string } };

export type FamilyStatusMutationVariables = Exact<{
  tenantCode: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
}>;


export type FamilyStatusMutation = { familyStatus: { hospital: string, ward: string, wardPhone: string | null, category: ConditionCategory | null, lifeSupport: LifeSupport | null, updatedAt: string, discharged: boolean, outcome: DischargeOutcome | null } };

export type PublicDistrictsQueryVariables = Exact<{
  tenantCode: Scalars['String']['input'];
}>;


export type PublicDistrictsQuery = { publicDistricts: Array<{ id: string, name: string }> };

export type RecordPatientQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
}>;


export type RecordPatientQuery = { patientByHealthId: { id: string, healthId: string, givenName: string, familyName: string | null, localName: string | null, ageYears: number, sex: PatientSex }, myProfessional: { id: string, postings: Array<{ facility: { id: string, name: string } | null }> } | null };

export type RecordTimelineQueryVariables = Exact<{
  healthId: Scalars['String']['input'];
}>;


export type RecordTimelineQuery = { patientByHealthId: { timeline: { edges: Array<{ node: { id: string, kind: EntryKind, status: EntryStatus, version: number, enteredInErrorReason: string | null, occurredAt: string, encounterId: string, orderId: string | null, facility: { name: string } | null, author: { name: string } | null, details: { __typename: 'DiagnosisView', code: string, description: string, certainty: DiagnosisCertainty } | { __typename: 'DischargeSummaryView' } | { __typename: 'EncounterView', reason: string | null, department: string | null, outcome: EncounterOutcome | null, encounterKind: EncounterKind } | { __typename: 'LabOrderView', priority: LabPriority, specimen: Specimen, tests: Array<{ name: string, loinc: string | null }> } | { __typename: 'LabResultView', conclusion: string | null, measurements: Array<{ test: string, value: string, unit: string | null, referenceLow: number | null, referenceHigh: number | null, abnormal: AbnormalFlag | null }> } | { __typename: 'NoteView', category: NoteCategory, text: string } | { __typename: 'PrescriptionView', advice: string | null, items: Array<{ drugName: string, strength: string | null, dose: string, frequency: string, durationDays: number | null }> } | { __typename: 'VitalsView', systolicMmHg: number | null, diastolicMmHg: number | null, pulsePerMin: number | null, temperatureC: number | null, spo2Percent: number | null, respiratoryRatePerMin: number | null, weightKg: number | null, heightCm: number | null, bmi: number | null, bloodGlucoseMgDl: number | null, flags: Array<{ field: string, high: boolean, value: number, usualLow: number, usualHigh: number, unit: string }> } } }> } } };

export type StartVisitMutationVariables = Exact<{
  input: StartEncounterInput;
}>;


export type StartVisitMutation = { startEncounter: { id: string } };

export type AddEntryMutationVariables = Exact<{
  encounterId: Scalars['ID']['input'];
  entry: ClinicalEntryInput;
}>;


export type AddEntryMutation = { addClinicalEntry: { id: string, kind: EntryKind } };

export type Icd10SearchQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type Icd10SearchQuery = { icd10Codes: Array<{ code: string, description: string }> };

export type AddVitalsMutationVariables = Exact<{
  encounterId: Scalars['ID']['input'];
  vitals: VitalsInput;
}>;


export type AddVitalsMutation = { addClinicalEntry: { id: string, details: { __typename: 'DiagnosisView' } | { __typename: 'DischargeSummaryView' } | { __typename: 'EncounterView' } | { __typename: 'LabOrderView' } | { __typename: 'LabResultView' } | { __typename: 'NoteView' } | { __typename: 'PrescriptionView' } | { __typename: 'VitalsView', bmi: number | null, flags: Array<{ field: string, high: boolean, value: number, usualLow: number, usualHigh: number, unit: string }> } } };

export type FinishVisitMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  outcome: EncounterOutcome;
}>;


export type FinishVisitMutation = { updateEncounter: { id: string, status: EntryStatus } };

export type MarkInErrorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
}>;


export type MarkInErrorMutation = { markEnteredInError: { id: string, status: EntryStatus } };

export type CreateFacilityMutationVariables = Exact<{
  input: CreateFacilityInput;
}>;


export type CreateFacilityMutation = { createFacility: { id: string, name: string } };

export type CreateProfessionalMutationVariables = Exact<{
  input: CreateProfessionalInput;
}>;


export type CreateProfessionalMutation = { createProfessional: { id: string, name: string } };

export type BedCountsFragment = { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number };

export type FacilitiesQueryVariables = Exact<{
  filter?: InputMaybe<FacilityFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FacilitiesQuery = { facilities: { nodes: Array<{ id: string, name: string, type: FacilityType, ownership: Ownership, operationalStatus: OperationalStatus, totalBeds: number, district: { name: string } | null, unit: { name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FacilityFullFragment = { id: string, name: string, type: FacilityType, ownership: Ownership, ownershipSubtype: string | null, address: string | null, pincode: string | null, latitude: number | null, longitude: number | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, specialities: Array<string>, operationalStatus: OperationalStatus, nationalFacilityId: string | null, version: number, updatedAt: string, totalBeds: number, unit: { id: string, name: string } | null, district: { name: string } | null, beds: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number }, emrReadiness: { adopted: boolean, adoptedOn: string | null, checklist: Array<{ item: EmrItem, status: ReadinessStatus }> }, staff: Array<{ id: string, designation: string, department: string | null, professional: { name: string, kind: ProfessionalKind, verificationStatus: VerificationStatus } | null }> };

export type FacilityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FacilityQuery = { facility: { id: string, name: string, type: FacilityType, ownership: Ownership, ownershipSubtype: string | null, address: string | null, pincode: string | null, latitude: number | null, longitude: number | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, specialities: Array<string>, operationalStatus: OperationalStatus, nationalFacilityId: string | null, version: number, updatedAt: string, totalBeds: number, unit: { id: string, name: string } | null, district: { name: string } | null, beds: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number }, emrReadiness: { adopted: boolean, adoptedOn: string | null, checklist: Array<{ item: EmrItem, status: ReadinessStatus }> }, staff: Array<{ id: string, designation: string, department: string | null, professional: { name: string, kind: ProfessionalKind, verificationStatus: VerificationStatus } | null }> } };

export type UpdateFacilityMutationVariables = Exact<{
  input: UpdateFacilityInput;
}>;


export type UpdateFacilityMutation = { updateFacility: { id: string, name: string, type: FacilityType, ownership: Ownership, ownershipSubtype: string | null, address: string | null, pincode: string | null, latitude: number | null, longitude: number | null, phone: string | null, email: string | null, systemsOfMedicine: Array<SystemOfMedicine>, specialities: Array<string>, operationalStatus: OperationalStatus, nationalFacilityId: string | null, version: number, updatedAt: string, totalBeds: number, unit: { id: string, name: string } | null, district: { name: string } | null, beds: { general: number, oxygenSupported: number, icu: number, hdu: number, ventilator: number, isolation: number, paediatric: number, maternity: number }, emrReadiness: { adopted: boolean, adoptedOn: string | null, checklist: Array<{ item: EmrItem, status: ReadinessStatus }> }, staff: Array<{ id: string, designation: string, department: string | null, professional: { name: string, kind: ProfessionalKind, verificationStatus: VerificationStatus } | null }> } };

export type UnitTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitTreeQuery = { adminUnitTree: Array<{ id: string, name: string, kind: UnitKind, lgdCode: string | null, depth: number, version: number, parent: { id: string } | null }> };

export type CreateUnitMutationVariables = Exact<{
  input: CreateAdminUnitInput;
}>;


export type CreateUnitMutation = { createAdminUnit: { id: string } };

export type CountFieldsFragment = { id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> };

export type StockCountsQueryVariables = Exact<{
  storeId: Scalars['ID']['input'];
}>;


export type StockCountsQuery = { stockCounts: Array<{ id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> }> };

export type StartStockCountMutationVariables = Exact<{
  storeId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type StartStockCountMutation = { startStockCount: { id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> } };

export type RecordStockCountsMutationVariables = Exact<{
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  lines: Array<CountedInput> | CountedInput;
}>;


export type RecordStockCountsMutation = { recordStockCounts: { id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> } };

export type SubmitStockCountMutationVariables = Exact<{
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
}>;


export type SubmitStockCountMutation = { submitStockCount: { id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> } };

export type DecideStockCountMutationVariables = Exact<{
  countId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  approve: Scalars['Boolean']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type DecideStockCountMutation = { decideStockCount: { id: string, storeId: string, status: CountStatus, note: string | null, decisionNote: string | null, version: number, createdAt: string, submittedAt: string | null, decidedAt: string | null, lines: Array<{ batchId: string, batchNo: string, expiresOn: string | null, itemId: string, itemName: string, unitOfIssue: string, expected: number, counted: number | null, variance: number | null, reason: string | null }> } };

export type SupplyAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type SupplyAlertsQuery = { supplyAlerts: Array<{ id: string, storeId: string, storeName: string, itemId: string, batchId: string | null, kind: SupplyAlertKind, message: string, raisedAt: string }> };

export type BudgetQueryVariables = Exact<{
  financialYear?: InputMaybe<Scalars['String']['input']>;
}>;


export type BudgetQuery = { budgetHeads: Array<{ id: string, code: string, name: string, financialYear: string, allocationPaise: number, committedPaise: number, spentPaise: number, balancePaise: number, utilisationPercent: number }>, purchaseOrders: Array<{ id: string, number: string, storeId: string, budgetHeadId: string, supplier: string, status: PurchaseOrderStatus, orderedOn: string, expectedOn: string, totalPaise: number, overrideReason: string | null, leadTimeDays: number | null }> };

export type ReturnStockMutationVariables = Exact<{
  input: ReturnStockInput;
}>;


export type ReturnStockMutation = { returnStock: { toStoreId: string, out: { batchBalance: number } } };

export type StoresQueryVariables = Exact<{ [key: string]: never; }>;


export type StoresQuery = { stores: Array<{ id: string, name: string, level: StoreLevel, parentId: string | null, worksHere: boolean, supervisesHere: boolean }> };

export type StoreStockQueryVariables = Exact<{
  storeId: Scalars['ID']['input'];
}>;


export type StoreStockQuery = { storeStock: { store: { id: string, name: string, level: StoreLevel, parentId: string | null, worksHere: boolean, settings: { lookbackDays: number, minMonths: number, maxMonths: number, expiryWarnDays: number, expiryAlertDays: number } }, items: Array<{ onHand: number, usable: number, amc: number | null, monthsOfStock: number | null, daysOutOfStock: number, status: StockStatus, inTransit: number, suggestedQuantity: number, expiring: number, wastedBeforeExpiry: number, minMonths: number, maxMonths: number, item: { id: string, code: string, name: string, strength: string | null, unitOfIssue: string, essential: boolean, schedule: DrugSchedule }, batches: Array<{ batchId: string, batchNo: string, expiresOn: string, daysToExpiry: number, expiry: ExpiryBand, quantity: number, blocked: string | null }> }> } };

export type IndentFieldsFragment = { id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> };

export type StoreIndentsQueryVariables = Exact<{
  storeId: Scalars['ID']['input'];
}>;


export type StoreIndentsQuery = { indents: Array<{ id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> }> };

export type RaiseIndentMutationVariables = Exact<{
  input: RaiseIndentInput;
}>;


export type RaiseIndentMutation = { raiseIndent: { id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> } };

export type DecideIndentMutationVariables = Exact<{
  input: DecideIndentInput;
}>;


export type DecideIndentMutation = { decideIndent: { id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> } };

export type IssueIndentMutationVariables = Exact<{
  indentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
}>;


export type IssueIndentMutation = { issueIndent: { id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> } };

export type ReceiveIndentMutationVariables = Exact<{
  input: ReceiveIndentInput;
}>;


export type ReceiveIndentMutation = { receiveIndent: { id: string, number: string, fromStoreId: string, toStoreId: string, status: IndentStatus, note: string | null, version: number, createdAt: string, decidedAt: string | null, issuedAt: string | null, receivedAt: string | null, lines: Array<{ itemId: string, requested: number, stockOnHand: number, amc: number | null, wastedBeforeUse: number, approved: number | null, reason: string | null, item: { name: string, strength: string | null, unitOfIssue: string } | null }>, voucher: Array<{ itemId: string, batchId: string, batchNo: string, expiresOn: string | null, quantity: number, received: number | null, damaged: number | null, short: number | null }> } };

export type PrescriptionsToDispenseQueryVariables = Exact<{
  storeId: Scalars['ID']['input'];
  healthId: Scalars['String']['input'];
}>;


export type PrescriptionsToDispenseQuery = { prescriptionsToDispense: { patientId: string, healthId: string, name: string, prescriptions: Array<{ id: string, occurredAt: string, lines: Array<{ line: number, drugName: string, strength: string | null, dose: string, frequency: string, durationDays: number | null, dispensedQuantity: number, dispenses: Array<{ outcome: DispenseOutcome, quantity: number, reason: string | null }>, candidates: Array<{ usable: number, item: { id: string, code: string, name: string, strength: string | null, unitOfIssue: string, schedule: DrugSchedule } }> }> }> } };

export type DispensePrescriptionMutationVariables = Exact<{
  input: DispenseInput;
}>;


export type DispensePrescriptionMutation = { dispensePrescription: Array<{ id: string, line: number | null, quantity: number, outcome: DispenseOutcome }> };

export type NotifiableConditionsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotifiableConditionsQuery = { notifiableConditions: Array<{ id: string, code: string, name: string, syndromic: string, active: boolean }> };

export type ReportFieldCaseMutationVariables = Exact<{
  input: FieldCaseInput;
}>;


export type ReportFieldCaseMutation = { reportFieldCase: { id: string, condition: string, epiWeek: string, village: string | null } };

export type WeeklyCaseTableQueryVariables = Exact<{
  unitId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type WeeklyCaseTableQuery = { weeklyCaseTable: Array<{ unitId: string, unitName: string, condition: string, alert: string | null, cases: { shown: string, exact: number | null }, confirmed: { shown: string }, deaths: { shown: string }, byWeek: Array<{ week: string, cases: { shown: string, exact: number | null } }> }> };

export type SurveillanceAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveillanceAlertsQuery = { surveillanceAlerts: Array<{ id: string, condition: string, rule: string, unitName: string, village: string | null, cases: number, explanation: string, raisedAt: string, version: number }> };

export type VerifySurveillanceAlertMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  trueSignal: Scalars['Boolean']['input'];
  note: Scalars['String']['input'];
}>;


export type VerifySurveillanceAlertMutation = { verifySurveillanceAlert: { id: string, status: string, investigationId: string | null } };

export type Dhis2MappingsQueryVariables = Exact<{ [key: string]: never; }>;


export type Dhis2MappingsQuery = { dhis2Mappings: Array<{ id: string, kind: Dhis2MappingKind, label: string, unitId: string | null, conditionId: string | null, measure: string | null, ageGroup: string | null, sex: string | null, dhis2Id: string, version: number }> };

export type SetDhis2MappingMutationVariables = Exact<{
  input: Dhis2MappingInput;
}>;


export type SetDhis2MappingMutation = { setDhis2Mapping: { id: string, dhis2Id: string, version: number } | null };

export type Dhis2ExportQueryVariables = Exact<{
  week: Scalars['String']['input'];
}>;


export type Dhis2ExportQuery = { dhis2Export: { period: string, payload: unknown, valueCount: number, skipped: Array<{ reason: string, label: string, cases: number }> } };

export type InvestigationFieldsFragment = { id: string, alertId: string, condition: string, unitName: string, village: string | null, status: InvestigationStatus, raisedAt: string, verifiedAt: string, respondedAt: string | null, finalReport: string | null, closedAt: string | null, version: number, verificationClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, responseClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, team: Array<{ name: string, role: string }>, actions: Array<{ on: string, what: string }>, samples: Array<{ id: string, specimen: string, lab: string, sentOn: string, result: string | null, resultOn: string | null, resultNote: string | null }>, cases: Array<{ id: string, name: string | null, village: string | null, onsetDate: string, classification: string }>, log: Array<{ kind: string, on: string, text: string, detail: string | null, recordedAt: string }> };

export type OutbreakInvestigationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OutbreakInvestigationQuery = { outbreakInvestigation: { id: string, alertId: string, condition: string, unitName: string, village: string | null, status: InvestigationStatus, raisedAt: string, verifiedAt: string, respondedAt: string | null, finalReport: string | null, closedAt: string | null, version: number, verificationClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, responseClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, team: Array<{ name: string, role: string }>, actions: Array<{ on: string, what: string }>, samples: Array<{ id: string, specimen: string, lab: string, sentOn: string, result: string | null, resultOn: string | null, resultNote: string | null }>, cases: Array<{ id: string, name: string | null, village: string | null, onsetDate: string, classification: string }>, log: Array<{ kind: string, on: string, text: string, detail: string | null, recordedAt: string }> } };

export type OutbreakInvestigationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OutbreakInvestigationsQuery = { outbreakInvestigations: Array<{ id: string, condition: string, unitName: string, village: string | null, status: InvestigationStatus, responseClock: { minutes: number, running: boolean, withinTarget: boolean } }> };

export type RecordInvestigationEntryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: InvestigationEntryInput;
}>;


export type RecordInvestigationEntryMutation = { recordInvestigationEntry: { id: string, alertId: string, condition: string, unitName: string, village: string | null, status: InvestigationStatus, raisedAt: string, verifiedAt: string, respondedAt: string | null, finalReport: string | null, closedAt: string | null, version: number, verificationClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, responseClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, team: Array<{ name: string, role: string }>, actions: Array<{ on: string, what: string }>, samples: Array<{ id: string, specimen: string, lab: string, sentOn: string, result: string | null, resultOn: string | null, resultNote: string | null }>, cases: Array<{ id: string, name: string | null, village: string | null, onsetDate: string, classification: string }>, log: Array<{ kind: string, on: string, text: string, detail: string | null, recordedAt: string }> } };

export type ChangeInvestigationStatusMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  status: InvestigationStatus;
  note: Scalars['String']['input'];
  finalReport?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChangeInvestigationStatusMutation = { changeInvestigationStatus: { id: string, alertId: string, condition: string, unitName: string, village: string | null, status: InvestigationStatus, raisedAt: string, verifiedAt: string, respondedAt: string | null, finalReport: string | null, closedAt: string | null, version: number, verificationClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, responseClock: { minutes: number, targetMinutes: number, running: boolean, withinTarget: boolean }, team: Array<{ name: string, role: string }>, actions: Array<{ on: string, what: string }>, samples: Array<{ id: string, specimen: string, lab: string, sentOn: string, result: string | null, resultOn: string | null, resultNote: string | null }>, cases: Array<{ id: string, name: string | null, village: string | null, onsetDate: string, classification: string }>, log: Array<{ kind: string, on: string, text: string, detail: string | null, recordedAt: string }> } };

export type SurveillanceChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SurveillanceChangedSubscription = { surveillanceChanged: { kind: string, id: string, action: string } };

export type CasesToLinkQueryVariables = Exact<{
  condition: Scalars['String']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type CasesToLinkQuery = { caseLineList: Array<{ id: string, name: string | null, village: string | null, onsetDate: string }> };

export type MyReportingFacilitiesQueryVariables = Exact<{
  week: Scalars['String']['input'];
}>;


export type MyReportingFacilitiesQuery = { myReportingFacilities: Array<{ facilityId: string, facilityName: string, unitName: string, sentAt: string | null, onTime: boolean, cases: number | null }> };

export type SendWeeklyReportMutationVariables = Exact<{
  facilityId: Scalars['ID']['input'];
  week: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type SendWeeklyReportMutation = { sendWeeklyReport: { facilityId: string, week: string, cases: number, nilReport: boolean, onTime: boolean, version: number } };

export type SurveillanceReportingQueryVariables = Exact<{
  unitId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type SurveillanceReportingQuery = { surveillanceReporting: Array<{ week: string, deadline: string, expected: number, reported: number, onTime: number, completeness: number | null, timeliness: number | null, units: Array<{ facilityId: string, facilityName: string, unitName: string, sentAt: string | null, onTime: boolean }> }> };

export type AlertRulesQueryVariables = Exact<{
  conditionId: Scalars['ID']['input'];
}>;


export type AlertRulesQuery = { alertRules: { isDefault: boolean, rules: Array<{ key: string, kind: AlertRuleKind, scope: AlertScope, window: AlertWindow, amount: number, years: number | null, halfWidth: number | null, days: number | null, minCases: number, quietDays: number }> } };

export type SetAlertRulesMutationVariables = Exact<{
  conditionId: Scalars['ID']['input'];
  rules: Array<AlertRuleInput> | AlertRuleInput;
}>;


export type SetAlertRulesMutation = { setAlertRules: { isDefault: boolean, rules: Array<{ key: string }> } };

export type UnitPopulationsQueryVariables = Exact<{
  year: Scalars['Int']['input'];
}>;


export type UnitPopulationsQuery = { unitPopulations: Array<{ unitId: string, unitName: string, year: number, population: number, version: number }> };

export type SetUnitPopulationMutationVariables = Exact<{
  unitId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  population: Scalars['Int']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SetUnitPopulationMutation = { setUnitPopulation: { unitId: string, population: number, version: number } };

export type TrainingSessionFieldsFragment = { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number };

export type TrainingRegisterFieldsFragment = { days: Array<string>, session: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }, lines: Array<{ professionalId: string, name: string, kind: string, posting: string | null, daysPresent: number, completed: boolean, cells: Array<{ day: string, mark: AttendanceMark | null, version: number }> }> };

export type TrainingSessionsQueryVariables = Exact<{
  from: Scalars['NaiveDate']['input'];
  to: Scalars['NaiveDate']['input'];
}>;


export type TrainingSessionsQuery = { trainingSessions: Array<{ id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }> };

export type TrainingRegisterQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TrainingRegisterQuery = { trainingRegister: { days: Array<string>, session: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }, lines: Array<{ professionalId: string, name: string, kind: string, posting: string | null, daysPresent: number, completed: boolean, cells: Array<{ day: string, mark: AttendanceMark | null, version: number }> }> } };

export type ScheduleTrainingMutationVariables = Exact<{
  input: ScheduleTrainingInput;
}>;


export type ScheduleTrainingMutation = { scheduleTraining: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number } };

export type NominateTraineesMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  professionalIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NominateTraineesMutation = { nominateTrainees: { days: Array<string>, session: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }, lines: Array<{ professionalId: string, name: string, kind: string, posting: string | null, daysPresent: number, completed: boolean, cells: Array<{ day: string, mark: AttendanceMark | null, version: number }> }> } };

export type MarkTrainingAttendanceMutationVariables = Exact<{
  input: MarkAttendanceInput;
}>;


export type MarkTrainingAttendanceMutation = { markTrainingAttendance: { days: Array<string>, session: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }, lines: Array<{ professionalId: string, name: string, kind: string, posting: string | null, daysPresent: number, completed: boolean, cells: Array<{ day: string, mark: AttendanceMark | null, version: number }> }> } };

export type ChangeTrainingStatusMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  status: TrainingStatus;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChangeTrainingStatusMutation = { changeTrainingStatus: { days: Array<string>, session: { id: string, title: string, topic: TrainingTopic, facilityId: string, facilityName: string, startsOn: string, endsOn: string, capacity: number | null, trainerName: string | null, status: TrainingStatus, statusReason: string | null, nominees: number, present: number, daysHeld: number, attendanceRate: number | null, canManage: boolean, canKeepRegister: boolean, version: number }, lines: Array<{ professionalId: string, name: string, kind: string, posting: string | null, daysPresent: number, completed: boolean, cells: Array<{ day: string, mark: AttendanceMark | null, version: number }> }> } };

export type TrainingVenuesQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type TrainingVenuesQuery = { facilities: { nodes: Array<{ id: string, name: string, unit: { name: string } | null }> } };

export type TrainingPeopleQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type TrainingPeopleQuery = { professionals: { nodes: Array<{ id: string, name: string, kind: ProfessionalKind, verificationStatus: VerificationStatus, postings: Array<{ designation: string, facility: { name: string } | null }> }> } };

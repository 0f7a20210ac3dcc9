import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { ApiError, fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type {
  FacilityFullFragment,
  FacilityQuery,
  FacilityQueryVariables,
  FacilityType,
  OperationalStatus,
  Ownership,
  UnitTreeQuery,
  UpdateFacilityMutation,
  UpdateFacilityMutationVariables,
} from "../gql/types";
import { FACILITY_TYPES, OPERATIONAL } from "./Facilities";
import { placeChoices } from "./onboarding/units";
import { BED_KINDS } from "./onboarding/steps";
import { FACILITY, UNIT_TREE, UPDATE_FACILITY } from "./registry/queries";

const OWNERSHIP: Ownership[] = ["PUBLIC", "PRIVATE", "OTHER"];
const blank = (v: string) => (v.trim() === "" ? null : v.trim());

/** The edit form: the fields staff change; everything else is sent back as it was. */
function Edit({ f, onSaved, onCancel }: { f: FacilityFullFragment; onSaved: (f: FacilityFullFragment) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [v, setV] = useState({
    name: f.name,
    type: f.type as string,
    ownership: f.ownership as string,
    ownershipSubtype: f.ownershipSubtype ?? "",
    unitId: f.unit?.id ?? "",
    address: f.address ?? "",
    pincode: f.pincode ?? "",
    phone: f.phone ?? "",
    email: f.email ?? "",
    operationalStatus: f.operationalStatus as string,
    nationalFacilityId: f.nationalFacilityId ?? "",
  });
  const [beds, setBeds] = useState(() => Object.fromEntries(BED_KINDS.map((k) => [k, String(f.beds[k])])) as Record<(typeof BED_KINDS)[number], string>);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, []);
  const places = useMemo(() => placeChoices(units, false), [units]);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const d = await gql<UpdateFacilityMutation, UpdateFacilityMutationVariables>(UPDATE_FACILITY, {
        input: {
          id: f.id,
          expectedVersion: f.version,
          facility: {
            name: v.name,
            type: v.type as FacilityType,
            ownership: v.ownership as Ownership,
            ownershipSubtype: blank(v.ownershipSubtype),
            unitId: v.unitId,
            address: blank(v.address),
            pincode: blank(v.pincode),
            latitude: f.latitude,
            longitude: f.longitude,
            phone: blank(v.phone),
            email: blank(v.email),
            systemsOfMedicine: f.systemsOfMedicine,
            specialities: f.specialities,
            operationalStatus: v.operationalStatus as OperationalStatus,
            nationalFacilityId: blank(v.nationalFacilityId),
            beds: Object.fromEntries(BED_KINDS.map((k) => [k, Number.parseInt(beds[k] || "0", 10)])) as Record<(typeof BED_KINDS)[number], number>,
            emrReadiness: { adopted: f.emrReadiness.adopted, adoptedOn: f.emrReadiness.adoptedOn, checklist: f.emrReadiness.checklist },
          },
        },
      });
      onSaved(d.updateFacility);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const conflict = error instanceof ApiError && error.code === "CONFLICT";
  return (
    <form className="card" onSubmit={save} noValidate>
      <h2>{t("facility.edit")}</h2>
      <TextField label={t("apply.facilityName")} value={v.name} required onChange={set("name")} error={fieldError(error, "name")} />
      <SelectField label={t("apply.facilityType")} value={v.type} onChange={set("type")} options={FACILITY_TYPES.map((x) => ({ value: x, label: t(`facilityType.${x}` as MessageKey) }))} />
      <SelectField label={t("facility.ownership")} value={v.ownership} onChange={set("ownership")} options={OWNERSHIP.map((x) => ({ value: x, label: t(`ownership.${x}` as MessageKey) }))} error={fieldError(error, "ownership")} />
      <TextField label={t("apply.ownershipSubtype")} value={v.ownershipSubtype} onChange={set("ownershipSubtype")} error={fieldError(error, "ownershipSubtype")} />
      <SelectField label={t("apply.place")} value={v.unitId} onChange={set("unitId")} options={places.map((p) => ({ value: p.id, label: p.label }))} error={fieldError(error, "unitId")} />
      <TextField label={t("apply.address")} value={v.address} onChange={set("address")} error={fieldError(error, "address")} />
      <TextField label={t("apply.pincode")} value={v.pincode} inputMode="numeric" onChange={set("pincode")} error={fieldError(error, "pincode")} />
      <TextField label={t("apply.phone")} type="tel" value={v.phone} onChange={set("phone")} error={fieldError(error, "phone")} />
      <TextField label={t("apply.email")} type="email" value={v.email} onChange={set("email")} error={fieldError(error, "email")} />
      <SelectField label={t("facilities.status")} value={v.operationalStatus} onChange={set("operationalStatus")} options={OPERATIONAL.map((x) => ({ value: x, label: t(`opStatus.${x}` as MessageKey) }))} />
      <TextField label={t("facility.nfid")} hint={t("facility.nfidHint")} value={v.nationalFacilityId} onChange={set("nationalFacilityId")} error={fieldError(error, "nationalFacilityId")} />
      <fieldset className="grid2">
        <legend>{t("facilities.beds")}</legend>
        {BED_KINDS.map((k) => (
          <TextField key={k} label={t(`beds.${k}`)} type="number" min={0} value={beds[k]} onChange={(e) => setBeds({ ...beds, [k]: e.target.value })} error={fieldError(error, `beds.${k}`)} />
        ))}
      </fieldset>
      {conflict ? (
        <p className="error" role="alert">
          {t("facility.conflict")}
        </p>
      ) : (
        <ErrorText error={error} />
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("common.loading") : t("common.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("facility.cancel")}
        </button>
      </div>
    </form>
  );
}

/** One facility: its details, beds and staff; administrators edit it. */
export default function Facility() {
  const { id = "" } = useParams();
  const { t, number, dateTime } = useI18n();
  const { has } = useAuth();
  const [f, setF] = useState<FacilityFullFragment | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<FacilityQuery, FacilityQueryVariables>(FACILITY, { id }).then((d) => setF(d.facility), setError);
  }, [id]);

  if (!f)
    return (
      <section>
        <ErrorText error={error} />
        {!error && <p aria-busy="true">{t("common.loading")}</p>}
      </section>
    );
  const canEdit = has("STATE_ADMIN", "DISTRICT_ADMIN");
  return (
    <section>
      <p>
        <Link to="/registry/facilities">{t("facility.back")}</Link> · <Link to={`/registry/facilities/${f.id}/wards`}>{t("ward.setup")}</Link>
      </p>
      <h1>
        {f.name} <span className="pill">{t(`opStatus.${f.operationalStatus}` as MessageKey)}</span>
      </h1>
      {notice && <p role="status">{notice}</p>}
      {editing ? (
        <Edit
          f={f}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setF(saved);
            setEditing(false);
            setNotice(t("facility.saved"));
          }}
        />
      ) : (
        <div className="card">
          <dl className="facts">
            <dt>{t("apply.facilityType")}</dt>
            <dd>{t(`facilityType.${f.type}` as MessageKey)}</dd>
            <dt>{t("facility.ownership")}</dt>
            <dd>
              {t(`ownership.${f.ownership}` as MessageKey)}
              {f.ownershipSubtype && ` (${f.ownershipSubtype})`}
            </dd>
            <dt>{t("apply.place")}</dt>
            <dd>{[...new Set([f.unit?.name, f.district?.name].filter(Boolean))].join(", ") || "—"}</dd>
            <dt>{t("apply.address")}</dt>
            <dd>{[f.address, f.pincode].filter(Boolean).join(", ") || "—"}</dd>
            <dt>{t("apply.phone")}</dt>
            <dd>{f.phone ?? "—"}</dd>
            <dt>{t("facility.nfid")}</dt>
            <dd>{f.nationalFacilityId ?? "—"}</dd>
            <dt>{t("facilities.beds")}</dt>
            <dd>
              {number(f.totalBeds)} ({BED_KINDS.filter((k) => f.beds[k] > 0).map((k) => `${t(`beds.${k}`)}: ${number(f.beds[k])}`).join(", ")})
            </dd>
            <dt>{t("facility.updated")}</dt>
            <dd>{dateTime(f.updatedAt)}</dd>
          </dl>
          {canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t("facility.edit")}
            </button>
          )}
        </div>
      )}
      <h2>{t("facility.staff")}</h2>
      {f.staff.length === 0 && <p className="muted">{t("facility.noStaff")}</p>}
      <ul>
        {f.staff.map((s) => (
          <li key={s.id}>
            {s.professional?.name ?? "—"} · {s.designation}
            {s.department && ` · ${s.department}`}
            {s.professional && ` · ${t(`kind.${s.professional.kind}` as MessageKey)} · ${t(`verification.${s.professional.verificationStatus}` as MessageKey)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

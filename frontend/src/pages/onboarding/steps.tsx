// The application's four form steps. Each saves through `onSave` (one
// saveApplicationStep call) and shows the API's field errors next to the field.
import { useState, type FormEvent, type ReactNode } from "react";
import { clearDrafts, useDraft } from "../../hooks/useDraft";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { ApplicationFullFragment, FacilityType, HospitalService, SaveApplicationStepInput, SystemOfMedicine } from "../../gql/types";
import type { UnitChoice } from "./units";

export type StepInput = Omit<SaveApplicationStepInput, "applicationId" | "expectedVersion">;

interface StepProps {
  app: ApplicationFullFragment;
  onSave: (input: StepInput) => Promise<void>;
}

const APPLICANT_TYPES: FacilityType[] = ["PRIVATE_HOSPITAL", "NURSING_HOME", "DIAGNOSTIC_LABORATORY", "BLOOD_BANK"];
const SYSTEMS: SystemOfMedicine[] = ["ALLOPATHY", "AYURVEDA", "YOGA", "UNANI", "SIDDHA", "SOWA_RIGPA", "HOMOEOPATHY"];
const SERVICES: HospitalService[] = ["EMERGENCY", "BLOOD_BANK", "LABORATORY", "XRAY", "ULTRASOUND", "CT_SCAN", "MRI", "PHARMACY", "AMBULANCE", "DIALYSIS", "OPERATION_THEATRE", "MATERNITY"];
export const BED_KINDS = ["general", "oxygenSupported", "icu", "hdu", "ventilator", "isolation", "paediatric", "maternity"] as const;

/** A form that saves, with the shared busy/error handling. */
function StepForm({ title, draft, onSubmit, children }: { title: string; draft: string; onSubmit: () => Promise<void>; children: (error: unknown) => ReactNode }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      clearDrafts(draft);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{title}</h2>
      {children(error)}
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t("common.loading") : t("apply.saveStep")}
      </button>
    </form>
  );
}

function Checks<T extends string>({ legend, values, chosen, label, onChange }: { legend: string; values: T[]; chosen: T[]; label: (v: T) => string; onChange: (v: T[]) => void }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

const blank = (v: string) => (v.trim() === "" ? null : v.trim());

export function FacilityStep({ app, onSave, places }: StepProps & { places: UnitChoice[] }) {
  const { t } = useI18n();
  const f = app.facility;
  const [name, setName] = useDraft(`${app.id}.facility.name`, f?.name ?? "");
  const [type, setType] = useDraft<FacilityType>(`${app.id}.facility.type`, f?.type ?? "PRIVATE_HOSPITAL");
  const [subtype, setSubtype] = useDraft(`${app.id}.facility.subtype`, f?.ownershipSubtype ?? "");
  const [unitId, setUnitId] = useDraft(`${app.id}.facility.unitId`, f?.unitId ?? "");
  const [address, setAddress] = useDraft(`${app.id}.facility.address`, f?.address ?? "");
  const [pincode, setPincode] = useDraft(`${app.id}.facility.pincode`, f?.pincode ?? "");
  const [phone, setPhone] = useDraft(`${app.id}.facility.phone`, f?.phone ?? "");
  const [email, setEmail] = useDraft(`${app.id}.facility.email`, f?.email ?? "");
  const [systems, setSystems] = useDraft<SystemOfMedicine[]>(`${app.id}.facility.systems`, f?.systemsOfMedicine ?? ["ALLOPATHY"]);
  const [services, setServices] = useDraft<HospitalService[]>(`${app.id}.facility.services`, f?.services ?? []);
  const [open24x7, setOpen24x7] = useDraft(`${app.id}.facility.open24x7`, f?.open24x7 ?? false);
  const [opdHours, setOpdHours] = useDraft(`${app.id}.facility.opdHours`, f?.opdHours ?? "");
  const save = () =>
    onSave({
      facility: {
        name,
        type,
        ownershipSubtype: blank(subtype),
        unitId,
        address,
        pincode: blank(pincode),
        phone: blank(phone),
        email: blank(email),
        systemsOfMedicine: systems,
        services,
        open24x7,
        opdHours: open24x7 ? null : blank(opdHours),
      },
    });
  return (
    <StepForm title={t("apply.step.facility")} draft={`${app.id}.facility.`} onSubmit={save}>
      {(error) => (
        <>
          <TextField label={t("apply.facilityName")} value={name} required onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
          <SelectField label={t("apply.facilityType")} value={type} onChange={(e) => setType(e.target.value as FacilityType)} options={APPLICANT_TYPES.map((v) => ({ value: v, label: t(`facilityType.${v}` as MessageKey) }))} error={fieldError(error, "type")} />
          <TextField label={t("apply.ownershipSubtype")} hint={t("apply.ownershipSubtypeHint")} value={subtype} onChange={(e) => setSubtype(e.target.value)} error={fieldError(error, "ownershipSubtype")} />
          <SelectField label={t("apply.place")} value={unitId} required onChange={(e) => setUnitId(e.target.value)} options={[{ value: "", label: t("apply.choosePlace") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} error={fieldError(error, "unitId")} />
          <TextField label={t("apply.address")} value={address} required autoComplete="street-address" onChange={(e) => setAddress(e.target.value)} error={fieldError(error, "address")} />
          <TextField label={t("apply.pincode")} value={pincode} inputMode="numeric" autoComplete="postal-code" onChange={(e) => setPincode(e.target.value)} error={fieldError(error, "pincode")} />
          <TextField label={t("apply.phone")} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
          <TextField label={t("apply.email")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, "email")} />
          <Checks legend={t("apply.systems")} values={SYSTEMS} chosen={systems} label={(v) => t(`system.${v}` as MessageKey)} onChange={setSystems} />
          {fieldError(error, "systemsOfMedicine") && <p className="error" role="alert">{fieldError(error, "systemsOfMedicine")}</p>}
          <Checks legend={t("apply.services")} values={SERVICES} chosen={services} label={(v) => t(`service.${v}` as MessageKey)} onChange={setServices} />
          <label className="check">
            <input type="checkbox" checked={open24x7} onChange={(e) => setOpen24x7(e.target.checked)} /> {t("apply.open24x7")}
          </label>
          {!open24x7 && <TextField label={t("apply.opdHours")} hint={t("apply.opdHoursHint")} value={opdHours} onChange={(e) => setOpdHours(e.target.value)} error={fieldError(error, "opdHours")} />}
        </>
      )}
    </StepForm>
  );
}

export function CapacityStep({ app, onSave }: StepProps) {
  const { t } = useI18n();
  const c = app.capacity;
  const [beds, setBeds] = useDraft<Record<(typeof BED_KINDS)[number], string>>(
    `${app.id}.capacity.beds`,
    Object.fromEntries(BED_KINDS.map((k) => [k, String(c?.[k] ?? 0)])) as Record<(typeof BED_KINDS)[number], string>,
  );
  const save = () => onSave({ capacity: Object.fromEntries(BED_KINDS.map((k) => [k, Number.parseInt(beds[k] || "0", 10)])) });
  return (
    <StepForm title={t("apply.step.capacity")} draft={`${app.id}.capacity.`} onSubmit={save}>
      {(error) => (
        <div className="grid2">
          {BED_KINDS.map((k) => (
            <TextField key={k} label={t(`beds.${k}`)} type="number" min={0} inputMode="numeric" value={beds[k]} onChange={(e) => setBeds({ ...beds, [k]: e.target.value })} error={fieldError(error, `beds.${k}`)} />
          ))}
        </div>
      )}
    </StepForm>
  );
}

export function LicencesStep({ app, onSave }: StepProps) {
  const { t } = useI18n();
  const l = app.licences;
  const [v, setV] = useDraft(`${app.id}.licences.v`, {
    clinicalEstablishmentNumber: l?.clinicalEstablishmentNumber ?? "",
    fireNocNumber: l?.fireNocNumber ?? "",
    biomedicalWasteAuthorisationNumber: l?.biomedicalWasteAuthorisationNumber ?? "",
    pollutionConsentNumber: l?.pollutionConsentNumber ?? "",
    pan: l?.pan ?? "",
    gstin: l?.gstin ?? "",
  });
  const save = () =>
    onSave({
      licences: {
        clinicalEstablishmentNumber: v.clinicalEstablishmentNumber,
        fireNocNumber: blank(v.fireNocNumber),
        biomedicalWasteAuthorisationNumber: blank(v.biomedicalWasteAuthorisationNumber),
        pollutionConsentNumber: blank(v.pollutionConsentNumber),
        pan: blank(v.pan),
        gstin: blank(v.gstin),
      },
    });
  const keys = Object.keys(v) as (keyof typeof v)[];
  return (
    <StepForm title={t("apply.step.licences")} draft={`${app.id}.licences.`} onSubmit={save}>
      {(error) =>
        keys.map((k) => (
          <TextField key={k} label={t(`licence.${k}`)} value={v[k]} required={k === "clinicalEstablishmentNumber"} autoCapitalize="characters" onChange={(e) => setV({ ...v, [k]: e.target.value })} error={fieldError(error, k)} />
        ))
      }
    </StepForm>
  );
}

export function OwnerStep({ app, onSave }: StepProps) {
  const { t } = useI18n();
  const o = app.owner;
  const [v, setV] = useDraft(`${app.id}.owner.v`, { name: o?.name ?? "", designation: o?.designation ?? "", council: o?.council ?? "", registrationNumber: o?.registrationNumber ?? "" });
  const keys = Object.keys(v) as (keyof typeof v)[];
  return (
    <StepForm title={t("apply.step.owner")} draft={`${app.id}.owner.`} onSubmit={() => onSave({ owner: v })}>
      {(error) => keys.map((k) => <TextField key={k} label={t(`owner.${k}`)} hint={k === "council" ? t("owner.councilHint") : undefined} value={v[k]} required onChange={(e) => setV({ ...v, [k]: e.target.value })} error={fieldError(error, k)} />)}
    </StepForm>
  );
}

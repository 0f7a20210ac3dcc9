import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { FacilityType, Ownership, UnitTreeQuery } from "../../gql/types";
import { UNIT_TREE } from "./queries";
import { BED_KINDS } from "../onboarding/steps";

const CREATE_FACILITY = /* GraphQL */ `
  mutation CreateFacility($input: CreateFacilityInput!) {
    createFacility(input: $input) {
      id
      name
    }
  }
`;

const TYPES: FacilityType[] = ["MEDICAL_COLLEGE_HOSPITAL", "DISTRICT_HOSPITAL", "SUB_DIVISIONAL_HOSPITAL", "STATE_GENERAL_HOSPITAL", "RURAL_HOSPITAL_CHC", "BLOCK_PHC", "PHC", "SUB_CENTRE_HWC", "PRIVATE_HOSPITAL", "NURSING_HOME", "DIAGNOSTIC_LABORATORY", "BLOOD_BANK"];
const OWNERSHIP: Ownership[] = ["PUBLIC", "PRIVATE", "OTHER"];

/** Add a facility to the registry by hand (CSV import does many at once). */
export function NewFacility({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [name, setName] = useState("");
  const [type, setType] = useState<FacilityType>("PHC");
  const [ownership, setOwnership] = useState<Ownership>("PUBLIC");
  const [unitId, setUnitId] = useState("");
  const [address, setAddress] = useState("");
  const [pincode, setPincode] = useState("");
  const [phone, setPhone] = useState("");
  const [beds, setBeds] = useState<Record<(typeof BED_KINDS)[number], string>>(Object.fromEntries(BED_KINDS.map((k) => [k, "0"])) as Record<(typeof BED_KINDS)[number], string>);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await run((key) =>
        gql<{ createFacility: { name: string } }>(
          CREATE_FACILITY,
          {
            input: {
              facility: {
                name,
                type,
                ownership,
                unitId,
                address: address.trim() || null,
                pincode: pincode.trim() || null,
                phone: phone.trim() || null,
                beds: Object.fromEntries(BED_KINDS.map((k) => [k, Number.parseInt(beds[k] || "0", 10)])),
              },
            },
          } as never,
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      onCreated(d.createFacility.name);
      setName("");
      setAddress("");
      setPincode("");
      setPhone("");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details className="card">
      <summary>{t("facilities.new")}</summary>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <fieldset className="plain" disabled={busy}>
          <TextField label={t("facilities.name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
          <SelectField label={t("facilities.type")} value={type} onChange={(e) => setType(e.target.value as FacilityType)} options={TYPES.map((v) => ({ value: v, label: t(`facilityType.${v}` as MessageKey) }))} />
          <SelectField label={t("facilities.ownership")} value={ownership} onChange={(e) => setOwnership(e.target.value as Ownership)} options={OWNERSHIP.map((v) => ({ value: v, label: t(`ownership.${v}` as MessageKey) }))} />
          <SelectField label={t("facilities.unit")} value={unitId} onChange={(e) => setUnitId(e.target.value)} options={[{ value: "", label: t("apply.choosePlace") }, ...units.map((u) => ({ value: u.id, label: `${"· ".repeat(u.depth)}${u.name}` }))]} error={fieldError(error, "unitId")} />
          <TextField label={t("apply.address")} value={address} onChange={(e) => setAddress(e.target.value)} error={fieldError(error, "address")} />
          <TextField label={t("apply.pincode")} inputMode="numeric" value={pincode} onChange={(e) => setPincode(e.target.value)} error={fieldError(error, "pincode")} />
          <TextField label={t("apply.phone")} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
          <div className="grid2">
            {BED_KINDS.map((k) => (
              <TextField key={k} label={t(`beds.${k}`)} type="number" min={0} inputMode="numeric" value={beds[k]} onChange={(e) => setBeds({ ...beds, [k]: e.target.value })} error={fieldError(error, `beds.${k}`)} />
            ))}
          </div>
          <ErrorText error={error} />
          <button type="submit">{busy ? t("common.saving") : t("facilities.create")}</button>
        </fieldset>
      </form>
    </details>
  );
}

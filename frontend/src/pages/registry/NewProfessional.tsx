import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { ProfessionalKind } from "../../gql/types";

const CREATE_PROFESSIONAL = /* GraphQL */ `
  mutation CreateProfessional($input: CreateProfessionalInput!) {
    createProfessional(input: $input) {
      id
      name
    }
  }
`;

const KINDS: ProfessionalKind[] = ["DOCTOR", "NURSE", "MIDWIFE", "PHARMACIST", "LAB_TECHNICIAN", "RADIOGRAPHER", "ASHA_CHW", "OTHER"];

/** Add a professional to the registry by hand, with a council registration (then verified by the department). */
export function NewProfessional({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ProfessionalKind>("DOCTOR");
  const [phone, setPhone] = useState("");
  const [council, setCouncil] = useState("");
  const [number, setNumber] = useState("");
  const [registeredOn, setRegisteredOn] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const registrations = council.trim() || number.trim() ? [{ council, number, registeredOn: registeredOn || null }] : [];
    try {
      const d = await run((key) =>
        gql<{ createProfessional: { name: string } }>(CREATE_PROFESSIONAL, { input: { professional: { name, kind, phone: phone.trim() || null, registrations } } } as never, { idempotencyKey: key }),
      );
      if (!d) return;
      onCreated(d.createProfessional.name);
      setName("");
      setPhone("");
      setNumber("");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details className="card">
      <summary>{t("professionals.new")}</summary>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <fieldset className="plain" disabled={busy}>
          <TextField label={t("professionals.name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
          <SelectField label={t("professionals.profession")} value={kind} onChange={(e) => setKind(e.target.value as ProfessionalKind)} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} />
          <TextField label={t("apply.phone")} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
          <TextField label={t("professionals.council")} value={council} onChange={(e) => setCouncil(e.target.value)} error={fieldError(error, "registrations.0.council")} />
          <TextField label={t("professionals.number")} value={number} onChange={(e) => setNumber(e.target.value)} error={fieldError(error, "registrations.0.number")} />
          <TextField label={t("professionals.registeredOn")} type="date" value={registeredOn} onChange={(e) => setRegisteredOn(e.target.value)} error={fieldError(error, "registrations.0.registeredOn")} />
          <ErrorText error={error} />
          <button type="submit">{busy ? t("common.saving") : t("professionals.create")}</button>
        </fieldset>
      </form>
    </details>
  );
}

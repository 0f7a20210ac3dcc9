import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { SelectField, TextArea, TextField } from "../../components/Field";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { LogCallMutation, LogCallMutationVariables, TicketCategory, TicketChannel } from "../../gql/types";
import { LOG_CALL } from "./queries";

const CHANNELS: TicketChannel[] = ["PHONE", "SMS", "WHATSAPP", "WEB"];
const CATEGORIES: TicketCategory[] = ["INFORMATION", "APPOINTMENT", "COMPLAINT", "EMERGENCY", "TELECONSULTATION", "OTHER"];
const CALL_LANGUAGES = [
  { value: "bn", label: "বাংলা" },
  { value: "hi", label: "हिन्दी" },
  { value: "en", label: "English" },
  { value: "ur", label: "اردو" },
  { value: "or", label: "ଓଡ଼ିଆ" },
];

export function LogCall({ onLogged }: { onLogged: (id: string) => void }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<TicketChannel>("PHONE");
  const [category, setCategory] = useState<TicketCategory>("INFORMATION");
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [language, setLanguage] = useState("bn");
  const [healthId, setHealthId] = useState("");
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setLogged(false);
    try {
      const d = await gql<LogCallMutation, LogCallMutationVariables>(LOG_CALL, {
        input: {
          channel,
          category,
          callerPhone: phone,
          callerName: name.trim() || null,
          language,
          patientHealthId: healthId.trim() || null,
          notes,
        },
      });
      // Keep the form's choices; clear what belongs to this caller.
      setPhone("");
      setName("");
      setHealthId("");
      setNotes("");
      setLogged(true);
      onLogged(d.logCall.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card logcall" onSubmit={submit} aria-labelledby="logcall-title">
      <h2 id="logcall-title">{t("helpline.logCall")}</h2>
      <div className="grid2">
        <SelectField label={t("helpline.channel")} value={channel} onChange={(e) => setChannel(e.target.value as TicketChannel)} options={CHANNELS.map((c) => ({ value: c, label: t(`ticket.channel.${c}`) }))} />
        <SelectField label={t("helpline.category")} value={category} onChange={(e) => setCategory(e.target.value as TicketCategory)} options={CATEGORIES.map((c) => ({ value: c, label: t(`ticket.category.${c}`) }))} />
        <TextField label={t("helpline.callerPhone")} type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "callerPhone")} />
        <TextField label={t("helpline.callerName")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "callerName")} />
        <SelectField label={t("helpline.callLanguage")} value={language} onChange={(e) => setLanguage(e.target.value)} options={CALL_LANGUAGES} />
        <TextField label={t("helpline.patientHealthId")} value={healthId} onChange={(e) => setHealthId(e.target.value)} error={fieldError(error, "patientHealthId") ?? fieldError(error, "healthId")} />
      </div>
      <TextArea label={t("helpline.notes")} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} error={fieldError(error, "notes")} />
      <ErrorText error={error} />
      {logged && <p role="status">{t("helpline.logged")}</p>}
      <button type="submit" disabled={busy}>
        {t("helpline.logCall")}
      </button>
    </form>
  );
}

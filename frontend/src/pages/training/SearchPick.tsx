import { useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/Field";
import { useI18n } from "../../i18n";

export interface Choice {
  id: string;
  label: string;
}

/**
 * Find one thing by typing part of its name: the matches (at most ten) fill a list to
 * choose from. `find` is asked again a moment after typing stops.
 */
export function SearchPick({ label, searchLabel, find, value, onChange, error, optional }: { label: string; searchLabel: string; find: (text: string) => Promise<Choice[]>; value: string; onChange: (id: string) => void; error?: string; optional?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      find(text.trim()).then(
        (c) => live && setChoices(c),
        () => live && setChoices([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <>
      <TextField label={searchLabel} value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} options={[{ value: "", label: optional ? t("training.noTrainer") : t("training.choose") }, ...choices.map((c) => ({ value: c.id, label: c.label }))]} />
    </>
  );
}

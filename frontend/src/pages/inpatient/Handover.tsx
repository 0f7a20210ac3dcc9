import { useCallback, useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextArea } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  HandoversQuery,
  HandoversQueryVariables,
  NursingShift,
  ReceiveHandoverMutation,
  ReceiveHandoverMutationVariables,
  WriteHandoverMutation,
  WriteHandoverMutationVariables,
} from "../../gql/types";
import { todayInIndia } from "./MedicationRound";
import { HANDOVERS, RECEIVE_HANDOVER, WRITE_HANDOVER } from "./queries";

const SHIFTS: NursingShift[] = ["MORNING", "EVENING", "NIGHT"];

/** Today's handovers of a ward: write yours, sign the one handed to you. */
export function Handover({ wardId }: { wardId: string }) {
  const { t, dateTime } = useI18n();
  const { busy, run } = useSubmit();
  const day = todayInIndia();
  const [list, setList] = useState<HandoversQuery["handovers"]>([]);
  const [v, setV] = useState({ shift: "MORNING" as NursingShift, summary: "", pending: "" });
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    gql<HandoversQuery, HandoversQueryVariables>(HANDOVERS, { wardId, from: day, to: day }).then((d) => setList(d.handovers), setError);
  }, [wardId, day]);
  useEffect(load, [load]);
  const write = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await run((key) =>
        gql<WriteHandoverMutation, WriteHandoverMutationVariables>(WRITE_HANDOVER, { wardId, day, shift: v.shift, summary: v.summary, pendingTasks: v.pending || null }, { idempotencyKey: key }),
      );
      setV({ ...v, summary: "", pending: "" });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const receive = async (id: string) => {
    setError(null);
    try {
      await run((key) => gql<ReceiveHandoverMutation, ReceiveHandoverMutationVariables>(RECEIVE_HANDOVER, { id }, { idempotencyKey: key }));
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-label={t("handover.title")}>
      <h2>{t("handover.title")}</h2>
      <ul>
        {list.map((h) => (
          <li key={h.id}>
            <strong>{h.shift ? t(`shift.${h.shift}` as MessageKey) : ""}</strong>: {h.summary}
            {h.pendingTasks && <> · {h.pendingTasks}</>} ·{" "}
            {h.incomingAt ? (
              t("handover.received", { when: dateTime(h.incomingAt) })
            ) : (
              <button type="button" disabled={busy} onClick={() => receive(h.id)}>
                {t("handover.receive")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={write}>
        <SelectField label={t("handover.shift")} value={v.shift} onChange={(e) => setV({ ...v, shift: e.target.value as NursingShift })} options={SHIFTS.map((s) => ({ value: s, label: t(`shift.${s}` as MessageKey) }))} />
        <TextArea label={t("handover.summary")} required value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} error={fieldError(error, "summary")} />
        <TextArea label={t("handover.pending")} value={v.pending} onChange={(e) => setV({ ...v, pending: e.target.value })} />
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          {t("handover.write")}
        </button>
      </form>
    </section>
  );
}

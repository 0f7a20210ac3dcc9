import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  DecideStockCountMutation,
  DecideStockCountMutationVariables,
  RecordStockCountsMutation,
  RecordStockCountsMutationVariables,
  StartStockCountMutation,
  StartStockCountMutationVariables,
  StockCountsQuery,
  StockCountsQueryVariables,
  SubmitStockCountMutation,
  SubmitStockCountMutationVariables,
} from "../../gql/types";
import { DECIDE_COUNT, RECORD_COUNTS, START_COUNT, STOCK_COUNTS, SUBMIT_COUNT } from "./queries.counts";
import { StorePicker } from "./StorePicker";
import { useStores, type StoreRef } from "./useStores";

type Sheet = StockCountsQuery["stockCounts"][number];

const STATUS_CLASS: Record<string, string> = { OPEN: "pill pill--warn", SUBMITTED: "pill pill--warn", APPROVED: "pill pill--ok", REJECTED: "pill pill--alert" };

/** Entering what is on the shelf: one row per batch the books hold; a reason is
 *  asked for wherever the count differs. Saved as often as wanted, then submitted. */
function CountForm({ sheet, onDone }: { sheet: Sheet; onDone: () => void }) {
  const { t, number: n, date } = useI18n();
  const [counted, setCounted] = useState<Record<string, string>>(() => Object.fromEntries(sheet.lines.map((l) => [l.batchId, l.counted == null ? "" : String(l.counted)])));
  const [reasons, setReasons] = useState<Record<string, string>>(() => Object.fromEntries(sheet.lines.map((l) => [l.batchId, l.reason ?? ""])));
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const entered = sheet.lines.filter((l) => (counted[l.batchId] ?? "").trim() !== "");
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lines = entered.map((l) => ({ batchId: l.batchId, counted: Math.round(Number(counted[l.batchId])), reason: reasons[l.batchId]?.trim() || null }));
    try {
      const r = await run((key) =>
        gql<RecordStockCountsMutation, RecordStockCountsMutationVariables>(RECORD_COUNTS, { countId: sheet.id, expectedVersion: sheet.version, lines }, { idempotencyKey: key }),
      );
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  const submit = async () => {
    setError(null);
    try {
      const r = await run((key) => gql<SubmitStockCountMutation, SubmitStockCountMutationVariables>(SUBMIT_COUNT, { countId: sheet.id, expectedVersion: sheet.version }, { idempotencyKey: key }));
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  const saved = sheet.lines.every((l) => l.counted != null);
  return (
    <form onSubmit={save} aria-label={t("supply.counts.enter")}>
      {sheet.lines.map((l) => {
        const raw = counted[l.batchId] ?? "";
        const differs = raw.trim() !== "" && Number(raw) !== l.expected;
        // The lines are sent in the order entered: find this row's place there.
        const at = entered.findIndex((x) => x.batchId === l.batchId);
        return (
          <fieldset key={l.batchId}>
            <legend>
              {l.itemName} · {t("supply.counts.batch")} {l.batchNo} {l.expiresOn && `(${date(l.expiresOn)})`}
            </legend>
            <p>{t("supply.counts.books", { quantity: n(l.expected), unit: l.unitOfIssue })}</p>
            <TextField
              label={t("supply.counts.countedOf", { item: l.itemName, batch: l.batchNo })}
              type="number"
              inputMode="numeric"
              min={0}
              value={raw}
              onChange={(e) => setCounted((c) => ({ ...c, [l.batchId]: e.target.value }))}
              error={at >= 0 ? fieldError(error, `lines.${at}.counted`) : undefined}
            />
            {(differs || reasons[l.batchId]) && (
              <TextField
                label={t("supply.counts.why", { variance: n(Number(raw) - l.expected) })}
                value={reasons[l.batchId] ?? ""}
                onChange={(e) => setReasons((r) => ({ ...r, [l.batchId]: e.target.value }))}
                error={at >= 0 ? fieldError(error, `lines.${at}.reason`) : undefined}
              />
            )}
          </fieldset>
        );
      })}
      <ErrorText error={error} />
      <p>
        <button type="submit" disabled={busy || entered.length === 0}>
          {t("supply.counts.save")}
        </button>{" "}
        <button type="button" disabled={busy || !saved} onClick={() => void submit()}>
          {t("supply.counts.submit")}
        </button>
      </p>
      {!saved && <p className="hint">{t("supply.counts.notAll", { left: sheet.lines.filter((l) => l.counted == null).length })}</p>}
    </form>
  );
}

/** A supervisor over the store approves (the differences become adjustments) or
 *  sends the sheet back with a note. */
function Decide({ sheet, onDone }: { sheet: Sheet; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const decide = async (approve: boolean) => {
    setError(null);
    try {
      const r = await run((key) =>
        gql<DecideStockCountMutation, DecideStockCountMutationVariables>(
          DECIDE_COUNT,
          { countId: sheet.id, expectedVersion: sheet.version, approve, note: note.trim() || null },
          { idempotencyKey: key },
        ),
      );
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <TextField label={t("supply.counts.decisionNote")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
      <ErrorText error={error} />
      <button type="button" disabled={busy} onClick={() => void decide(true)}>
        {t("supply.counts.approve")}
      </button>{" "}
      <button type="button" disabled={busy} onClick={() => void decide(false)}>
        {t("supply.counts.sendBack")}
      </button>
    </div>
  );
}

function SheetCard({ sheet, store, onDone }: { sheet: Sheet; store: StoreRef; onDone: () => void }) {
  const { t, number: n, dateTime } = useI18n();
  const differences = sheet.lines.filter((l) => l.variance != null && l.variance !== 0);
  return (
    <li className="panel">
      <p>
        <span className={STATUS_CLASS[sheet.status]}>{t(`supply.countStatus.${sheet.status}` as MessageKey)}</span> <strong>{t("supply.counts.started", { when: dateTime(sheet.createdAt) })}</strong> ·{" "}
        {t("supply.counts.lines", { lines: sheet.lines.length })}
      </p>
      {sheet.note && <p>{sheet.note}</p>}
      {sheet.decisionNote && <p>{t("supply.counts.decided", { note: sheet.decisionNote })}</p>}
      {sheet.status === "OPEN" && store.worksHere && <CountForm sheet={sheet} onDone={onDone} />}
      {sheet.status !== "OPEN" && (
        <>
          <p>{differences.length === 0 ? t("supply.counts.noDifference") : t("supply.counts.differences", { count: differences.length })}</p>
          <ul>
            {differences.map((l) => (
              <li key={l.batchId}>
                {l.itemName} · {l.batchNo}: {t("supply.counts.difference", { expected: n(l.expected), counted: n(l.counted ?? 0), variance: n(l.variance ?? 0) })}
                {l.reason && ` (${l.reason})`}
              </li>
            ))}
          </ul>
        </>
      )}
      {sheet.status === "SUBMITTED" && store.supervisesHere && <Decide sheet={sheet} onDone={onDone} />}
    </li>
  );
}

/** A store's count sheets: start one, count, submit, and (for a supervisor) approve. */
export default function Counts() {
  const { t } = useI18n();
  const { stores, chosen, choose, error: storesError } = useStores();
  const [list, setList] = useState<Sheet[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const [note, setNote] = useState("");
  const { busy, run } = useSubmit();
  useEffect(() => {
    if (!chosen) return;
    gql<StockCountsQuery, StockCountsQueryVariables>(STOCK_COUNTS, { storeId: chosen.id }).then((d) => setList(d.stockCounts), setError);
  }, [chosen?.id, changes]);
  const changed = () => setChanges((c) => c + 1);
  const start = async () => {
    if (!chosen) return;
    setError(null);
    try {
      const r = await run((key) => gql<StartStockCountMutation, StartStockCountMutationVariables>(START_COUNT, { storeId: chosen.id, note: note.trim() || null }, { idempotencyKey: key }));
      if (r) {
        setNote("");
        changed();
      }
    } catch (err) {
      setError(err);
    }
  };
  if (stores && stores.length === 0) return <p>{t("supply.noStores")}</p>;
  const pending = list?.some((s) => s.status === "OPEN" || s.status === "SUBMITTED");
  return (
    <section>
      <h1>{chosen ? t("supply.counts.title", { store: chosen.name }) : t("supply.counts.link")}</h1>
      <ErrorText error={storesError ?? error} />
      <StorePicker stores={stores} chosen={chosen} choose={choose} />
      {chosen?.worksHere && list && !pending && (
        <div className="panel">
          <p>{t("supply.counts.startHint")}</p>
          <TextField label={t("supply.counts.note")} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={busy} onClick={() => void start()}>
            {t("supply.counts.start")}
          </button>
        </div>
      )}
      {list && list.length === 0 && <p>{t("supply.counts.none")}</p>}
      <ul className="cards">{chosen && list?.map((s) => <SheetCard key={`${s.id}-${s.version}`} sheet={s} store={chosen} onDone={changed} />)}</ul>
    </section>
  );
}

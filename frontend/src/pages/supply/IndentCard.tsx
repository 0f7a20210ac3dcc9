import { useState, type FormEvent } from "react";
import { authorisedBlobUrl, gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  DecideIndentMutation,
  DecideIndentMutationVariables,
  IssueIndentMutation,
  IssueIndentMutationVariables,
  ReceiveIndentMutation,
  ReceiveIndentMutationVariables,
  StoreIndentsQuery,
} from "../../gql/types";
import { DECIDE_INDENT, ISSUE_INDENT, RECEIVE_INDENT } from "./queries";

/** The indent and its voucher as the server's PDF, for the file and signatures. */
function PrintVoucher({ id }: { id: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setError(null);
    try {
      window.open(await authorisedBlobUrl(`/supply/indents/${id}.pdf`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  };
  return (
    <p className="no-print">
      <button type="button" onClick={() => void open()}>
        {t("supply.indents.print")}
      </button>
      <ErrorText error={error} />
    </p>
  );
}

export type IndentView = StoreIndentsQuery["indents"][number];

const STATUS_CLASS: Record<string, string> = { SUBMITTED: "pill pill--warn", APPROVED: "pill pill--warn", ISSUED: "pill pill--warn", RECEIVED: "pill pill--ok", REJECTED: "pill pill--alert", CANCELLED: "pill" };

/** The store above decides every line: approved in full unless changed, with a reason
 *  where less is approved. */
function Decide({ indent, onDone }: { indent: IndentView; onDone: () => void }) {
  const { t } = useI18n();
  const [approved, setApproved] = useState<Record<string, string>>(() => Object.fromEntries(indent.lines.map((l) => [l.itemId, String(l.requested)])));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lines = indent.lines.map((l) => ({ itemId: l.itemId, approved: Math.round(Number(approved[l.itemId] || 0)), reason: reasons[l.itemId]?.trim() || null }));
    try {
      const r = await run((key) =>
        gql<DecideIndentMutation, DecideIndentMutationVariables>(DECIDE_INDENT, { input: { indentId: indent.id, expectedVersion: indent.version, lines } }, { idempotencyKey: key }),
      );
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t("supply.indents.approve")}>
      {indent.lines.map((l, i) => (
        <fieldset key={l.itemId}>
          <legend>{l.item?.name ?? l.itemId}</legend>
          <TextField
            label={t("supply.indents.approveQty", { item: l.item?.name ?? "" })}
            type="number"
            inputMode="numeric"
            min={0}
            max={l.requested}
            value={approved[l.itemId] ?? ""}
            onChange={(e) => setApproved((a) => ({ ...a, [l.itemId]: e.target.value }))}
            error={fieldError(error, `lines.${i}.approved`)}
          />
          <TextField label={t("supply.indents.reason")} value={reasons[l.itemId] ?? ""} onChange={(e) => setReasons((r) => ({ ...r, [l.itemId]: e.target.value }))} error={fieldError(error, `lines.${i}.reason`)} />
        </fieldset>
      ))}
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("supply.indents.decide")}
      </button>
    </form>
  );
}

function Issue({ indent, onDone }: { indent: IndentView; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const issue = async () => {
    setError(null);
    try {
      const r = await run((key) =>
        gql<IssueIndentMutation, IssueIndentMutationVariables>(ISSUE_INDENT, { indentId: indent.id, expectedVersion: indent.version }, { idempotencyKey: key }),
      );
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <ErrorText error={error} />
      <button type="button" onClick={issue} disabled={busy}>
        {t("supply.indents.issue")}
      </button>
    </>
  );
}

/** The asking store records each batch on the voucher: received in good order (all of
 *  it unless changed) and damaged; the rest is short. */
function Receive({ indent, onDone }: { indent: IndentView; onDone: () => void }) {
  const { t } = useI18n();
  const [got, setGot] = useState<Record<string, string>>(() => Object.fromEntries(indent.voucher.map((v) => [v.batchId, String(v.quantity)])));
  const [damaged, setDamaged] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const arrivals = indent.voucher.map((v) => ({ batchId: v.batchId, received: Math.round(Number(got[v.batchId] || 0)), damaged: Math.round(Number(damaged[v.batchId] || 0)) }));
    try {
      const r = await run((key) =>
        gql<ReceiveIndentMutation, ReceiveIndentMutationVariables>(RECEIVE_INDENT, { input: { indentId: indent.id, expectedVersion: indent.version, arrivals } }, { idempotencyKey: key }),
      );
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t("supply.indents.receive")}>
      {indent.voucher.map((v, i) => (
        <fieldset key={v.batchId}>
          <legend>{v.batchNo}</legend>
          <TextField
            label={t("supply.indents.receivedLabel", { batch: v.batchNo })}
            type="number"
            inputMode="numeric"
            min={0}
            value={got[v.batchId] ?? ""}
            onChange={(e) => setGot((g) => ({ ...g, [v.batchId]: e.target.value }))}
            error={fieldError(error, `arrivals.${i}`)}
          />
          <TextField
            label={t("supply.indents.damagedLabel", { batch: v.batchNo })}
            type="number"
            inputMode="numeric"
            min={0}
            value={damaged[v.batchId] ?? ""}
            onChange={(e) => setDamaged((d) => ({ ...d, [v.batchId]: e.target.value }))}
          />
        </fieldset>
      ))}
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("supply.indents.receive")}
      </button>
    </form>
  );
}

/** One indent: what was asked and approved, the voucher, and the next step for the
 *  caller's store. */
export function IndentCard({ indent, storeId, worksHere, onDone }: { indent: IndentView; storeId: string; worksHere: boolean; onDone: () => void }) {
  const { t, number: n, dateTime, date } = useI18n();
  const ours = indent.fromStoreId === storeId;
  const names = new Map(indent.lines.map((l) => [l.itemId, l.item?.name ?? ""]));
  return (
    <li className="panel">
      <p>
        <span className={STATUS_CLASS[indent.status]}>{t(`supply.indentStatus.${indent.status}` as MessageKey)}</span>{" "}
        <strong>{t("supply.indents.fromTo", { number: indent.number, when: dateTime(indent.createdAt) })}</strong> · {ours ? t("supply.indents.ours") : t("supply.indents.theirs")}
      </p>
      {indent.note && <p>{indent.note}</p>}
      <ul>
        {indent.lines.map((l) => (
          <li key={l.itemId}>
            {t("supply.indents.line", { item: `${l.item?.name ?? ""} ${l.item?.strength ?? ""}`.trim(), requested: n(l.requested), stock: n(l.stockOnHand), amc: l.amc == null ? "—" : n(l.amc) })}
            {l.wastedBeforeUse > 0 && (
              <strong>
                {" · "}
                {t("supply.indents.waste", { quantity: n(l.wastedBeforeUse) })}
              </strong>
            )}
            {l.approved != null && ` · ${t("supply.indents.approvedLine", { approved: n(l.approved) })}`}
            {l.reason && ` (${l.reason})`}
          </li>
        ))}
      </ul>
      {indent.voucher.length > 0 && (
        <>
          <h3>{t("supply.indents.voucher")}</h3>
          <ul>
            {indent.voucher.map((v) => (
              <li key={v.batchId}>
                {t("supply.indents.voucherLine", { item: names.get(v.itemId) ?? "", batch: v.batchNo, date: v.expiresOn ? date(v.expiresOn) : "—", quantity: n(v.quantity) })}
                {v.received != null && ` · ${t("supply.indents.receivedLine", { received: n(v.received), damaged: n(v.damaged ?? 0), short: n(v.short ?? 0) })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <PrintVoucher id={indent.id} />
      {worksHere && !ours && indent.status === "SUBMITTED" && <Decide indent={indent} onDone={onDone} />}
      {worksHere && !ours && indent.status === "APPROVED" && <Issue indent={indent} onDone={onDone} />}
      {worksHere && ours && indent.status === "ISSUED" && <Receive indent={indent} onDone={onDone} />}
    </li>
  );
}

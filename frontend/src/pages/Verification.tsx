import { useCallback, useEffect, useState } from "react";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { TextField } from "../components/Field";
import { Confirm } from "../components/Confirm";
import { useI18n } from "../i18n";
import type { PendingProfessionalsQuery, RejectProfessionalMutationVariables, VerifyProfessionalMutationVariables } from "../gql/types";

const PENDING = /* GraphQL */ `
  query PendingProfessionals {
    professionals(filter: { status: PENDING }, first: 50) {
      nodes {
        id
        name
        kind
        version
        registrations {
          council
          number
        }
        postings {
          facility {
            name
          }
        }
      }
    }
  }
`;
const VERIFY = /* GraphQL */ `
  mutation VerifyProfessional($id: ID!, $v: Int!, $note: String) {
    verifyProfessional(id: $id, expectedVersion: $v, note: $note) {
      id
    }
  }
`;
const REJECT = /* GraphQL */ `
  mutation RejectProfessional($id: ID!, $v: Int!, $reason: String!) {
    rejectProfessional(id: $id, expectedVersion: $v, reason: $reason) {
      id
    }
  }
`;

type Pending = PendingProfessionalsQuery["professionals"]["nodes"][number];

function Row({ p, onDone }: { p: Pending; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function act(verify: boolean, note: string | null = null) {
    setBusy(true);
    setError(null);
    try {
      if (verify) await gql<unknown, VerifyProfessionalMutationVariables>(VERIFY, { id: p.id, v: p.version, note });
      else await gql<unknown, RejectProfessionalMutationVariables>(REJECT, { id: p.id, v: p.version, reason });
      onDone(t(verify ? "verify.verified" : "verify.rejected", { name: p.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="card" aria-label={p.name}>
      <h2>
        {p.name} <span className="pill">{t(`kind.${p.kind}`)}</span>
      </h2>
      <ul>
        {p.registrations.map((r) => (
          <li key={`${r.council}-${r.number}`}>{t("verify.registration", { council: r.council, number: r.number })}</li>
        ))}
        {p.postings.map((x, i) => x.facility && <li key={i}>{t("verify.postedAt", { facility: x.facility.name })}</li>)}
      </ul>
      <TextField label={t("verify.reason", { name: p.name })} value={reason} onChange={(e) => setReason(e.target.value)} error={(error as { field?: string } | null)?.field === "reason" ? (error as Error).message : undefined} />
      <ErrorText error={error} />
      <div className="actions">
        <Confirm
          label={t("verify.verify")}
          disabled={busy}
          question={t("verify.question", { name: p.name })}
          reasonLabel={t("verify.note")}
          confirmLabel={t("verify.verifyNow")}
          onConfirm={(note) => act(true, note)}
        />
        <button type="button" className="secondary" disabled={busy} onClick={() => void act(false)}>
          {t("verify.reject")}
        </button>
      </div>
    </li>
  );
}

/** State and district administrators verify (or reject) registry entries, with a reason. */
export default function Verification() {
  const { t } = useI18n();
  const [rows, setRows] = useState<Pending[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const load = useCallback(() => {
    gql<PendingProfessionalsQuery>(PENDING).then((d) => setRows(d.professionals.nodes), setError);
  }, []);
  useEffect(() => load(), [load]);
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      {message && <p role="status">{message}</p>}
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t("verify.empty")}</p>}
      <ul className="plain">
        {rows?.map((p) => (
          <Row
            key={p.id}
            p={p}
            onDone={(m) => {
              setMessage(m);
              load();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

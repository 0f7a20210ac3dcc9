import { useCallback, useEffect, useState } from "react";
import { authorisedBlobUrl, gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { IssueCardMutation, IssueCardMutationVariables, PatientCardsQuery, PatientCardsQueryVariables } from "../../gql/types";

const CARDS = /* GraphQL */ `
  query PatientCards($healthId: String!) {
    patientByHealthId(healthId: $healthId, purpose: "card") {
      id
      cards {
        id
        healthId
        status
        issuedAt
      }
    }
  }
`;
const ISSUE = /* GraphQL */ `
  mutation IssueCard($patientId: ID!) {
    issueCard(patientId: $patientId) {
      id
    }
  }
`;

/** The e-health card: a preview of the current card, its PDF to print, or issuing one. */
export function CardPanel({ healthId }: { healthId: string }) {
  const { t, dateTime } = useI18n();
  const [data, setData] = useState<PatientCardsQuery["patientByHealthId"] | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () => gql<PatientCardsQuery, PatientCardsQueryVariables>(CARDS, { healthId }).then((d) => setData(d.patientByHealthId), setError),
    [healthId],
  );
  useEffect(() => void load(), [load]);
  const current = data?.cards.find((c) => c.status === "ACTIVE");

  useEffect(() => {
    if (!current) return;
    let url: string | null = null;
    authorisedBlobUrl(`/cards/${encodeURIComponent(current.healthId)}.png`).then((u) => {
      url = u;
      setPreview(u);
    }, setError);
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [current]);

  async function print() {
    if (!current) return;
    setError(null);
    try {
      window.open(await authorisedBlobUrl(`/cards/${encodeURIComponent(current.healthId)}.pdf`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  }
  async function issue() {
    if (!data) return;
    setBusy(true);
    setError(null);
    try {
      await gql<IssueCardMutation, IssueCardMutationVariables>(ISSUE, { patientId: data.id });
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="card-title">
      <h2 id="card-title">{t("card.title")}</h2>
      <ErrorText error={error} />
      {!data && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {current ? (
        <>
          {preview ? <img className="card-preview" src={preview} alt={t("card.preview", { healthId: current.healthId })} /> : <p aria-busy="true">{t("common.loading")}</p>}
          <p className="muted">{t("card.issued", { at: dateTime(current.issuedAt) })}</p>
          <button type="button" onClick={() => void print()}>
            {t("card.print")}
          </button>
        </>
      ) : (
        data && (
          <>
            <p className="muted">{t("card.none")}</p>
            <button type="button" disabled={busy} onClick={() => void issue()}>
              {t("card.issue")}
            </button>
          </>
        )
      )}
      {data && data.cards.length > 1 && (
        <details>
          <summary>{t("card.earlier")}</summary>
          <ul>
            {data.cards
              .filter((c) => c !== current)
              .map((c) => (
                <li key={c.id}>
                  {dateTime(c.issuedAt)} · {t(`cardStatus.${c.status}` as MessageKey)}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}

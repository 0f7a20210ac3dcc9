import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { KbSearchQuery, KbSearchQueryVariables } from "../../gql/types";
import { KB } from "./queries";

export function KbSearch() {
  const { t } = useI18n();
  const [words, setWords] = useState("");
  const [found, setFound] = useState<KbSearchQuery["kbArticles"] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setFound((await gql<KbSearchQuery, KbSearchQueryVariables>(KB, { search: words })).kbArticles);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="kb-title">
      <h2 id="kb-title">{t("helpline.kb")}</h2>
      <form className="inline" role="search" onSubmit={submit}>
        <TextField label={t("helpline.kbSearch")} value={words} onChange={(e) => setWords(e.target.value)} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <ErrorText error={error} />
      {found && found.length === 0 && <p className="muted">{t("helpline.kbNone")}</p>}
      {found?.map((a) => (
        <details key={a.id}>
          <summary lang={a.language}>{a.title}</summary>
          <p lang={a.language}>{a.body}</p>
        </details>
      ))}
    </section>
  );
}

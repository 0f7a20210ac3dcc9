import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextArea, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  CreateKbArticleMutation,
  CreateKbArticleMutationVariables,
  KbArticleFieldsFragment,
  KbSearchQuery,
  KbSearchQueryVariables,
  UpdateKbArticleMutation,
  UpdateKbArticleMutationVariables,
} from "../../gql/types";
import { CREATE_KB, KB, UPDATE_KB } from "./queries";

const LANGUAGES = ["en", "hi", "bn"] as const;

/** Write a new article, or correct one (a new version; the old text stays in the audit trail). */
function ArticleForm({ article, onSaved, onCancel }: { article: KbArticleFieldsFragment | null; onSaved: (a: KbArticleFieldsFragment) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState(article?.language ?? "en");
  const [title, setTitle] = useState(article?.title ?? "");
  const [body, setBody] = useState(article?.body ?? "");
  const [tags, setTags] = useState(article?.tags.join(", ") ?? "");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const input = { language, title, body, tags: tags.split(",").map((x) => x.trim()).filter(Boolean) };
    try {
      const saved = await run(async (key) =>
        article
          ? (await gql<UpdateKbArticleMutation, UpdateKbArticleMutationVariables>(UPDATE_KB, { id: article.id, v: article.version, input }, { idempotencyKey: key })).updateKbArticle
          : (await gql<CreateKbArticleMutation, CreateKbArticleMutationVariables>(CREATE_KB, { input }, { idempotencyKey: key })).createKbArticle,
      );
      if (saved) onSaved(saved);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} aria-busy={busy} aria-label={t(article ? "kb.edit" : "kb.new")}>
      <fieldset className="plain" disabled={busy}>
        <SelectField label={t("kb.language")} value={language} onChange={(e) => setLanguage(e.target.value)} options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} error={fieldError(error, "language")} />
        <TextField label={t("kb.title")} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(error, "title")} />
        <TextArea label={t("kb.body")} rows={6} value={body} onChange={(e) => setBody(e.target.value)} error={fieldError(error, "body")} />
        <TextField label={t("kb.tags")} hint={t("kb.tagsHint")} value={tags} onChange={(e) => setTags(e.target.value)} />
        <ErrorText error={error} />
        <div className="actions">
          <button type="submit">{busy ? t("common.saving") : t("kb.save")}</button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

export function KbSearch() {
  const { t } = useI18n();
  const { has } = useAuth();
  const writer = has("HELPLINE_DOCTOR", "STATE_ADMIN");
  const [words, setWords] = useState("");
  const [found, setFound] = useState<KbSearchQuery["kbArticles"] | null>(null);
  const [editing, setEditing] = useState<KbArticleFieldsFragment | "new" | null>(null);
  const [notice, setNotice] = useState("");
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
  const saved = (a: KbArticleFieldsFragment) => {
    setEditing(null);
    setNotice(t("kb.saved", { title: a.title }));
    setFound((rows) => [a, ...(rows ?? []).filter((r) => r.id !== a.id)]);
  };

  return (
    <section className="card" aria-labelledby="kb-title">
      <h2 id="kb-title">{t("helpline.kb")}</h2>
      <form className="inline" role="search" onSubmit={submit}>
        <TextField label={t("helpline.kbSearch")} value={words} onChange={(e) => setWords(e.target.value)} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <ErrorText error={error} />
      {notice && <p role="status">{notice}</p>}
      {writer && editing === null && (
        <button type="button" className="secondary" onClick={() => setEditing("new")}>
          {t("kb.new")}
        </button>
      )}
      {editing === "new" && <ArticleForm article={null} onSaved={saved} onCancel={() => setEditing(null)} />}
      {found && found.length === 0 && <p className="muted">{t("helpline.kbNone")}</p>}
      {found?.map((a) =>
        editing !== "new" && editing?.id === a.id ? (
          <ArticleForm key={a.id} article={a} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : (
          <details key={a.id}>
            <summary lang={a.language}>{a.title}</summary>
            <p lang={a.language} className="note-text">
              {a.body}
            </p>
            {writer && (
              <button type="button" className="link" onClick={() => setEditing(a)} aria-label={t("kb.editLabel", { title: a.title })}>
                {t("kb.edit")}
              </button>
            )}
          </details>
        ),
      )}
    </section>
  );
}

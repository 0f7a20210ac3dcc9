import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { useSubmit } from "../hooks/useSubmit";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type { CreateUnitMutationVariables, UnitKind, UnitTreeQuery } from "../gql/types";
import { CREATE_UNIT, UNIT_TREE } from "./registry/queries";

type Unit = UnitTreeQuery["adminUnitTree"][number];
const CHILD_KIND: Record<UnitKind, UnitKind | null> = { STATE: "DISTRICT", DISTRICT: "SUB_DIVISION", SUB_DIVISION: "BLOCK", BLOCK: null };

function Branch({ unit, children, byParent }: { unit: Unit; children: Unit[]; byParent: Map<string, Unit[]> }) {
  const { t } = useI18n();
  const label = (
    <>
      <span>{unit.name}</span> <span className="muted">· {t(`unitKind.${unit.kind}` as MessageKey)}</span>
      {unit.lgdCode && <span className="muted"> · LGD {unit.lgdCode}</span>}
    </>
  );
  if (children.length === 0) return <li>{label}</li>;
  return (
    <li>
      <details open={unit.depth < 2}>
        <summary>
          {label} <span className="pill">{children.length}</span>
        </summary>
        <ul className="tree">
          {children.map((c) => (
            <Branch key={c.id} unit={c} children={byParent.get(c.id) ?? []} byParent={byParent} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The tenant's administrative units as a tree; administrators add units under a parent. */
export default function Units() {
  const { t } = useI18n();
  const { has } = useAuth();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [parentId, setParentId] = useState("");
  const [name, setName] = useState("");
  const [lgd, setLgd] = useState("");
  const [notice, setNotice] = useState("");
  const [saveError, setSaveError] = useState<unknown>(null);

  const load = useCallback(() => gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError), []);
  useEffect(() => void load(), [load]);

  const byParent = useMemo(() => {
    const m = new Map<string, Unit[]>();
    for (const u of units ?? []) if (u.parent) m.set(u.parent.id, [...(m.get(u.parent.id) ?? []), u]);
    return m;
  }, [units]);
  // The top of what the caller may read: units whose parent is not in the list.
  const ids = new Set((units ?? []).map((u) => u.id));
  const roots = (units ?? []).filter((u) => !u.parent || !ids.has(u.parent.id));
  const parents = (units ?? []).filter((u) => CHILD_KIND[u.kind]);
  const parent = parents.find((u) => u.id === parentId);

  const { busy, run } = useSubmit();
  async function add(e: FormEvent) {
    e.preventDefault();
    setSaveError(null);
    setNotice("");
    const kind = parent && CHILD_KIND[parent.kind];
    if (!parent || !kind) return;
    try {
      const d = await run((key) => gql<unknown, CreateUnitMutationVariables>(CREATE_UNIT, { input: { parentId: parent.id, kind, name, lgdCode: lgd.trim() || null } }, { idempotencyKey: key }));
      if (!d) return;
      setNotice(t("units.added", { name: name.trim(), parent: parent.name }));
      setName("");
      setLgd("");
      await load();
    } catch (err) {
      setSaveError(err);
    }
  }

  return (
    <section>
      <h1>{t("units.title")}</h1>
      <ErrorText error={error} />
      {!units && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {units?.length === 0 && <p className="muted">{t("common.empty")}</p>}
      <ul className="tree card">
        {roots.map((r) => (
          <Branch key={r.id} unit={r} children={byParent.get(r.id) ?? []} byParent={byParent} />
        ))}
      </ul>
      {has("STATE_ADMIN", "DISTRICT_ADMIN") && parents.length > 0 && (
        <form className="card narrow" onSubmit={add} aria-busy={busy} noValidate>
          <h2>{t("units.add")}</h2>
          <fieldset className="plain" disabled={busy}>
          {notice && <p role="status">{notice}</p>}
          <SelectField label={t("units.parent")} value={parentId} onChange={(e) => setParentId(e.target.value)} options={[{ value: "", label: t("apply.choosePlace") }, ...parents.map((u) => ({ value: u.id, label: `${u.name} (${t(`unitKind.${u.kind}` as MessageKey)})` }))]} error={fieldError(saveError, "parentId")} />
          {parent && CHILD_KIND[parent.kind] && <p className="muted">{t("units.kindWillBe", { kind: t(`unitKind.${CHILD_KIND[parent.kind]}` as MessageKey) })}</p>}
          <TextField label={t("units.name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(saveError, "name")} />
          <TextField label={t("units.lgd")} value={lgd} inputMode="numeric" onChange={(e) => setLgd(e.target.value)} error={fieldError(saveError, "lgdCode")} />
          <ErrorText error={saveError} />
          <button type="submit" disabled={!parent}>
            {t("units.addButton")}
          </button>
          </fieldset>
        </form>
      )}
    </section>
  );
}

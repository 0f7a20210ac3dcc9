import { useCallback, useEffect, useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { Confirm } from "../components/Confirm";
import { useI18n } from "../i18n";
import type { CreateTenantMutation, CreateTenantMutationVariables, TenantKind, TenantsQuery } from "../gql/types";

const TENANTS = /* GraphQL */ `
  query Tenants {
    tenants(first: 100) {
      nodes {
        id
        code
        name
        kind
        status
        version
        parent {
          code
        }
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      id
      name
    }
  }
`;
const SUSPEND = /* GraphQL */ `
  mutation SuspendTenant($id: ID!, $v: Int, $reason: String) {
    suspendTenant(id: $id, expectedVersion: $v, reason: $reason) {
      id
    }
  }
`;
const REACTIVATE = /* GraphQL */ `
  mutation ReactivateTenant($id: ID!, $v: Int, $reason: String) {
    reactivateTenant(id: $id, expectedVersion: $v, reason: $reason) {
      id
    }
  }
`;

/** The platform administrator's list: create, suspend and reactivate tenants. */
export default function Tenants() {
  const { t } = useI18n();
  const [rows, setRows] = useState<TenantsQuery["tenants"]["nodes"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [kind, setKind] = useState<TenantKind>("DISTRICT");
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [parent, setParent] = useState("");

  const load = useCallback(() => {
    gql<TenantsQuery>(TENANTS).then((d) => setRows(d.tenants.nodes), setError);
  }, []);
  useEffect(() => load(), [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    try {
      const d = await gql<CreateTenantMutation, CreateTenantMutationVariables>(CREATE, {
        input: { kind, code, name, parentCode: kind === "DISTRICT" ? parent.trim() || null : null },
      });
      setMessage(t("tenants.created", { name: d.createTenant.name }));
      setCode("");
      setName("");
      load();
    } catch (err) {
      setFormError(err);
    }
  }

  async function toggle(id: string, version: number, suspend: boolean, reason: string | null) {
    setError(null);
    try {
      await gql(suspend ? SUSPEND : REACTIVATE, { id, v: version, reason });
      load();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t("tenants.title")}</h1>
      {message && <p role="status">{message}</p>}
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("tenants.code")}</th>
                <th scope="col">{t("tenants.name")}</th>
                <th scope="col">{t("tenants.kind")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("tenants.suspend")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.code}</td>
                  <td>
                    {r.name} <span className="pill">{t(`tenantStatus.${r.status}`)}</span>
                  </td>
                  <td>
                    {t(`tenantKind.${r.kind}`)}
                    {r.parent && ` · ${r.parent.code}`}
                  </td>
                  <td>
                    <Confirm
                      secondary
                      label={t(r.status === "ACTIVE" ? "tenants.suspend" : "tenants.reactivate")}
                      ariaLabel={`${t(r.status === "ACTIVE" ? "tenants.suspend" : "tenants.reactivate")} ${r.code}`}
                      question={t(r.status === "ACTIVE" ? "tenants.suspendQuestion" : "tenants.reactivateQuestion", { name: r.name })}
                      reasonLabel={t("confirm.reason")}
                      confirmLabel={t(r.status === "ACTIVE" ? "tenants.suspendNow" : "tenants.reactivate")}
                      onConfirm={(reason) => toggle(r.id, r.version, r.status === "ACTIVE", reason)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card narrow" onSubmit={create} aria-labelledby="create-tenant">
        <h2 id="create-tenant">{t("tenants.create")}</h2>
        <SelectField label={t("tenants.kind")} value={kind} onChange={(e) => setKind(e.target.value as TenantKind)} options={(["STATE", "DISTRICT"] as const).map((k) => ({ value: k, label: t(`tenantKind.${k}`) }))} />
        <TextField label={t("tenants.code")} hint={t("tenants.codeHint")} value={code} onChange={(e) => setCode(e.target.value)} error={fieldError(formError, "code")} />
        <TextField label={t("tenants.name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(formError, "name")} />
        {kind === "DISTRICT" && <TextField label={t("tenants.parent")} value={parent} onChange={(e) => setParent(e.target.value)} error={fieldError(formError, "parentCode")} />}
        <ErrorText error={formError} />
        <button type="submit">{t("tenants.create")}</button>
      </form>
    </section>
  );
}

import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { useAuth } from "../../api/auth";
import { Confirm } from "../../components/Confirm";
import { ApiError, fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { usePaged } from "../../hooks/usePaged";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  CreateUserMutation,
  CreateUserMutationVariables,
  GrantRoleMutation,
  GrantRoleMutationVariables,
  RevokeRoleMutation,
  RevokeRoleMutationVariables,
  Role,
  SetUserActiveMutation,
  SetUserActiveMutationVariables,
  UnitTreeQuery,
  UserFieldsFragment,
  UsersQuery,
  UsersQueryVariables,
} from "../../gql/types";
import { UNIT_TREE } from "../registry/queries";
import { CREATE_USER, GRANT, RESET_PASSWORD, REVOKE, SET_ACTIVE, USERS } from "./queries";

/** Roles a tenant's administrators grant (platform and applicant roles are not theirs to give). */
export const GRANTABLE: Role[] = ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE", "LAB_TECHNICIAN", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR", "SURVEYOR", "OXYGEN_OFFICER", "OXYGEN_COMMITTEE", "STORE_KEEPER", "PHARMACIST", "DISTRICT_DRUG_OFFICER", "STATE_PROCUREMENT_OFFICER", "SURVEILLANCE_OFFICER"];

type Unit = UnitTreeQuery["adminUnitTree"][number];

/** A role and where it applies: the whole tenant, or one district. */
function GrantFields({ role, unitId, units, onRole, onUnit }: { role: Role; unitId: string; units: Unit[]; onRole: (r: Role) => void; onUnit: (u: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField label={t("users.role")} value={role} onChange={(e) => onRole(e.target.value as Role)} options={GRANTABLE.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <SelectField
        label={t("users.scope")}
        value={unitId}
        onChange={(e) => onUnit(e.target.value)}
        options={[{ value: "", label: t("users.wholeTenant") }, ...units.filter((u) => u.kind === "DISTRICT").map((u) => ({ value: u.id, label: u.name }))]}
      />
    </>
  );
}

function NewUser({ units, onCreated }: { units: Unit[]; onCreated: (u: UserFieldsFragment) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("NURSE");
  const [unitId, setUnitId] = useState("");
  const [error, setError] = useState<unknown>(null);
  // The server's warning that the display name looks like another account's.
  const [similar, setSimilar] = useState<string | null>(null);
  const { busy, run } = useSubmit();
  async function create(allowSimilarName: boolean) {
    setError(null);
    setSimilar(null);
    try {
      const d = await run((key) =>
        gql<CreateUserMutation, CreateUserMutationVariables>(
          CREATE_USER,
          { input: { account: { username, displayName, email: email.trim() || null, password }, roles: [{ role, unitId: unitId || null }], allowSimilarName } },
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      onCreated(d.createUser);
      setUsername("");
      setDisplayName("");
      setEmail("");
      setPassword("");
    } catch (err) {
      if (err instanceof ApiError && err.reason === "SIMILAR_NAME") setSimilar(err.message);
      else setError(err);
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void create(false);
  }
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="new-user" aria-busy={busy} noValidate>
      <h2 id="new-user">{t("users.new")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("users.username")} value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} error={fieldError(error, "username")} />
        <TextField label={t("users.displayName")} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fieldError(error, "displayName")} />
        <TextField label={t("users.email")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, "email")} />
        <TextField label={t("users.password")} hint={t("users.passwordHint")} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, "password")} />
        <GrantFields role={role} unitId={unitId} units={units} onRole={setRole} onUnit={setUnitId} />
        <ErrorText error={error} />
        {similar && (
          <div className="warning" role="alert">
            <p>{t("users.similarName")}</p>
            <p className="muted">{similar}</p>
            <button type="button" className="secondary" onClick={() => void create(true)}>
              {t("users.createAnyway")}
            </button>
          </div>
        )}
        <button type="submit">{busy ? t("common.saving") : t("users.create")}</button>
      </fieldset>
    </form>
  );
}

function UserRow({ u, units, me, onChanged }: { u: UserFieldsFragment; units: Unit[]; me: string | undefined; onChanged: (u: UserFieldsFragment) => void }) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>("NURSE");
  const [unitId, setUnitId] = useState("");
  const [password, setPassword] = useState("");
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<unknown>(null);
  const unitName = (id: string | null | undefined) => (id ? (units.find((x) => x.id === id)?.name ?? id) : t("users.wholeTenant"));
  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setNotice("");
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="card" aria-label={u.displayName}>
      <h2>
        {u.displayName} <span className="muted">{u.username}</span> <span className="pill">{t(`userStatus.${u.status}`)}</span>
      </h2>
      <ul className="chips">
        {u.roles.map((g) => (
          <li key={`${g.role}-${g.unitId ?? ""}-${g.facilityId ?? ""}`}>
            {t(`role.${g.role}`)} · {unitName(g.unitId)}{" "}
            <Confirm
              secondary
              label={t("users.revoke")}
              ariaLabel={t("users.revokeLabel", { role: t(`role.${g.role}`), name: u.displayName })}
              question={t("users.revokeQuestion", { role: t(`role.${g.role}`), name: u.displayName })}
              confirmLabel={t("users.revoke")}
              onConfirm={() =>
                attempt(async () => onChanged((await gql<RevokeRoleMutation, RevokeRoleMutationVariables>(REVOKE, { id: u.id, grant: { role: g.role, unitId: g.unitId, facilityId: g.facilityId } })).revokeRole))
              }
            />
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("users.manage")}</summary>
        <div className="inline">
          <GrantFields role={role} unitId={unitId} units={units} onRole={setRole} onUnit={setUnitId} />
          <button type="button" className="secondary" onClick={() => void attempt(async () => onChanged((await gql<GrantRoleMutation, GrantRoleMutationVariables>(GRANT, { id: u.id, grant: { role, unitId: unitId || null } })).grantRole))}>
            {t("users.grant")}
          </button>
        </div>
        <div className="inline">
          <TextField label={t("users.newPassword")} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, "newPassword") ?? fieldError(error, "password")} />
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void attempt(async () => {
                await gql(RESET_PASSWORD, { id: u.id, password });
                setPassword("");
                setNotice(t("users.passwordReset", { name: u.displayName }));
              })
            }
          >
            {t("users.resetPassword")}
          </button>
        </div>
        {u.id !== me && (
          <Confirm
            secondary
            label={t(u.status === "ACTIVE" ? "users.disable" : "users.enable")}
            question={t(u.status === "ACTIVE" ? "users.disableQuestion" : "users.enableQuestion", { name: u.displayName })}
            confirmLabel={t(u.status === "ACTIVE" ? "users.disable" : "users.enable")}
            onConfirm={() =>
              attempt(async () => onChanged((await gql<SetUserActiveMutation, SetUserActiveMutationVariables>(SET_ACTIVE, { id: u.id, v: u.version, active: u.status !== "ACTIVE" })).updateUser))
            }
          />
        )}
      </details>
      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error} />
    </li>
  );
}

/** State and district administrators manage their tenant's accounts and roles. */
export default function Users() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [units, setUnits] = useState<Unit[]>([]);
  const [search, setSearch] = useState("");
  const fetchPage = useCallback(
    async (after: string | null) => {
      const d = await gql<UsersQuery, UsersQueryVariables>(USERS, { after });
      return { nodes: d.users.edges.map((e) => e.node), pageInfo: d.users.pageInfo };
    },
    [],
  );
  const { rows, next, error, load } = usePaged(fetchPage);
  const [local, setLocal] = useState<UserFieldsFragment[]>([]);
  useEffect(() => load(null), [load]);
  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), () => undefined);
  }, []);
  useEffect(() => setLocal(rows ?? []), [rows]);
  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    return words ? local.filter((u) => `${u.displayName} ${u.username} ${u.email ?? ""}`.toLowerCase().includes(words)) : local;
  }, [local, search]);
  const replace = (u: UserFieldsFragment) => setLocal((all) => (all.some((x) => x.id === u.id) ? all.map((x) => (x.id === u.id ? u : x)) : [u, ...all]));
  return (
    <section>
      <h1>{t("users.title")}</h1>
      <p>
        <Link to="/users/clients">{t("nav.clients")}</Link>
      </p>
      <NewUser units={units} onCreated={replace} />
      <TextField label={t("users.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      <ul className="plain">
        {shown.map((u) => (
          <UserRow key={u.id} u={u} units={units} me={me?.userId} onChanged={replace} />
        ))}
      </ul>
      {next && (
        <button type="button" className="secondary" onClick={() => load(next)}>
          {t("common.more")}
        </button>
      )}
    </section>
  );
}

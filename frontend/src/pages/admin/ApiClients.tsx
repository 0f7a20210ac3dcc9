// Machine clients: a lab analyser's interface, another state system, a partner's app.
// An administrator creates one with a scope, copies its secret (shown once), and can
// rotate the secret or revoke the client; both end its tokens at once.
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { Confirm } from "../../components/Confirm";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  ApiClientFieldsFragment,
  ApiClientsQuery,
  ClientFacilitiesQuery,
  CreateApiClientMutation,
  CreateApiClientMutationVariables,
  RevokeApiClientMutation,
  RevokeApiClientMutationVariables,
  Role,
  RotateApiClientMutation,
  RotateApiClientMutationVariables,
} from "../../gql/types";
import { API_CLIENTS, CLIENT_FACILITIES, CREATE_API_CLIENT, REVOKE_API_CLIENT, ROTATE_API_CLIENT } from "./queries.clients";

/** Roles a machine may hold (the server refuses any other). */
const MACHINE_ROLES: Role[] = ["LAB_TECHNICIAN", "OXYGEN_OFFICER", "SURVEYOR", "STORE_KEEPER", "PHARMACIST", "DOCTOR", "NURSE"];

type Facility = ClientFacilitiesQuery["facilities"]["nodes"][number];

/** The secret, once: the server keeps only its hash. */
function Secret({ clientId, secret }: { clientId: string; secret: string }) {
  const { t } = useI18n();
  return (
    <div className="warning secret" role="alert">
      <p>{t("clients.secretOnce")}</p>
      <dl>
        <dt>{t("clients.clientId")}</dt>
        <dd>
          <code>{clientId}</code>
        </dd>
        <dt>{t("clients.secret")}</dt>
        <dd>
          <code>{secret}</code>
        </dd>
      </dl>
    </div>
  );
}

function NewClient({ facilities, onIssued }: { facilities: Facility[]; onIssued: (c: ApiClientFieldsFragment, secret: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("LAB_TECHNICIAN");
  const [facilityId, setFacilityId] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await run((key) =>
        gql<CreateApiClientMutation, CreateApiClientMutationVariables>(
          CREATE_API_CLIENT,
          { input: { name, scopes: [{ role, facilityId: facilityId || null }] } },
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      onIssued(d.createApiClient.client, d.createApiClient.clientSecret);
      setName("");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="new-client" aria-busy={busy} noValidate>
      <h2 id="new-client">{t("clients.new")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("clients.name")} hint={t("clients.nameHint")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "displayName")} />
        <SelectField label={t("users.role")} value={role} onChange={(e) => setRole(e.target.value as Role)} options={MACHINE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField
          label={t("clients.facility")}
          value={facilityId}
          onChange={(e) => setFacilityId(e.target.value)}
          options={[{ value: "", label: t("users.wholeTenant") }, ...facilities.map((f) => ({ value: f.id, label: f.name }))]}
        />
        <ErrorText error={error} />
        <button type="submit">{busy ? t("common.saving") : t("clients.create")}</button>
      </fieldset>
    </form>
  );
}

export default function ApiClients() {
  const { t, dateTime } = useI18n();
  const [clients, setClients] = useState<ApiClientFieldsFragment[] | null>(null);
  const [facilities, setFacilities] = useState<Facility[]>([]);
  const [issued, setIssued] = useState<{ clientId: string; secret: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<ApiClientsQuery>(API_CLIENTS)
      .then((d) => setClients(d.apiClients))
      .catch(setError);
    gql<ClientFacilitiesQuery>(CLIENT_FACILITIES)
      .then((d) => setFacilities(d.facilities.nodes))
      .catch(setError);
  }, []);
  const replace = (c: ApiClientFieldsFragment) => setClients((list) => (list ?? []).map((x) => (x.id === c.id ? c : x)));
  const where = (id: string | null | undefined) => (id ? (facilities.find((f) => f.id === id)?.name ?? id) : t("users.wholeTenant"));
  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h1>{t("clients.title")}</h1>
      <p className="muted">
        {t("clients.intro")} <Link to="/users">{t("nav.users")}</Link>
      </p>
      {issued && <Secret clientId={issued.clientId} secret={issued.secret} />}
      <ErrorText error={error} />
      <NewClient
        facilities={facilities}
        onIssued={(c, secret) => {
          setClients((list) => [c, ...(list ?? [])]);
          setIssued({ clientId: c.clientId, secret });
        }}
      />
      {clients === null ? (
        <p aria-busy="true">{t("common.loading")}</p>
      ) : clients.length === 0 ? (
        <p>{t("clients.none")}</p>
      ) : (
        <ul className="plain">
          {clients.map((c) => (
            <li key={c.id} className="card" aria-label={c.name}>
              <h2>
                {c.name} <span className="pill">{t(c.active ? "clients.active" : "clients.revoked")}</span>
              </h2>
              <p className="secret">
                <code>{c.clientId}</code>
              </p>
              <ul className="chips">
                {c.scopes.map((g) => (
                  <li key={`${g.role}-${g.unitId ?? ""}-${g.facilityId ?? ""}`}>
                    {t(`role.${g.role}`)} · {where(g.facilityId ?? g.unitId)}
                  </li>
                ))}
              </ul>
              <p className="muted">
                {t("clients.created", { date: dateTime(c.createdAt) })}
                {c.rotatedAt && <> · {t("clients.rotated", { date: dateTime(c.rotatedAt) })}</>}
              </p>
              {c.active && (
                <div className="actions">
                  <Confirm
                    secondary
                    label={t("clients.rotate")}
                    ariaLabel={t("clients.rotateLabel", { name: c.name })}
                    question={t("clients.rotateQuestion", { name: c.name })}
                    confirmLabel={t("clients.rotate")}
                    onConfirm={() =>
                      attempt(async () => {
                        const d = await gql<RotateApiClientMutation, RotateApiClientMutationVariables>(ROTATE_API_CLIENT, { id: c.id });
                        replace(d.rotateApiClientSecret.client);
                        setIssued({ clientId: c.clientId, secret: d.rotateApiClientSecret.clientSecret });
                      })
                    }
                  />
                  <Confirm
                    secondary
                    label={t("clients.revoke")}
                    ariaLabel={t("clients.revokeLabel", { name: c.name })}
                    question={t("clients.revokeQuestion", { name: c.name })}
                    confirmLabel={t("clients.revoke")}
                    onConfirm={() => attempt(async () => replace((await gql<RevokeApiClientMutation, RevokeApiClientMutationVariables>(REVOKE_API_CLIENT, { id: c.id })).revokeApiClient))}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

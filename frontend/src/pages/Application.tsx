import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { fieldError } from "../api/errors";
import { TextField } from "../components/Field";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type {
  ApplicationFullFragment,
  ApplicationQuery,
  ApplicationQueryVariables,
  UnitTreeQuery,
  SaveApplicationStepMutation,
  SaveApplicationStepMutationVariables,
  SubmitApplicationMutation,
  SubmitApplicationMutationVariables,
  WithdrawApplicationMutation,
  WithdrawApplicationMutationVariables,
} from "../gql/types";
import { DocumentsStep } from "./onboarding/Documents";
import { APPLICATION, SAVE_STEP, SUBMIT, WITHDRAW } from "./onboarding/queries";
import { EmailProof } from "./onboarding/EmailProof";
import { UNIT_TREE } from "./registry/queries";
import { Review, targetLabel } from "./onboarding/Review";
import { CapacityStep, FacilityStep, LicencesStep, OwnerStep, type StepInput } from "./onboarding/steps";
import { Summary } from "./onboarding/Summary";
import { placeChoices } from "./onboarding/units";

const STEPS = ["facility", "capacity", "licences", "owner", "documents", "submit"] as const;
type Step = (typeof STEPS)[number];

/** Whether a step has been saved, for the step list's ticks. */
function done(app: ApplicationFullFragment, step: Step): boolean {
  switch (step) {
    case "facility":
      return !!app.facility;
    case "capacity":
      return !!app.capacity;
    case "licences":
      return !!app.licences;
    case "owner":
      return !!app.owner;
    case "documents":
      return app.requiredDocuments.every((r) => r.satisfied);
    case "submit":
      return app.status !== "DRAFT" && app.status !== "CHANGES_REQUESTED";
  }
}

/**
 * One hospital application. The applicant fills it step by step (each step saved as
 * a draft), uploads documents and submits; a reviewer reads it and decides.
 */
export default function Application() {
  const { id = "" } = useParams();
  const { t, dateTime } = useI18n();
  const [app, setApp] = useState<ApplicationFullFragment | null>(null);
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  // The step lives in the address (?step=capacity): Back, Forward and Reload keep it.
  const [params, setParams] = useSearchParams();
  const asked = params.get("step") as Step | null;
  const step: Step = asked && (STEPS as readonly string[]).includes(asked) ? asked : "facility";
  const setStep = useCallback((s: Step) => setParams({ step: s }), [setParams]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const [reason, setReason] = useState("");

  const reload = useCallback(async () => {
    const d = await gql<ApplicationQuery, ApplicationQueryVariables>(APPLICATION, { id });
    setApp(d.hospitalApplication);
  }, [id]);

  useEffect(() => {
    reload().catch(setError);
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, [reload]);

  const places = useMemo(() => placeChoices(units), [units]);
  const placeName = (unitId: string) => places.find((p) => p.id === unitId)?.label ?? units.find((u) => u.id === unitId)?.name ?? "—";

  if (!app) {
    return (
      <section>
        <ErrorText error={error} />
        {!error && <p aria-busy="true">{t("common.loading")}</p>}
      </section>
    );
  }

  const editable = app.allowedActions.includes("edit");
  const reviewer = ["approve", "reject", "request_changes"].some((a) => app.allowedActions.includes(a));

  async function save(input: StepInput) {
    if (!app) return;
    const d = await gql<SaveApplicationStepMutation, SaveApplicationStepMutationVariables>(SAVE_STEP, {
      input: { applicationId: app.id, expectedVersion: app.version, ...input },
    });
    setApp(d.saveApplicationStep);
    setNotice(t("apply.saved"));
    const next = STEPS[STEPS.indexOf(step) + 1];
    if (next) setStep(next);
  }

  async function act(run: () => Promise<ApplicationFullFragment>, message: MessageKey) {
    setError(null);
    setNotice("");
    try {
      setApp(await run());
      setNotice(t(message));
    } catch (err) {
      setError(err);
    }
  }
  const submit = () =>
    act(async () => (await gql<SubmitApplicationMutation, SubmitApplicationMutationVariables>(SUBMIT, { id: app.id, v: app.version })).submitHospitalApplication, "apply.submitted");
  const withdraw = () =>
    act(async () => (await gql<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>(WITHDRAW, { id: app.id, v: app.version, reason: reason.trim() || null })).withdrawHospitalApplication, "apply.withdrawn");

  return (
    <section className="application">
      <p>
        <Link to="/applications">{t("apply.back")}</Link>
      </p>
      <h1>
        {app.name ?? t("apply.untitled")} <span className="pill">{t(`appStatus.${app.status}` as MessageKey)}</span>
      </h1>
      {app.submittedAt && <p className="muted">{t("apply.submittedAt", { at: dateTime(app.submittedAt) })}</p>}
      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error} />

      {app.openComments.length > 0 && (
        <section className="card notice" aria-labelledby="comments-title">
          <h2 id="comments-title">{t("apply.comments")}</h2>
          <ul>
            {app.openComments.map((c, i) => (
              <li key={i}>
                <strong>{targetLabel(c.target, t)}</strong>: {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && (
        <>
          <nav aria-label={t("apply.steps")}>
            <ol className="steps">
              {STEPS.map((s, i) => (
                <li key={s}>
                  <button type="button" className={`link${s === step ? " current" : ""}`} aria-current={s === step ? "step" : undefined} onClick={() => setStep(s)}>
                    {i + 1}. {t(`apply.step.${s}`)} {done(app, s) ? "✓" : ""}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {step === "facility" && <FacilityStep key={app.id} app={app} onSave={save} places={places} />}
          {step === "capacity" && <CapacityStep app={app} onSave={save} />}
          {step === "licences" && <LicencesStep app={app} onSave={save} />}
          {step === "owner" && <OwnerStep app={app} onSave={save} />}
          {step === "documents" && (
            <>
              <DocumentsStep app={app} editable onChanged={reload} />
              <button type="button" onClick={() => setStep("submit")}>
                {t("apply.continue")}
              </button>
            </>
          )}
          {step === "submit" && (
            <section className="card" aria-labelledby="submit-title">
              <h2 id="submit-title">{t("apply.step.submit")}</h2>
              {app.missing.length > 0 ? (
                <>
                  <p>{t("apply.missing")}</p>
                  <ul>
                    {app.missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("apply.ready")}</p>
              )}
              <EmailProof onProved={() => setNotice(t("email.provedShort"))} />
              {/* A refused submission names a field, not an input on this step: say it here. */}
              {(fieldError(error, "email") ?? fieldError(error, "steps")) && (
                <p className="error" role="alert">
                  {fieldError(error, "email") ?? fieldError(error, "steps")}
                </p>
              )}
              <button type="button" disabled={!app.allowedActions.includes("submit")} onClick={() => void submit()}>
                {t("apply.submit")}
              </button>
            </section>
          )}
        </>
      )}

      {!editable && <Summary app={app} placeName={placeName} />}
      {reviewer && <Review app={app} onDecided={(a) => { setApp(a); setNotice(t("review.done", { status: t(`appStatus.${a.status}` as MessageKey) })); }} />}

      {app.allowedActions.includes("withdraw") && (
        <details className="card">
          <summary>{t("apply.withdraw")}</summary>
          <TextField label={t("apply.withdrawReason")} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="secondary danger" onClick={() => void withdraw()}>
            {t("apply.withdrawConfirm")}
          </button>
        </details>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("apply.history")}</h2>
        <ol className="timeline">
          {app.timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{dateTime(e.at)}</time> · {t(`appAction.${e.action}` as MessageKey)}
              {e.toStatus && <> → {t(`appStatus.${e.toStatus}` as MessageKey)}</>}
              {e.note && <> · {e.note}</>}
              {e.comments.length > 0 && (
                <ul>
                  {e.comments.map((c, i) => (
                    <li key={i}>
                      {targetLabel(c.target, t)}: {c.text}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

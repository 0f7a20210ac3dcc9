import { ApiError, fieldError } from "../api/errors";
import { useI18n } from "../i18n";

/** No answer came back: the phone is offline or the network dropped (fetch rejects with a TypeError). */
export function isOffline(error: unknown): boolean {
  return (typeof navigator !== "undefined" && navigator.onLine === false) || (error instanceof TypeError && !(error instanceof ApiError));
}

/**
 * An error not tied to one field, in plain words. `also` names fields the form has no
 * input for (an id the phone made, a time the phone's clock gave): their problems show
 * here rather than nowhere.
 */
export function ErrorText({ error, also = [] }: { error: unknown; also?: string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  let text: string;
  const unseen = also.map((f) => fieldError(error, f)).find(Boolean);
  if (unseen) {
    text = unseen;
  } else if (error instanceof ApiError && error.code === "RATE_LIMITED" && error.retryAfterSeconds) {
    text = t("common.retryAfter", { seconds: error.retryAfterSeconds });
  } else if (error instanceof ApiError && error.field) {
    return null; // shown next to its field
  } else if (error instanceof ApiError && error.code === "LOCKED") {
    text = t("outbox.lockedSave");
  } else if (isOffline(error)) {
    text = t("common.offline");
  } else if (error instanceof ApiError && error.code === "UNAVAILABLE") {
    text = t("common.unavailable");
  } else {
    text = t("common.error", { message: error instanceof Error ? error.message : String(error) });
  }
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

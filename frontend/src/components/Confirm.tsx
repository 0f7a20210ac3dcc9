import { useId, useState } from "react";
import { useI18n } from "../i18n";
import { TextField } from "./Field";

/**
 * A weighty step behind a second, deliberate click: the button opens a question in
 * place; with `reasonLabel`, a reason of at least 5 characters is asked for (it goes to
 * the audit trail) before the step can be confirmed.
 */
export function Confirm({
  label,
  ariaLabel,
  question,
  confirmLabel,
  reasonLabel,
  secondary,
  disabled,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  reasonLabel?: string;
  secondary?: boolean;
  disabled?: boolean;
  onConfirm: (reason: string | null) => void | Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);
  if (!open)
    return (
      <button type="button" className={secondary ? "secondary" : undefined} aria-label={ariaLabel} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  const confirm = async () => {
    if (reasonLabel && reason.trim().length < 5) return setTooShort(true);
    await onConfirm(reasonLabel ? reason.trim() : null);
    setOpen(false);
    setReason("");
  };
  return (
    <div className="warning" role="alertdialog" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>{question}</p>
      {reasonLabel && (
        <TextField
          label={reasonLabel}
          value={reason}
          autoFocus
          onChange={(e) => {
            setReason(e.target.value);
            setTooShort(false);
          }}
          error={tooShort ? t("confirm.reasonTooShort") : undefined}
        />
      )}
      <div className="actions">
        <button type="button" disabled={disabled} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}

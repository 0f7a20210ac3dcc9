import { useEffect, useState } from "react";
import { useI18n } from "../i18n";

/** Whether the browser has a network, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

/** Says plainly when there is no network, and what can still be done. */
export function OfflineBanner() {
  const { t } = useI18n();
  if (useOnline()) return null;
  return (
    <p className="offline" role="status">
      <strong>{t("offline.title")}</strong> {t("offline.what")}
    </p>
  );
}

import { useI18n } from "../i18n";

export default function NotFound() {
  const { t } = useI18n();
  return <h1>{t("notFound.title")}</h1>;
}

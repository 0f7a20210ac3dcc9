import { NavLink, Outlet } from "react-router-dom";
import { useAuth } from "../api/auth";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import type { MessageKey } from "../i18n/en";
import type { Role } from "../gql/types";

/** The menu: each entry only for the roles that can use it. */
const NAV: { to: string; label: MessageKey; roles: Role[] | "all" }[] = [
  { to: "/", label: "nav.dashboard", roles: "all" },
  { to: "/patients", label: "nav.patients", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE", "LAB_TECHNICIAN", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR", "SURVEYOR"] },
  { to: "/survey", label: "nav.survey", roles: ["SURVEYOR"] },
  { to: "/helpline", label: "nav.helpline", roles: ["HELPLINE_OPERATOR", "HELPLINE_DOCTOR"] },
  { to: "/registry/facilities", label: "nav.facilities", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR"] },
  { to: "/registry/professionals", label: "nav.professionals", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN"] },
  { to: "/registry/units", label: "nav.units", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/registry/verification", label: "nav.verification", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/applications", label: "nav.applications", roles: ["HOSPITAL_APPLICANT", "STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/tenants", label: "nav.tenants", roles: ["PLATFORM_ADMIN"] },
  { to: "/audit", label: "nav.audit", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/password", label: "nav.password", roles: "all" },
];

export function Layout() {
  const { t } = useI18n();
  const { me, has, signOut } = useAuth();
  const items = NAV.filter((n) => n.roles === "all" || has(...n.roles));
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("nav.main")}>
          <ul>
            {items.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === "/"}>
                  {t(n.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__end">
          <LanguageSwitch />
          <span className="who">{me?.displayName}</span>
          <button type="button" className="link" onClick={() => void signOut()}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </div>
  );
}

import { Suspense, useEffect, useRef, type ReactNode } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { useAuth } from "../api/auth";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import type { MessageKey } from "../i18n/en";
import type { Role } from "../gql/types";
import { OfflineBanner } from "./OfflineBanner";
import { OutboxStatus } from "./OutboxStatus";
import { useOutboxCounts } from "../offline/useOutbox";

/** The menu: each entry only for the roles that can use it. */
const NAV: { to: string; label: MessageKey; roles: Role[] | "all" }[] = [
  { to: "/", label: "nav.dashboard", roles: "all" },
  { to: "/patients", label: "nav.patients", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE", "LAB_TECHNICIAN", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR", "SURVEYOR"] },
  { to: "/inpatients", label: "nav.inpatients", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE"] },
  { to: "/oxygen", label: "nav.oxygen", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "OXYGEN_OFFICER", "OXYGEN_COMMITTEE"] },
  { to: "/stores", label: "nav.stores", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "STORE_KEEPER", "PHARMACIST", "DISTRICT_DRUG_OFFICER", "STATE_PROCUREMENT_OFFICER"] },
  { to: "/dispensing", label: "nav.dispensing", roles: ["PHARMACIST", "STORE_KEEPER"] },
  { to: "/stores/budget", label: "nav.budget", roles: ["STATE_ADMIN", "STATE_PROCUREMENT_OFFICER", "DISTRICT_DRUG_OFFICER", "STORE_KEEPER"] },
  { to: "/survey", label: "nav.survey", roles: ["SURVEYOR"] },
  { to: "/surveillance", label: "nav.surveillance", roles: ["SURVEILLANCE_OFFICER", "STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/surveillance/report", label: "nav.fieldReport", roles: ["SURVEYOR", "NURSE", "DOCTOR"] },
  { to: "/surveillance/week", label: "nav.sendWeek", roles: ["NURSE", "DOCTOR", "LAB_TECHNICIAN", "FACILITY_ADMIN"] },
  { to: "/dashboards", label: "nav.indicators", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN"] },
  { to: "/dashboards/emr", label: "nav.emrRollout", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN"] },
  { to: "/dashboards/scorecards", label: "nav.scorecards", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN"] },
  { to: "/training", label: "nav.training", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE"] },
  { to: "/helpline", label: "nav.helpline", roles: ["HELPLINE_OPERATOR", "HELPLINE_DOCTOR"] },
  { to: "/registry/facilities", label: "nav.facilities", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR"] },
  { to: "/registry/professionals", label: "nav.professionals", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN"] },
  { to: "/registry/units", label: "nav.units", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/registry/verification", label: "nav.verification", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/applications", label: "nav.applications", roles: ["HOSPITAL_APPLICANT", "STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/tenants", label: "nav.tenants", roles: ["PLATFORM_ADMIN"] },
  { to: "/users", label: "nav.users", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/imports", label: "nav.imports", roles: ["STATE_ADMIN", "DISTRICT_ADMIN", "SURVEYOR"] },
  { to: "/audit", label: "nav.audit", roles: ["STATE_ADMIN", "DISTRICT_ADMIN"] },
  { to: "/outbox", label: "nav.outbox", roles: ["SURVEYOR", "NURSE", "DOCTOR", "OXYGEN_OFFICER", "SURVEILLANCE_OFFICER"] },
  { to: "/password", label: "nav.password", roles: "all" },
];

/**
 * After each navigation: the page title becomes the screen's heading, and focus moves to
 * that heading so a screen reader announces the new screen (and keyboard users start
 * there). The heading may appear only once the screen's data has arrived, and changes
 * with the language: the title follows it.
 */
function useScreenTitleAndFocus() {
  const { t } = useI18n();
  const location = useLocation();
  const first = useRef(true);
  // The last screen's heading: while the next screen's code loads, the old screen
  // stays on view, and its heading must not take the focus.
  const lastHeading = useRef<Element | null>(null);
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    const moveFocus = !first.current;
    first.current = false;
    let focused = false;
    const previous = lastHeading.current;
    const update = () => {
      const h1 = main.querySelector("h1");
      lastHeading.current = h1;
      document.title = h1?.textContent ? `${h1.textContent} · ${t("app.name")}` : t("app.name");
      if (h1 && h1 !== previous && moveFocus && !focused) {
        focused = true;
        h1.setAttribute("tabindex", "-1");
        h1.focus({ preventScroll: false });
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [location.pathname, t]);
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p aria-busy="true" className="loading">
      {t("common.loading")}
    </p>
  );
}

/** The frame shown while the session is checked: the brand, without a menu. */
export function Frame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
      </header>
      <OfflineBanner />
      <main id="main">{children}</main>
    </div>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { me, has, signOut } = useAuth();
  const items = NAV.filter((n) => n.roles === "all" || has(...n.roles));
  useScreenTitleAndFocus();
  const queued = useOutboxCounts();
  // Signing out wipes this phone's copy of the person's work: say so when some is unsent.
  const confirmSignOut = () => {
    const unsent = queued.waiting + queued.sending + queued.attention;
    if (unsent && !window.confirm(t("outbox.signOutLoses", { count: unsent }))) return;
    void signOut();
  };
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t("nav.skip")}
      </a>
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
          <button type="button" className="link" onClick={confirmSignOut}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <OfflineBanner />
      <OutboxStatus />
      <main id="main" tabIndex={-1}>
        {/* A screen's code loads inside the frame: the menu stays while it arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

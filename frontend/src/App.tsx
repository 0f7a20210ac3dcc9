import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider, useAuth } from "./api/auth";
import { Layout } from "./components/Layout";
import { I18nProvider, useI18n } from "./i18n";
import SignIn from "./pages/SignIn";

// Every screen behind sign-in is its own chunk: the first screen stays small.
const Dashboard = lazy(() => import("./pages/Dashboard"));
const Patients = lazy(() => import("./pages/Patients"));
const Helpline = lazy(() => import("./pages/Helpline"));
const Record = lazy(() => import("./pages/Record"));
const Verification = lazy(() => import("./pages/Verification"));
const Tenants = lazy(() => import("./pages/Tenants"));
const Audit = lazy(() => import("./pages/Audit"));
const Password = lazy(() => import("./pages/Password"));
const NotFound = lazy(() => import("./pages/NotFound"));

function Loading() {
  const { t } = useI18n();
  return <p aria-busy="true">{t("common.loading")}</p>;
}

function Screens() {
  const { me, checking } = useAuth();
  if (checking) return <Loading />;
  if (!me) return <SignIn />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Dashboard />} />
          <Route path="patients" element={<Patients />} />
          <Route path="helpline" element={<Helpline />} />
          <Route path="patients/:healthId/record" element={<Record />} />
          <Route path="registry/verification" element={<Verification />} />
          <Route path="tenants" element={<Tenants />} />
          <Route path="audit" element={<Audit />} />
          <Route path="password" element={<Password />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export default function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Screens />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}

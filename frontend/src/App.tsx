import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider, useAuth } from "./api/auth";
import { Frame, Layout, Loading } from "./components/Layout";
import { I18nProvider } from "./i18n";
import SignIn from "./pages/SignIn";

// Every screen behind sign-in is its own chunk: the first screen stays small.
const Dashboard = lazy(() => import("./pages/Dashboard"));
const Outbox = lazy(() => import("./pages/outbox/Outbox"));
const Surveillance = lazy(() => import("./pages/surveillance/Surveillance"));
const FieldReport = lazy(() => import("./pages/surveillance/FieldReport"));
const Dhis2 = lazy(() => import("./pages/surveillance/Dhis2"));
const Investigation = lazy(() => import("./pages/surveillance/Investigation"));
const SendWeek = lazy(() => import("./pages/surveillance/SendWeek"));
const Reporting = lazy(() => import("./pages/surveillance/Reporting"));
const Rules = lazy(() => import("./pages/surveillance/Rules"));
const TrainingList = lazy(() => import("./pages/training/TrainingList"));
const TrainingSession = lazy(() => import("./pages/training/TrainingSession"));
const EmrRollout = lazy(() => import("./pages/dashboards/EmrRollout"));
const Indicators = lazy(() => import("./pages/dashboards/Indicators"));
const EmrHistory = lazy(() => import("./pages/dashboards/EmrHistory"));
const Scorecards = lazy(() => import("./pages/dashboards/Scorecards"));
const AwardRound = lazy(() => import("./pages/dashboards/AwardRound"));
const Patients = lazy(() => import("./pages/Patients"));
const Helpline = lazy(() => import("./pages/Helpline"));
const Record = lazy(() => import("./pages/Record"));
const Verification = lazy(() => import("./pages/Verification"));
const Tenants = lazy(() => import("./pages/Tenants"));
const Audit = lazy(() => import("./pages/Audit"));
const Password = lazy(() => import("./pages/Password"));
const Signup = lazy(() => import("./pages/Signup"));
const Facilities = lazy(() => import("./pages/Facilities"));
const Facility = lazy(() => import("./pages/Facility"));
const Units = lazy(() => import("./pages/Units"));
const AccessLog = lazy(() => import("./pages/AccessLog"));
const Survey = lazy(() => import("./pages/Survey"));
const Professionals = lazy(() => import("./pages/Professionals"));
const Applications = lazy(() => import("./pages/Applications"));
const Application = lazy(() => import("./pages/Application"));
const NotFound = lazy(() => import("./pages/NotFound"));
const Users = lazy(() => import("./pages/admin/Users"));
const ApiClients = lazy(() => import("./pages/admin/ApiClients"));
const Imports = lazy(() => import("./pages/admin/Imports"));
const Inpatients = lazy(() => import("./pages/inpatient/Inpatients"));
const WardBoard = lazy(() => import("./pages/inpatient/WardBoard"));
const MedicationRound = lazy(() => import("./pages/inpatient/MedicationRound"));
const FacilityWards = lazy(() => import("./pages/inpatient/FacilityWards"));
const OxygenDashboard = lazy(() => import("./pages/oxygen/OxygenDashboard"));
const OxygenEntry = lazy(() => import("./pages/oxygen/DailyEntry"));
const OxygenEquipment = lazy(() => import("./pages/oxygen/Equipment"));
const OxygenDeliveries = lazy(() => import("./pages/oxygen/Deliveries"));
const Stock = lazy(() => import("./pages/supply/Stock"));
const Indents = lazy(() => import("./pages/supply/Indents"));
const Counts = lazy(() => import("./pages/supply/Counts"));
const Alerts = lazy(() => import("./pages/supply/Alerts"));
const Budget = lazy(() => import("./pages/supply/Budget"));
const Dispensing = lazy(() => import("./pages/supply/Dispensing"));
const FamilyStatus = lazy(() => import("./pages/public/FamilyStatus"));
const FreeBeds = lazy(() => import("./pages/public/FreeBeds"));

function Screens() {
  const { me, checking } = useAuth();
  if (checking)
    return (
      <Frame>
        <Loading />
      </Frame>
    );
  if (!me)
    return (
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="signup" element={<Signup />} />
          <Route path="family" element={<FamilyStatus />} />
          <Route path="beds" element={<FreeBeds />} />
          <Route path="*" element={<SignIn />} />
        </Routes>
      </Suspense>
    );
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="family" element={<FamilyStatus />} />
        <Route path="beds" element={<FreeBeds />} />
        <Route element={<Layout />}>
          <Route index element={<Dashboard />} />
          <Route path="patients" element={<Patients />} />
          <Route path="helpline" element={<Helpline />} />
          <Route path="patients/:healthId/record" element={<Record />} />
          <Route path="patients/:healthId/access" element={<AccessLog />} />
          <Route path="survey" element={<Survey />} />
          <Route path="registry/verification" element={<Verification />} />
          <Route path="registry/facilities" element={<Facilities />} />
          <Route path="registry/facilities/:id" element={<Facility />} />
          <Route path="registry/facilities/:id/wards" element={<FacilityWards />} />
          <Route path="inpatients" element={<Inpatients />} />
          <Route path="wards/:wardId" element={<WardBoard />} />
          <Route path="wards/:wardId/round" element={<MedicationRound />} />
          <Route path="stores" element={<Stock />} />
          <Route path="stores/indents" element={<Indents />} />
          <Route path="stores/counts" element={<Counts />} />
          <Route path="stores/alerts" element={<Alerts />} />
          <Route path="stores/budget" element={<Budget />} />
          <Route path="dispensing" element={<Dispensing />} />
          <Route path="oxygen" element={<OxygenDashboard />} />
          <Route path="oxygen/entry" element={<OxygenEntry />} />
          <Route path="oxygen/equipment" element={<OxygenEquipment />} />
          <Route path="oxygen/deliveries" element={<OxygenDeliveries />} />
          <Route path="registry/units" element={<Units />} />
          <Route path="registry/professionals" element={<Professionals />} />
          <Route path="applications" element={<Applications />} />
          <Route path="applications/:id" element={<Application />} />
          <Route path="tenants" element={<Tenants />} />
          <Route path="audit" element={<Audit />} />
          <Route path="users" element={<Users />} />
          <Route path="users/clients" element={<ApiClients />} />
          <Route path="imports" element={<Imports />} />
          <Route path="password" element={<Password />} />
          <Route path="outbox" element={<Outbox />} />
          <Route path="surveillance" element={<Surveillance />} />
          <Route path="surveillance/report" element={<FieldReport />} />
          <Route path="surveillance/dhis2" element={<Dhis2 />} />
          <Route path="surveillance/investigations/:id" element={<Investigation />} />
          <Route path="surveillance/week" element={<SendWeek />} />
          <Route path="surveillance/reporting" element={<Reporting />} />
          <Route path="surveillance/rules" element={<Rules />} />
          <Route path="training" element={<TrainingList />} />
          <Route path="training/:id" element={<TrainingSession />} />
          <Route path="dashboards" element={<Indicators />} />
          <Route path="dashboards/emr" element={<EmrRollout />} />
          <Route path="dashboards/emr/:facilityId" element={<EmrHistory />} />
          <Route path="dashboards/scorecards" element={<Scorecards />} />
          <Route path="dashboards/awards/:roundId" element={<AwardRound />} />
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

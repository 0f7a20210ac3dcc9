import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { OxygenEquipmentQuery, OxygenOverviewQuery } from "../../gql/types";
import { FacilityEquipment } from "./FacilityEquipment";
import { EQUIPMENT, OXYGEN_OVERVIEW } from "./queries";

/** Critical-care equipment by district (working ventilators against ventilator beds) and
 *  the procurement orders with what has arrived against them. */
export default function Equipment() {
  const { t, date } = useI18n();
  const [data, setData] = useState<OxygenEquipmentQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [facilities, setFacilities] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    gql<OxygenEquipmentQuery>(EQUIPMENT).then(setData, setError);
    gql<OxygenOverviewQuery>(OXYGEN_OVERVIEW).then((d) => setFacilities(d.oxygenOverview.facilities.map((f) => ({ value: f.facilityId, label: f.facilityName }))), setError);
  }, []);
  if (!data) return <ErrorText error={error} />;
  const kind = (k: string | null | undefined) => t(`equipment.kind.${k ?? "MONITOR"}` as MessageKey);
  return (
    <section>
      <h1>{t("oxygen.equipment.title")}</h1>
      <p>
        <Link to="/oxygen">{t("oxygen.dashboard.title")}</Link>
      </p>
      {data.equipmentByDistrict.map((d) => (
        <div key={d.name} className="panel">
          <h2>{d.name}</h2>
          <p role="status">{t("oxygen.equipment.ventilators", { working: d.ventilatorsFunctional, beds: d.ventilatorBeds })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t("oxygen.equipment.kind")}</th>
                  <th>{t("equipment.status.FUNCTIONAL")}</th>
                  <th>{t("equipment.status.UNDER_REPAIR")}</th>
                  <th>{t("equipment.status.CONDEMNED")}</th>
                </tr>
              </thead>
              <tbody>
                {d.kinds.map((k) => (
                  <tr key={k.kind ?? ""}>
                    <td>{kind(k.kind)}</td>
                    <td>{k.functional}</td>
                    <td>{k.underRepair}</td>
                    <td>{k.condemned}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
      <FacilityEquipment facilities={facilities} />
      <h2>{t("oxygen.equipment.orders")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("oxygen.equipment.kind")}</th>
              <th>{t("oxygen.entry.supplier")}</th>
              <th>{t("oxygen.equipment.ordered")}</th>
              <th>{t("oxygen.equipment.received")}</th>
              <th>{t("oxygen.equipment.outstanding")}</th>
              <th>{t("oxygen.equipment.expected")}</th>
            </tr>
          </thead>
          <tbody>
            {data.equipmentOrders.map((o) => (
              <tr key={o.id}>
                <td>
                  {kind(o.kind)} {o.reference && <small>({o.reference})</small>}
                </td>
                <td>{o.supplier}</td>
                <td>{o.quantity}</td>
                <td>{o.received}</td>
                <td>{o.outstanding}</td>
                <td>{o.expectedOn ? date(o.expectedOn) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorText error={error} />
    </section>
  );
}

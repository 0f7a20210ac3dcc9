import { useState } from "react";
import { useAuth } from "../api/auth";
import { useI18n } from "../i18n";
import { KbSearch } from "./helpline/KbSearch";
import { LogCall } from "./helpline/LogCall";
import { Queue } from "./helpline/Queue";
import { TicketView } from "./helpline/TicketView";

/** The console: the queues of your tier, live; logging calls; a ticket; the knowledge base. */
export default function Helpline() {
  const { t } = useI18n();
  const { has } = useAuth();
  const [selected, setSelected] = useState<string | undefined>();
  const [refreshKey, setRefreshKey] = useState(0);
  const tiers = has("HELPLINE_DOCTOR") ? [2, 1] : [1];
  const bump = () => setRefreshKey((k) => k + 1);
  return (
    <section className="console">
      <h1>{t("helpline.title")}</h1>
      <div className="console__grid">
        <div className="console__queues">
          {tiers.map((tier) => (
            <Queue key={tier} tier={tier} selected={selected} onSelect={setSelected} refreshKey={refreshKey} />
          ))}
        </div>
        <div className="console__work">
          {selected && <TicketView key={selected} id={selected} onChanged={bump} />}
          <LogCall
            onLogged={(id) => {
              setSelected(id);
              bump();
            }}
          />
          <KbSearch />
        </div>
      </div>
    </section>
  );
}

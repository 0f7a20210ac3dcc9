//! Preparedness: buffer-stock lists (a monsoon kit, a storm kit, an outbreak kit)
//! name what each type of facility should hold; the report shows which facilities in
//! reach fall short of a list, item by item, counting usable stock in all of the
//! facility's stores.

use super::{not_found, Supply};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::facility::FacilityType;
use arogya_domain::supply::ledger::quantity;
use arogya_domain::supply::store::StoreLevel;
use arogya_domain::supply::text;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::kits::{self as repo, KitLineRecord, KitRecord};
use arogya_infra::repos::supply::many;
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

pub struct Kit {
    pub kit: KitRecord,
    pub lines: Vec<KitLineRecord>,
    pub items: HashMap<Uuid, ItemRecord>,
}

pub struct Short {
    pub item: ItemRecord,
    pub required: i64,
    pub available: i64,
}

pub struct FacilityReadiness {
    pub facility: FacilityRecord,
    pub lines: Vec<Short>,
}

impl FacilityReadiness {
    pub fn ready(&self) -> bool {
        self.lines.iter().all(|l| l.available >= l.required)
    }
}

impl Supply<'_> {
    pub async fn define_kit(
        &self,
        name: &str,
        note: Option<String>,
        lines: Vec<(String, Uuid, i64)>,
    ) -> ApiResult<Kit> {
        self.require_configurer()?;
        let name = text(name, "name", 2, 120)?;
        let note = super::stock::optional(note, "note", 500)?;
        if lines.is_empty() || lines.len() > 1000 {
            return Err(ApiError::validation("lines", "list 1 to 1000 lines"));
        }
        let mut seen = HashSet::new();
        let mut checked = Vec::with_capacity(lines.len());
        for (n, (t, item, q)) in lines.into_iter().enumerate() {
            let t = FacilityType::parse(&t.trim().to_lowercase()).map_err(|_| {
                ApiError::validation(&format!("lines.{n}.facilityType"), "is not a facility type")
            })?;
            quantity(q, &format!("lines.{n}.quantity"))?;
            if !seen.insert((t, item)) {
                return Err(ApiError::validation(
                    &format!("lines.{n}.itemId"),
                    "each item once per facility type",
                ));
            }
            checked.push((t.as_str().to_owned(), item, q));
        }
        let mut tx = self.tx(Access::Write).await?;
        let ids: Vec<Uuid> = checked.iter().map(|l| l.1).collect();
        let found = item_repo::by_ids(&tx, &ids).await?;
        if let Some(n) = ids.iter().position(|id| !found.iter().any(|f| f.id == *id)) {
            return Err(ApiError::validation(
                &format!("lines.{n}.itemId"),
                "no such item in the catalogue",
            ));
        }
        let kit = repo::insert(&tx, &name, note, &checked).await?;
        self.audit(
            &mut tx,
            AuditAction::SupplySetup,
            "supply_kit",
            kit.id,
            json!({ "name": kit.name, "lines": checked.len() }),
        )
        .await?;
        let lines = repo::lines_of(&tx, &[kit.id]).await?;
        tx.commit().await?;
        Ok(Kit {
            kit,
            lines,
            items: found.into_iter().map(|i| (i.id, i)).collect(),
        })
    }

    pub async fn kits(&self) -> ApiResult<Vec<Kit>> {
        let tx = self.tx(Access::Read).await?;
        let kits = repo::all(&tx).await?;
        let lines = repo::lines_of(&tx, &kits.iter().map(|k| k.id).collect::<Vec<_>>()).await?;
        let mut ids: Vec<Uuid> = lines.iter().map(|l| l.item_id).collect();
        ids.sort();
        ids.dedup();
        let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(&tx, &ids)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        Ok(kits
            .into_iter()
            .map(|kit| {
                let mine: Vec<KitLineRecord> = lines
                    .iter()
                    .filter(|l| l.kit_id == kit.id)
                    .cloned()
                    .collect();
                let its = mine
                    .iter()
                    .filter_map(|l| items.get(&l.item_id).map(|i| (i.id, i.clone())))
                    .collect();
                Kit {
                    kit,
                    lines: mine,
                    items: its,
                }
            })
            .collect())
    }

    /// Each facility in reach that the list covers, with what it holds of each item.
    pub async fn preparedness(
        &self,
        kit: Uuid,
        unit: Option<Uuid>,
    ) -> ApiResult<(KitRecord, Vec<FacilityReadiness>)> {
        let tx = self.tx(Access::Read).await?;
        let k = repo::find(&tx, kit)
            .await?
            .ok_or_else(|| not_found("buffer-stock list"))?;
        let lines = repo::lines_of(&tx, &[k.id]).await?;
        let (stores, _) = self.stores_in_reach(&tx, unit).await?;
        // A facility's stock is its pharmacy's and its wards' together.
        let mut by_facility: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for s in &stores {
            if let (Some(f), Ok(StoreLevel::Facility | StoreLevel::Ward)) =
                (s.facility_id, StoreLevel::parse(&s.level))
            {
                by_facility.entry(f).or_default().push(s.id);
            }
        }
        let ids: Vec<Uuid> = by_facility.keys().copied().collect();
        let found = facilities::find_many(&tx, &ids).await?;
        let mut item_ids: Vec<Uuid> = lines.iter().map(|l| l.item_id).collect();
        item_ids.sort();
        item_ids.dedup();
        let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(&tx, &item_ids)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let day = today();
        // Every facility store's usable stock in one query, summed per facility and item.
        let store_ids: Vec<Uuid> = by_facility.values().flatten().copied().collect();
        let facility_of: HashMap<Uuid, Uuid> = by_facility
            .iter()
            .flat_map(|(f, stores)| stores.iter().map(move |s| (*s, *f)))
            .collect();
        let mut usable_at: HashMap<(Uuid, Uuid), i64> = HashMap::new();
        for (store, l) in many::stock_lines(&tx, &store_ids).await? {
            if let (Some(f), None) = (facility_of.get(&store), l.batch.blocked(day)) {
                *usable_at.entry((*f, l.item_id)).or_default() += l.batch.quantity;
            }
        }
        let mut out = Vec::new();
        for f in found {
            let wanted: Vec<&KitLineRecord> = lines
                .iter()
                .filter(|l| l.facility_type == f.facility_type)
                .collect();
            if wanted.is_empty() {
                continue;
            }
            let lines = wanted
                .iter()
                .filter_map(|w| {
                    Some(Short {
                        item: items.get(&w.item_id)?.clone(),
                        required: w.quantity,
                        available: usable_at.get(&(f.id, w.item_id)).copied().unwrap_or(0),
                    })
                })
                .collect();
            out.push(FacilityReadiness { facility: f, lines });
        }
        // Those furthest from ready first.
        out.sort_by_key(|r| {
            std::cmp::Reverse(
                r.lines
                    .iter()
                    .map(|l| (l.required - l.available).max(0))
                    .sum::<i64>(),
            )
        });
        Ok((k, out))
    }
}

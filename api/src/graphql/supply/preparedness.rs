//! Preparedness over GraphQL: buffer-stock lists and who falls short of them.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::preparedness::Kit;
use crate::graphql::facilities::FacilityType;
use arogya_domain::facility::FacilityType as DomainType;

#[derive(SimpleObject, Clone)]
pub struct KitLine {
    pub facility_type: FacilityType,
    pub item: Option<SupplyItem>,
    pub quantity: i64,
}

#[derive(SimpleObject, Clone)]
pub struct BufferKit {
    pub id: ID,
    pub name: String,
    pub note: Option<String>,
    pub lines: Vec<KitLine>,
}

impl From<&Kit> for BufferKit {
    fn from(k: &Kit) -> Self {
        Self {
            id: id(k.kit.id),
            name: k.kit.name.clone(),
            note: k.kit.note.clone(),
            lines: k
                .lines
                .iter()
                .filter_map(|l| {
                    Some(KitLine {
                        facility_type: DomainType::parse(&l.facility_type).ok()?.into(),
                        item: k.items.get(&l.item_id).map(Into::into),
                        quantity: l.quantity,
                    })
                })
                .collect(),
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct ReadinessLine {
    pub item: SupplyItem,
    pub required: i64,
    pub available: i64,
    /// Required less available, when short.
    pub short: i64,
}

#[derive(SimpleObject, Clone)]
pub struct FacilityReadiness {
    pub facility_id: ID,
    pub facility_name: String,
    pub ready: bool,
    pub lines: Vec<ReadinessLine>,
}

#[derive(SimpleObject, Clone)]
pub struct Preparedness {
    pub kit_name: String,
    pub facilities: i64,
    pub ready: i64,
    /// Every facility the list covers, the furthest from ready first.
    pub readiness: Vec<FacilityReadiness>,
}

#[derive(InputObject)]
pub struct KitLineInput {
    pub facility_type: FacilityType,
    pub item_id: ID,
    pub quantity: i64,
}

#[derive(InputObject)]
pub struct BufferKitInput {
    pub name: String,
    pub note: Option<String>,
    pub lines: Vec<KitLineInput>,
}

#[derive(Default)]
pub struct PreparednessQuery;

#[Object]
impl PreparednessQuery {
    async fn buffer_kits(&self, ctx: &Context<'_>) -> ApiResult<Vec<BufferKit>> {
        Ok(supply(ctx)?.kits().await?.iter().map(Into::into).collect())
    }

    /// Which facilities in reach (under a unit when given) fall short of a list, and by how much.
    async fn preparedness(
        &self,
        ctx: &Context<'_>,
        kit_id: ID,
        unit_id: Option<ID>,
    ) -> ApiResult<Preparedness> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let (kit, rows) = supply(ctx)?
            .preparedness(parse_id("kitId", &kit_id)?, unit)
            .await?;
        Ok(Preparedness {
            kit_name: kit.name,
            facilities: rows.len() as i64,
            ready: rows.iter().filter(|r| r.ready()).count() as i64,
            readiness: rows
                .iter()
                .map(|r| FacilityReadiness {
                    facility_id: id(r.facility.id),
                    facility_name: r.facility.name.clone(),
                    ready: r.ready(),
                    lines: r
                        .lines
                        .iter()
                        .map(|l| ReadinessLine {
                            item: (&l.item).into(),
                            required: l.required,
                            available: l.available,
                            short: (l.required - l.available).max(0),
                        })
                        .collect(),
                })
                .collect(),
        })
    }
}

#[derive(Default)]
pub struct PreparednessMutation;

#[Object]
impl PreparednessMutation {
    /// Define a buffer-stock list: what each type of facility should hold.
    async fn define_buffer_kit(
        &self,
        ctx: &Context<'_>,
        input: BufferKitInput,
    ) -> ApiResult<BufferKit> {
        let lines = input
            .lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let t: DomainType = l.facility_type.into();
                Ok((
                    t.as_str().to_owned(),
                    parse_id(&format!("lines.{n}.itemId"), &l.item_id)?,
                    l.quantity,
                ))
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok((&supply(ctx)?
            .define_kit(&input.name, input.note, lines)
            .await?)
            .into())
    }
}

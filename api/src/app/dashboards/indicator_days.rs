//! The indicators of a place day by day or week by week (at most 92 days), summed from
//! the facility-day roll-ups of the facilities under it.

use super::indicators::Facilities;
use super::indicators::PlaceRef;
use super::Dashboards;
use crate::app::professionals::today;
use crate::error::ApiResult;
use arogya_domain::dashboards::days::DayRange;
use arogya_domain::dashboards::indicators::Figures;
use arogya_domain::dashboards::measures::department_filter;
use arogya_infra::db::Access;
use arogya_infra::repos::indicators::read;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct DaySeries {
    pub place_name: String,
    pub range: DayRange,
    pub weekly: bool,
    /// Each day (or week's first day in the range) with its figures, every one present.
    pub points: Vec<(NaiveDate, Figures)>,
}

impl Dashboards<'_> {
    pub async fn indicator_days(
        &self,
        place: PlaceRef,
        from: NaiveDate,
        to: NaiveDate,
        department: Option<&str>,
        weekly: bool,
    ) -> ApiResult<DaySeries> {
        let range = DayRange::parse(from, to, today())?;
        let department = department.map(department_filter).transpose()?;
        let reach = self.principal.registry_read_reach();
        let tx = self.tx(Access::Read).await?;
        let place = self.resolve(&tx, &reach, place, Facilities::Each).await?;
        let ids: Vec<Uuid> = place.facilities.iter().map(|f| f.id).collect();
        let beds: i64 = place.facilities.iter().map(|f| f.beds).sum();
        let rows = read::days_of(&tx, &ids, range.from, range.to, department.as_deref()).await?;
        tx.commit().await?;
        let mut points: BTreeMap<NaiveDate, Figures> = range
            .buckets(weekly)
            .into_iter()
            .map(|(d, days)| {
                (
                    d,
                    Figures {
                        beds,
                        days,
                        ..Default::default()
                    },
                )
            })
            .collect();
        for r in rows {
            if let Some(f) = points.get_mut(&range.bucket_of(r.day, weekly)) {
                f.add(&r.measure, r.value);
            }
        }
        Ok(DaySeries {
            place_name: place.name,
            range,
            weekly,
            points: points.into_iter().collect(),
        })
    }
}

//! An indent as a document to print: its lines and voucher with the two stores and
//! the names of the people who raised, approved, issued and received it.

use super::indents::Indent;
use super::Supply;
use crate::error::ApiResult;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::stores::StoreRecord;
use arogya_infra::repos::users;
use std::collections::HashMap;
use uuid::Uuid;

pub struct IndentDocument {
    pub indent: Indent,
    pub from: StoreRecord,
    pub to: StoreRecord,
    /// (username, display name) by user id.
    pub staff: HashMap<Uuid, (String, String)>,
}

impl Supply<'_> {
    /// The indent and voucher to print, for anyone who sees either store.
    pub async fn indent_document(&self, id: Uuid) -> ApiResult<IndentDocument> {
        let tx = self.tx(Access::Read).await?;
        let (record, from, to) = self.indent_record(&tx, id).await?;
        let i = &record;
        let who: Vec<Uuid> = [Some(i.created_by), i.decided_by, i.issued_by, i.received_by]
            .into_iter()
            .flatten()
            .collect();
        let staff = users::find_many(&tx, &who)
            .await?
            .into_iter()
            .map(|u| (u.id, (u.username, u.display_name)))
            .collect();
        let indent = self.load(&tx, record).await?;
        Ok(IndentDocument {
            indent,
            from,
            to,
            staff,
        })
    }
}

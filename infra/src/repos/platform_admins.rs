//! Platform administrators (a platform table).

use crate::db::{is_unique_violation, InfraError, InfraResult, PlatformTx};
use crate::entities::platform_admin::{self, Column, Entity};
use arogya_domain::ids::UserId;
use arogya_domain::user::{DisplayName, Email, Username};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

pub type PlatformAdminRecord = platform_admin::Model;

pub async fn find(tx: &PlatformTx, id: UserId) -> InfraResult<Option<PlatformAdminRecord>> {
    Ok(Entity::find_by_id(id.0).one(tx.conn()).await?)
}

pub async fn find_by_username(
    tx: &PlatformTx,
    username: &Username,
) -> InfraResult<Option<PlatformAdminRecord>> {
    Ok(Entity::find()
        .filter(Column::Username.eq(username.as_str()))
        .one(tx.conn())
        .await?)
}

pub async fn insert(
    tx: &PlatformTx,
    username: &Username,
    email: Option<&Email>,
    display_name: &DisplayName,
    password_hash: String,
) -> InfraResult<PlatformAdminRecord> {
    let now = Utc::now();
    let model = platform_admin::ActiveModel {
        id: Set(UserId::new().0),
        username: Set(username.as_str().to_owned()),
        email: Set(email.map(|e| e.as_str().to_owned())),
        display_name: Set(display_name.as_str().to_owned()),
        password_hash: Set(password_hash),
        status: Set("active".to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    model.insert(tx.conn()).await.map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::validation("username", "this platform administrator exists").into()
        } else {
            InfraError::from(e)
        }
    })
}

pub async fn set_password_hash(tx: &PlatformTx, id: UserId, hash: String) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::PasswordHash, Expr::value(hash))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id.0))
        .exec(tx.conn())
        .await?;
    Ok(())
}

-- Wrong binding codes slow down guessing per account, and an account is one per school since V23 (two schools may
-- have their own app with the same user ids): wrong codes tried in one school no longer lock the same user id out of
-- another. Rows older than an hour no longer count, so existing ones take the empty school.
alter table binding_failure add column school_id text not null default '';
alter table binding_failure alter column school_id drop default;
drop index binding_failure_recent;
create index binding_failure_recent on binding_failure (school_id, platform, platform_user_id, failed_at);

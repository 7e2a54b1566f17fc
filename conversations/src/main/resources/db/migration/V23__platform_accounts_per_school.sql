-- A school may have its own app on a platform (its own DingTalk organisation): user ids of two organisations may be
-- the same string for two people, and two schools' rosters may both use the id T01. A binding is one per school.
alter table platform_identity drop constraint platform_identity_pkey;
alter table platform_identity add primary key (platform, platform_user_id, school_id, person_id);

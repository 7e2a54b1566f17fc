-- Version 3: corrections keep an audit trail; parents bind with one-time codes and talk to mentors
-- through the bot.

-- The state of a record before each change (correction or undo), newest version last.
create table record_version (
    record_id   bigint not null references record(id) on delete cascade,
    version     int not null,
    changed_at  timestamptz not null,
    changed_by  text not null,
    reason      text not null,
    snapshot    jsonb not null,
    primary key (record_id, version)
);

-- A platform account may stand for several roster people: one parent row per child in most rosters.
alter table platform_identity drop constraint platform_identity_pkey;
alter table platform_identity add primary key (platform, platform_user_id, person_id);

-- One-time codes a mentor or admin gives a parent (or anyone) to bind their chat account.
create table binding_code (
    code_hash    text primary key,
    school_id    text not null references school(id),
    person_id    text not null,
    issued_by    text not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    used_by      text
);

-- Failed binding attempts, to slow down guessing.
create table binding_failure (
    platform          text not null,
    platform_user_id  text not null,
    failed_at         timestamptz not null
);
create index binding_failure_recent on binding_failure (platform, platform_user_id, failed_at);

-- Which child a parent with several children is writing about; it sticks for the conversation.
create table parent_choice (
    school_id   text not null references school(id),
    account     text not null,
    student_id  text not null,
    chosen_at   timestamptz not null,
    primary key (school_id, account)
);

-- Every relayed message between a parent and a mentor, and the day's contact record it counts towards.
create table relay_message (
    id                 bigserial primary key,
    school_id          text not null references school(id),
    student_id         text not null,
    parent_id          text not null,
    mentor_id          text not null,
    direction          text not null check (direction in ('TO_MENTOR', 'TO_PARENT')),
    body               text not null,
    sent_at            timestamptz not null,
    held_until         timestamptz,
    safety             boolean not null default false,
    record_id          bigint references record(id),
    source_message_id  bigint references inbound_message(id)
);
create index relay_by_mentor on relay_message (school_id, mentor_id, sent_at desc);
create index relay_by_parent on relay_message (school_id, parent_id, sent_at desc);

-- A message held (a teacher's quiet hours) is not sent before this, even when its chat becomes reachable.
alter table outbox add column hold_until timestamptz;

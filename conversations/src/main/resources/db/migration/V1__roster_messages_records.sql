-- MentorBot schema, version 1: the roster, raw inbound messages, records, dialogue state, outbox.
-- Every table carries school_id so one deployment can serve several schools.

create table school (
    id          text primary key,
    name        text not null default '',
    created_at  timestamptz not null default now()
);

create table school_class (
    school_id        text not null references school(id),
    id               text not null,
    name             text not null,
    head_teacher_id  text,
    active           boolean not null default true,
    primary key (school_id, id)
);

create table teacher (
    school_id  text not null references school(id),
    id         text not null,
    name       text not null,
    subject    text,
    is_admin   boolean not null default false,
    active     boolean not null default true,
    primary key (school_id, id)
);

create table teacher_class (
    school_id   text not null,
    teacher_id  text not null,
    class_id    text not null,
    primary key (school_id, teacher_id, class_id),
    foreign key (school_id, teacher_id) references teacher(school_id, id) on delete cascade,
    foreign key (school_id, class_id) references school_class(school_id, id) on delete cascade
);

create table student (
    school_id  text not null references school(id),
    id         text not null,
    name       text not null,
    class_id   text not null,
    mentor_id  text,
    active     boolean not null default true,
    primary key (school_id, id),
    foreign key (school_id, class_id) references school_class(school_id, id)
);

create table parent (
    school_id   text not null references school(id),
    id          text not null,
    student_id  text not null,
    relation    text not null,
    name        text,
    active      boolean not null default true,
    primary key (school_id, id),
    foreign key (school_id, student_id) references student(school_id, id)
);

-- A platform account bound to a roster person (dingtalk user id, wecom user id, ...).
create table platform_identity (
    platform          text not null,
    platform_user_id  text not null,
    school_id         text not null references school(id),
    person_id         text not null,
    bound_at          timestamptz not null default now(),
    primary key (platform, platform_user_id)
);

-- Every message as it arrived; (platform, platform_message_id) is the dedupe key for redeliveries.
create table inbound_message (
    id                   bigserial primary key,
    school_id            text not null references school(id),
    platform             text not null,
    platform_message_id  text not null,
    chat_id              text not null,
    sender_ref           text not null,
    person_id            text,
    body                 text,
    sent_at              timestamptz not null,
    received_at          timestamptz not null,
    status               text not null default 'RECEIVED'
                         check (status in ('RECEIVED', 'DONE', 'UNKNOWN_SENDER', 'FAILED')),
    unique (platform, platform_message_id)
);
create index inbound_message_unfinished on inbound_message (received_at) where status = 'RECEIVED';

-- A talk log, parent contact, observation or reminder made from a note.
create table record (
    id                 bigserial primary key,
    school_id          text not null references school(id),
    author_id          text not null,
    kind               text not null check (kind in ('TALK', 'PARENT_CONTACT', 'OBSERVATION', 'REMINDER')),
    talk_type          text check (talk_type in ('INDIVIDUAL', 'GROUP')),
    channel            text check (channel in ('PHONE', 'HOME_VISIT', 'ONLINE', 'IN_PERSON')),
    event_date         date,
    follow_up          date,
    topics             text[] not null default '{}',
    flags              text[] not null default '{}',
    note               text not null,
    evidence           jsonb not null default '[]',
    source_message_id  bigint references inbound_message(id),
    created_at         timestamptz not null,
    deleted_at         timestamptz
);
create index record_author_recent on record (school_id, author_id, created_at desc) where deleted_at is null;

create table record_student (
    record_id   bigint not null references record(id) on delete cascade,
    school_id   text not null,
    student_id  text not null,
    primary key (record_id, student_id)
);
create index record_student_by_student on record_student (school_id, student_id);

-- One open question per person (which student did you mean?); survives restarts, expires.
create table pending_question (
    school_id   text not null references school(id),
    person_id   text not null,
    kind        text not null,
    payload     jsonb not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    primary key (school_id, person_id)
);

-- Everything the bot says leaves through here, committed with the change that caused it.
create table outbox (
    id                 bigserial primary key,
    school_id          text not null references school(id),
    platform           text not null,
    chat_id            text not null,
    recipient_id       text,
    body               text not null,
    reply_to           text,
    urgent             boolean not null default false,
    status             text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'PARKED')),
    attempts           int not null default 0,
    next_attempt_at    timestamptz not null,
    created_at         timestamptz not null,
    sent_at            timestamptz,
    last_error         text,
    source_message_id  bigint references inbound_message(id)
);
create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
create index outbox_waiting_chat on outbox (platform, chat_id) where status = 'PENDING';

-- Small per-deployment settings the bot generates itself (the invitation signing key).
create table bot_setting (
    key    text primary key,
    value  text not null
);

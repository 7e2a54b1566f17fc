-- Version 4: the duty ledger's manual completions, case conferences, reminders and the scheduler's slots.

-- Duties marked done by hand (a semester summary handed in, a conference held): one row per period.
create table duty_done (
    school_id  text not null references school(id),
    duty       text not null,
    subject    text not null,          -- a teacher id, or a class id for conferences
    period     text not null,          -- a term name, or a month 'YYYY-MM'
    done_at    timestamptz not null,
    done_by    text not null,
    primary key (school_id, duty, subject, period)
);

-- A class's case conference (学情会商) date for a month, as its class head set it.
create table conference_date (
    school_id  text not null references school(id),
    class_id   text not null,
    month      text not null,          -- 'YYYY-MM'
    held_on    date not null,
    set_by     text not null,
    primary key (school_id, class_id, month)
);

-- Decisions recorded after a conference, each followed up by reminders for its owner.
create table conference_decision (
    id           bigserial primary key,
    school_id    text not null references school(id),
    class_id     text not null,
    decided_on   date not null,
    text         text not null,
    student_ids  text[] not null default '{}',
    owner_id     text not null,
    created_by   text not null,
    created_at   timestamptz not null
);

-- Everything the bot will remind someone of.
create table reminder (
    id            bigserial primary key,
    school_id     text not null references school(id),
    person_id     text not null,
    kind          text not null check (kind in ('FOLLOW_UP', 'EXPLICIT', 'RECURRING', 'DUTY', 'DECISION')),
    text          text not null,
    due_on        date not null,
    student_ids   text[] not null default '{}',
    record_id     bigint references record(id),
    decision_id   bigint references conference_decision(id),
    recurrence    text,                 -- 'WEEKLY:5' = every Friday
    dedupe_key    text unique,          -- duty nudges: one per duty, subject and week
    status        text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DONE', 'CANCELLED')),
    delivered_at  timestamptz,
    delivered_slot timestamptz,
    created_at    timestamptz not null
);
create index reminder_due on reminder (school_id, due_on) where status = 'PENDING';
create index reminder_by_person on reminder (school_id, person_id, status);

-- Each scheduled job runs once per slot, whichever bot instance gets there first.
create table slot_run (
    school_id   text not null references school(id),
    job         text not null,          -- 'reminders', 'weekly-summary', 'digest'
    slot_at     timestamptz not null,
    started_at  timestamptz not null,
    holder      text not null,
    primary key (school_id, job, slot_at)
);

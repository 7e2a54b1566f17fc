-- Version 8: a SAFETY flag raised only by a described situation (疑似) asks the teacher whether to tell
-- the class head now; with no answer by due_at the class head is told anyway. One check per record.
create table safety_check (
    id          bigserial primary key,
    school_id   text not null,
    record_id   bigint not null references record(id) on delete cascade,
    teacher_id  text not null,
    asked_at    timestamptz not null,
    due_at      timestamptz not null,
    state       text not null default 'OPEN' check (state in ('OPEN', 'TOLD_BY_TEACHER', 'TOLD_AFTER_SILENCE', 'CLEARED')),
    closed_at   timestamptz,
    unique (record_id)
);
create index safety_check_open_by_teacher on safety_check (school_id, teacher_id, asked_at desc) where state = 'OPEN';
create index safety_check_open_due on safety_check (due_at) where state = 'OPEN';

-- Version 12: student accounts (issue 14). A school that turns on mentorbot.school.duties.student-reports
-- lets a student bind a chat account (a binding code from their mentor, or an invitation link); the
-- student then writes to their mentor through the relay, and every student-report-days counting days
-- is asked for a short half-month report, filed as a STUDENT_REPORT record in the mentor's file.

-- A student who has a chat account: asked for reports from `since` on, counted by the ledger.
create table student_account (
    school_id   text not null references school(id),
    student_id  text not null,
    since       timestamptz not null,
    primary key (school_id, student_id)
);

-- One question for a half-month report: open until answered (record_id set) or the next one is asked.
create table student_report_request (
    id          bigserial primary key,
    school_id   text not null references school(id),
    student_id  text not null,
    mentor_id   text not null,
    asked_on    date not null,
    asked_at    timestamptz not null,
    record_id   bigint references record(id) on delete set null,
    answered_at timestamptz,
    unique (school_id, student_id, asked_on)
);
create index student_report_request_open on student_report_request (school_id, student_id, asked_at desc) where answered_at is null;

-- A student's own message to their mentor goes through the relay too: it has no parent.
alter table relay_message alter column parent_id drop not null;
alter table relay_message add column writer text not null default 'PARENT' check (writer in ('PARENT', 'STUDENT'));
alter table relay_message drop constraint relay_message_direction_check;
alter table relay_message add constraint relay_message_direction_check check (direction in ('TO_MENTOR', 'TO_PARENT', 'TO_STUDENT'));

-- A student's half-month report is a record of its own kind, in the mentor's file.
alter table record drop constraint record_kind_check;
alter table record add constraint record_kind_check check (kind in ('TALK', 'PARENT_CONTACT', 'OBSERVATION', 'REMINDER', 'STUDENT_REPORT'));

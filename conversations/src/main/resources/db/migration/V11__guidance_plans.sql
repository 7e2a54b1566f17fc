-- Version 11: guidance plans (指导计划). One row per confirmed version of a student's plan; the highest version
-- is the plan in force, earlier ones stay. A draft being changed in chat lives in pending_question (PLAN_DRAFT).
-- Student data: erased and exported with the student (PlanStore.forgetStudent / export, via StudentData).
create table guidance_plan (
    id                       bigserial primary key,
    school_id                text not null references school(id),
    student_id               text not null,
    version                  int not null check (version > 0),
    goals                    text not null,          -- items, one a line
    content                  text not null,
    methods                  text not null,
    talk_every_days          int not null check (talk_every_days > 0),
    parent_contacts_per_term int not null check (parent_contacts_per_term >= 0),
    set_on                   date not null,
    set_by                   text not null,
    created_at               timestamptz not null,
    unique (school_id, student_id, version)
);

-- The chat messages a plan was drafted, changed, confirmed or shown in (they hold its words but maybe not the
-- student's name): an erasure blanks them and the answers to them, as it does a record's source message.
create table guidance_plan_message (
    school_id   text not null references school(id),
    student_id  text not null,
    message_id  bigint not null,
    primary key (school_id, student_id, message_id)
);

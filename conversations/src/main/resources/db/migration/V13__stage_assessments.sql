-- Version 13: stage assessments (阶段评估, issue 14 part 3). One row per student and stage: the four areas'
-- levels, the bot's drafted line from the period's records (internal) and the mentor's own sentence (the only
-- words a family may read), and whether the mentor chose to send the feedback to the family.
-- Student data: erased and exported with the student (AssessmentStore.forgetStudent / export, via StudentData).
create table stage_assessment (
    id              bigserial primary key,
    school_id       text not null references school(id),
    student_id      text not null,
    term            text not null,
    stage           text not null,
    period_from     date not null,
    period_to       date not null,
    areas           jsonb not null,      -- [{area, level, line, words}] for 思想表现 学业成绩 心理状态 生活习惯
    sent_to_family  boolean not null,
    saved_on        date not null,
    saved_by        text not null,
    created_at      timestamptz not null,
    unique (school_id, student_id, term, stage)
);

-- The chat messages an assessment was drafted, changed, saved or shown in: an erasure blanks them and their answers.
create table stage_assessment_message (
    school_id   text not null references school(id),
    student_id  text not null,
    message_id  bigint not null,
    primary key (school_id, student_id, message_id)
);

-- Mentors already prompted on a day (the assessment day's prompt, the year-end review): once, however many slots run.
-- Holds teacher ids and days only, no student data.
create table assessment_prompt (
    school_id   text not null references school(id),
    teacher_id  text not null,
    on_day      date not null,
    kind        text not null check (kind in ('ASSESSMENT', 'YEAR_REVIEW')),
    primary key (school_id, teacher_id, on_day, kind)
);

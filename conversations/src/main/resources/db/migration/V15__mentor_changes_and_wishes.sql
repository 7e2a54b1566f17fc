-- Version 15 (issue 15, second part).
-- Each change of a student's mentor by a confirmed pairing: the ledger counts the student's duties for the new
-- mentor from this day, and the new mentor's 「我的任务」 names the student as newly theirs.
create table mentor_change (
    id          bigserial primary key,
    school_id   text        not null,
    student_id  text        not null,
    from_mentor text,                  -- null: the student had no mentor
    to_mentor   text        not null,
    changed_on  date        not null,
    changed_at  timestamptz not null
);
create index mentor_change_by_student on mentor_change (school_id, student_id, id);

-- The students a teacher said in chat they would like to mentor (「我愿意带：李华、张小明」), most wanted first: the
-- teacher's own list in the next match, after any the choices file gives.
create table mentor_wish (
    school_id  text        not null,
    teacher_id text        not null,
    student_id text        not null,
    position   int         not null,
    said_at    timestamptz not null,
    primary key (school_id, teacher_id, student_id)
);

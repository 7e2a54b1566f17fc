-- Mentor matching (issue 15): a proposal per run of `match FILE`, its seats per mentor, and one line per student.
-- Tags are special situations (家境贫寒, 父母离异…): shown to class heads and admins only, never to mentors or parents.
create table match_proposal (
    id               bigserial primary key,
    school_id        text        not null,
    made_at          timestamptz not null,
    own_classes_only boolean     not null,
    status           text        not null check (status in ('OPEN', 'REPLACED', 'CONFIRMED'))
);
create index match_proposal_open on match_proposal (school_id, status, id);

create table match_seat (
    proposal_id bigint not null references match_proposal (id) on delete cascade,
    teacher_id  text   not null,
    seats       int    not null check (seats >= 0),
    primary key (proposal_id, teacher_id)
);

create table match_pairing (
    proposal_id  bigint  not null references match_proposal (id) on delete cascade,
    school_id    text    not null,
    student_id   text    not null,
    mentor_id    text,                 -- null: the seats ran out
    choice_rank  int     not null,     -- 1, 2, …; 0 assigned; -1 no mentor
    missed       jsonb   not null default '[]',
    tags         text[]  not null default '{}',
    band         text,
    moved_by     text,
    confirmed_at timestamptz,
    primary key (proposal_id, student_id)
);
create index match_pairing_student on match_pairing (school_id, student_id);

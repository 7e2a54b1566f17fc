-- A district deployment: a school's admin lets the district's admins see below the school's overview
-- (the names of flagged students, the mentors furthest behind, the teachers' workload lines). One row per
-- grant; a revoked grant keeps its row (revoked_at), so who allowed what, and when, stays on record.
create table district_grant (
    id          bigserial,
    school_id   text not null references school(id),
    granted_by  text not null,
    granted_at  timestamptz not null,
    revoked_by  text,
    revoked_at  timestamptz,
    primary key (school_id, id)
);
create unique index district_grant_open on district_grant (school_id) where revoked_at is null;

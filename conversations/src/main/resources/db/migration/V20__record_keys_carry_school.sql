-- Version 20 (issue 17): a record is known by (school_id, id), so the record table can be partitioned by school
-- (the partition-by-school step, for a district past its threshold of schools): a partitioned table's unique keys
-- must hold the partition key, and so must every foreign key that points at it. Ids stay globally unique (one
-- sequence), so the old key on id alone keeps serving look-ups by id.

alter table record add constraint record_school_id_key unique (school_id, id);

-- A record's earlier versions belong to its school too.
alter table record_version add column school_id text;
update record_version v set school_id = r.school_id from record r where r.id = v.record_id;
alter table record_version alter column school_id set not null;
alter table record_version drop constraint record_version_record_id_fkey;
alter table record_version add constraint record_version_record_fkey
    foreign key (school_id, record_id) references record (school_id, id) on delete cascade;

alter table record_student drop constraint record_student_record_id_fkey;
alter table record_student add constraint record_student_record_fkey
    foreign key (school_id, record_id) references record (school_id, id) on delete cascade;

alter table relay_message drop constraint relay_message_record_id_fkey;
alter table relay_message add constraint relay_message_record_fkey
    foreign key (school_id, record_id) references record (school_id, id);

alter table reminder drop constraint reminder_record_id_fkey;
alter table reminder add constraint reminder_record_fkey
    foreign key (school_id, record_id) references record (school_id, id);

alter table safety_check drop constraint safety_check_record_id_fkey;
alter table safety_check add constraint safety_check_record_fkey
    foreign key (school_id, record_id) references record (school_id, id) on delete cascade;

-- A deleted record leaves the request unanswered: only record_id is set to null, the school stays (PostgreSQL 15+).
alter table student_report_request drop constraint student_report_request_record_id_fkey;
alter table student_report_request add constraint student_report_request_record_fkey
    foreign key (school_id, record_id) references record (school_id, id) on delete set null (record_id);

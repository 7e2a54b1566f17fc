-- Version 5: indexes the school-scale benchmark asked for.

-- A mentor's records by date (ledgers, digests, summaries).
create index record_by_author_date on record (school_id, author_id, event_date) where deleted_at is null;

-- Open reminders about given students (digests, growth files).
create index reminder_students on reminder using gin (student_ids);

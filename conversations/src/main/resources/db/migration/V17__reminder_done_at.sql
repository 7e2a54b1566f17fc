-- Version 17: when a reminder was marked done, so the workload page (工作量, issue 16) can tell a reminder
-- done on time (on or before its day) from one done late. Reminders done before this version have no time
-- and count as on time.
alter table reminder add column done_at timestamptz;

-- Version 10: a counter bumped by every change to a school's roster (an import, an erasure), so a bot that
-- caches the roster sees, within seconds, a change made by another process (the import or student-data
-- command, another instance): an erased student must not live on in a running bot's memory.
alter table school add column roster_version bigint not null default 0;

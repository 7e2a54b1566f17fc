-- Version 19 (issue 17, a district of many schools on one PostgreSQL): every key and index that a query by school
-- uses starts with school_id, so one school's rows are one contiguous range of the index, whatever the number of
-- schools. The audit found these; the others, and why a few stay as they are, are listed in DistrictIndexesTest.

-- The duty nudges' dedupe key was unique across all schools; a school's insert now checks its own keys only.
alter table reminder drop constraint reminder_dedupe_key_key;
alter table reminder add constraint reminder_school_dedupe_key unique (school_id, dedupe_key);

-- The overdue safety checks are found school by school (SafetyChecks.overdue).
drop index safety_check_open_due;
create index safety_check_open_due on safety_check (school_id, due_at) where state = 'OPEN';

-- A person's chat account for every message sent to them (Outbox), and an erasure's (RosterStore.forgetStudent):
-- the key (platform, platform_user_id, person_id) only serves the look-up of an account.
create index platform_identity_person on platform_identity (school_id, person_id);

-- A chat's recent history (ChatHistory): the messages received in it, and the replies sent to it.
create index inbound_message_chat on inbound_message (school_id, platform, chat_id, received_at);
create index outbox_chat_sent on outbox (school_id, platform, chat_id, created_at) where status = 'SENT';

-- A class's conference decisions (digests, the workload and overview pages); only the id was indexed.
create index conference_decision_by_class on conference_decision (school_id, class_id, decided_on);

-- A person's binding codes, withdrawn when they bind or are erased.
create index binding_code_person on binding_code (school_id, person_id);

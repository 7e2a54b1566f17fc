-- One ordinary note as the bot handles it, replayed raw by pgbench (ChatLoadBench runs it with -M prepared,
-- -D teachers=N -D students=M, on the database the bot just used). The statements are the bot's own, read off
-- its connections (PostgreSQL protocol) while it filed web chat notes: resolving the sender outside the
-- transaction; then in one transaction the raw message, the dialogue's three open-question look-ups, the record,
-- its student, the reply in the outbox; then the outbox dispatcher's claim (a lease on up to 50 due rows) and its
-- mark as sent, each autocommit. Values vary by client: teacher T0001.., student S00001.., a random message id.
\set t random(1, :teachers)
\set s random(1, :students)
\set m random(1, 9000000000000000000)
select person_id from platform_identity where platform = 'webchat' and platform_user_id = 'T' || lpad(:t::text, 4, '0') and school_id = 'main' order by bound_at, person_id;
begin;
insert into inbound_message (school_id, platform, platform_message_id, chat_id, sender_ref, person_id, body, sent_at, received_at, status) values ('main', 'webchat', 'T' || lpad(:t::text, 4, '0') || '/pgbench-' || :m::text, 'T' || lpad(:t::text, 4, '0'), 'T' || lpad(:t::text, 4, '0'), 'T' || lpad(:t::text, 4, '0'), '和史天佑聊了一下选科的想法，倾向物理化学生物', now(), now(), 'DONE') on conflict (platform, platform_message_id) do nothing returning id as raw_id \gset
select payload::text from pending_question where school_id = 'main' and person_id = 'T' || lpad(:t::text, 4, '0') and kind = 'PLAN_DRAFT' and expires_at > now();
select payload::text from pending_question where school_id = 'main' and person_id = 'T' || lpad(:t::text, 4, '0') and kind = 'ASSESSMENT_DRAFT' and expires_at > now();
select payload::text from pending_question where school_id = 'main' and person_id = 'T' || lpad(:t::text, 4, '0') and kind = 'WHICH_STUDENT' and expires_at > now();
insert into record (school_id, author_id, kind, talk_type, channel, event_date, follow_up, topics, flags, note, evidence, source_message_id, created_at) values ('main', 'T' || lpad(:t::text, 4, '0'), 'TALK', 'INDIVIDUAL', null, current_date, null, coalesce(string_to_array('CAREER'::text, ','), '{}'), coalesce(string_to_array(null::text, ','), '{}'), '和史天佑聊了一下选科的想法，倾向物理化学生物', '[{"field":"students","value":"S00015","start":1,"end":4},{"field":"kind","value":"TALK","start":4,"end":5},{"field":"topics","value":"CAREER","start":8,"end":10}]'::jsonb, :raw_id, now()) returning id as record_id \gset
insert into record_student (record_id, school_id, student_id) values (:record_id, 'main', 'S' || lpad(:s::text, 5, '0'));
insert into outbox (school_id, platform, chat_id, recipient_id, body, reply_to, urgent, next_attempt_at, hold_until, created_at, source_message_id) values ('main', 'webchat', 'T' || lpad(:t::text, 4, '0'), null, '已记录：12月3日 与 史天佑 单独谈心（生涯）。回复「撤销」可撤回。', 'T' || lpad(:t::text, 4, '0') || '/pgbench-' || :m::text, false, now(), null, now(), :raw_id);
commit;
with claimed as (update outbox set next_attempt_at = now() + interval '1 minute' where id in (select id from outbox where status = 'PENDING' and next_attempt_at <= now() order by id limit 50 for update skip locked) returning id, platform, chat_id, recipient_id, body, reply_to, attempts, urgent) select coalesce(string_agg(id::text, ','), '') as sent_ids from claimed \gset
update outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null where id = any(string_to_array(:sent_ids::text, ',')::bigint[]);

-- Several bot instances: a web chat page is one socket held by one instance, so only that instance can deliver to it.
-- Each instance keeps here which chats it holds a page of, renewing its rows while the page stays open; a row of an
-- instance that died expires. The outbox offers a push (a reminder, a relay, an alert) for such a chat to its holders first
-- (anyone's after a few seconds; an answer stays with the instance that received its message, V21). No school_id: a chat
-- id names its person's school already, and the dispatcher's queue is every school's.
create table chat_presence (
    platform   text        not null,
    chat_id    text        not null,
    holder     text        not null,
    expires_at timestamptz not null,
    primary key (platform, chat_id, holder)
);

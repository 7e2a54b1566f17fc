-- Several bot instances: an answer to a message is sent first by the instance that received the message (it
-- holds the web chat page the message came from); another instance takes it only once it has waited a few
-- seconds (that instance died). Null for pushes and for rows from before this column.
alter table outbox add column holder text;

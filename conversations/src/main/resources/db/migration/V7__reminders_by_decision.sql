-- Version 7: a class digest reads the follow-ups of all its decisions at once (the benchmark found a
-- scan of every reminder per decision).
create index reminder_by_decision on reminder (decision_id) where decision_id is not null;

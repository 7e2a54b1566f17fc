-- Version 9: a page link (digest, growth file, records, summary) opens only in its viewer's signed-in
-- browser. A browser with no sign-in is bound by the first open of a link, as by an invitation (the link's
-- hash goes into invitation_redeemed), so the same link forwarded elsewhere is refused.
-- Signing a person out also ends every link made for them before that moment.
create table person_sign_out (
    school_id      text not null,
    person_id      text not null,
    signed_out_at  timestamptz not null,
    primary key (school_id, person_id)
);

-- Version 6: an invitation link opens the web chat once. Opening it binds that browser (a device key in
-- an HttpOnly cookie); the link then refuses anyone else it was forwarded to.

-- Invitations already opened (a hash of the whole token, never the token).
create table invitation_redeemed (
    token_hash   text primary key,
    school_id    text not null,
    person_id    text not null,
    redeemed_at  timestamptz not null
);

-- Browsers bound by an invitation; the cookie holds the key, the table its hash.
create table web_device (
    key_hash      text primary key,
    school_id     text not null,
    person_id     text not null,
    token_hash    text not null references invitation_redeemed(token_hash) on delete cascade,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);
create index web_device_person on web_device (school_id, person_id);
create index invitation_redeemed_person on invitation_redeemed (school_id, person_id);

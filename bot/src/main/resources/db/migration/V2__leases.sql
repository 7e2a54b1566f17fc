-- Named leases: work that only one bot instance may do at a time (a platform connection that allows
-- a single client, a scheduler slot). The holder renews before expires_at; a crashed holder's lease
-- simply runs out.
create table lease (
    name        text primary key,
    holder      text not null,
    expires_at  timestamptz not null
);

-- One export a day, even when two requests arrive at once: a request first takes its account's claim (the primary key
-- lets only one insert in; a later request takes it over only once the day is past), then adds its export. A failed
-- export gives the claim back, so its owner may ask again at once.
create table data_export_claim (
    account_id    bigint primary key,
    requested_at  timestamp with time zone not null
);

-- Each running node leases a number (0..1023) that goes into the ids it makes, so two nodes never make the same id.
create table node_lease (
    node_number int          primary key,
    holder      varchar(100) not null,
    expires_at  timestamp with time zone not null
);

-- What an account was before a suspension, so lifting it restores exactly that (e.g. still on the waiting list).
alter table account add column state_before_suspension varchar(12);

-- Each person's trust level (0 new … 4 leader). No row means level 0. Level 4 is only ever granted by an
-- administrator (granted_by_admin), and the nightly computation leaves such rows alone.
create table trust_level (
    account_id        bigint   primary key,
    level             smallint not null,
    granted_by_admin  boolean  not null default false,
    changed_at        timestamp with time zone not null,
    constraint trust_level_range check (level between 0 and 4)
);

-- Flags against a person that moderators upheld: the regular level (3) allows at most a few in the last 100 days.
-- The moderation feature reports them; who flagged is not kept here.
create table trust_upheld_flag (
    id          bigint primary key,
    account_id  bigint not null,
    upheld_at   timestamp with time zone not null
);
create index trust_upheld_flag_by_account on trust_upheld_flag (account_id, upheld_at);

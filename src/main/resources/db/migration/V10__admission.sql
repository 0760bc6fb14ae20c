-- Admission: the waiting list, its daily runs, invitations and donors. No foreign keys to account: accounts belong
-- to the account module (as in V8); rows about accounts that are gone are skipped or removed.

-- One row, id 1. daily_quota null = unlimited (open gates), 0 = closed. Until an administrator sets it (quota_set),
-- the installation's default (tribune.admission.default-daily-quota) applies. Every node reads it from here.
create table admission_setting (
    id           smallint not null primary key,
    daily_quota  integer,
    quota_set    boolean  not null,
    updated_at   timestamp with time zone not null,
    updated_by   bigint,
    constraint admission_setting_single check (id = 1),
    constraint admission_setting_quota check (daily_quota is null or daily_quota >= 0)
);
insert into admission_setting (id, daily_quota, quota_set, updated_at) values (1, null, false, current_timestamp);

-- Verified accounts waiting to be admitted, in the order the daily run admits them: donors, then people with an
-- accepted invitation, then everyone else by verification time, ties by account id.
create table admission_queue (
    account_id   bigint  not null primary key,
    verified_at  timestamp with time zone not null,
    donor        boolean not null default false,
    invited      boolean not null default false
);
create index admission_queue_order on admission_queue (donor desc, invited desc, verified_at, account_id);

-- Accounts whose donation was confirmed: admitted at once, and first in the queue if they are not verified yet.
create table admission_donor (
    account_id   bigint not null primary key,
    marked_at    timestamp with time zone not null
);

-- One row per day the run happened: the primary key is the claim, so on several nodes the day runs once.
create table admission_run (
    run_day      date    not null primary key,
    daily_quota  integer,
    admitted     integer not null,
    ran_at       timestamp with time zone not null
);

-- Invitation links. Only a hash of the token is kept; the invitee's address is never stored.
create table invitation (
    id           bigint not null primary key,
    inviter_id   bigint not null,
    token_hash   varchar(64) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_by      bigint,
    used_at      timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint invitation_token_unique unique (token_hash)
);
create index invitation_by_inviter on invitation (inviter_id, id);
create index invitation_by_user on invitation (used_by);

-- Accounts already waiting when this feature arrives join the queue in the order they verified.
insert into admission_queue (account_id, verified_at)
    select id, coalesce(verified_at, created_at) from account where state = 'WAITING';

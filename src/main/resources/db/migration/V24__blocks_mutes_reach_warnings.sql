-- Safety: who blocked or muted whom, who may reach a person, and content warnings on posts and comments.
-- No foreign keys to account, like follow: the account module deletes accounts on its own terms and the safety
-- module erases its rows on the person's erasure.

-- A block, private to the one who made it. ended_following / ended_followed remember the follows the block ended
-- (blocker -> blocked, blocked -> blocker), so that follow counts do not change when a block is made.
create table safety_block (
    blocker_id       bigint  not null,
    blocked_id       bigint  not null,
    created_at       timestamp with time zone not null,
    ended_following  boolean not null default false,
    ended_followed   boolean not null default false,
    constraint safety_block_pk primary key (blocker_id, blocked_id),
    constraint safety_block_not_self check (blocker_id <> blocked_id)
);
-- "Who blocked X": the primary key answers "whom did X block".
create index safety_block_by_blocked on safety_block (blocked_id, blocker_id);

-- A mute, until a moment or for good (until null).
create table safety_mute (
    muter_id    bigint  not null,
    muted_id    bigint  not null,
    created_at  timestamp with time zone not null,
    until       timestamp with time zone,
    constraint safety_mute_pk primary key (muter_id, muted_id),
    constraint safety_mute_not_self check (muter_id <> muted_id)
);

-- Who may reach a person; no row means the defaults (everyone, requests tab off, warnings folded). Who may mention
-- them is the account's own privacy setting, which mentions already obey.
create table safety_reach (
    account_id             bigint      not null primary key,
    profile_replies        varchar(10) not null,
    group_invitations      varchar(10) not null,
    requests_tab           boolean     not null default false,
    requests_younger_days  integer     not null default 0,
    open_warnings          boolean     not null default false
);

alter table post add column content_warning varchar(200);
alter table post_comment add column content_warning varchar(200);

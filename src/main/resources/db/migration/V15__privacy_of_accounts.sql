-- Privacy of accounts: deletion with a period to change one's mind, handles never given again, who may see what,
-- and avatars (the picture itself lives on disk under the data directory; only its file name is kept here).

-- CLOSING: the person asked for deletion; the account is frozen (signed out, tokens gone, profile hidden) until
-- they cancel by signing in, or the purge erases it once deletion_due_at has passed.
alter table account drop constraint account_state_known;
alter table account add constraint account_state_known
    check (state in ('UNVERIFIED', 'WAITING', 'ACTIVE', 'SUSPENDED', 'CLOSING', 'DELETED'));
alter table account add column state_before_closing varchar(12);
alter table account add column deletion_due_at timestamp with time zone;
alter table account add column deletion_deletes_content boolean;
alter table account add column avatar_file varchar(80);
create index account_deletion_due on account (deletion_due_at);

-- Handles of erased accounts, as SHA-256 of the lower-cased handle: nobody may take one again, and the handle
-- itself is gone.
create table retired_handle (
    handle_hash char(64) primary key,
    retired_at  timestamp with time zone not null
);

-- Who may see what of a person, and who may mention them. No row: the defaults (details, groups and follows seen by
-- everyone, mentions by any member, profile not indexed by search engines).
create table account_privacy (
    account_id          bigint      primary key references account (id) on delete cascade,
    profile_visibility  varchar(10) not null,
    groups_visibility   varchar(10) not null,
    follows_visibility  varchar(10) not null,
    mentions            varchar(10) not null,
    indexable           boolean     not null,
    constraint account_privacy_levels check (
        profile_visibility in ('EVERYONE', 'MEMBERS', 'NOBODY') and groups_visibility in ('EVERYONE', 'MEMBERS', 'NOBODY')
        and follows_visibility in ('EVERYONE', 'MEMBERS', 'NOBODY') and mentions in ('EVERYONE', 'FOLLOWED', 'NOBODY'))
);

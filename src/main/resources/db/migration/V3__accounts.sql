create table account (
    id                  bigint        primary key,
    handle              varchar(30)   not null,
    handle_key          varchar(30)   not null,
    email               varchar(254)  not null,
    email_key           varchar(254)  not null,
    password_hash       varchar(200)  not null,
    display_name        varchar(60)   not null,
    bio                 text          not null default '',
    locale              varchar(5)    not null,
    time_zone           varchar(60)   not null,
    state               varchar(12)   not null,
    role                varchar(12)   not null,
    conduct_accepted_at timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    verified_at         timestamp with time zone,
    constraint account_handle_unique unique (handle_key),
    constraint account_email_unique unique (email_key),
    constraint account_state_known check (state in ('UNVERIFIED', 'WAITING', 'ACTIVE', 'SUSPENDED', 'DELETED')),
    constraint account_role_known check (role in ('MEMBER', 'MODERATOR', 'TREASURER', 'ADMIN'))
);
create index account_role on account (role);
create index account_created on account (created_at);

-- Kept so moderators can see who someone was called before: nobody can quietly pass for someone else.
create table display_name_change (
    id          bigint       primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    old_name    varchar(60)  not null,
    new_name    varchar(60)  not null,
    changed_at  timestamp with time zone not null
);
create index display_name_change_account on display_name_change (account_id, id);

-- Password reset codes: single use, stored hashed, short-lived.
create table password_reset (
    token_hash  char(64)     primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index password_reset_account on password_reset (account_id);

-- Personal access tokens for API clients: shown once, stored as a SHA-256 hash.
create table api_token (
    id           bigint        primary key,
    account_id   bigint        not null references account (id) on delete cascade,
    name         varchar(100)  not null,
    token_hash   char(64)      not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_account on api_token (account_id, id);

-- Failed logins per submitted address (known or not, so the throttle reveals nothing); purged after a day.
create table login_failure (
    id          bigint        primary key,
    email_key   varchar(254)  not null,
    failed_at   timestamp with time zone not null
);
create index login_failure_email on login_failure (email_key, failed_at);

-- The one-time link that lets the operator create the first administrator.
create table admin_setup (
    token_hash  char(64)  primary key,
    created_at  timestamp with time zone not null
);

-- What administrators did to accounts, newest first.
create table account_audit (
    id          bigint        primary key,
    actor_id    bigint        not null references account (id),
    subject_id  bigint        not null references account (id),
    action      varchar(40)   not null,
    detail      varchar(300)  not null default '',
    at          timestamp with time zone not null
);
create index account_audit_subject on account_audit (subject_id, id);

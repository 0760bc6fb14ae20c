-- A person's word filters: a phrase, where it applies (a comma-separated list of contexts), what it does, until when.
create table safety_filter (
    id          bigint       not null primary key,
    account_id  bigint       not null,
    phrase      varchar(100) not null,
    contexts    varchar(100) not null,
    action      varchar(10)  not null,
    until       timestamp with time zone,
    created_at  timestamp with time zone not null
);
create index safety_filter_by_account on safety_filter (account_id, id);

-- Topic groups ("subwikis"). "group" is an SQL keyword, hence topic_group.
create table topic_group (
    id                      bigint        primary key,
    slug                    varchar(60)   not null,
    slug_key                varchar(60)   not null,
    name                    varchar(100)  not null,
    description             text          not null default '',
    language                varchar(5)    not null,
    visibility              varchar(10)   not null,
    join_policy             varchar(10)   not null,
    join_questions          text          not null default '',
    moderators_only_posting boolean       not null default false,
    is_default              boolean       not null default false,
    member_count            int           not null default 0,
    created_by              bigint        not null,
    created_at              timestamp with time zone not null,
    last_activity_at        timestamp with time zone not null,
    constraint topic_group_slug_unique unique (slug_key),
    constraint topic_group_visibility_known check (visibility in ('PUBLIC', 'PRIVATE', 'HIDDEN')),
    constraint topic_group_join_policy_known check (join_policy in ('OPEN', 'REQUEST', 'INVITE'))
);
create index topic_group_by_members on topic_group (member_count, id);
create index topic_group_by_activity on topic_group (last_activity_at, id);
create index topic_group_defaults on topic_group (is_default);

create table group_member (
    group_id   bigint       not null references topic_group (id) on delete cascade,
    account_id bigint       not null,
    role       varchar(10)  not null,
    since      timestamp with time zone not null,
    constraint group_member_pk primary key (group_id, account_id),
    constraint group_member_role_known check (role in ('OWNER', 'MODERATOR', 'MEMBER'))
);
create index group_member_by_account on group_member (account_id, group_id);

create table group_join_request (
    id          bigint      primary key,
    group_id    bigint      not null references topic_group (id) on delete cascade,
    account_id  bigint      not null,
    answers     text        not null default '',
    created_at  timestamp with time zone not null,
    constraint group_join_request_once unique (group_id, account_id)
);

create table group_ban (
    group_id    bigint        not null references topic_group (id) on delete cascade,
    account_id  bigint        not null,
    banned_by   bigint        not null,
    reason      varchar(300)  not null default '',
    since       timestamp with time zone not null,
    constraint group_ban_pk primary key (group_id, account_id)
);
create index group_ban_by_account on group_ban (account_id);

create table group_invitation (
    group_id    bigint  not null references topic_group (id) on delete cascade,
    account_id  bigint  not null,
    invited_by  bigint  not null,
    created_at  timestamp with time zone not null,
    constraint group_invitation_pk primary key (group_id, account_id)
);

-- Flags on posts and comments. target_kind is POST or COMMENT; post_id is the post (the comment's post for
-- comments); group_id copies the post's group so that group moderators see their groups' flags only.
-- outcome: null while open, UPHELD or REJECTED once a moderator decided, CONTEXT for "needs context" flags
-- (which go to community notes and never to the queue).
create table flag (
    id                bigint       primary key,
    target_kind       varchar(8)   not null,
    target_id         bigint       not null,
    post_id           bigint       not null,
    group_id          bigint,
    author_id         bigint       not null,
    flagger_id        bigint       not null,
    reason            varchar(20)  not null,
    created_at        timestamp with time zone not null,
    outcome           varchar(10),
    decided_at        timestamp with time zone
);
create index flag_by_target on flag (target_kind, target_id);
create index flag_by_flagger on flag (flagger_id, created_at);
create index flag_open on flag (outcome, group_id);

-- How often a flagger's flags were upheld or rejected: their flags weigh (upheld + 1) / (upheld + rejected + 2).
create table flagger_record (
    account_id  bigint  primary key,
    upheld      int     not null default 0,
    rejected    int     not null default 0
);

-- When flags or a moderator last hid something: it cannot be flagged again for 24 hours.
create table flag_hidden_target (
    target_kind  varchar(8) not null,
    target_id    bigint     not null,
    hidden_at    timestamp with time zone not null,
    constraint flag_hidden_target_pk primary key (target_kind, target_id)
);

-- The public moderation log: every action, by whom (a moderator, or the community's flags), under which rule.
-- Never who flagged. subject_id is the person affected (notified, may appeal once).
create table moderation_action (
    id            bigint       primary key,
    action        varchar(24)  not null,
    target_kind   varchar(8)   not null,
    target_id     bigint       not null,
    post_id       bigint,
    group_id      bigint,
    subject_id    bigint,
    moderator_id  bigint,
    role          varchar(20)  not null,
    rule          varchar(40)  not null,
    reason        varchar(300) not null default '',
    until_at      timestamp with time zone,
    created_at    timestamp with time zone not null,
    appeal_of     bigint
);
create index moderation_action_by_subject on moderation_action (subject_id, id);

-- Suspensions and group bans that end by themselves.
create table timed_sanction (
    action_id     bigint   primary key,
    kind          varchar(10) not null,
    subject_id    bigint   not null,
    group_id      bigint,
    moderator_id  bigint   not null,
    until_at      timestamp with time zone not null,
    lifted        boolean  not null default false
);
create index timed_sanction_due on timed_sanction (lifted, until_at);

-- One appeal per action, decided by another moderator than the one who acted.
create table appeal (
    id            bigint   primary key,
    action_id     bigint   not null unique,
    appellant_id  bigint   not null,
    body          varchar(2000) not null,
    created_at    timestamp with time zone not null,
    decided_by    bigint,
    decision      varchar(10),
    decided_at    timestamp with time zone
);
create index appeal_open on appeal (decision, id);

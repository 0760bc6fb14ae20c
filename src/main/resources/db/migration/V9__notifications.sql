-- Notifications: what happened that concerns someone. Which of actor, group, post and comment are set depends on
-- the kind (see NotificationKind); kinds are checked by the code, so a new kind needs no migration.
create table notification (
    id           bigint       primary key,
    recipient_id bigint       not null,
    kind         varchar(30)  not null,
    actor_id     bigint,
    group_id     bigint,
    post_id      bigint,
    comment_id   bigint,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
-- A person's list, newest first, by keyset on id.
create index notification_by_recipient on notification (recipient_id, id);
-- A person's unread ones: the count in every page's header, mark all read.
create index notification_unread on notification (recipient_id, read_at);
-- The likes of one post or comment, which the list shows as one entry.
create index notification_by_subject on notification (recipient_id, post_id);
-- The hourly digest looks for unread notifications made since each person's last digest.
create index notification_unread_since on notification (read_at, created_at);

-- How often each person wants an e-mail digest, and when the last one was sent (claimed). No row: weekly.
create table notification_setting (
    account_id     bigint       primary key,
    digest         varchar(10)  not null default 'WEEKLY',
    last_digest_at timestamp with time zone,
    constraint notification_setting_digest_known check (digest in ('DAILY', 'WEEKLY', 'NEVER'))
);

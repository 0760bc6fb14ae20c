-- Group moderators' word filters: what matches is held for review (HOLD) or refused (REFUSE) when posted in the
-- group. No column names the moderator who added one: a group's filters are the group's, not personal data.
create table safety_group_filter (
    id          bigint       not null primary key,
    group_id    bigint       not null,
    phrase      varchar(100) not null,
    action      varchar(10)  not null,
    created_at  timestamp with time zone not null
);
create index safety_group_filter_by_group on safety_group_filter (group_id, id);

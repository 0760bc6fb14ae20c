-- Group events (issue 19). Times are stored in UTC with the IANA zone the host chose, so an event shows at the
-- right hour in every reader's zone and in its own. description_html is the sanitised rendering, made once.
create table group_event (
    id               bigint        primary key,
    group_id         bigint        not null,
    creator_id       bigint,
    title            varchar(200)  not null,
    description      text          not null,
    description_html text          not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    time_zone        varchar(64)   not null,
    place            varchar(500),
    online_url       varchar(2000),
    capacity         int,
    attendees_hidden boolean       not null default false,
    cancelled_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint group_event_ends_after_start check (ends_at > starts_at),
    constraint group_event_capacity_positive check (capacity is null or capacity > 0)
);
-- A group's upcoming and past events, in time order.
create index group_event_by_group on group_event (group_id, starts_at, id);
-- The reminder job looks for events starting within the next day.
create index group_event_by_start on group_event (starts_at);

-- Who answers what. WAITLISTED people wait in the order of queued_at (time-ordered ids), first come first served.
create table event_rsvp (
    event_id    bigint       not null references group_event (id) on delete cascade,
    account_id  bigint       not null,
    status      varchar(12)  not null,
    queued_at   bigint       not null,
    answered_at timestamp with time zone not null,
    primary key (event_id, account_id),
    constraint event_rsvp_status_known check (status in ('GOING', 'WAITLISTED', 'MAYBE', 'DECLINED'))
);
-- A person's events (the calendar feed, /events, "mine").
create index event_rsvp_by_account on event_rsvp (account_id, event_id);
-- Counting the going and walking the waiting list of one event.
create index event_rsvp_by_status on event_rsvp (event_id, status, queued_at);

-- Each reminder sent: one row per event, person and kind, inserted before sending, so none is ever sent twice.
create table event_reminder (
    event_id   bigint      not null references group_event (id) on delete cascade,
    account_id bigint      not null,
    kind       varchar(8)  not null,
    sent_at    timestamp with time zone not null,
    primary key (event_id, account_id, kind),
    constraint event_reminder_kind_known check (kind in ('DAY', 'HOUR'))
);
create index event_reminder_by_account on event_reminder (account_id);

-- Who turned reminders off (no row: reminders on).
create table event_reminder_setting (
    account_id bigint  primary key,
    reminders  boolean not null
);

-- A person's secret calendar feed address: only the SHA-256 of its token is kept. Revoking deletes the row.
create table event_calendar_token (
    account_id bigint       primary key,
    token_hash varchar(64)  not null unique,
    created_at timestamp with time zone not null
);

-- Per group: whether members (not only moderators) may create events. No row: moderators only.
create table event_group_setting (
    group_id       bigint  primary key,
    members_create boolean not null
);

-- Groups an administrator vouches for. Only curated groups that have an active moderator are ever suggested to
-- newcomers or offered as defaults: the first network of this kind auto-joined newcomers to groups an impersonator
-- then spammed.
alter table topic_group add column is_curated boolean not null default false;
create index topic_group_curated on topic_group (is_curated);

-- A new member's first steps, one row per person admitted since onboarding exists. Skippable and resumable: the step
-- they reached is kept; finished_at is set when they finish or leave it. The agreement to the code of conduct made here
-- (and its date) is personal data: exported and erased with the account.
create table onboarding (
    account_id        bigint       primary key,
    step              varchar(20)  not null,
    started_at        timestamp with time zone not null,
    seen_at           timestamp with time zone,
    finished_at       timestamp with time zone,
    conduct_agreed_at timestamp with time zone
);

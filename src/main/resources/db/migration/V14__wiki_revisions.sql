-- Wiki editing. Every version of a document (a post, a group's wiki page, later other kinds) is a row of
-- wiki_revision that is never changed nor deleted: what changes over time is recorded by new rows elsewhere
-- (wiki_head says which revision is the accepted one, wiki_review what reviewers decided).
create table wiki_revision (
    id            bigint        primary key,
    kind          varchar(20)   not null,
    document_id   bigint        not null,
    seq           int           not null,
    base_id       bigint,
    editor_id     bigint        not null,
    created_at    timestamp with time zone not null,
    change_type   varchar(12)   not null,
    restores_id   bigint,
    pending       boolean       not null,
    summary       varchar(500)  not null default '',
    title         varchar(300)  not null default '',
    body          text          not null,
    link_url      varchar(2000),
    link_summary  varchar(1000),
    constraint wiki_revision_seq unique (kind, document_id, seq)
);
-- Daily limits and the three-revert rule count a person's recent revisions.
create index wiki_revision_by_editor on wiki_revision (editor_id, created_at);

-- The accepted revision over time: the newest row is the one readers see. Each row names the head it replaced
-- (0 for the first), so two people can never both move the same head.
create table wiki_head (
    id            bigint        primary key,
    kind          varchar(20)   not null,
    document_id   bigint        not null,
    revision_id   bigint        not null,
    replaces_id   bigint        not null,
    moved_at      timestamp with time zone not null,
    constraint wiki_head_once unique (kind, document_id, replaces_id)
);
create index wiki_head_by_document on wiki_head (kind, document_id, id);

-- What a reviewer decided about a pending revision: ACCEPTED or REJECTED, once.
create table wiki_review (
    revision_id   bigint        primary key,
    decision      varchar(10)   not null,
    reviewer_id   bigint        not null,
    decided_at    timestamp with time zone not null
);

-- Edit modes: kind GROUP for a group's mode, POST for a moderator's override of one post.
create table wiki_mode (
    kind          varchar(20)   not null,
    document_id   bigint        not null,
    mode          varchar(10)   not null,
    set_by        bigint        not null,
    set_at        timestamp with time zone not null,
    primary key (kind, document_id)
);

-- Talk pages: discussion about a document and its edits, apart from the comments.
create table wiki_talk (
    id            bigint        primary key,
    kind          varchar(20)   not null,
    document_id   bigint        not null,
    author_id     bigint        not null,
    body          text          not null,
    body_html     text          not null,
    created_at    timestamp with time zone not null
);
create index wiki_talk_by_document on wiki_talk (kind, document_id, id);
create index wiki_talk_by_author on wiki_talk (author_id, id);

-- Recategorisations: a post moved from one group to another, shown in its history.
create table wiki_move (
    id            bigint        primary key,
    post_id       bigint        not null,
    from_group_id bigint        not null,
    to_group_id   bigint        not null,
    mover_id      bigint        not null,
    summary       varchar(500)  not null default '',
    moved_at      timestamp with time zone not null
);
create index wiki_move_by_post on wiki_move (post_id, id);
create index wiki_move_by_mover on wiki_move (mover_id, id);

-- A post's link summary: a short, community-edited description of what the link really says.
alter table post add column link_summary varchar(1000);

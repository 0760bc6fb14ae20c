-- Search of posts, comments, groups and people (issue 18). One row per thing that can be found, written in the
-- transaction that changed it, so every node and both engines read the same documents: on PostgreSQL this table is
-- the index itself (V25_2 adds its tsvectors and GIN indexes); on H2 the Lucene index under the data directory is
-- built from it.
--   kind        post, comment, group or person
--   group_id    post and comment: their group (null on a profile); group: itself
--   author_id   post and comment: the writer; person: the account itself
--   restricted  post and comment: their group is not public (members only); group: it is hidden (members only)
--   language    fr or en: which stemming applies (detected from the text, else the author's or the group's)
--   name_words  group and person: the accent- and case-folded words of the name (and handle), found by their start
--   generation  the index build that last wrote the row (a rebuild removes rows older than itself at its end)
create table search_document (
    kind        varchar(8)    not null,
    id          bigint        not null,
    post_id     bigint,
    group_id    bigint,
    author_id   bigint,
    restricted  boolean       not null,
    language    varchar(2)    not null,
    has_link    boolean       not null,
    title       varchar(300)  not null,
    body        text          not null,
    name_words  varchar(1000) not null,
    created_at  timestamp with time zone not null,
    generation  bigint        not null,
    primary key (kind, id)
);
create index search_document_by_author on search_document (author_id);
create index search_document_by_group on search_document (group_id);
create index search_document_by_post on search_document (post_id);

-- The state of the index: which build is current, and the progress of a rebuild (shown to administrators on every
-- node). token names this database (set at the first start), so a Lucene index left from another database is
-- never used.
create table search_index_state (
    id           int          primary key,
    token        varchar(40)  not null,
    generation   bigint       not null,
    built        boolean      not null,
    total        bigint       not null,
    done         bigint       not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone
);
insert into search_index_state (id, token, generation, built, total, done) values (1, '', 0, false, 0, 0);

-- The older index of posts only; the first start builds search_document from the posts, groups and people.
drop table search_entry;

-- "Let people find me by name": on by default, people join to find each other.
alter table account_privacy add column findable boolean not null default true;

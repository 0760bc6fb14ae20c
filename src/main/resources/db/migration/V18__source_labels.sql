-- Source labels: one row per registrable domain that has a page (someone labelled or discussed it). What the page
-- says (label, justification, sources) is the wiki's accepted revision of kind SOURCE_LABEL, document id = id; the
-- current label's code is copied here when a revision is accepted, so that a page of posts finds the labels of all
-- its links' domains in one query on the unique index. No personal data: who edited lives in wiki_revision.
create table source_page (
    id          bigint        primary key,
    domain      varchar(253)  not null,
    label       varchar(40),
    created_at  timestamp with time zone not null,
    labelled_at timestamp with time zone,
    constraint source_page_domain unique (domain)
);

-- Link previews, cached by address: url_hash is the SHA-256 (hex) of the normalised address. A failed or refused
-- address is kept too, so it is not fetched again for a day; a good one is fetched again after a week.
-- id is random and changes at each fetch: it names the picture served at /previews/{id}.jpg.
create table link_preview (
    url_hash     char(64)       primary key,
    id           varchar(32)    not null,
    url          varchar(2000)  not null,
    title        varchar(300),
    description  varchar(1000),
    site_name    varchar(100),
    image_width  int            not null default 0,
    image_height int            not null default 0,
    status       varchar(10)    not null,
    fetched_at   timestamp with time zone not null,
    constraint link_preview_id_unique unique (id),
    constraint link_preview_status_known check (status in ('OK', 'FAILED', 'REFUSED'))
);

-- The picture of a preview, re-encoded by us (no metadata left), in the database so that every node serves it.
create table link_preview_image (
    preview_id   varchar(32)  primary key references link_preview (id) on delete cascade,
    content_type varchar(30)  not null,
    image_bytes  bytea        not null
);

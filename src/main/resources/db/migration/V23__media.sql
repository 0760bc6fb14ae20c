-- Pictures (org.tribune.media): one row per uploaded picture, whose files (a few widths, WebP and JPEG) live in the
-- storage chosen by tribune.media.storage. The original upload is never kept. The id is random (32 hex digits) and
-- names the files, so nothing of the upload's own name or time survives.
--   used_for:    POST, COMMENT, AVATAR, BANNER or ICON
--   attached_to: the post, comment, account or group it shows on; null while a post's picture is not published yet
--   widths:      the widths stored, comma-separated (never wider than the upload)
create table media (
    id            varchar(32)   primary key,
    owner_id      bigint        not null,
    used_for      varchar(8)    not null,
    attached_to   bigint,
    position      int           not null,
    description   varchar(1500) not null,
    width         int           not null,
    height        int           not null,
    blurhash      varchar(64)   not null,
    focus_x       double precision,
    focus_y       double precision,
    widths        varchar(40)   not null,
    webp          boolean       not null,
    stored_bytes  bigint        not null,
    created_at    timestamp with time zone not null,
    constraint media_used_for_known check (used_for in ('POST', 'COMMENT', 'AVATAR', 'BANNER', 'ICON'))
);
create index media_by_owner on media (owner_id, created_at);
create index media_by_target on media (used_for, attached_to, position);

-- The files of pictures when tribune.media.storage=database: every node of a cluster reads the same bytes, and a
-- database backup holds them. Named <media id>-<width>.<webp|jpg>; unused with the directory storage.
create table media_file (
    name     varchar(64) primary key,
    content  bytea       not null
);

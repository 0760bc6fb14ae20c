-- Events may show a picture: the media table accepts pictures used for events.
alter table media drop constraint media_used_for_known;
alter table media add constraint media_used_for_known
    check (used_for in ('POST', 'COMMENT', 'AVATAR', 'BANNER', 'ICON', 'EVENT'));

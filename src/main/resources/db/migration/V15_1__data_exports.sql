-- Exports of a person's data. The archive is a file under the data directory (random name); its download link is
-- signed by the server and only works for the signed-in owner. One export a day; each lasts 7 days, then the file
-- and the row are deleted.
create table data_export (
    id           bigint       primary key,
    account_id   bigint       not null,
    state        varchar(10)  not null,
    progress     int          not null default 0,
    file_name    varchar(80),
    file_size    bigint,
    requested_at timestamp with time zone not null,
    finished_at  timestamp with time zone,
    expires_at   timestamp with time zone not null,
    constraint data_export_state check (state in ('PENDING', 'RUNNING', 'READY', 'FAILED'))
);
create index data_export_by_account on data_export (account_id, id);
create index data_export_pending on data_export (state, id);

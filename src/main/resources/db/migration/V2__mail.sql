-- Every outgoing e-mail is written here in the same transaction as the change that causes it (an outbox), then
-- sent over SMTP when SMTP is configured. Without SMTP it stays here, for admins to read at /admin/mail.
create table mail_message (
    id          bigint        primary key,
    recipient   varchar(254)  not null,
    subject     varchar(300)  not null,
    body        text          not null,
    created_at  timestamp with time zone not null,
    sent_at     timestamp with time zone,
    claimed_at  timestamp with time zone,
    attempts    int           not null default 0,
    last_error  varchar(500)
);
create index mail_message_pending on mail_message (sent_at, id);

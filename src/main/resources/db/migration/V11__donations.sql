-- Donations, the payments that fund them, the provider's webhook events, expenses and the open ledger.
-- Amounts are integer minor units (cents, pence) with their ISO currency; nothing ever adds two currencies.
-- No foreign keys to account: accounts belong to the account module.
create table donation (
    id               bigint       not null primary key,
    account_id       bigint,                      -- null: an offline gift from someone without an account
    amount           bigint       not null,
    currency         varchar(3)   not null,
    donation_interval varchar(10) not null,       -- ONE_TIME, MONTHLY, YEARLY
    status           varchar(12)  not null,       -- PENDING, PAID, ACTIVE, FAILED, REFUNDED, CANCELLED
    method           varchar(8)   not null,       -- CARD (through the provider), BANK, CASH
    test             boolean      not null,       -- made in offline mode with the test payment page: not money
    checkout_session varchar(255),
    checkout_url     varchar(1000),
    subscription     varchar(255),
    donor_name       varchar(120),
    note             varchar(500),
    idempotency_key  varchar(255),
    request_hash     varchar(64),
    response         varchar(2000),
    created_at       timestamp with time zone not null,
    failed_at        timestamp with time zone,
    cancelled_at     timestamp with time zone,
    constraint donation_amount_positive check (amount > 0),
    constraint donation_currency check (currency in ('USD', 'EUR', 'GBP')),
    -- the same Idempotency-Key of one account makes one donation, whatever the races
    constraint donation_idempotency unique (account_id, idempotency_key)
);
create index donation_by_account on donation (account_id, id);
create index donation_by_subscription on donation (subscription);

-- Each payment received: the first one, every renewal, and offline gifts. What the ledger counts.
create table donation_payment (
    id               bigint       not null primary key,
    donation_id      bigint       not null references donation (id),
    reference        varchar(255) not null,       -- the provider's payment intent or invoice, or ours for offline gifts
    charge           varchar(255),
    payment_intent   varchar(255),
    amount           bigint       not null,
    refunded         bigint       not null default 0,
    currency         varchar(3)   not null,
    live             boolean      not null,       -- false for test payments: shown to the donor, never in the ledger
    paid_at          timestamp with time zone not null,
    paid_month       varchar(7)   not null,       -- YYYY-MM in UTC, so both databases group alike
    constraint donation_payment_reference unique (reference)
);
create index donation_payment_by_donation on donation_payment (donation_id);
create index donation_payment_by_charge on donation_payment (charge);
create index donation_payment_by_intent on donation_payment (payment_intent);
create index donation_payment_by_month on donation_payment (paid_month, currency);

-- Each provider event, once: the primary key makes a replayed delivery a no-op. Written in the transaction of its
-- effect. An event that arrives before what it refers to waits here (applied = false) and is applied later.
create table stripe_event (
    id               varchar(255) not null primary key,
    event_type       varchar(100) not null,
    payload          text         not null,
    applied          boolean      not null,
    received_at      timestamp with time zone not null
);
create index stripe_event_waiting on stripe_event (applied, received_at);

create table donor_preference (
    account_id       bigint       not null primary key,
    show_badge       boolean      not null,
    listed           boolean      not null
);

create table expense (
    id               bigint       not null primary key,
    description      varchar(200) not null,
    amount           bigint       not null,
    currency         varchar(3)   not null,
    spent_on         date         not null,
    spent_month      varchar(7)   not null,
    recorded_by      bigint       not null,
    created_at       timestamp with time zone not null,
    constraint expense_amount_positive check (amount > 0),
    constraint expense_currency check (currency in ('USD', 'EUR', 'GBP'))
);
create index expense_by_month on expense (spent_month, currency);

-- The secret that signs test payments' webhook events in offline mode, made once and shared by every node.
create table donation_secret (
    name             varchar(50)  not null primary key,
    secret           varchar(200) not null
);

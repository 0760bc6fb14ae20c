-- One row per run of a scheduled job that must happen once across all nodes (nightly trust levels, purges, note
-- scoring). The primary key makes the claim: the node whose insert succeeds runs the job, the others skip it.
create table job_run (
    job         varchar(100) not null,
    run_key     varchar(100) not null,
    node_number int          not null,
    claimed_at  timestamp with time zone not null,
    constraint job_run_pk primary key (job, run_key)
);

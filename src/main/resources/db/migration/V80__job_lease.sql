-- Jobs are claimed from this table by any free node and kept alive by a heartbeat; a job whose
-- heartbeat stops is resumed by another node from its checkpoint.
alter table job add column owner varchar(120);
alter table job add column attempt integer not null default 0;
alter table job add column heartbeat_at timestamp with time zone;
alter table job add column resumable boolean not null default false;
alter table job add column params varchar(4000);
alter table job add column checkpoint varchar(4000);
-- Set to the kind for kinds that run one at a time (roster import) while the job is QUEUED or
-- RUNNING, null otherwise: the unique constraint refuses a second one on every node at once.
alter table job add column exclusive_kind varchar(30);
alter table job add constraint job_exclusive_kind unique (exclusive_kind);
create index job_claim on job (status, created_at);

-- Row errors found while a roster chunk was written (photo and password checks), committed with
-- the chunk, so that an import resumed on another node still reports them.
create table job_row_error (
    job_id           varchar(36)  not null references job (id),
    row_no           bigint       not null,
    candidate_number varchar(40),
    column_name      varchar(40),
    code             varchar(60)  not null,
    message_zh       varchar(500) not null,
    message_en       varchar(500) not null
);
create index job_row_error_job on job_row_error (job_id, row_no);

-- ShedLock's lease table: a scheduled task runs on the node that holds its row.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);

-- How far the orphan sweep has looked at photo folders (photos/yyyy/MM/dd/), so that each sweep
-- lists only the days since the last one instead of the whole bucket.
create table sweep_progress (
    name        varchar(40) primary key,
    swept_until timestamp with time zone not null
);

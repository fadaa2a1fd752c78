-- 预报名 imports: the counts of each roster import job (no personal data), for the admin's list.
create table roster_import (
    job_id        varchar(36)  primary key references job (id),
    file_name     varchar(255) not null,
    rows_read     bigint       not null default 0,
    inserted      bigint       not null default 0,
    updated       bigint       not null default 0,
    rejected      bigint       not null default 0,
    photos        bigint       not null default 0,
    hashed        bigint       not null default 0,
    seconds       double precision,
    created_at    timestamp with time zone not null default current_timestamp
);

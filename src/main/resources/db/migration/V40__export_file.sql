-- One archive of a photo export: the collected standard photos of one registration point.
create table export_file (
    job_id       varchar(36)  not null references job (id),
    point_code   varchar(16)  not null,
    storage_key  varchar(200) not null unique,
    candidates   integer      not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    created_at   timestamp with time zone not null default current_timestamp,
    primary key (job_id, point_code)
);

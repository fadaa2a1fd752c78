-- Login throttling buckets (Bucket4j state), shared by every node so that failures counted on one
-- node limit the next try on any other. Keys: 'number:<candidate number>' and 'address:<client>'.
create table login_bucket (
    bucket_key  varchar(120) primary key,
    state       bytea        not null,
    expires_at  timestamp with time zone not null
);
create index login_bucket_expiry on login_bucket (expires_at);

-- Addresses an account logged in from successfully (login throttling, security/LoginThrottle): they
-- are exempt from the per-account back-off, so failures from elsewhere cannot lock the account out
-- of the places it is used from. account_key: '<kind>:<candidate number or username>'.
create table login_known_address (
    account_key     varchar(80)  not null,
    address         varchar(60)  not null,
    last_success_at timestamp with time zone not null,
    primary key (account_key, address)
);
create index login_known_address_age on login_known_address (last_success_at);

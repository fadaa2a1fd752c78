-- The audit trail is append-only: updates and deletes fail, whoever issues them.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

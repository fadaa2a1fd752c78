-- The audit trail is append-only: updates and deletes fail, whoever issues them.
create trigger audit_log_no_update before update on audit_log
    for each row call "cn.gdeea.examphoto.audit.internal.AppendOnlyTrigger";
create trigger audit_log_no_delete before delete on audit_log
    for each row call "cn.gdeea.examphoto.audit.internal.AppendOnlyTrigger";

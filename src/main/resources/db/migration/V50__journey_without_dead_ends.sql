-- The journey without dead ends (issue 9).
-- The submission that passed verification and awaits "确认无误并提交", kept through a retake until a
-- newer one is verified; and the candidate's current automatic-path upload, so the app can resume.
alter table candidate add column verified_submission_id bigint references submission (id);
alter table candidate add column current_submission_id bigint references submission (id);

-- Only a decided non-match spends an attempt; rows written before this migration all did.
alter table verification_attempt add column spent boolean not null default true;
-- An external verification service may not say which threshold it applied.
alter table verification_attempt alter column threshold drop not null;
create index verification_attempt_submission on verification_attempt (submission_id);

-- Requests a phone may repeat after losing the answer: the first response is replayed.
create table idempotent_request (
    candidate_id     bigint       not null references candidate (id),
    idem_key         varchar(100) not null,
    fingerprint      varchar(64)  not null,
    response_status  integer,
    response_body    varchar,
    created_at       timestamp with time zone not null default current_timestamp,
    primary key (candidate_id, idem_key)
);
create index idempotent_request_created on idempotent_request (created_at);

-- Materials for documents other than the resident ID card, the items a reviewer rejected, and the
-- rejected case a follow-up case continues (its reason stays visible until the next decision).
alter table review_case add column document_page_photo_id bigint references photo (id);
alter table review_case add column rejected_materials varchar(200);
alter table review_case add column previous_case_id bigint references review_case (id);

-- Reference photos found by candidate number in the photo archive: how many were missing or unreadable.
alter table roster_import add column photos_missing bigint not null default 0;
alter table roster_import add column photos_unreadable bigint not null default 0;

-- The admin's review queue spans every registration point: ordered by submission time without a
-- point prefix, which review_case_queue (point_code, status, submitted_at) cannot serve.
create index review_case_status_submitted on review_case (status, submitted_at, id);

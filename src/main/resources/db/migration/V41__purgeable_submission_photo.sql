-- The retention purge deletes a submission's photo but keeps the submission (its checks, attempts
-- and decisions stay on record), so the photo reference becomes optional.
alter table submission alter column photo_id drop not null;

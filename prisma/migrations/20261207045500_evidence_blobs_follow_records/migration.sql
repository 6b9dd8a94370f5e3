-- An evidence file kept in the database (the default store) goes with its record however the record
-- is deleted, in the same transaction: removed by a user, or with the reporting period or survey round
-- it was attached to (a cascade, which the app's code never sees). Files already left without a record
-- that way are deleted now.

CREATE FUNCTION me_delete_evidence_blobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "EvidenceBlob" WHERE "key" IN (SELECT "storageKey" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER evidence_blobs_follow_records AFTER DELETE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_delete_evidence_blobs();

DELETE FROM "EvidenceBlob" b WHERE NOT EXISTS (SELECT 1 FROM "Evidence" e WHERE e."storageKey" = b."key");

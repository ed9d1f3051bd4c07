-- message_recipients follows messages, as on SQLite (db/migrations/0002_digests.sql): every address of To and the BCC, lower-cased (delivery log filter).
CREATE FUNCTION "messages_recipients_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "message_recipients" ("message_id", "email", "company_id", "planned_at")
		SELECT NEW."id", lower(trim(j.value #>> '{}')), NEW."company_id", NEW."planned_at"
			FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."to") = 'array' THEN NEW."to" ELSE '[]'::jsonb END) AS j(value)
			WHERE jsonb_typeof(j.value) = 'string'
		UNION SELECT NEW."id", lower(trim(NEW."bcc")), NEW."company_id", NEW."planned_at" WHERE NEW."bcc" IS NOT NULL
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "messages_recipients_insert" AFTER INSERT ON "messages" FOR EACH ROW EXECUTE FUNCTION "messages_recipients_insert"();
--> statement-breakpoint
CREATE FUNCTION "messages_recipients_replan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "message_recipients" SET "planned_at" = NEW."planned_at" WHERE "message_id" = NEW."id";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "messages_recipients_replan" AFTER UPDATE OF "planned_at" ON "messages" FOR EACH ROW EXECUTE FUNCTION "messages_recipients_replan"();
--> statement-breakpoint
CREATE FUNCTION "messages_recipients_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "message_recipients" WHERE "message_id" = OLD."id";
	RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "messages_recipients_delete" BEFORE DELETE ON "messages" FOR EACH ROW EXECUTE FUNCTION "messages_recipients_delete"();

CREATE TABLE "send_budget" (
	"key" text PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp (3) with time zone NOT NULL,
	"paused_until" timestamp (3) with time zone NOT NULL
);

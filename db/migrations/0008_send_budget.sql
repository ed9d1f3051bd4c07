CREATE TABLE `send_budget` (
	`key` text PRIMARY KEY NOT NULL,
	`next_slot_at` integer NOT NULL,
	`paused_until` integer NOT NULL
);

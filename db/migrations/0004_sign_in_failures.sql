CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`attempt_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_idx` ON `sign_in_failures` (`scope`,`key`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_attempt_idx` ON `sign_in_failures` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_created_idx` ON `sign_in_failures` (`created_at`);
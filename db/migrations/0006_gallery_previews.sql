ALTER TABLE `notifications` ADD `preview` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `preview` integer DEFAULT false NOT NULL;
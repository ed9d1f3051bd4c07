ALTER TABLE `integrations` ADD `reauth_reason` text;--> statement-breakpoint
ALTER TABLE `events` ADD `no_email_reason` text;
CREATE TABLE `message_recipients` (
	`message_id` text NOT NULL,
	`email` text NOT NULL,
	`company_id` text NOT NULL,
	`planned_at` integer NOT NULL,
	PRIMARY KEY(`message_id`, `email`)
);
--> statement-breakpoint
CREATE INDEX `message_recipients_company_email_planned` ON `message_recipients` (`company_id`,`email`,`planned_at`,`message_id`);--> statement-breakpoint
CREATE TABLE `notification_events` (
	`notification_id` text NOT NULL,
	`event_id` text NOT NULL,
	PRIMARY KEY(`notification_id`, `event_id`),
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notification_events_event` ON `notification_events` (`event_id`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `digest_key` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `digest_status` text;--> statement-breakpoint
CREATE INDEX `notifications_company_provider_created` ON `notifications` (`company_id`,`provider`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_open_digest` ON `notifications` (`company_id`,`provider`,`digest_key`) WHERE digest_status = 'open';--> statement-breakpoint
ALTER TABLE `provider_webhooks` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `provider_webhooks` ADD `occurred_at` integer;--> statement-breakpoint
ALTER TABLE `provider_webhooks` ADD `detail` text;--> statement-breakpoint
CREATE INDEX `provider_webhooks_message` ON `provider_webhooks` (`message_id`,`received_at`);--> statement-breakpoint
ALTER TABLE `scheduled_jobs` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `scheduled_jobs` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `scheduled_jobs` ADD `done_at` integer;--> statement-breakpoint
CREATE INDEX `scheduled_jobs_notification` ON `scheduled_jobs` (`notification_id`);--> statement-breakpoint
CREATE INDEX `messages_company_kind_planned` ON `messages` (`company_id`,`kind`,`planned_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_company_provider_planned` ON `messages` (`company_id`,`provider`,`planned_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_company_status_planned` ON `messages` (`company_id`,`status`,`planned_at`,`id`);--> statement-breakpoint
-- message_recipients follows messages: every address of To and the BCC, lower-cased (delivery log filter).
CREATE TRIGGER `messages_recipients_insert` AFTER INSERT ON `messages` BEGIN
	INSERT OR IGNORE INTO `message_recipients` (`message_id`, `email`, `company_id`, `planned_at`)
		SELECT new.`id`, lower(trim(j.`value`)), new.`company_id`, new.`planned_at` FROM json_each(new.`to`) j WHERE j.`type` = 'text'
		UNION SELECT new.`id`, lower(trim(new.`bcc`)), new.`company_id`, new.`planned_at` WHERE new.`bcc` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_recipients_replan` AFTER UPDATE OF `planned_at` ON `messages` BEGIN
	UPDATE `message_recipients` SET `planned_at` = new.`planned_at` WHERE `message_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_recipients_delete` BEFORE DELETE ON `messages` BEGIN
	DELETE FROM `message_recipients` WHERE `message_id` = old.`id`;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `message_recipients` (`message_id`, `email`, `company_id`, `planned_at`)
	SELECT m.`id`, lower(trim(j.`value`)), m.`company_id`, m.`planned_at` FROM `messages` m, json_each(m.`to`) j WHERE j.`type` = 'text';
--> statement-breakpoint
INSERT OR IGNORE INTO `message_recipients` (`message_id`, `email`, `company_id`, `planned_at`)
	SELECT `id`, lower(trim(`bcc`)), `company_id`, `planned_at` FROM `messages` WHERE `bcc` IS NOT NULL;

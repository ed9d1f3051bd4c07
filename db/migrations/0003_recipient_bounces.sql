CREATE TABLE `recipient_bounces` (
	`company_id` text NOT NULL,
	`email` text NOT NULL,
	`bounced_at` integer NOT NULL,
	`message_id` text NOT NULL,
	`description` text,
	PRIMARY KEY(`company_id`, `email`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);

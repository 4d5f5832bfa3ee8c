CREATE TABLE `websub_subscriptions` (
	`source_id` integer PRIMARY KEY NOT NULL,
	`hub_url` text NOT NULL,
	`topic_url` text NOT NULL,
	`secret` text NOT NULL,
	`state` text NOT NULL,
	`lease_seconds` integer,
	`requested_at` integer NOT NULL,
	`verified_at` integer,
	`expires_at` integer,
	`last_push_at` integer,
	`last_error` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `websub_subscriptions_expiry_idx` ON `websub_subscriptions` (`state`,`expires_at`);
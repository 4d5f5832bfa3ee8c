CREATE TABLE `item_sources` (
	`source_id` integer NOT NULL,
	`entry_key` text NOT NULL,
	`item_id` integer NOT NULL,
	`guid` text,
	`url` text,
	`first_seen_at` integer NOT NULL,
	PRIMARY KEY(`source_id`, `entry_key`),
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `item_sources_item_idx` ON `item_sources` (`item_id`);--> statement-breakpoint
CREATE TABLE `item_topics` (
	`item_id` integer NOT NULL,
	`topic` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`item_id`, `topic`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `item_topics_feed_idx` ON `item_topics` (`topic`,`published_at`,`item_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedup_key` text NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`summary` text,
	`content_html` text,
	`author` text,
	`language` text,
	`categories` text DEFAULT '[]' NOT NULL,
	`enclosures` text DEFAULT '[]' NOT NULL,
	`published_at` integer NOT NULL,
	`updated_at` integer,
	`first_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_dedup_key_unique` ON `items` (`dedup_key`);--> statement-breakpoint
CREATE INDEX `items_published_idx` ON `items` (`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`site_url` text,
	`description` text,
	`language` text,
	`enabled` integer DEFAULT true NOT NULL,
	`min_interval_seconds` integer DEFAULT 600 NOT NULL,
	`max_interval_seconds` integer DEFAULT 86400 NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_polled_at` integer,
	`last_success_at` integer,
	`next_poll_at` integer DEFAULT 0 NOT NULL,
	`last_status` text,
	`last_http_status` integer,
	`last_error` text,
	`error_count` integer DEFAULT 0 NOT NULL,
	`last_new_items` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`);--> statement-breakpoint
CREATE INDEX `sources_due_idx` ON `sources` (`enabled`,`next_poll_at`);--> statement-breakpoint
CREATE TABLE `topic_rules` (
	`slug` text PRIMARY KEY NOT NULL,
	`include` text NOT NULL,
	`exclude` text NOT NULL,
	`fields` text,
	`updated_at` integer NOT NULL,
	`retag_done` integer DEFAULT 0 NOT NULL,
	`retag_total` integer DEFAULT 0 NOT NULL,
	`retag_cursor` integer
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`iso2` text,
	`aliases` text DEFAULT '[]' NOT NULL
);

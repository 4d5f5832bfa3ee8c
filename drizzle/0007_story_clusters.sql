CREATE TABLE `story_bands` (
	`band` integer NOT NULL,
	`published_at` integer NOT NULL,
	`item_id` integer NOT NULL,
	PRIMARY KEY(`band`, `published_at`, `item_id`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_bands_item_idx` ON `story_bands` (`item_id`);--> statement-breakpoint
ALTER TABLE `items` ADD `cluster_id` integer;--> statement-breakpoint
CREATE INDEX `items_cluster_idx` ON `items` (`cluster_id`);--> statement-breakpoint
-- Items stored before clusters existed: each is a cluster of its own.
UPDATE `items` SET `cluster_id` = `id` WHERE `cluster_id` IS NULL;
CREATE TABLE `tombstones` (
	`source_id` integer NOT NULL,
	`entry_key` text NOT NULL,
	`deleted_at` integer NOT NULL,
	PRIMARY KEY(`source_id`, `entry_key`),
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);

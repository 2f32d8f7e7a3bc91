CREATE TABLE `section_slug_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`section_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `section_slug_redirects_section_idx` ON `section_slug_redirects` (`section_id`);--> statement-breakpoint
CREATE TABLE `tag_slug_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`tag_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tag_slug_redirects_tag_idx` ON `tag_slug_redirects` (`tag_id`);
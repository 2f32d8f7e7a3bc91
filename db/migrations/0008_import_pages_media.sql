CREATE TABLE `imported_media` (
	`source` text PRIMARY KEY NOT NULL,
	`media_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `imported_media_media_idx` ON `imported_media` (`media_id`);--> statement-breakpoint
CREATE TABLE `page_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`body_format` text DEFAULT 'markdown' NOT NULL,
	`slug` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_revisions_page_idx` ON `page_revisions` (`page_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`body_format` text DEFAULT 'markdown' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`footer_position` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`published_at` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_slug_uq` ON `pages` (`slug`);--> statement-breakpoint
CREATE INDEX `pages_footer_idx` ON `pages` (`footer_position`);--> statement-breakpoint
CREATE INDEX `pages_updated_idx` ON `pages` (`updated_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_legacy_redirects` (
	`old_path` text PRIMARY KEY NOT NULL,
	`article_id` integer,
	`page_id` integer,
	`section_id` integer,
	`tag_id` integer,
	`author_id` integer,
	`feed` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_legacy_redirects`("old_path", "article_id", "created_at") SELECT "old_path", "article_id", "created_at" FROM `legacy_redirects`;--> statement-breakpoint
DROP TABLE `legacy_redirects`;--> statement-breakpoint
ALTER TABLE `__new_legacy_redirects` RENAME TO `legacy_redirects`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `legacy_redirects_article_idx` ON `legacy_redirects` (`article_id`);--> statement-breakpoint
CREATE INDEX `legacy_redirects_page_idx` ON `legacy_redirects` (`page_id`);--> statement-breakpoint
CREATE INDEX `legacy_redirects_section_idx` ON `legacy_redirects` (`section_id`);--> statement-breakpoint
CREATE INDEX `legacy_redirects_tag_idx` ON `legacy_redirects` (`tag_id`);--> statement-breakpoint
CREATE INDEX `legacy_redirects_author_idx` ON `legacy_redirects` (`author_id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `body_format` text DEFAULT 'markdown' NOT NULL;
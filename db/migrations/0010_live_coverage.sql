CREATE TABLE `live_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`number` integer NOT NULL,
	`body` text NOT NULL,
	`image_path` text,
	`image_alt` text,
	`key_event` integer DEFAULT false NOT NULL,
	`correction` text,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_updates_article_number_uq` ON `live_updates` (`article_id`,`number`);--> statement-breakpoint
CREATE INDEX `live_updates_article_key_idx` ON `live_updates` (`article_id`,`key_event`,`number`);--> statement-breakpoint
ALTER TABLE `articles` ADD `live_started_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `live_ended_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `live_summary` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `reply_mode` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `reply_slow_seconds` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_live_idx` ON `articles` (`live_started_at`,`live_ended_at`);--> statement-breakpoint
CREATE INDEX `replies_article_status_changed_idx` ON `replies` (`article_id`,`status`,`status_changed_at`);
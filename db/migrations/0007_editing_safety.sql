CREATE TABLE `article_autosaves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`article_id` integer,
	`article_key` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text NOT NULL,
	`body` text NOT NULL,
	`base_version` integer DEFAULT 0 NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_autosaves_user_key_uq` ON `article_autosaves` (`user_id`,`article_key`);--> statement-breakpoint
CREATE INDEX `article_autosaves_article_idx` ON `article_autosaves` (`article_id`);--> statement-breakpoint
CREATE TABLE `article_editors` (
	`article_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`seen_at` integer NOT NULL,
	`holds_lock` integer DEFAULT false NOT NULL,
	`taken_over_by_id` integer,
	`taken_over_at` integer,
	PRIMARY KEY(`article_id`, `user_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taken_over_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_editors_seen_idx` ON `article_editors` (`seen_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `pending_revision_id` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `pending_publish_at` integer;--> statement-breakpoint
CREATE INDEX `articles_pending_publish_idx` ON `articles` (`pending_publish_at`);
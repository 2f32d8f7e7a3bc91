CREATE TABLE `commenter_sanctions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip_hash` text,
	`kind` text NOT NULL,
	`until` integer,
	`reason` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`lifted_at` integer,
	`lifted_by_id` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lifted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `commenter_sanctions_email_idx` ON `commenter_sanctions` (`email`,`lifted_at`);--> statement-breakpoint
CREATE INDEX `commenter_sanctions_ip_idx` ON `commenter_sanctions` (`ip_hash`,`lifted_at`);--> statement-breakpoint
CREATE TABLE `mail_opt_outs` (
	`email` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_queue_dedupe_uq` ON `mail_queue` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_queue_due_idx` ON `mail_queue` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reply_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`reporter_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`dismissed_at` integer,
	`dismissed_by_id` integer,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dismissed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_reports_reply_reporter_uq` ON `reply_reports` (`reply_id`,`reporter_hash`);--> statement-breakpoint
CREATE INDEX `reply_reports_open_idx` ON `reply_reports` (`dismissed_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `reply_reports_reporter_idx` ON `reply_reports` (`reporter_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `replies` ADD `notify_replies` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `pending_digest` integer DEFAULT false NOT NULL;
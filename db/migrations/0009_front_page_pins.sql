CREATE TABLE `front_pins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot` text NOT NULL,
	`section_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`article_id` integer NOT NULL,
	`expires_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `front_pins_scope_idx` ON `front_pins` (`section_id`,`slot`,`position`);--> statement-breakpoint
CREATE INDEX `front_pins_article_idx` ON `front_pins` (`article_id`);--> statement-breakpoint
CREATE INDEX `front_pins_expires_idx` ON `front_pins` (`expires_at`);
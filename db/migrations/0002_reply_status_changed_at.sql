ALTER TABLE `replies` ADD `status_changed_at` integer;--> statement-breakpoint
UPDATE `replies` SET `status_changed_at` = `created_at` WHERE `status_changed_at` IS NULL;--> statement-breakpoint
CREATE INDEX `replies_status_changed_idx` ON `replies` (`status`,`status_changed_at`);

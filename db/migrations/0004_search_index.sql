CREATE TABLE `legacy_redirects` (
	`old_path` text PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `legacy_redirects_article_idx` ON `legacy_redirects` (`article_id`);--> statement-breakpoint
CREATE TABLE `wxr_imports` (
	`site` text NOT NULL,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`local_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`site`, `kind`, `source_id`)
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `body_text` text;
--> statement-breakpoint
-- Full-text search (db/queries/search.ts). One row per article, rowid = article id, every article
-- indexed whatever its status (visibility is decided by the query). The triggers below are the only
-- thing that writes it, so no write path can forget it.
CREATE VIRTUAL TABLE `article_search` USING fts5(title, standfirst, body, authors, tags, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_search_ai` AFTER INSERT ON `articles` BEGIN
  DELETE FROM article_search WHERE rowid IN (new.id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_au` AFTER UPDATE OF title, standfirst, body, body_text ON `articles` BEGIN
  DELETE FROM article_search WHERE rowid IN (new.id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END;
--> statement-breakpoint
-- A write that changes the body but not its plain text would leave the index stale: fall back to the
-- raw body until the plain text is written again.
CREATE TRIGGER `articles_body_text_stale` AFTER UPDATE OF body ON `articles`
  WHEN new.body IS NOT old.body AND new.body_text IS old.body_text AND new.body_text IS NOT NULL BEGIN
  UPDATE articles SET body_text = NULL WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_search_ai` AFTER INSERT ON `article_authors` BEGIN
  DELETE FROM article_search WHERE rowid IN (new.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_search_ad` AFTER DELETE ON `article_authors` BEGIN
  DELETE FROM article_search WHERE rowid IN (old.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (old.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_search_au` AFTER UPDATE ON `article_authors` BEGIN
  DELETE FROM article_search WHERE rowid IN (old.article_id, new.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (old.article_id, new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_search_ai` AFTER INSERT ON `article_tags` BEGIN
  DELETE FROM article_search WHERE rowid IN (new.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_search_ad` AFTER DELETE ON `article_tags` BEGIN
  DELETE FROM article_search WHERE rowid IN (old.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (old.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_search_au` AFTER UPDATE ON `article_tags` BEGIN
  DELETE FROM article_search WHERE rowid IN (old.article_id, new.article_id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (old.article_id, new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `tags_search_au` AFTER UPDATE OF name ON `tags` WHEN new.name IS NOT old.name BEGIN
  DELETE FROM article_search WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = new.id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (SELECT article_id FROM article_tags WHERE tag_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_au` AFTER UPDATE OF name ON `users` WHEN new.name IS NOT old.name BEGIN
  DELETE FROM article_search WHERE rowid IN (SELECT article_id FROM article_authors WHERE user_id = new.id);
  INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
    SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
      coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
      coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
    FROM articles a WHERE a.id IN (SELECT article_id FROM article_authors WHERE user_id = new.id);
END;
--> statement-breakpoint
-- Backfill: existing articles are indexed now (raw body until start-up writes their plain text).
INSERT INTO article_search(rowid, title, standfirst, body, authors, tags)
  SELECT a.id, a.title, a.standfirst, coalesce(a.body_text, a.body),
    coalesce((SELECT group_concat(u.name, ' ') FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id), ''),
    coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')
  FROM articles a;

-- Custom migration (issue 14, item 11): scrubs personal data stored before the code stopped storing it.
-- db/personal-data.test.ts runs this file against a database holding rows of the old kind.
--
-- 1. The disallowed-email rule stored the email in the reason's match and, for an exact entry, in its
--    words. Keep the rule, the field and a masked email (first character, ***, the domain); a domain
--    entry (*@spam.example, @spam.example) names nobody and stays in the words.
UPDATE replies SET status_reason = json_set(json_remove(status_reason, '$.match'), '$.field', 'email', '$.detail',
  'The email ('
  || CASE WHEN instr(json_extract(status_reason, '$.match'), '@') > 1
       THEN substr(json_extract(status_reason, '$.match'), 1, 1) || '***' || substr(json_extract(status_reason, '$.match'), instr(json_extract(status_reason, '$.match'), '@'))
       ELSE '***' END
  || CASE WHEN json_extract(status_reason, '$.detail') LIKE '%“*@%' OR json_extract(status_reason, '$.detail') LIKE '%“@%'
       THEN ') matches the disallowed entry “' || substr(json_extract(status_reason, '$.detail'), instr(json_extract(status_reason, '$.detail'), '“') + 1,
              instr(json_extract(status_reason, '$.detail'), '”') - instr(json_extract(status_reason, '$.detail'), '“') - 1) || '”.'
       ELSE ') is on the disallowed list.' END)
WHERE json_valid(status_reason) AND json_extract(status_reason, '$.rule') = 'disallowed-email';
--> statement-breakpoint
-- 2. The disallowed-IP rule stored the address in the clear. An IPv4 address keeps its /24; anything else only the rule.
UPDATE replies SET status_reason = json_set(json_remove(status_reason, '$.match'), '$.field', 'ip', '$.detail',
  CASE WHEN json_extract(status_reason, '$.match') GLOB '[0-9]*.[0-9]*.[0-9]*.[0-9]*'
       THEN 'The IP address (' || rtrim(json_extract(status_reason, '$.match'), '0123456789') || '*) matches a disallowed entry.'
       ELSE 'The IP address matches a disallowed entry.' END)
WHERE json_valid(status_reason) AND json_extract(status_reason, '$.rule') = 'disallowed-ip';
--> statement-breakpoint
-- 3. Erased commenters' replies keep only the name of the rule that decided them.
UPDATE replies SET status_reason = json_object('rule', json_extract(status_reason, '$.rule'))
WHERE status_reason IS NOT NULL AND author_email LIKE 'erased-%@invalid';
--> statement-breakpoint
-- 4. The log noted the same words when the rule decided: the masked words now, or nothing.
UPDATE moderation_log SET note = (
  SELECT json_extract(r.status_reason, '$.detail') FROM replies r
  WHERE r.id = moderation_log.reply_id AND json_extract(r.status_reason, '$.rule') IN ('disallowed-email', 'disallowed-ip')
)
WHERE action IN ('rules:disallowed-email', 'rules:disallowed-ip') AND note IS NOT NULL;
--> statement-breakpoint
-- 5. Erasure left readers' report notes (which may quote the reply) and the mail about erased replies.
UPDATE reply_reports SET note = NULL
WHERE note IS NOT NULL AND reply_id IN (SELECT id FROM replies WHERE author_email LIKE 'erased-%@invalid');
--> statement-breakpoint
DELETE FROM mail_queue WHERE dedupe_key IN (
  SELECT 'approved:' || id FROM replies WHERE author_email LIKE 'erased-%@invalid'
  UNION ALL SELECT 'answer:' || id FROM replies WHERE author_email LIKE 'erased-%@invalid'
  UNION ALL SELECT 'answer:' || c.id FROM replies c JOIN replies p ON p.id = c.parent_id WHERE p.author_email LIKE 'erased-%@invalid'
);

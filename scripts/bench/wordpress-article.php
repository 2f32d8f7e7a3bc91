<?php
// php wordpress-article.php article.json: the standard article and its 50 replies into the WordPress that
// scripts/bench/wordpress.sh sets up (its config is chosen by the host name, as Debian's wp-config.php does).
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$a = json_decode(file_get_contents($argv[1]), true);
// Addresses as /<slug>/ (the rules are written now, not on a later request).
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);
if ($old = get_page_by_path($a['slug'], OBJECT, 'post')) {
  echo get_permalink($old), " already there\n";
  exit(0);
}
update_option('comments_per_page', 100);
update_option('page_comments', 0);
update_option('thread_comments_depth', 10);
$author = get_user_by('login', 'jordan-ellis');
$author_id = $author ? $author->ID : wp_insert_user(['user_login' => 'jordan-ellis', 'user_pass' => wp_generate_password(), 'display_name' => $a['author'], 'role' => 'author', 'user_email' => 'jordan@example.com']);
$content = implode("\n\n", array_map(fn($p) => "<!-- wp:paragraph -->\n<p>" . esc_html($p) . "</p>\n<!-- /wp:paragraph -->", $a['paragraphs']));
$date = gmdate('Y-m-d H:i:s', strtotime($a['date']));
$post_id = wp_insert_post(['post_title' => $a['headline'], 'post_name' => $a['slug'], 'post_content' => $content, 'post_excerpt' => $a['excerpt'], 'post_status' => 'publish', 'post_author' => $author_id, 'post_date_gmt' => $date, 'post_date' => $date, 'comment_status' => 'open'], true);
if (is_wp_error($post_id)) { fwrite(STDERR, $post_id->get_error_message()); exit(1); }
$ids = [];
foreach ($a['comments'] as $c) {
  $ids[$c['id']] = wp_insert_comment(['comment_post_ID' => $post_id, 'comment_author' => $c['author'], 'comment_author_email' => $c['email'], 'comment_content' => $c['text'], 'comment_parent' => $c['parent'] === null ? 0 : $ids[$c['parent']], 'comment_approved' => 1, 'comment_date_gmt' => gmdate('Y-m-d H:i:s', strtotime($c['date'])), 'comment_date' => gmdate('Y-m-d H:i:s', strtotime($c['date']))]);
}
echo get_permalink($post_id), ' ', count($ids), " comments\n";

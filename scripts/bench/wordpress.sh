#!/usr/bin/env bash
# WordPress 6.1 (Debian bookworm's package) serving the standard article and its 50 replies, for
# comparison: `npm run bench -- --only standard --lighthouse --compare http://127.0.0.1:PORT/<slug>/`.
#   sudo scripts/bench/wordpress.sh [PORT] [DIR]      (default 3425 and /tmp/broadsheet-wp; needs root)
# Its own MariaDB (socket only), php-fpm (127.0.0.1:PORT+1000) and nginx (127.0.0.1:PORT), all in DIR;
# it prints the command that stops them. Installs the packages when missing. Theme: Twenty Twenty-Three.
set -euo pipefail
PORT=${1:-3425}
DIR=${2:-/tmp/broadsheet-wp}
FPM_PORT=$((PORT + 1000))
HERE=$(cd "$(dirname "$0")" && pwd)
for port in "$PORT" "$FPM_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken: stop what runs there first" >&2; exit 1; fi
done
ARTICLE=${ARTICLE:-$HERE/../../../shared/bench/article.json}
command -v php-fpm8.2 >/dev/null && command -v mariadbd >/dev/null && [ -d /usr/share/wordpress ] || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx php8.2-fpm php8.2-mysql mariadb-server wordpress wordpress-theme-twentytwentythree >/dev/null
}
mkdir -p "$DIR"/{db,run,body,fastcgi,proxy,uwsgi,scgi}
chown mysql:mysql "$DIR/db" "$DIR/run"
[ -d "$DIR/db/mysql" ] || mariadb-install-db --user=mysql --datadir="$DIR/db" --auth-root-authentication-method=normal >"$DIR/install-db.log"
/usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$DIR/db" --socket="$DIR/run/mysql.sock" --skip-networking \
  --pid-file="$DIR/run/mysql.pid" --innodb-buffer-pool-size=128M >"$DIR/mysqld.log" 2>&1 &
for _ in $(seq 50); do [ -S "$DIR/run/mysql.sock" ] && break; sleep 0.2; done
mariadb --socket="$DIR/run/mysql.sock" -uroot -e 'CREATE DATABASE IF NOT EXISTS wp_bench'

cat >/etc/wordpress/config-127.0.0.1.php <<PHP
<?php
define('DB_NAME', 'wp_bench');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$DIR/run/mysql.sock');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
PHP
# Behind a port, WordPress's canonical redirect sent the article's own address back to itself (301 loop).
mkdir -p /var/lib/wordpress/wp-content/mu-plugins
echo "<?php remove_action('template_redirect', 'redirect_canonical');" >/var/lib/wordpress/wp-content/mu-plugins/bench-no-canonical.php

cat >"$DIR/fpm.conf" <<CONF
[global]
pid = $DIR/fpm.pid
error_log = $DIR/fpm.log
daemonize = yes
[bench]
user = www-data
group = www-data
listen = 127.0.0.1:$FPM_PORT
pm = static
pm.max_children = 4
CONF
cat >"$DIR/nginx.conf" <<CONF
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $DIR/body; fastcgi_temp_path $DIR/fastcgi; proxy_temp_path $DIR/proxy; uwsgi_temp_path $DIR/uwsgi; scgi_temp_path $DIR/scgi;
  gzip on;
  gzip_types text/css application/javascript text/javascript application/json image/svg+xml;
  server {
    listen 127.0.0.1:$PORT;
    root /usr/share/wordpress;
    index index.php;
    location /wp-content/ { root /var/lib/wordpress; try_files \$uri @share; expires 1h; }
    location @share { root /usr/share/wordpress; }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass 127.0.0.1:$FPM_PORT;
    }
  }
}
CONF
php-fpm8.2 -y "$DIR/fpm.conf"
nginx -c "$DIR/nginx.conf" -p "$DIR/"

curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/wp-admin/install.php?step=2" --data-urlencode 'weblog_title=Broadsheet bench' \
  --data-urlencode user_name=admin --data-urlencode admin_password=bench-admin-Pass-19 --data-urlencode admin_password2=bench-admin-Pass-19 \
  --data-urlencode pw_weak=1 --data-urlencode admin_email=admin@example.com --data-urlencode blog_public=1
php "$HERE/wordpress-article.php" "$ARTICLE"
echo "stop it with: kill \$(cat $DIR/nginx.pid) \$(cat $DIR/fpm.pid) \$(cat $DIR/run/mysql.pid)"

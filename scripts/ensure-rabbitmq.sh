#!/usr/bin/env bash
# Makes sure a RabbitMQ broker listens where the tests expect it.
#
# Target: the host and port of $AMQP_URL, default amqp://guest:guest@127.0.0.1:5672/%2f.
# If nothing listens there and the target is local, starts a local broker
# (installing the rabbitmq-server package with apt-get when it is missing)
# and waits until it accepts connections. Fails with a clear message after
# ${RABBITMQ_WAIT_SECONDS:-90} seconds.
set -euo pipefail

url="${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/%2f}"
hostport="${url#*://}"
hostport="${hostport##*@}"
hostport="${hostport%%/*}"
hostport="${hostport%%\?*}"
host="${hostport%%:*}"
port=5672
if [[ "$hostport" == *:* ]]; then port="${hostport##*:}"; fi
if [[ "$url" == amqps://* && "$hostport" != *:* ]]; then port=5671; fi
[[ -n "$host" ]] || host=127.0.0.1
wait_seconds="${RABBITMQ_WAIT_SECONDS:-90}"

listening() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

if listening; then
    echo "RabbitMQ is listening on $host:$port."
    exit 0
fi

case "$host" in
    127.0.0.1|localhost|::1) ;;
    *)
        echo "error: nothing listens on $host:$port, and it is not a local address I can start a broker on." >&2
        exit 1
        ;;
esac

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null; then sudo_cmd=(sudo); fi

if ! command -v rabbitmq-server >/dev/null && [[ ! -x /usr/sbin/rabbitmq-server ]]; then
    echo "rabbitmq-server is not installed; installing it with apt-get."
    "${sudo_cmd[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y rabbitmq-server
fi
PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"

echo "Starting RabbitMQ (rabbitmq-server -detached)."
"${sudo_cmd[@]}" rabbitmq-server -detached || true

deadline=$((SECONDS + wait_seconds))
if command -v rabbitmqctl >/dev/null; then
    "${sudo_cmd[@]}" timeout "$wait_seconds" rabbitmqctl await_startup >/dev/null 2>&1 || true
fi
until listening; do
    if ((SECONDS >= deadline)); then
        echo "error: RabbitMQ did not accept connections on $host:$port within ${wait_seconds}s." >&2
        echo "Check its log (/var/log/rabbitmq/) or start it by hand: rabbitmq-server -detached" >&2
        exit 1
    fi
    sleep 1
done
echo "RabbitMQ is listening on $host:$port."

#!/usr/bin/env bash
# A 3-node RabbitMQ cluster on loopback, on this one machine, beside the
# system broker on 5672 (which it never touches): for the failover test
# (`scripts/cluster-failover.sh`) and for trying `amqp.url`
# lists by hand.
#
#   scripts/rabbitmq-cluster.sh start        # start the nodes and join them (idempotent)
#   scripts/rabbitmq-cluster.sh status       # each node: running or not, port, cluster members
#   scripts/rabbitmq-cluster.sh stop         # stop every node (data kept)
#   scripts/rabbitmq-cluster.sh clean        # stop, then delete the data, logs and cookie
#   scripts/rabbitmq-cluster.sh urls         # the AMQP URLs, comma-separated (for QUOTEWIRE__AMQP__URL)
#   scripts/rabbitmq-cluster.sh stop-node N  # stop node N (1..3) only
#   scripts/rabbitmq-cluster.sh start-node N # start node N again (it rejoins by itself)
#   scripts/rabbitmq-cluster.sh leader QUEUE # the number of the node leading quorum queue QUEUE
#   scripts/rabbitmq-cluster.sh members QUEUE # the numbers of the nodes holding a replica of it
#   scripts/rabbitmq-cluster.sh ctl N ARGS   # rabbitmqctl ARGS on node N (e.g. ctl 1 cluster_status)
#
# Each node has its own name (qwc1@localhost ...), AMQP listener
# (127.0.0.1:5681..5683), distribution port (25681..25683), data and log
# directories owned by the rabbitmq user, config file and an empty
# enabled-plugins file, all under $QW_CLUSTER_DIR (default
# /tmp/quotewire-cluster). The system configuration pins its listener to
# 5672, so RABBITMQ_NODE_PORT alone would be ignored: each node gets its
# own RABBITMQ_CONFIG_FILE with its listener, and its own
# RABBITMQ_CONF_ENV_FILE so that /etc/rabbitmq/rabbitmq-env.conf (which
# names the system node) is not read.
#
# Erlang cookie: the three nodes share a cookie of their own, in
# $QW_CLUSTER_DIR/home/.erlang.cookie; they and every rabbitmqctl call
# below run as the rabbitmq user with HOME there. `rabbitmqctl` for the
# system node keeps finding its own cookie (/var/lib/rabbitmq), so
# nothing here changes how the system broker is controlled, and the
# cluster cannot be joined to it by mistake.
#
# Safe to re-run after a crash: a node that answers is left alone, a stale
# pid file is ignored, and a node already in the cluster is not joined
# again. Memory: about 150 MB per node. Overrides: QW_CLUSTER_DIR,
# QW_CLUSTER_PORT (first AMQP port, default 5681), QW_CLUSTER_DIST_PORT
# (first distribution port, default 25681), QW_CLUSTER_WAIT (seconds a
# node may take to start, default 180).
set -euo pipefail

dir="${QW_CLUSTER_DIR:-/tmp/quotewire-cluster}"
amqp_base="${QW_CLUSTER_PORT:-5681}"
dist_base="${QW_CLUSTER_DIST_PORT:-25681}"
wait_secs="${QW_CLUSTER_WAIT:-180}"
nodes=(1 2 3)
rmq_bin=/usr/lib/rabbitmq/bin

die() {
    echo "rabbitmq-cluster: $*" >&2
    exit 1
}

node_name() { echo "qwc$1@localhost"; }
amqp_port() { echo $((amqp_base + $1 - 1)); }
dist_port() { echo $((dist_base + $1 - 1)); }
node_dir() { echo "$dir/qwc$1"; }

[[ -x "$rmq_bin/rabbitmq-server" ]] ||
    die "RabbitMQ is not installed ($rmq_bin/rabbitmq-server is missing); scripts/ensure-rabbitmq.sh installs it"
id rabbitmq >/dev/null 2>&1 || die "there is no rabbitmq user (is the rabbitmq-server package installed?)"

# Runs a command as the rabbitmq user, with the cluster's HOME (cookie)
# and the environment of node $1.
as_node() {
    local n="$1"
    shift
    local nd
    nd="$(node_dir "$n")"
    local env=(
        env -i
        PATH="$rmq_bin:/usr/bin:/bin:/usr/sbin:/sbin"
        HOME="$dir/home"
        LANG=C.UTF-8
        RABBITMQ_CONF_ENV_FILE="$nd/rabbitmq-env.conf"
        RABBITMQ_NODENAME="$(node_name "$n")"
        RABBITMQ_DIST_PORT="$(dist_port "$n")"
        RABBITMQ_CONFIG_FILE="$nd/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$nd/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$nd/enabled_plugins"
        RABBITMQ_MNESIA_BASE="$nd/mnesia"
        RABBITMQ_LOG_BASE="$nd/log"
        RABBITMQ_PID_FILE="$nd/pid"
        # The CLI tools' own distribution ports, apart from the system
        # CLI's 35672..35682.
        RABBITMQ_CTL_DIST_PORT_MIN=$((dist_base + 10000))
        RABBITMQ_CTL_DIST_PORT_MAX=$((dist_base + 10030))
        ERL_EPMD_ADDRESS=127.0.0.1
        # Distribution on loopback only, like the system node's.
        ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"
    )
    if [[ "$(id -u)" -eq "$(id -u rabbitmq)" ]]; then
        "${env[@]}" "$@"
    elif [[ "$(id -u)" -eq 0 ]]; then
        runuser -u rabbitmq -- "${env[@]}" "$@"
    elif command -v sudo >/dev/null; then
        sudo -u rabbitmq "${env[@]}" "$@"
    else
        die "run me as root or as the rabbitmq user"
    fi
}

ctl() {
    local n="$1"
    shift
    as_node "$n" rabbitmqctl -n "$(node_name "$n")" "$@"
}

# Writes the directories, cookie and per-node files (again, if missing).
prepare() {
    install -d -m 0755 "$dir"
    install -d -m 0700 -o rabbitmq -g rabbitmq "$dir/home"
    if [[ ! -s "$dir/home/.erlang.cookie" ]]; then
        # A fresh random cookie, shared by the three nodes only.
        local cookie
        cookie="$(head -c 30 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F')"
        (umask 077 && printf '%s' "$cookie" >"$dir/home/.erlang.cookie")
        chown rabbitmq:rabbitmq "$dir/home/.erlang.cookie"
        chmod 0400 "$dir/home/.erlang.cookie"
    fi
    for n in "${nodes[@]}"; do
        local nd
        nd="$(node_dir "$n")"
        install -d -m 0755 -o rabbitmq -g rabbitmq "$nd" "$nd/mnesia" "$nd/log"
        cat >"$nd/rabbitmq.conf" <<EOF
# Node $(node_name "$n") of the quotewire test cluster (scripts/rabbitmq-cluster.sh).
listeners.tcp.1 = 127.0.0.1:$(amqp_port "$n")
cluster_name = quotewire-test
loopback_users.guest = true
EOF
        cat >"$nd/rabbitmq-env.conf" <<EOF
# Read instead of /etc/rabbitmq/rabbitmq-env.conf (which names the system node).
NODENAME=$(node_name "$n")
EOF
        echo "[]." >"$nd/advanced.config"
        : >"$nd/enabled_plugins"
        chown rabbitmq:rabbitmq "$nd/rabbitmq.conf" "$nd/rabbitmq-env.conf" \
            "$nd/advanced.config" "$nd/enabled_plugins"
    done
}

# Whether the Erlang VM of node $1 is up (registered with epmd: instant,
# unlike a CLI call, which boots a VM of its own).
vm_up() {
    epmd -names 2>/dev/null | grep -q "^name qwc$1 at port "
}

# Whether node $1 accepts AMQP connections (its listener opens last in
# the boot).
port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$(amqp_port "$1")" 2>/dev/null
}

running() {
    vm_up "$1" && port_open "$1"
}

start_node() {
    local n="$1" nd
    nd="$(node_dir "$n")"
    if vm_up "$n"; then
        echo "$(node_name "$n") is already up (amqp://127.0.0.1:$(amqp_port "$n"))."
        return 0
    fi
    if port_open "$n"; then
        die "port $(amqp_port "$n") is taken by something else; set QW_CLUSTER_PORT"
    fi
    rm -f "$nd/pid"
    echo "Starting $(node_name "$n") on 127.0.0.1:$(amqp_port "$n") (log: $nd/log/)."
    as_node "$n" rabbitmq-server -detached >"$nd/log/startup.log" 2>&1 ||
        die "$(node_name "$n") did not start; see $nd/log/startup.log"
}

# Waits until node $1 accepts connections. A VM that is up with its
# application stopped (a start or join interrupted half-way) gets
# `start_app`.
await_node() {
    local n="$1" deadline=$((SECONDS + wait_secs)) kicked=""
    until port_open "$n"; do
        if ((SECONDS >= deadline)); then
            tail -n 20 "$(node_dir "$n")/log/"*.log >&2 || true
            die "$(node_name "$n") did not come up within ${wait_secs}s; logs in $(node_dir "$n")/log/"
        fi
        if [[ -z "$kicked" ]] && vm_up "$n" && ((SECONDS + wait_secs - deadline > 30)); then
            kicked=1
            ctl "$n" -q start_app >/dev/null 2>&1 || true
        fi
        sleep 1
    done
}

# Whether node $2 is a running member of the cluster as node $1 sees it.
is_member() {
    ctl "$1" -q cluster_status --formatter json 2>/dev/null |
        python3 -c 'import json,sys; s=json.load(sys.stdin); sys.exit(0 if sys.argv[1] in s.get("running_nodes", []) else 1)' "$(node_name "$2")"
}

join() {
    local n="$1"
    if is_member 1 "$n"; then
        return 0
    fi
    echo "Joining $(node_name "$n") to $(node_name 1)."
    local log
    log="$(node_dir "$n")/log/join.log"
    # The CLI prints warnings of the joining node's feature flags and
    # connection tracking: expected, kept in the log.
    {
        ctl "$n" -q stop_app &&
            ctl "$n" -q reset &&
            ctl "$n" -q join_cluster "$(node_name 1)" &&
            ctl "$n" -q start_app
    } >"$log" 2>&1 || {
        cat "$log" >&2
        die "$(node_name "$n") could not join $(node_name 1)"
    }
}

cmd_start() {
    prepare
    for n in "${nodes[@]}"; do start_node "$n"; done
    for n in "${nodes[@]}"; do await_node "$n"; done
    for n in "${nodes[@]:1}"; do join "$n"; done
    for n in "${nodes[@]}"; do
        is_member 1 "$n" || die "$(node_name "$n") is not a running member of the cluster"
    done
    echo "Cluster up: $(cmd_urls)"
}

# Stops node $1 gracefully: SIGTERM to its VM (what `rabbitmqctl stop`
# does, without booting a CLI), then waits for it to exit (SIGKILL after
# a minute).
stop_node() {
    local n="$1" pid=""
    if ! vm_up "$n"; then
        return 0
    fi
    echo "Stopping $(node_name "$n")."
    pid="$(cat "$(node_dir "$n")/pid" 2>/dev/null || true)"
    if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
        ctl "$n" -q stop >/dev/null 2>&1 || true
    else
        kill -TERM "$pid"
        local deadline=$((SECONDS + 60))
        while kill -0 "$pid" 2>/dev/null; do
            if ((SECONDS >= deadline)); then
                echo "$(node_name "$n") ignored SIGTERM for 60 s; killing it." >&2
                kill -KILL "$pid" 2>/dev/null || true
            fi
            sleep 0.2
        done
    fi
    local deadline=$((SECONDS + 30))
    while vm_up "$n"; do
        ((SECONDS < deadline)) || die "$(node_name "$n") is still registered with epmd"
        sleep 0.2
    done
}

cmd_stop() {
    [[ -d "$dir/home" ]] || {
        echo "No cluster under $dir."
        return 0
    }
    # Last started first: node 1, which the others joined, stops last and
    # so starts cleanly first next time.
    for n in 3 2 1; do stop_node "$n"; done
    echo "Cluster stopped (data kept in $dir; \`$0 clean\` deletes it)."
}

cmd_clean() {
    cmd_stop
    case "$dir" in
        /tmp/* | /var/tmp/*) rm -rf "$dir" ;;
        *) die "refusing to delete $dir (not under /tmp or /var/tmp); delete it by hand" ;;
    esac
    echo "Deleted $dir."
}

cmd_status() {
    [[ -d "$dir/home" ]] || {
        echo "No cluster under $dir (run \`$0 start\`)."
        return 3
    }
    local up=0
    for n in "${nodes[@]}"; do
        if running "$n"; then
            up=$((up + 1))
            echo "$(node_name "$n"): running, amqp://127.0.0.1:$(amqp_port "$n")"
        else
            echo "$(node_name "$n"): stopped"
        fi
    done
    for n in "${nodes[@]}"; do
        if running "$n"; then
            ctl "$n" -q cluster_status --formatter json |
                python3 -c 'import json,sys; s=json.load(sys.stdin); print("members:", ", ".join(s.get("disk_nodes", [])), "| running:", ", ".join(s.get("running_nodes", [])))'
            break
        fi
    done
    [[ "$up" -eq "${#nodes[@]}" ]]
}

cmd_urls() {
    local urls=()
    for n in "${nodes[@]}"; do urls+=("amqp://guest:guest@127.0.0.1:$(amqp_port "$n")/%2f"); done
    (
        IFS=,
        echo "${urls[*]}"
    )
}

# Field $2 (leader or members) of queue $1 (in vhost /) as node numbers,
# asked of any running node.
queue_nodes() {
    local queue="$1" field="$2"
    for n in "${nodes[@]}"; do
        running "$n" || continue
        local names
        names="$(ctl "$n" -q list_queues name "$field" --formatter json |
            python3 -c '
import json, sys
queue, field = sys.argv[1], sys.argv[2]
found = [q for q in json.load(sys.stdin) if q["name"] == queue]
value = found[0][field] if found else ""
print(" ".join(value if isinstance(value, list) else [value]))
' "$queue" "$field")"
        local numbers=()
        for name in $names; do
            for m in "${nodes[@]}"; do
                if [[ "$name" == "$(node_name "$m")" ]]; then numbers+=("$m"); fi
            done
        done
        [[ "${#numbers[@]}" -gt 0 ]] || die "queue $queue: no $field among the cluster's nodes (got '${names}')"
        printf '%s\n' "${numbers[@]}" | sort -n | paste -sd ' '
        return 0
    done
    die "no node is running"
}

check_node_arg() {
    [[ "${1:-}" =~ ^[1-3]$ ]] || die "expected a node number 1..3, got '${1:-}'"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    clean) cmd_clean ;;
    status) cmd_status ;;
    urls) cmd_urls ;;
    stop-node)
        check_node_arg "${2:-}"
        stop_node "$2"
        ;;
    start-node)
        check_node_arg "${2:-}"
        prepare
        start_node "$2"
        await_node "$2"
        ;;
    leader | members)
        [[ -n "${2:-}" ]] || die "usage: $0 $1 QUEUE"
        field="$1"
        [[ "$field" == leader ]] || field=members
        queue_nodes "$2" "$field"
        ;;
    ctl)
        check_node_arg "${2:-}"
        n="$2"
        shift 2
        ctl "$n" "$@"
        ;;
    *)
        sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac

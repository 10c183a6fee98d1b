//! A bare lapin publisher with a window of pipelined confirms: the
//! baseline that `scripts/bench-replay.sh` compares `quotewire replay` to.
//!
//! ```text
//! publish_baseline publish URL EXCHANGE ROUTING_KEY WINDOW FILE
//! publish_baseline count   URL QUEUE
//! publish_baseline cleanup URL [queue:NAME | exchange:NAME]...
//! ```
//!
//! `publish` reads every line of FILE into memory first (not timed), then
//! publishes each line as is (persistent, `mandatory`, application/json)
//! keeping at most WINDOW confirms outstanding, awaits the rest and prints
//! `baseline published=N elapsed=S rate=R/s`. Any nack or return is an
//! error. `count` prints the number of ready messages in QUEUE.

use lapin::options::{
    BasicPublishOptions, ConfirmSelectOptions, ExchangeDeleteOptions, QueueDeclareOptions,
    QueueDeleteOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Confirmation, Connection, ConnectionProperties};
use std::collections::VecDeque;
use std::io::BufRead;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn usage() -> ! {
    eprintln!(
        "usage: publish_baseline publish URL EXCHANGE ROUTING_KEY WINDOW FILE\n       \
         publish_baseline count URL QUEUE\n       \
         publish_baseline cleanup URL [queue:NAME | exchange:NAME]..."
    );
    std::process::exit(2)
}

fn check(confirmation: Confirmation) -> Result<()> {
    match confirmation {
        Confirmation::Ack(None) => Ok(()),
        other => Err(format!("publish not confirmed: {other:?}").into()),
    }
}

async fn publish(url: &str, exchange: &str, key: &str, window: usize, file: &str) -> Result<()> {
    let reader = std::io::BufReader::new(std::fs::File::open(file)?);
    let bodies: Vec<Vec<u8>> = reader
        .split(b'\n')
        .collect::<std::io::Result<Vec<_>>>()?
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let conn = Connection::connect(url, ConnectionProperties::default()).await?;
    let channel = conn.create_channel().await?;
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await?;
    let options = BasicPublishOptions {
        mandatory: true,
        ..BasicPublishOptions::default()
    };
    let start = Instant::now();
    let mut outstanding = VecDeque::with_capacity(window);
    for body in &bodies {
        if outstanding.len() >= window {
            let confirm: lapin::PublisherConfirm = outstanding.pop_front().expect("non-empty");
            check(confirm.await?)?;
        }
        let properties = BasicProperties::default()
            .with_delivery_mode(2)
            .with_content_type("application/json".into());
        let confirm = channel
            .basic_publish(exchange.into(), key.into(), options, body, properties)
            .await?;
        outstanding.push_back(confirm);
    }
    for confirm in outstanding {
        check(confirm.await?)?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "baseline published={} elapsed={elapsed:.2}s rate={:.0}/s",
        bodies.len(),
        bodies.len() as f64 / elapsed
    );
    conn.close(200, "OK".into()).await?;
    Ok(())
}

async fn count(url: &str, queue: &str) -> Result<()> {
    let conn = Connection::connect(url, ConnectionProperties::default()).await?;
    let channel = conn.create_channel().await?;
    let q = channel
        .queue_declare(
            queue.into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    println!("{}", q.message_count());
    conn.close(200, "OK".into()).await?;
    Ok(())
}

async fn cleanup(url: &str, objects: &[String]) -> Result<()> {
    let conn = Connection::connect(url, ConnectionProperties::default()).await?;
    let channel = conn.create_channel().await?;
    for object in objects {
        if let Some(name) = object.strip_prefix("queue:") {
            channel
                .queue_delete(name.into(), QueueDeleteOptions::default())
                .await?;
        } else if let Some(name) = object.strip_prefix("exchange:") {
            channel
                .exchange_delete(name.into(), ExchangeDeleteOptions::default())
                .await?;
        } else {
            usage();
        }
    }
    conn.close(200, "OK".into()).await?;
    Ok(())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("publish") if args.len() == 6 => {
            let window = args[4].parse().unwrap_or_else(|_| usage());
            publish(&args[1], &args[2], &args[3], window, &args[5]).await
        }
        Some("count") if args.len() == 3 => count(&args[1], &args[2]).await,
        Some("cleanup") if args.len() >= 2 => cleanup(&args[1], &args[2..]).await,
        _ => usage(),
    }
}

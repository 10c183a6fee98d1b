//! A bare lapin publisher with a window of pipelined confirms (the test
//! kit's `ConfirmWindow`): the baseline that `scripts/bench-replay.sh`
//! compares `quotewire replay` to.
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

use lapin::options::{ExchangeDeleteOptions, QueueDeleteOptions};
use lapin::BasicProperties;
use std::io::BufRead;
use std::time::Instant;
use testkit::{confirm_channel, connect, queue_depth_at, ConfirmWindow};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn usage() -> ! {
    eprintln!(
        "usage: publish_baseline publish URL EXCHANGE ROUTING_KEY WINDOW FILE\n       \
         publish_baseline count URL QUEUE\n       \
         publish_baseline cleanup URL [queue:NAME | exchange:NAME]..."
    );
    std::process::exit(2)
}

async fn publish(url: &str, exchange: &str, key: &str, window: usize, file: &str) -> Result<()> {
    let reader = std::io::BufReader::new(std::fs::File::open(file)?);
    let bodies: Vec<Vec<u8>> = reader
        .split(b'\n')
        .collect::<std::io::Result<Vec<_>>>()?
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let conn = connect(url, "publish_baseline").await?;
    let channel = confirm_channel(&conn).await?;
    let start = Instant::now();
    let mut confirms = ConfirmWindow::new(&channel, exchange, key, window);
    for (i, body) in bodies.iter().enumerate() {
        let properties = BasicProperties::default().with_content_type("application/json".into());
        confirms.publish(i, body, properties).await?;
    }
    confirms.settle_all().await?;
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
    println!("{}", queue_depth_at(url, "publish_baseline", queue).await?);
    Ok(())
}

async fn cleanup(url: &str, objects: &[String]) -> Result<()> {
    let conn = connect(url, "publish_baseline").await?;
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

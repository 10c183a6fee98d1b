//! libFuzzer target: any bytes as a queue message body, plain or claimed
//! gzip. What the worker runs per delivery (decode, validate, extract) must
//! not panic and must end in events or a dead-letter kind with a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotewire::worker::handle::{process, Processed};
use quotewire::{ArticleLimits, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::english)
}

fuzz_target!(|data: &[u8]| {
    let Some((&flag, body)) = data.split_first() else {
        return;
    };
    let encoding = (flag & 1 == 1).then_some("gzip");
    let limits = ArticleLimits {
        max_bytes: 1 << 16,
        max_html_bytes: 1 << 16,
    };
    match process(pipeline(), body, encoding, &limits) {
        Processed::Events { article_id, .. } => assert!(!article_id.is_empty()),
        Processed::Rejected { kind, reason, .. } => {
            assert!(!kind.is_empty() && !reason.is_empty());
            assert!(
                kind != "panic",
                "the pipeline panicked on a delivery: {reason}"
            );
        }
    }
});

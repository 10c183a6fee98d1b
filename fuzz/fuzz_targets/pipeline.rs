//! libFuzzer target: any UTF-8 text as an article. The pipeline must not
//! panic, and every span of every event must slice the text exactly (code
//! point offsets, start <= end <= length).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotewire::{Article, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::english)
}

fuzz_target!(|text: &str| {
    if text.trim().is_empty() {
        return;
    }
    let article = Article::new("fuzz", text);
    let events = pipeline()
        .events(&article)
        .expect("English articles never fail");
    let chars: Vec<char> = article.text.chars().collect();
    for event in &events {
        for span in [
            Some(&event.content),
            event.cue.as_ref(),
            event.speaker.mention.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                span.start <= span.end && span.end <= chars.len(),
                "span {}..{} outside 0..{}",
                span.start,
                span.end,
                chars.len()
            );
            let got: String = chars[span.start..span.end].iter().collect();
            assert_eq!(got, span.text, "span {}..{}", span.start, span.end);
        }
        assert!(event.sentence.start <= event.sentence.end && event.sentence.end <= chars.len());
    }
});

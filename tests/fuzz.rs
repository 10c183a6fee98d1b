//! Property tests of the pipeline on arbitrary and adversarial text: it
//! never panics, and every span it reports slices the text exactly. The
//! same for pages: any markup gives an article or a typed error, and the
//! events of an extracted article slice its text.
//!
//! The case count defaults to 2,000 per property; set
//! `QUOTEWIRE_FUZZ_CASES` for a longer run.

use proptest::prelude::*;
use quotewire::{Article, ArticleLimits, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::english)
}

fn run(text: String) -> Result<(), TestCaseError> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let article = Article::new("fuzz", text);
    let events = pipeline()
        .events(&article)
        .expect("English articles never fail");
    let chars: Vec<char> = article.text.chars().collect();
    for ev in &events {
        for span in [
            Some(&ev.content),
            ev.cue.as_ref(),
            ev.speaker.mention.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(span.start <= span.end && span.end <= chars.len());
            let got: String = chars[span.start..span.end].iter().collect();
            prop_assert_eq!(&got, &span.text);
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("QUOTEWIRE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// Pieces of news text, quote marks and punctuation, so that random
/// strings reach the attribution rules rather than only the tokenizer.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("''".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(" said ".to_string()),
        Just(" told ".to_string()),
        Just("According to ".to_string()),
        Just(", according to ".to_string()),
        Just(" saying ".to_string()),
        Just("She ".to_string()),
        Just("Gen. ".to_string()),
        Just("J. R. ".to_string()),
        Just("Ana Vold".to_string()),
        Just("Vold".to_string()),
        Just(" the minister ".to_string()),
        Just(" that ".to_string()),
        Just("Advertisement".to_string()),
        Just("Latest on ".to_string()),
        Just("’s ".to_string()),
        Just(" — ".to_string()),
        Just("(FT)".to_string()),
        Just("U.S. ".to_string()),
        "[a-zA-Z]{1,8} ".prop_map(|s| s),
        "\\PC{1,4}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Tag soup: elements that the extractor treats specially, unbalanced
/// tags, comments, scripts, entities and news text.
fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"story-body\">".to_string()),
        Just("<div class=\"caption\">".to_string()),
        Just("</div>".to_string()),
        Just("<nav><a href=/>Home</a></nav>".to_string()),
        Just("<a href=\"/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<article>".to_string()),
        Just("<figure><figcaption>".to_string()),
        Just("<script>var a = '<p>';</script>".to_string()),
        Just("<!-- <div> -->".to_string()),
        Just("<br>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("&amp;&quot;&#8220;&nbsp;".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"".to_string()),
        newsy(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// A page through the single decode path: an article whose events slice
/// its text and whose record decodes to the same text, or a typed error.
fn run_page(html: String) -> Result<(), TestCaseError> {
    let body = serde_json::json!({ "id": "page", "html": html }).to_string();
    match Article::from_json_str(&body) {
        Ok(article) => {
            prop_assert!(!article.text.trim().is_empty());
            prop_assert!(!article.text.contains("\n\n\n"));
            let again = Article::from_json(&article.to_json(), &ArticleLimits::default());
            prop_assert_eq!(&again.map(|a| a.text).ok(), &Some(article.text.clone()));
            run(article.text)
        }
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_breaks_offsets(text in "\\PC{0,400}") {
        run(text)?;
    }

    #[test]
    fn news_like_text_never_breaks_offsets(text in newsy()) {
        run(text)?;
    }
}

proptest! {
    // A page costs a parse: fewer cases than plain text.
    #![proptest_config(ProptestConfig { cases: cases() / 4, ..ProptestConfig::default() })]

    #[test]
    fn any_markup_gives_an_article_or_a_typed_error(html in tag_soup()) {
        run_page(html)?;
    }

    #[test]
    fn arbitrary_unicode_as_a_page_never_panics(html in "\\PC{0,400}") {
        run_page(html)?;
    }
}

#[test]
fn hostile_articles_finish_quickly() {
    let hostile = [
        "“".repeat(5000) + " word " + &"”".repeat(5000),
        "word said that ".repeat(20_000),
        "Jane Roe said the plan failed. She said it again. ".repeat(3000),
        "He said “a ‘b “c ‘d “e’ f” g’ h” i” ".repeat(3000),
        "x".repeat(200_000),
        "\"".repeat(10_000),
    ];
    for text in hostile {
        let start = std::time::Instant::now();
        run(text.clone()).unwrap();
        // Generous even for an unoptimised build on a loaded machine; a
        // quadratic scan takes minutes here.
        assert!(
            start.elapsed().as_secs() < 20,
            "{} bytes took {:?}",
            text.len(),
            start.elapsed()
        );
    }
}

/// Pages of one tag repeated, for every kind of element: each is a typed
/// error or an article, quickly. `<span/>` repeated used to overflow the
/// stack of the readability pass (an abort, not a panic), and
/// `<optgroup>` repeated took it seconds.
#[test]
fn pages_of_one_repeated_tag_finish_quickly() {
    let names = [
        "a", "b", "span", "div", "p", "li", "dd", "td", "tr", "tbody", "option", "optgroup", "rb",
        "rt", "rp", "rtc", "ruby", "select", "svg", "math", "table", "form", "button", "caption",
        "colgroup", "h1", "font", "nobr", "template", "noscript",
    ];
    for name in names {
        for unit in [
            format!("<{name}>x"),
            format!("<{name}/>"),
            format!("<{name}><p>x</p>"),
            format!("</{name}><{name}>"),
        ] {
            let html = unit.repeat(20_000);
            let start = std::time::Instant::now();
            run_page(html).unwrap_or_else(|e| panic!("{unit}: {e}"));
            assert!(
                start.elapsed().as_secs() < 20,
                "{unit} x 20,000 took {:?}",
                start.elapsed()
            );
        }
    }
}

/// Inputs that crashed the pipeline under `cargo fuzz` (fuzz/), kept so
/// that they never do again. Each file is one article text.
#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_crashes");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz_crashes") {
        let path = entry.expect("dir entry").path();
        let text = std::fs::read_to_string(&path).expect("crash inputs are UTF-8 text");
        run(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        seen += 1;
    }
    assert!(
        seen >= 2,
        "the crash inputs are missing from {}",
        dir.display()
    );
}

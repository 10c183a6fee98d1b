//! The human-readable form of statement events (`quotewire extract
//! --format pretty`, the default on a terminal):
//!
//! ```text
//! ── sample-01 · Ruritania cuts fuel duty for farmers (15 statements)
//!
//! Ana Vold (Finance Minister, Ruritania) told reporters [indirect]:
//!   the government would cut fuel duties for farmers by a third from July
//! ```
//!
//! One header per article, then per statement the speaker (name, title,
//! affiliation; the mention when the name is unknown), the cue and
//! addressee, the kind, and the content wrapped and indented (direct
//! speech inside quote marks). Styles are ANSI escapes; the caller decides
//! whether they reach the terminal (`anstream` strips them for `NO_COLOR`
//! or when the output is not a terminal).

use crate::article::Article;
use crate::event::{StatementEvent, StatementKind};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

const HEADER: Style = Style::new().bold();
const NAME: Style = Style::new().bold();
const UNRESOLVED: Style = Style::new().italic();
const DIM: Style = Style::new().dimmed();
const CUE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

/// Columns used when the terminal width is unknown.
pub const DEFAULT_WIDTH: usize = 80;

/// Content lines are wrapped at most this wide, however wide the terminal.
const MAX_WIDTH: usize = 100;

/// The colour of a statement kind.
fn kind_style(kind: StatementKind) -> Style {
    let colour = match kind {
        StatementKind::Direct => AnsiColor::Green,
        StatementKind::Indirect => AnsiColor::Blue,
        StatementKind::Mixed => AnsiColor::Magenta,
    };
    Style::new().fg_color(Some(anstyle::Color::Ansi(colour)))
}

/// Writes articles and their statements in the pretty format.
#[derive(Debug)]
pub struct Printer<W> {
    out: W,
    width: usize,
    articles: u64,
}

impl<W: Write> Printer<W> {
    /// A printer writing to `out`, wrapping content to `width` columns
    /// (at most 100).
    pub fn new(out: W, width: usize) -> Printer<W> {
        Printer {
            out,
            width: width.clamp(20, MAX_WIDTH),
            articles: 0,
        }
    }

    /// Writes one article's header and its statements.
    pub fn article(&mut self, article: &Article, events: &[StatementEvent<'_>]) -> io::Result<()> {
        if self.articles > 0 {
            writeln!(self.out)?;
        }
        self.articles += 1;
        let count = match events.len() {
            1 => "1 statement".to_string(),
            n => format!("{n} statements"),
        };
        let mut header = format!("── {}", article.id);
        if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
            header.push_str(" · ");
            header.push_str(title);
        }
        header.push_str(&format!(" ({count})"));
        let options = textwrap::Options::new(self.width).subsequent_indent("   ");
        for line in textwrap::wrap(&header, options) {
            writeln!(self.out, "{HEADER}{line}{HEADER:#}")?;
        }
        for event in events {
            writeln!(self.out)?;
            self.statement(event)?;
        }
        Ok(())
    }

    fn statement(&mut self, event: &StatementEvent<'_>) -> io::Result<()> {
        let speaker = &event.speaker;
        match (&speaker.name, &speaker.mention) {
            (Some(name), _) => write!(self.out, "{NAME}{name}{NAME:#}")?,
            (None, Some(mention)) => write!(
                self.out,
                "{UNRESOLVED}“{}” (unresolved){UNRESOLVED:#}",
                mention.text
            )?,
            (None, None) => write!(self.out, "{UNRESOLVED}unknown speaker{UNRESOLVED:#}")?,
        }
        let roles: Vec<&str> = [&speaker.title, &speaker.affiliation]
            .into_iter()
            .filter_map(|r| r.as_deref())
            .collect();
        if !roles.is_empty() {
            write!(self.out, " ({})", roles.join(", "))?;
        }
        if let Some(cue) = &event.cue {
            write!(self.out, " {CUE}{}{CUE:#}", cue.text)?;
            if let Some(addressee) = &event.addressee {
                write!(self.out, " {DIM}{addressee}{DIM:#}")?;
            }
        }
        let kind = kind_style(event.kind);
        writeln!(self.out, " {kind}[{}]{kind:#}:", event.kind.as_str())?;

        let content = event.content.text.trim();
        let quoted;
        let content = if event.kind == StatementKind::Direct {
            quoted = format!("“{content}”");
            quoted.as_str()
        } else {
            content
        };
        let options = textwrap::Options::new(self.width)
            .initial_indent("  ")
            .subsequent_indent("  ");
        for line in textwrap::wrap(content, options) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    /// Flushes and returns the writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleLimits, Pipeline};

    fn render(json: &str, width: usize) -> String {
        let article = Article::from_json(json.as_bytes(), &ArticleLimits::default()).unwrap();
        let mut events = Pipeline::english().events(&article).unwrap();
        // The same statement again with its speaker unresolved, then with
        // no mention at all.
        let mut unresolved = events[1].clone();
        unresolved.speaker.name = None;
        unresolved.speaker.title = None;
        events.push(unresolved.clone());
        unresolved.speaker.mention = None;
        unresolved.cue = None;
        events.push(unresolved);
        let mut printer = Printer::new(Vec::new(), width);
        printer.article(&article, &events).unwrap();
        printer.article(&article, &[]).unwrap();
        let bytes = printer.into_inner().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    fn plain(styled: &str) -> String {
        let mut out = Vec::new();
        let mut stream = anstream::StripStream::new(&mut out);
        stream.write_all(styled.as_bytes()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn speaker_roles_cue_kind_and_indented_content() {
        let json = r#"{"id":"a1","title":"Bridge","text":"Ruritania's Prime Minister Ana Vold told the Varnholm Herald that allies should not fear sending troops to the region in the coming months. \"We will rebuild the bridge,\" Mayor Jane Roe said on Monday."}"#;
        let styled = render(json, 40);
        assert!(styled.contains("\u{1b}["), "styled with ANSI escapes");
        let text = plain(&styled);
        let expected = "── a1 · Bridge (4 statements)\n\n\
            Ana Vold (Prime Minister, Ruritania) told the Varnholm Herald [indirect]:\n\
            \x20 allies should not fear sending troops\n\
            \x20 to the region in the coming months\n\n\
            Jane Roe (Mayor) said [direct]:\n\
            \x20 “We will rebuild the bridge,”\n\n\
            “Jane Roe” (unresolved) said [direct]:\n\
            \x20 “We will rebuild the bridge,”\n\n\
            unknown speaker [direct]:\n\
            \x20 “We will rebuild the bridge,”\n\n\
            ── a1 · Bridge (0 statements)\n";
        assert_eq!(text, expected);
    }
}

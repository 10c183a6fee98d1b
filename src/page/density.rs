//! Choosing the main text of a [`Tree`]: Mozilla Readability's scoring on
//! a flat tree, in a few linear passes.
//!
//! 1. Boilerplate (`data/html/boilerplate.txt`), unlikely candidates and
//!    short bylines (`data/html/weights.txt`) are dropped, unless they hold
//!    over a third of the page's text.
//! 2. Each element with 25 bytes of text of its own scores
//!    `1 + commas + min(bytes / 100, 3)` for its parent, half of that for
//!    its grandparent and a third of the level for the next three
//!    ancestors. An ancestor starts from its tag's score plus its class
//!    weight; the final score is scaled by the share of text outside
//!    links.
//! 3. The best candidate wins, moved up to an ancestor that holds most of
//!    the other good candidates or scores better. Its siblings join when
//!    they score well, are plain paragraphs without many links, or hold a
//!    good share of text too deep under them to score.
//! 4. Inside what was chosen, lists, tables, forms and divisions are
//!    dropped bottom-up when they look like furniture: a negative score,
//!    many links, more list items or inputs than paragraphs, images
//!    without text.

use super::tree::{El, Node, Tree, NONE};

/// How many of the best candidates may vote for a common ancestor.
const TOP_CANDIDATES: usize = 5;
/// How many of them must share an ancestor to move the choice there.
const SHARED_ANCESTOR_VOTES: usize = 3;

/// Subtree totals of one element.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    chars: u32,
    links: u32,
    commas: u32,
    images: u32,
    inputs: u32,
    paragraphs: u32,
    items: u32,
}

impl Sums {
    /// The counts of `node` itself.
    fn own(node: &Node) -> Sums {
        Sums {
            chars: node.chars,
            links: node.links,
            commas: node.commas,
            images: node.images,
            inputs: node.inputs,
            paragraphs: u32::from(node.el == El::P),
            items: u32::from(node.el == El::Li),
        }
    }

    fn add(&mut self, other: &Sums) {
        self.chars += other.chars;
        self.links += other.links;
        self.commas += other.commas;
        self.images += other.images;
        self.inputs += other.inputs;
        self.paragraphs += other.paragraphs;
        self.items += other.items;
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.links as f32 / self.chars as f32
        }
    }
}

/// The main text: paragraphs, and the bytes of link text among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MainText {
    /// The paragraphs in document order, as byte ranges of
    /// [`Tree::text`].
    pub paragraphs: Vec<(usize, usize)>,
    /// Bytes of text in them.
    pub chars: usize,
    /// Of those, bytes inside links.
    pub links: usize,
}

/// Chooses the main text of `tree`; `title` is the page's headline, whose
/// repetition as a heading is dropped. `None` when the page holds no
/// element that scores, or when the best is a list, a table or a form (a
/// gallery, a results page: no article).
pub fn main_text(tree: &Tree, title: Option<&str>) -> Option<MainText> {
    let page = Scored::new(tree);
    let top = page.best()?;
    if matches!(tree.nodes[top].el, El::List | El::Li | El::Table | El::Form) {
        return None;
    }
    let chosen = page.with_siblings(top);
    let (inside, cut) = page.clean(top, &chosen);
    Some(page.collect(&inside, &cut, title))
}

/// A tree after steps 1 and 2: what is dropped, the subtree totals of the
/// rest, and the candidates' scores.
struct Scored<'t> {
    tree: &'t Tree,
    dropped: Vec<bool>,
    sums: Vec<Sums>,
    score: Vec<Option<f32>>,
}

impl<'t> Scored<'t> {
    fn new(tree: &'t Tree) -> Scored<'t> {
        let nodes = &tree.nodes;
        let n = nodes.len();
        // 1. Drop boilerplate, unlikely candidates and bylines.
        let all = subtree_sums(tree, &|_| true);
        let page_chars = all[0].chars;
        let mut dropped = vec![false; n];
        for i in 1..n {
            let node = &nodes[i];
            let container = matches!(node.el, El::Article | El::Body);
            let chars = all[i].chars;
            dropped[i] = dropped[node.parent as usize]
                || node.el == El::Hidden
                || ((node.boilerplate || (node.unlikely && !container && node.el != El::Link))
                    && chars * 3 <= page_chars)
                || (node.byline && !container && chars < 100);
        }
        let sums = subtree_sums(tree, &|i| !dropped[i]);

        // 2. Score.
        let mut score: Vec<Option<f32>> = vec![None; n];
        for i in 1..n {
            let node = &nodes[i];
            let scored = matches!(
                node.el,
                El::P | El::Pre | El::Td | El::Div | El::Section | El::Article | El::Blockquote
            ) || matches!(node.el, El::Heading(level) if level > 1);
            if dropped[i] || !scored || node.chars < 25 {
                continue;
            }
            let points = 1.0 + node.commas as f32 + (node.chars as f32 / 100.0).min(3.0);
            let mut at = node.parent;
            for level in 0..5 {
                if at == NONE {
                    break;
                }
                let a = at as usize;
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f32 * 3.0,
                };
                let current =
                    score[a].get_or_insert_with(|| initial_score(nodes[a].el, nodes[a].weight));
                *current += points / divider;
                at = nodes[a].parent;
            }
        }
        for (i, s) in score.iter_mut().enumerate() {
            if let Some(s) = s {
                *s *= 1.0 - sums[i].link_density();
            }
        }
        Scored {
            tree,
            dropped,
            sums,
            score,
        }
    }

    fn parent(&self, i: usize) -> usize {
        self.tree.nodes[i].parent as usize
    }

    fn is_top_level(&self, i: usize) -> bool {
        i == NONE as usize || matches!(self.tree.nodes[i].el, El::Body | El::Root)
    }

    fn score_of(&self, i: usize) -> f32 {
        self.score[i].unwrap_or(0.0)
    }

    /// Step 3: the best candidate, moved up to the ancestor that most of
    /// the other good candidates share, or to a parent that scores better,
    /// or to the parent of an only child.
    fn best(&self) -> Option<usize> {
        let n = self.tree.nodes.len();
        let mut best: Vec<usize> = Vec::with_capacity(TOP_CANDIDATES + 1);
        for i in (1..n).filter(|&i| self.score[i].is_some() && !self.dropped[i]) {
            let s = self.score_of(i);
            let at = best
                .iter()
                .position(|&b| self.score_of(b) < s)
                .unwrap_or(best.len());
            if at < TOP_CANDIDATES {
                best.insert(at, i);
                best.truncate(TOP_CANDIDATES);
            }
        }
        let mut top = *best.first()?;
        let top_score = self.score_of(top);
        let alternatives: Vec<usize> = best[1..]
            .iter()
            .copied()
            .filter(|&b| self.score_of(b) >= 0.75 * top_score)
            .collect();
        if alternatives.len() >= SHARED_ANCESTOR_VOTES {
            let mut at = self.parent(top);
            while !self.is_top_level(at) {
                let votes = alternatives
                    .iter()
                    .filter(|&&b| is_inside(self.tree, b, at))
                    .count();
                if votes >= SHARED_ANCESTOR_VOTES {
                    top = at;
                    break;
                }
                at = self.parent(at);
            }
        }
        // A parent that scores better than its child holds more of the text.
        let mut last = self.score_of(top);
        let floor = last / 3.0;
        let mut at = self.parent(top);
        while !self.is_top_level(at) {
            if let Some(s) = self.score[at] {
                if s < floor {
                    break;
                }
                if s > last {
                    top = at;
                    break;
                }
                last = s;
            }
            at = self.parent(at);
        }
        // An only child stands for its parent.
        let mut children = vec![0u32; n];
        for i in (1..n).filter(|&i| !self.dropped[i]) {
            children[self.parent(i)] += 1;
        }
        while !self.is_top_level(self.parent(top)) && children[self.parent(top)] == 1 {
            top = self.parent(top);
        }
        Some(top)
    }

    /// The best candidate and the siblings that join it: those that score
    /// well (better with the same class), plain paragraphs with few links,
    /// and those whose text is too deep to score for them but is a quarter
    /// of the candidate's or more, with few links.
    fn with_siblings(&self, top: usize) -> Vec<bool> {
        let (tree, n) = (self.tree, self.tree.nodes.len());
        let mut chosen = vec![false; n];
        chosen[top] = true;
        if self.is_top_level(top) {
            return chosen;
        }
        let mut last_para = vec![None; n];
        for para in &tree.paras {
            last_para[para.node as usize] = Some(tree.para(para));
        }
        let top_score = self.score_of(top);
        let threshold = (top_score * 0.2).max(10.0);
        let p = self.parent(top);
        for i in (p + 1..n).filter(|&i| self.parent(i) == p && !self.dropped[i] && i != top) {
            let node = &tree.nodes[i];
            let bonus = if node.class != 0 && node.class == tree.nodes[top].class {
                top_score * 0.2
            } else {
                0.0
            };
            let plain_paragraph = || {
                let (chars, density) = (self.sums[i].chars, self.sums[i].link_density());
                node.el == El::P
                    && ((chars > 80 && density < 0.25)
                        || (chars > 0
                            && density == 0.0
                            && last_para[i]
                                .is_some_and(|t: &str| t.ends_with('.') || t.contains(". "))))
            };
            // Text too deep under the sibling to score for it, but as much
            // as a quarter of the best candidate's, with few links.
            let deep_text = || {
                let sums = &self.sums[i];
                self.score[i].is_none()
                    && node.weight >= 0
                    && sums.chars * 4 >= self.sums[top].chars
                    && sums.link_density() < 0.25
            };
            chosen[i] = self.score[i].is_some_and(|s| s + bonus >= threshold)
                || plain_paragraph()
                || deep_text();
        }
        chosen
    }

    /// Step 4: what is inside the chosen elements, and what of it is cut
    /// as furniture, bottom-up so that an element is judged on what its
    /// children kept.
    fn clean(&self, top: usize, chosen: &[bool]) -> (Vec<bool>, Vec<bool>) {
        let (nodes, n) = (&self.tree.nodes, self.tree.nodes.len());
        let mut inside = chosen.to_vec();
        for i in 1..n {
            inside[i] |= inside[self.parent(i)] && !self.dropped[i];
        }
        let mut kept = vec![Sums::default(); n];
        let mut cut = vec![false; n];
        for i in (1..n).rev() {
            if !inside[i] {
                continue;
            }
            let mut mine = Sums::own(&nodes[i]);
            mine.add(&kept[i]);
            if cleanable(nodes[i].el)
                && i != top
                && is_furniture(self.tree, i, &mine, self.score[i])
            {
                cut[i] = true;
                continue;
            }
            kept[i] = mine;
            if !chosen[i] {
                let p = self.parent(i);
                kept[p].add(&mine);
            }
        }
        for i in 1..n {
            if inside[i] && !chosen[i] {
                cut[i] |= cut[self.parent(i)];
            }
        }
        (inside, cut)
    }

    /// The paragraphs inside and not cut, without teasers (a paragraph
    /// that is all links), the `<h1>` and headings that repeat the title.
    fn collect(&self, inside: &[bool], cut: &[bool], title: Option<&str>) -> MainText {
        let tree = self.tree;
        let mut main = MainText::default();
        for para in &tree.paras {
            let i = para.node as usize;
            if !inside[i] || cut[i] {
                continue;
            }
            let text = tree.para(para);
            let spaces = memchr::memchr_iter(b' ', text.as_bytes()).count();
            if para.links as usize + spaces >= text.len() {
                continue;
            }
            if let El::Heading(level) = tree.nodes[i].el {
                if level == 1 || title.is_some_and(|t| t.trim() == text) {
                    continue;
                }
            }
            main.paragraphs
                .push((para.start as usize, para.end as usize));
            main.chars += text.len();
        }
        main.links = (1..tree.nodes.len())
            .filter(|&i| inside[i] && !cut[i])
            .map(|i| tree.nodes[i].links as usize)
            .sum();
        main
    }
}

/// Readability's starting score of a candidate, by tag, plus its class
/// weight.
fn initial_score(el: El, weight: i32) -> f32 {
    let tag = match el {
        El::Div => 5.0,
        El::Pre | El::Td | El::Blockquote => 3.0,
        El::List | El::DefItem | El::Li | El::Form => -3.0,
        El::Heading(_) | El::Th => -5.0,
        _ => 0.0,
    };
    tag + weight as f32
}

/// Elements that step 4 may drop.
fn cleanable(el: El) -> bool {
    matches!(el, El::Form | El::Table | El::List | El::Div | El::Section)
}

/// Readability's conditional cleaning: whether element `i`, whose kept
/// subtree totals are `sums`, looks like page furniture.
fn is_furniture(tree: &Tree, i: usize, sums: &Sums, score: Option<f32>) -> bool {
    let node = &tree.nodes[i];
    let weight = node.weight as f32;
    if weight + score.unwrap_or(0.0) < 0.0 {
        return true;
    }
    if sums.commas >= 10 {
        return false;
    }
    let list = node.el == El::List;
    let paragraphs = sums.paragraphs as f32;
    let images = sums.images as f32;
    let density = sums.link_density();
    (images > 1.0 && paragraphs / images < 0.5)
        || (!list && sums.items > sums.paragraphs + 100)
        || (sums.inputs as f32 > (paragraphs / 3.0).floor())
        || (!list && sums.chars < 25 && (sums.images == 0 || sums.images > 2))
        || (!list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
}

/// Whether element `i` is `ancestor` or inside it.
fn is_inside(tree: &Tree, i: usize, ancestor: usize) -> bool {
    let mut at = i;
    loop {
        if at == ancestor {
            return true;
        }
        if at < ancestor || tree.nodes[at].parent == NONE {
            return false;
        }
        at = tree.nodes[at].parent as usize;
    }
}

/// The subtree totals of every element over the elements that `keep`
/// accepts (children come after their parent, so one backward pass).
fn subtree_sums(tree: &Tree, keep: &dyn Fn(usize) -> bool) -> Vec<Sums> {
    let n = tree.nodes.len();
    let mut sums: Vec<Sums> = (0..n)
        .map(|i| {
            if keep(i) {
                Sums::own(&tree.nodes[i])
            } else {
                Sums::default()
            }
        })
        .collect();
    for i in (1..n).rev() {
        if keep(i) {
            let p = tree.nodes[i].parent as usize;
            let s = sums[i];
            sums[p].add(&s);
        }
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::head::Head;
    use crate::page::tree::build;

    /// The main text of `body`, paragraphs joined by " | ".
    fn main(body: &str) -> Option<String> {
        let tree = build(
            &format!("<html><body>{body}</body></html>"),
            &mut Head::default(),
            512,
        )
        .unwrap();
        let found = main_text(&tree, Some("Bridge to be rebuilt"))?;
        let texts: Vec<&str> = found
            .paragraphs
            .iter()
            .map(|&(start, end)| &tree.text[start..end])
            .collect();
        Some(texts.join(" | "))
    }

    const P1: &str = "<p>The council voted on Monday, after a long debate, to rebuild the old bridge over the river Vell.</p>";
    const P2: &str = "<p>\"We will rebuild it, and we will rebuild it better,\" Mayor Ana Vold said after the vote.</p>";
    const P3: &str = "<p>Work is due to start in the autumn, the city's engineers said, and to last two years.</p>";

    fn nav(links: usize) -> String {
        let items: String = (0..links)
            .map(|i| format!("<li><a href=/s{i}>Another story about the city, number {i}</a></li>"))
            .collect();
        format!("<div class=menu-wrap><ul>{items}</ul></div>")
    }

    #[test]
    fn the_article_wins_over_navigation_and_link_lists() {
        let body = format!(
            "{}<div class=story><h1>Bridge to be rebuilt</h1>{P1}{P2}{P3}</div><div class=rail>{}</div>",
            nav(12),
            nav(8)
        );
        let text = main(&body).unwrap();
        assert!(text.starts_with("The council voted"), "{text}");
        assert!(text.ends_with("last two years."), "{text}");
        assert!(!text.contains("Another story"), "{text}");
        assert!(
            !text.contains("Bridge to be rebuilt"),
            "the headline is not body text"
        );
    }

    #[test]
    fn siblings_of_the_best_candidate_join() {
        // The article is split over two containers under one parent.
        let body = format!(
            "<div><div class=part>{P1}{P2}</div><div class=part>{P3}{P1}</div>{}</div>",
            nav(5)
        );
        let text = main(&body).unwrap();
        assert!(
            text.contains("Mayor Ana Vold") && text.contains("engineers said"),
            "{text}"
        );
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_sibling_with_text_too_deep_to_score_joins() {
        // The first part's paragraphs sit six levels down: they score for
        // no sibling of the best candidate.
        let deep = format!(
            "<div><div><div><div><div><div>{P1}{P2}{P3}</div></div></div></div></div></div>"
        );
        let body = format!(
            "<div><div class=intro>{deep}</div><div class=rest>{P2}{P3}{P1}{P2}</div></div>"
        );
        let text = main(&body).unwrap();
        assert_eq!(text.matches("Mayor Ana Vold").count(), 3, "{text}");
        // Not when its text is mostly links.
        let links = "<a href=/l>The council, the bridge and the river in pictures</a> ".repeat(6);
        let deep = format!(
            "<div><div><div><div><div><div><p>{links}</p></div></div></div></div></div></div>"
        );
        let body = format!(
            "<div><div class=intro>{deep}</div><div class=rest>{P2}{P3}{P1}{P2}</div></div>"
        );
        assert!(!main(&body).unwrap().contains("in pictures"));
    }

    #[test]
    fn teasers_bylines_and_repeated_headlines_are_dropped() {
        let body = format!(
            "<article><h2>Bridge to be rebuilt</h2><div class=byline>By Jon Roe</div>{P1}\
             <p><a href=/x>Tallow opens its new library</a></p>{P2}\
             <p><a href=/y>More</a> <a href=/z>stories</a></p>{P3}<h2>What comes next</h2>{P1}</article>"
        );
        let text = main(&body).unwrap();
        for gone in [
            "By Jon Roe",
            "Tallow opens",
            "More stories",
            "Bridge to be rebuilt",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(
            text.contains("What comes next"),
            "other headings stay: {text}"
        );
        // A paragraph with a link in it is not a teaser.
        let body = format!(
            "<article>{P1}<p>Read the <a href=/r>full report</a> of the council.</p>{P2}</article>"
        );
        assert!(main(&body).unwrap().contains("full report"));
    }

    #[test]
    fn boilerplate_is_dropped_unless_it_holds_the_article() {
        let body = format!(
            "<div class=\"story caption-wrap\">{P1}{P2}{P3}\
             <div class=related><p>Related: a story, with commas, about another bridge.</p></div></div>"
        );
        let text = main(&body).unwrap();
        assert!(
            text.contains("Mayor Ana Vold"),
            "a class word does not take the article: {text}"
        );
        assert!(!text.contains("Related:"), "{text}");
    }

    #[test]
    fn furniture_inside_the_article_is_cleaned() {
        let links: String = (0..6)
            .map(|i| format!("<a href=/t{i}>Topic number {i}</a> "))
            .collect();
        let body = format!("<article>{P1}<div class=tags>{links}</div>{P2}{P3}</article>");
        let text = main(&body).unwrap();
        assert!(!text.contains("Topic number"), "{text}");
        assert!(text.contains("engineers said"), "{text}");
    }

    #[test]
    fn a_list_or_nothing_is_no_article() {
        let items: String = (0..20)
            .map(|i| {
                format!(
                    "<li><p>Item {i} of the gallery, with a caption, a credit and a date.</p></li>"
                )
            })
            .collect();
        assert_eq!(main(&format!("<ul>{items}</ul>")), None);
        assert_eq!(main("<div>short</div>"), None);
        assert_eq!(main(""), None);
    }
}

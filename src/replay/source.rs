//! Reading archived articles: input discovery and line reading.
//!
//! An input is a `.jsonl` file, a `.jsonl.gz` file or standard input
//! (`-`). A directory argument is walked recursively for such files, each
//! directory's entries in byte order of their names, so the order is
//! stable from run to run. A file named explicitly is read whatever its
//! name; it is decompressed if the name ends in `.gz`.
//!
//! Positions are counted in the decompressed stream: a line's `end` is the
//! byte offset just after its newline, which is what the checkpoint
//! records. Resuming a plain file seeks there; a gzip file or standard
//! input is read and discarded up to it.

use super::ReplayError;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Where an input's lines come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// A plain JSON-lines file.
    Plain(PathBuf),
    /// A gzip-compressed JSON-lines file.
    Gzip(PathBuf),
    /// Standard input (`-`), plain JSON lines.
    Stdin,
}

/// One input, in replay order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name used in reports, headers and the checkpoint: the path as
    /// given or found, or `-`.
    pub name: String,
    /// How to read it.
    pub kind: InputKind,
    /// Size in bytes of a plain file; `None` for gzip and standard input,
    /// whose decompressed size is not known in advance.
    pub size: Option<u64>,
}

fn is_archive_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

fn file_input(path: PathBuf) -> Result<Input, ReplayError> {
    let meta = std::fs::metadata(&path).map_err(|source| ReplayError::Read {
        input: path.display().to_string(),
        source,
    })?;
    let gz = path.extension().is_some_and(|e| e == "gz");
    Ok(Input {
        name: path.display().to_string(),
        kind: if gz {
            InputKind::Gzip(path)
        } else {
            InputKind::Plain(path)
        },
        size: (!gz).then_some(meta.len()),
    })
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<(), ReplayError> {
    let read_err = |source| ReplayError::Read {
        input: dir.display().to_string(),
        source,
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(read_err)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(read_err)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let file_type = entry.file_type().map_err(read_err)?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if is_archive_name(&path) {
            // Regular files and symlinks to files; symlinked directories
            // are not followed, so a walk cannot loop.
            if std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                out.push(file_input(path)?);
            }
        }
    }
    Ok(())
}

/// The inputs named by `paths`, in replay order: each path in the order
/// given, directories expanded recursively in name order. An input named
/// twice is an error, since its checkpoint entry would be ambiguous.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Input>, ReplayError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                name: "-".into(),
                kind: InputKind::Stdin,
                size: None,
            });
        } else if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            walk(path, &mut inputs)?;
        } else {
            inputs.push(file_input(path.clone())?);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for input in &inputs {
        if !seen.insert(input.name.as_str()) {
            return Err(ReplayError::DuplicateInput(input.name.clone()));
        }
    }
    Ok(inputs)
}

/// One line read from an input, newline removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// Byte offset just after this line (and its newline).
    pub end: u64,
    /// The line without its trailing `\n` or `\r\n`.
    pub bytes: Vec<u8>,
}

/// Reads the lines of one input from a start position.
pub struct LineReader {
    reader: Box<dyn BufRead + Send>,
    input: String,
    offset: u64,
    line: u64,
}

impl std::fmt::Debug for LineReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineReader")
            .field("input", &self.input)
            .field("offset", &self.offset)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl LineReader {
    /// Opens `input` positioned after `line` lines ending at byte `offset`
    /// (both 0 to start at the beginning).
    pub fn open(input: &Input, offset: u64, line: u64) -> Result<LineReader, ReplayError> {
        let err = |source| ReplayError::Read {
            input: input.name.clone(),
            source,
        };
        const BUF: usize = 256 * 1024;
        let mut reader: Box<dyn BufRead + Send> = match &input.kind {
            InputKind::Plain(path) => {
                let mut file = File::open(path).map_err(err)?;
                if offset > 0 {
                    check_line_boundary(&mut file, offset, &input.name)?;
                    file.seek(SeekFrom::Start(offset)).map_err(err)?;
                }
                Box::new(BufReader::with_capacity(BUF, file))
            }
            InputKind::Gzip(path) => {
                let file = File::open(path).map_err(err)?;
                let decoder = flate2::read::MultiGzDecoder::new(BufReader::new(file));
                Box::new(BufReader::with_capacity(BUF, decoder))
            }
            InputKind::Stdin => Box::new(BufReader::with_capacity(BUF, std::io::stdin())),
        };
        if offset > 0 && !matches!(input.kind, InputKind::Plain(_)) {
            let skipped = std::io::copy(&mut (&mut reader).take(offset), &mut std::io::sink())
                .map_err(err)?;
            if skipped != offset {
                return Err(ReplayError::BadCheckpoint(format!(
                    "{} has only {skipped} bytes, the checkpoint says {offset} were confirmed",
                    input.name
                )));
            }
        }
        Ok(LineReader {
            reader,
            input: input.name.clone(),
            offset,
            line,
        })
    }

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> Result<Option<Line>, ReplayError> {
        let mut bytes = Vec::new();
        let n = self
            .reader
            .read_until(b'\n', &mut bytes)
            .map_err(|source| ReplayError::Read {
                input: self.input.clone(),
                source,
            })?;
        if n == 0 {
            return Ok(None);
        }
        self.offset += n as u64;
        self.line += 1;
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        Ok(Some(Line {
            number: self.line,
            end: self.offset,
            bytes,
        }))
    }

    /// Byte offset after the last line read.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Number of the last line read.
    pub fn line(&self) -> u64 {
        self.line
    }
}

/// A resume offset into a plain file must be within it and follow a newline.
fn check_line_boundary(file: &mut File, offset: u64, name: &str) -> Result<(), ReplayError> {
    let bad = |why: String| ReplayError::BadCheckpoint(format!("{name}: {why}"));
    let len = file.metadata().map_err(|e| bad(e.to_string()))?.len();
    if offset > len {
        return Err(bad(format!(
            "the checkpoint offset {offset} is past the end of the file ({len} bytes); \
             was the file replaced?"
        )));
    }
    file.seek(SeekFrom::Start(offset - 1))
        .map_err(|e| bad(e.to_string()))?;
    let mut byte = [0u8; 1];
    file.read_exact(&mut byte).map_err(|e| bad(e.to_string()))?;
    if byte[0] != b'\n' && offset != len {
        return Err(bad(format!(
            "the checkpoint offset {offset} is not at a line start; was the file changed?"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn lines(input: &Input, offset: u64, line: u64) -> Vec<Line> {
        let mut r = LineReader::open(input, offset, line).unwrap();
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn walk_is_recursive_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/sub")).unwrap();
        std::fs::create_dir_all(root.join("a")).unwrap();
        for f in [
            "b/sub/z.jsonl",
            "b/a.jsonl.gz",
            "a/2.jsonl",
            "a/10.jsonl",
            "c.jsonl",
            "notes.txt",
            "x.json",
        ] {
            std::fs::write(root.join(f), b"").unwrap();
        }
        let found = discover(&[root.to_path_buf()]).unwrap();
        let rel: Vec<String> = found
            .iter()
            .map(|i| {
                i.name
                    .strip_prefix(&root.display().to_string())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            rel,
            [
                "/a/10.jsonl",
                "/a/2.jsonl",
                "/b/a.jsonl.gz",
                "/b/sub/z.jsonl",
                "/c.jsonl"
            ]
        );
        assert!(matches!(found[2].kind, InputKind::Gzip(_)));
        let twice = discover(&[root.join("c.jsonl"), root.join("c.jsonl")]).unwrap_err();
        assert!(matches!(twice, ReplayError::DuplicateInput(_)), "{twice}");
        assert!(discover(&[root.join("missing.jsonl")]).is_err());
    }

    #[test]
    fn lines_offsets_and_resume_plain_and_gzip() {
        let dir = tempfile::tempdir().unwrap();
        let data = b"one\r\ntwo\n\nfour";
        let plain = dir.path().join("p.jsonl");
        std::fs::write(&plain, data).unwrap();
        let gz = dir.path().join("p.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();
        for path in [plain, gz] {
            let input = file_input(path).unwrap();
            let all = lines(&input, 0, 0);
            let got: Vec<(u64, u64, &[u8])> = all
                .iter()
                .map(|l| (l.number, l.end, l.bytes.as_slice()))
                .collect();
            assert_eq!(
                got,
                [
                    (1, 5, &b"one"[..]),
                    (2, 9, b"two"),
                    (3, 10, b""),
                    (4, 14, b"four")
                ]
            );
            let rest = lines(&input, 9, 2);
            assert_eq!(rest[0].number, 3);
            assert_eq!(rest[1].bytes, b"four");
            assert_eq!(rest[1].end, 14);
        }
    }

    #[test]
    fn resume_offset_must_be_a_line_start_within_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("p.jsonl");
        std::fs::write(&plain, b"one\ntwo\n").unwrap();
        let input = file_input(plain).unwrap();
        for offset in [2, 99] {
            let err = LineReader::open(&input, offset, 1).unwrap_err();
            assert!(matches!(err, ReplayError::BadCheckpoint(_)), "{err}");
        }
        assert!(LineReader::open(&input, 8, 2).is_ok());
    }
}

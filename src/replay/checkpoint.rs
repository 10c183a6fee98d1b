//! The resume checkpoint: how far each input is confirmed.
//!
//! For every input the checkpoint records the contiguous confirmed prefix:
//! the byte offset and line number up to which every line was either
//! confirmed by the broker or skipped (bad or blank). Lines after it may
//! have been published too (the unconfirmed tail); `--resume` publishes
//! them again, with the same `message_id`.
//!
//! The file is JSON, written atomically: a temporary file in the same
//! directory, flushed to disk, then renamed over the old one. `finished`
//! marks a replay that read every input to its end with every article
//! confirmed (or skipped as bad): such a checkpoint no longer blocks a new
//! replay. While a replay runs it holds a [`CheckpointLock`], so that two
//! replays never share one checkpoint.

use super::ReplayError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The checkpoint format version.
pub const VERSION: u32 = 1;

/// Progress of one input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputProgress {
    /// Byte offset (decompressed) after the last line of the confirmed prefix.
    pub offset: u64,
    /// Number of lines in the confirmed prefix.
    pub line: u64,
    /// True once every line of the input is confirmed or skipped.
    pub complete: bool,
}

/// The whole checkpoint file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Format version, [`VERSION`].
    pub version: u32,
    /// The replay batch id, kept when resuming.
    pub batch_id: String,
    /// Target exchange of the batch.
    pub exchange: String,
    /// Routing key of the batch.
    pub routing_key: String,
    /// Progress by input name.
    pub inputs: BTreeMap<String, InputProgress>,
    /// True once the replay read every input to its end and every article
    /// read was confirmed (or skipped as bad); false while it runs and
    /// after a stop, a crash, `--limit` or a failure. Absent (false) in
    /// files of earlier versions.
    #[serde(default)]
    pub finished: bool,
}

impl Checkpoint {
    /// An empty checkpoint for a new batch.
    pub fn new(batch_id: &str, exchange: &str, routing_key: &str) -> Checkpoint {
        Checkpoint {
            version: VERSION,
            batch_id: batch_id.into(),
            exchange: exchange.into(),
            routing_key: routing_key.into(),
            inputs: BTreeMap::new(),
            finished: false,
        }
    }

    /// Reads the checkpoint at `path` if there is a file there.
    pub fn load_if_exists(path: &Path) -> Result<Option<Checkpoint>, ReplayError> {
        match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            _ => Checkpoint::load(path).map(Some),
        }
    }

    /// How many inputs the checkpoint records, and how many of them are
    /// complete.
    pub fn inputs_complete(&self) -> (usize, usize) {
        let complete = self.inputs.values().filter(|p| p.complete).count();
        (self.inputs.len(), complete)
    }

    /// Reads a checkpoint file.
    pub fn load(path: &Path) -> Result<Checkpoint, ReplayError> {
        let bytes = std::fs::read(path).map_err(|source| ReplayError::Checkpoint {
            path: path.to_path_buf(),
            source,
        })?;
        let checkpoint: Checkpoint = serde_json::from_slice(&bytes).map_err(|e| {
            ReplayError::BadCheckpoint(format!("{}: not a checkpoint: {e}", path.display()))
        })?;
        if checkpoint.version != VERSION {
            return Err(ReplayError::BadCheckpoint(format!(
                "{}: version {} is not supported (expected {VERSION})",
                path.display(),
                checkpoint.version
            )));
        }
        Ok(checkpoint)
    }

    /// Writes the checkpoint atomically: temporary file, fsync, rename.
    pub fn save(&self, path: &Path) -> Result<(), ReplayError> {
        let err = |source| ReplayError::Checkpoint {
            path: path.to_path_buf(),
            source,
        };
        let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
        tmp_name.push(format!(".tmp.{}", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        let json = serde_json::to_vec_pretty(self).expect("a checkpoint always serialises");
        let write = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(&json)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            err(e)
        })
    }

    /// The progress of `input` (zero if it is not in the checkpoint).
    pub fn progress(&self, input: &str) -> InputProgress {
        self.inputs.get(input).copied().unwrap_or_default()
    }
}

/// An exclusive lock on a checkpoint, held for the whole of a replay.
///
/// It is an OS file lock (`flock`) on `<checkpoint>.lock`, which holds the
/// process id of its holder; the OS releases it when the process ends,
/// however it ends, so a crash never leaves a stale lock behind. The lock
/// file itself is left in place (removing it could let two processes lock
/// two different files of the same name).
#[derive(Debug)]
pub struct CheckpointLock {
    _file: File,
}

impl CheckpointLock {
    /// The lock file of `checkpoint`.
    pub fn path(checkpoint: &Path) -> PathBuf {
        let mut name = checkpoint.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        checkpoint.with_file_name(name)
    }

    /// Takes the lock of `checkpoint`, or fails at once with
    /// [`ReplayError::CheckpointInUse`] if another process holds it.
    pub fn acquire(checkpoint: &Path) -> Result<CheckpointLock, ReplayError> {
        let path = Self::path(checkpoint);
        let io = |source| ReplayError::Checkpoint {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0).map_err(io)?;
                file.rewind().map_err(io)?;
                writeln!(file, "{}", std::process::id()).map_err(io)?;
                Ok(CheckpointLock { _file: file })
            }
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                Err(ReplayError::CheckpointInUse {
                    checkpoint: checkpoint.to_path_buf(),
                    holder: holder.trim().to_string(),
                })
            }
            Err(TryLockError::Error(source)) => Err(io(source)),
        }
    }
}

/// Tracks the contiguous confirmed prefix of one input while publishes
/// complete out of order.
///
/// Every line read gets a sequence number with [`Prefix::assign`]; when it
/// is settled (confirmed, or skipped) [`Prefix::settle`] records it, and the
/// prefix advances over every settled line with no gap before it.
#[derive(Debug, Clone, Default)]
pub struct Prefix {
    next_seq: u64,
    committed_seq: u64,
    progress: InputProgress,
    settled: BTreeMap<u64, (u64, u64, bool)>,
}

impl Prefix {
    /// Starts from a checkpointed position.
    pub fn starting_at(progress: InputProgress) -> Prefix {
        Prefix {
            progress,
            ..Prefix::default()
        }
    }

    /// The sequence number of the next line read.
    pub fn assign(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    /// Marks line `seq`, ending at `offset` with number `line`, as settled;
    /// `last` marks the end-of-input entry. Returns true if the prefix
    /// advanced.
    pub fn settle(&mut self, seq: u64, offset: u64, line: u64, last: bool) -> bool {
        self.settled.insert(seq, (offset, line, last));
        let mut advanced = false;
        while let Some((offset, line, last)) = self.settled.remove(&self.committed_seq) {
            self.committed_seq += 1;
            self.progress.offset = offset;
            self.progress.line = line;
            self.progress.complete |= last;
            advanced = true;
        }
        advanced
    }

    /// The confirmed prefix so far.
    pub fn progress(&self) -> InputProgress {
        self.progress
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_advances_only_over_contiguous_settled_lines() {
        let mut p = Prefix::starting_at(InputProgress {
            offset: 100,
            line: 3,
            complete: false,
        });
        let seqs: Vec<u64> = (0..4).map(|_| p.assign()).collect();
        assert_eq!(seqs, [0, 1, 2, 3]);
        assert!(!p.settle(1, 120, 5, false));
        assert_eq!(p.progress().offset, 100);
        assert!(!p.settle(2, 130, 6, false));
        assert!(p.settle(0, 110, 4, false));
        assert_eq!(
            p.progress(),
            InputProgress {
                offset: 130,
                line: 6,
                complete: false
            }
        );
        assert!(p.settle(3, 130, 6, true));
        assert!(p.progress().complete);
    }

    #[test]
    fn save_is_atomic_and_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cp.json");
        let mut cp = Checkpoint::new("b1", "ex", "rk");
        cp.inputs.insert(
            "a.jsonl".into(),
            InputProgress {
                offset: 10,
                line: 2,
                complete: false,
            },
        );
        cp.save(&path).unwrap();
        cp.inputs.get_mut("a.jsonl").unwrap().line = 3;
        cp.save(&path).unwrap();
        assert_eq!(Checkpoint::load(&path).unwrap(), cp);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
        assert!(!Checkpoint::load(&path).unwrap().finished);
        assert_eq!(Checkpoint::load_if_exists(&path).unwrap(), Some(cp));
        assert_eq!(
            Checkpoint::load_if_exists(&dir.path().join("none")).unwrap(),
            None
        );
        std::fs::write(&path, b"{\"version\": 9}").unwrap();
        assert!(matches!(
            Checkpoint::load(&path),
            Err(ReplayError::BadCheckpoint(_))
        ));
    }

    #[test]
    fn checkpoints_of_earlier_versions_are_unfinished() {
        let old = br#"{"version":1,"batch_id":"b","exchange":"e","routing_key":"r",
                       "inputs":{"a.jsonl":{"offset":5,"line":1,"complete":true}}}"#;
        let cp: Checkpoint = serde_json::from_slice(old).unwrap();
        assert!(!cp.finished);
        assert_eq!(cp.inputs_complete(), (1, 1));
    }

    #[test]
    fn one_lock_holder_at_a_time_and_the_lock_ends_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let cp = dir.path().join("cp.json");
        let held = CheckpointLock::acquire(&cp).unwrap();
        assert_eq!(CheckpointLock::path(&cp), dir.path().join("cp.json.lock"));
        match CheckpointLock::acquire(&cp) {
            Err(ReplayError::CheckpointInUse { holder, .. }) => {
                assert_eq!(holder, std::process::id().to_string())
            }
            other => panic!("expected CheckpointInUse, got {other:?}"),
        }
        drop(held);
        CheckpointLock::acquire(&cp).expect("free again once dropped");
    }
}

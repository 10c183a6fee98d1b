//! Stage: cues.

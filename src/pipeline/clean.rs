//! Stage: clean.

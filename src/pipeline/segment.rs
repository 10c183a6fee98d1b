//! Stage: segment.

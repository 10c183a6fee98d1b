//! Stage: resolve.

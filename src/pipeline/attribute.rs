//! Stage: attribute.

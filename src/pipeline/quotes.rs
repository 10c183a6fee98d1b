//! Stage: quotes.

//! A wrapper for secrets: prints as `<redacted>` and has no `Serialize`, so a secret can't reach
//! a log line, an error message or the webview by accident.
use std::fmt;

/// A secret value. `Debug` and `Display` print `<redacted>`; the value is read only through
/// [`Sensitive::expose`], which makes every use of the secret easy to find.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a secret.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret itself, for signing or storing it.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_secret() {
        let s = Sensitive::new("hunter2".to_string());
        assert_eq!(
            format!("{s:?} {s}"),
            "<redacted> <redacted>",
            "a secret must never be printed"
        );
        assert_eq!(s.expose(), "hunter2");
    }
}

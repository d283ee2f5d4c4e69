//! Writing to stdout without panicking when the reader goes away
//! (`roundtable list | head`).

use std::io::{self, Write};

use super::CliError;

/// Writes `text` to stdout. A closed pipe is not an error: the reader has
/// all it wanted.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("could not write the output: {e}")))
        }
        _ => Ok(()),
    }
}

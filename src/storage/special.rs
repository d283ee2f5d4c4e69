//! Reading only plain files. A name ending in `.ron` can be anything: a
//! folder, a named pipe (reading it waits forever for a writer), a device,
//! a link to nothing or a loop of links. Each is checked before it is
//! opened, and again once open (it could have been swapped in between), so
//! Roundtable never hangs on one and always says what it found.

use std::fs::{self, File, FileType, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::StorageError;

/// The whole of the plain file at `path` (following links), or why not.
pub(crate) fn read_regular(path: &Path) -> Result<Vec<u8>, StorageError> {
    let mut bytes = Vec::new();
    read_regular_into(path, None, &mut bytes)?;
    Ok(bytes)
}

/// [`read_regular`] into `bytes`, whose memory is reused (what it held is
/// dropped), for reading many files one after another; gives the open
/// file's metadata, taken before it was read. `walked` is the kind of file
/// a walk of its folder just saw there: a plain file (not a link) is not
/// looked up by its path again before it is opened, which is a third of
/// the system's work in reading a whole archive.
pub(crate) fn read_regular_into(
    path: &Path,
    walked: Option<FileType>,
    bytes: &mut Vec<u8>,
) -> Result<Metadata, StorageError> {
    if !walked.is_some_and(|kind| kind.is_file()) {
        let meta = fs::metadata(path).map_err(|e| not_followed(path, e))?;
        ensure_plain(path, &meta)?;
    }
    let mut file = open(path).map_err(|e| StorageError::io("read", path, e))?;
    let meta = file.metadata().map_err(|e| StorageError::io("read", path, e))?;
    ensure_plain(path, &meta)?;
    let size = usize::try_from(meta.len()).unwrap_or(0);
    read_all(&mut file, size, bytes).map_err(|e| StorageError::io("read", path, e))?;
    Ok(meta)
}

/// Reads `file` to its end into `bytes`, expecting `size` bytes: room for
/// one more, so the end is seen by the next read without asking the system
/// the file's size again (as `read_to_end` does).
fn read_all(file: &mut File, size: usize, bytes: &mut Vec<u8>) -> io::Result<()> {
    bytes.clear();
    bytes.resize(size.saturating_add(1), 0);
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            // It grew since it was looked at.
            bytes.resize(bytes.len().saturating_mul(2), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(())
}

/// [`read_regular`] as text, for small files of Roundtable's own (locks).
pub(crate) fn read_text(path: &Path) -> io::Result<String> {
    match read_regular(path) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(StorageError::Io { source, .. }) => Err(source),
        Err(other) => Err(io::Error::other(other.to_string())),
    }
}

/// Opens without waiting: on a named pipe that has no writer, a plain open
/// would block before the second check could refuse it.
fn open(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

fn ensure_plain(path: &Path, meta: &Metadata) -> Result<(), StorageError> {
    if meta.is_file() {
        return Ok(());
    }
    Err(StorageError::NotAFile {
        path: path.into(),
        what: kind(meta).into(),
    })
}

/// What a file that is not a plain file is, in plain words.
fn kind(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "it is a folder, not a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a named pipe (FIFO), not a file";
        }
        if kind.is_socket() {
            return "it is a socket, not a file";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "it is a device, not a file";
        }
    }
    "it is not a plain file"
}

/// `fs::metadata` failed: say so plainly when the name is a link that
/// leads nowhere or round in a loop, rather than "it does not exist".
fn not_followed(path: &Path, e: io::Error) -> StorageError {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return StorageError::io("read", path, e);
    }
    let what = if e.kind() == io::ErrorKind::NotFound {
        match fs::read_link(path) {
            Ok(target) => format!("it is a link to {}, which does not exist", target.display()),
            Err(_) => "it is a link to a file that does not exist".into(),
        }
    } else if is_loop(&e) {
        "it is a link that leads round in a loop".into()
    } else {
        return StorageError::io("read", path, e);
    };
    StorageError::NotAFile {
        path: path.into(),
        what,
    }
}

fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;
    use std::process::Command;

    use super::*;

    fn what(path: &Path) -> String {
        match read_regular(path) {
            Err(StorageError::NotAFile { what, .. }) => what,
            other => panic!("expected NotAFile, got {other:?}"),
        }
    }

    #[test]
    fn a_plain_file_and_a_link_to_one_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        fs::write(&file, "()").unwrap();
        symlink(&file, dir.path().join("b.ron")).unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"()");
        assert_eq!(read_regular(&dir.path().join("b.ron")).unwrap(), b"()");
    }

    #[test]
    fn special_files_are_named_never_opened_for_reading() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("folder.ron")).unwrap();
        let fifo = d.join("x.ron");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        symlink(d.join("gone.ron"), d.join("dangling.ron")).unwrap();
        symlink(d.join("loop-b.ron"), d.join("loop-a.ron")).unwrap();
        symlink(d.join("loop-a.ron"), d.join("loop-b.ron")).unwrap();
        assert_eq!(what(&d.join("folder.ron")), "it is a folder, not a file");
        assert_eq!(what(&fifo), "it is a named pipe (FIFO), not a file");
        assert_eq!(
            what(&d.join("dangling.ron")),
            format!(
                "it is a link to {}, which does not exist",
                d.join("gone.ron").display()
            )
        );
        assert_eq!(
            what(&d.join("loop-a.ron")),
            "it is a link that leads round in a loop"
        );
        assert_eq!(what(Path::new("/dev/null")), "it is a device, not a file");
    }

    /// The kind of a plain file, as a folder walk would have seen it.
    fn plain_kind(dir: &Path) -> FileType {
        let file = dir.join("plain.ron");
        fs::write(&file, "()").expect("a plain file");
        fs::symlink_metadata(&file).expect("its kind").file_type()
    }

    #[test]
    fn a_walked_plain_file_swapped_for_a_pipe_is_refused_once_open() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let walked = Some(plain_kind(dir.path()));
        match read_regular_into(&fifo, walked, &mut Vec::new()) {
            Err(StorageError::NotAFile { what, .. }) => {
                assert_eq!(what, "it is a named pipe (FIFO), not a file");
            }
            other => panic!("expected NotAFile, got {other:?}"),
        }
    }

    #[test]
    fn a_file_is_read_whole_whatever_size_was_expected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let text: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        fs::write(&path, &text).unwrap();
        let mut bytes = b"left over".to_vec();
        for expected in [0, 3, 8_192, 19_999, 20_000, 20_001, 100_000] {
            read_all(&mut File::open(&path).unwrap(), expected, &mut bytes).unwrap();
            assert_eq!(bytes, text, "expecting {expected} bytes");
        }
        let walked = Some(plain_kind(dir.path()));
        read_regular_into(&path, walked, &mut bytes).unwrap();
        assert_eq!(bytes, text);
    }
}

//! The command line (clap). (Skeleton: the CLI work item fills this in.)

use std::process::ExitCode;

pub fn run() -> ExitCode {
    ExitCode::SUCCESS
}

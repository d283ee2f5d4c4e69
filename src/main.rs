fn main() -> std::process::ExitCode {
    roundtable::cli::run()
}

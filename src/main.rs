fn main() -> std::process::ExitCode {
    roundtable::heap::one_heap();
    roundtable::cli::run()
}

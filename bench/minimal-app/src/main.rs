//! One window showing one page: what any Tauri app costs before it does anything.
#![forbid(unsafe_code)]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("minimal app: {e}");
        std::process::exit(1);
    }
}

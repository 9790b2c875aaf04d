fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&["session", "list_projects", "list_instances"]),
    ))
    .expect("failed to run tauri-build");
}

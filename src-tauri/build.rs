fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "session",
            "set_language",
            "list_projects",
            "list_instances",
            "backup_form",
            "create_backup",
            "list_backups",
            "delete_backups",
            "cancel_backup",
            "restore_options",
            "restore_in_place",
            "restore_new_instance",
            "auto_backup_form",
            "preview_schedule",
            "create_auto_backups",
            "list_workflows",
            "delete_workflows",
            "replace_workflow",
            "refresh_schedules",
            "protection_overview",
        ]),
    ))
    .expect("failed to run tauri-build");
}

; Backup Desk's Windows installer, written by hand because Tauri's NSIS bundling fetches helper
; plugins from the network at build time. Per-user: no administrator rights, installed under
; %LOCALAPPDATA%\Programs\Backup Desk, registered in "Apps & features" for the current user.
; Built by .ci/windows with makensis, from these defines:
;   VERSION   0.1.0
;   EXE_DIR   the folder holding backup-desk.exe and WebView2Loader.dll
;   ROOT      the repository (for the icon and the licence)
;   OUT       the installer to write

; A 64-bit installer for a 64-bit app: it also runs where 32-bit support is missing (Wine's
; 64-bit loader in the tests).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define PRODUCT "Backup Desk"
!define IDENTIFIER "com.backupdesk.desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; The WebView2 Evergreen runtime's client id (Microsoft's documented detection key).
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "Backup Desk"
VIAddVersionKey /LANG=0 "LegalCopyright" "Copyright (c) 2026 the Backup Desk authors"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ROOT}/icons/icon.ico"
!define MUI_UNICON "${ROOT}/icons/icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\backup-desk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}/LICENSE"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS starts in the system's language when it is one of these, English otherwise.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

LangString SecApp ${LANG_ENGLISH} "Backup Desk"
LangString SecApp ${LANG_FRENCH} "Backup Desk"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktop ${LANG_FRENCH} "Raccourci sur le Bureau"
LangString SecData ${LANG_ENGLISH} "Also remove my settings and local data (your OVHcloud keys stay in Credential Manager)"
LangString SecData ${LANG_FRENCH} "Supprimer aussi mes réglages et données locales (vos clés OVHcloud restent dans le Gestionnaire d'identification)"
LangString NoWebView ${LANG_ENGLISH} "Backup Desk needs Microsoft Edge WebView2, which is not on this computer. Windows 11 includes it; on Windows 10, install the free 'Evergreen' runtime from https://developer.microsoft.com/microsoft-edge/webview2/ then start Backup Desk. The installation continues."
LangString NoWebView ${LANG_FRENCH} "Backup Desk a besoin de Microsoft Edge WebView2, absent de cet ordinateur. Windows 11 l'inclut ; sous Windows 10, installez le runtime gratuit « Evergreen » depuis https://developer.microsoft.com/microsoft-edge/webview2/ puis lancez Backup Desk. L'installation continue."

Function .onInit
  SetShellVarContext current
FunctionEnd

; WebView2 is installed when either key holds a version other than 0.0.0.0.
Function CheckWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_OK|MB_ICONINFORMATION "$(NoWebView)" /SD IDOK
  ${EndIf}
FunctionEnd

Section "!$(SecApp)" SEC_APP
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${EXE_DIR}/backup-desk.exe"
  File "${EXE_DIR}/WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\backup-desk.exe" "" "$INSTDIR\backup-desk.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Backup Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\backup-desk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  Call CheckWebView2
SectionEnd

Section "$(SecDesktop)" SEC_DESKTOP
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\backup-desk.exe" "" "$INSTDIR\backup-desk.exe" 0
SectionEnd

Section "un.$(SecApp)" UNSEC_APP
  SectionIn RO
  SetShellVarContext current
  ; The app may be running in the tray: ask it to stop (best effort; files in use stay until reboot).
  nsExec::Exec 'taskkill /IM backup-desk.exe /F'
  Delete "$INSTDIR\backup-desk.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  ; Start at login, if it was turned on (the autostart plugin's Run value).
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Off unless ticked: settings, the in-progress journal, records and logs. Never the keyring.
Section /o "un.$(SecData)" UNSEC_DATA
  RMDir /r "$APPDATA\${IDENTIFIER}"
  RMDir /r "$LOCALAPPDATA\${IDENTIFIER}"
SectionEnd

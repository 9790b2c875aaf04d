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

; Windows shows the toasts of an app that is not a Store package only when a Start-menu shortcut
; carries the app's AppUserModelID, and the notification plugin sends them under the bundle
; identifier. NSIS's CreateShortcut cannot set it, so the shortcut is opened as a shell link
; object and its property store is given PKEY_AppUserModel_ID, through COM vtable calls
; (IUnknown, IPersistFile and IPropertyStore methods by their documented slot numbers).
!define CLSID_ShellLink "{00021401-0000-0000-C000-000000000046}"
!define IID_IShellLinkW "{000214F9-0000-0000-C000-000000000046}"
!define IID_IPersistFile "{0000010B-0000-0000-C000-000000000046}"
!define IID_IPropertyStore "{886D8EEB-8CF2-4446-8D02-CDBA1DBDCF99}"
!define PKEY_AppUserModel_ID_FMTID "{9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}"
!define VT_LPWSTR 31

; $R0: the shortcut. Leaves "ok" or the failing step in $R9 (written to the install log).
Function SetAppUserModelId
  StrCpy $R9 "create"
  System::Call 'ole32::CoCreateInstance(g "${CLSID_ShellLink}", p 0, i 1, g "${IID_IShellLinkW}", *p .r1) i .r0'
  ${If} $0 = 0
    StrCpy $R9 "load"
    System::Call '$1->0(g "${IID_IPersistFile}", *p .r2) i .r0'
    ${If} $0 = 0
      ; IPersistFile::Load(name, STGM_READWRITE)
      System::Call '$2->5(w R0, i 2) i .r0'
      ${If} $0 = 0
        StrCpy $R9 "property store"
        System::Call '$1->0(g "${IID_IPropertyStore}", *p .r3) i .r0'
        ${If} $0 = 0
          ; A PROPERTYKEY and a PROPVARIANT holding a wide string, freed below.
          System::Call '*(g "${PKEY_AppUserModel_ID_FMTID}", i 5) p .r4'
          System::Call '*(&w64 "${IDENTIFIER}") p .r5'
          System::Call '*(&i2 ${VT_LPWSTR}, &i2 0, &i2 0, &i2 0, p r5, p 0, p 0) p .r6'
          StrCpy $R9 "set"
          ; IPropertyStore::SetValue(key, value), then ::Commit()
          System::Call '$3->6(p r4, p r6) i .r0'
          ${If} $0 = 0
            StrCpy $R9 "commit"
            System::Call '$3->7() i .r0'
          ${EndIf}
          System::Free $6
          System::Free $5
          System::Free $4
          System::Call '$3->2()'
          ${If} $0 = 0
            StrCpy $R9 "save"
            ; IPersistFile::Save(NULL, TRUE): back to the file it was loaded from.
            System::Call '$2->6(p 0, i 1) i .r0'
            ${If} $0 = 0
              StrCpy $R9 "ok"
            ${EndIf}
          ${EndIf}
        ${EndIf}
      ${EndIf}
      System::Call '$2->2()'
    ${EndIf}
    System::Call '$1->2()'
  ${EndIf}
  DetailPrint "AppUserModelID on $R0: $R9"
FunctionEnd

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
  StrCpy $R0 "$SMPROGRAMS\${PRODUCT}.lnk"
  Call SetAppUserModelId
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

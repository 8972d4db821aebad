; Branchdesk for Windows: installs the PyInstaller bundle built on Windows
; (`python installer\build.py bundle` there writes dist\branchdesk) for the person
; installing it, without administrator rights, with a Start-menu entry and an
; uninstaller. Build steps: installer/README.md.
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=dist\branchdesk /DOUTFILE=dist\branchdesk-0.1.0-setup.exe installer\windows\branchdesk.nsi
;
; Each person's data (their store, settings, log) is not installed here: Branchdesk
; keeps it in the platform's per-user data folder, %LOCALAPPDATA%\Branchdesk\Branchdesk
; (platformdirs' user data dir; BRANCHDESK_HOME overrides it). Neither an upgrade nor
; the uninstaller touches it, so unsent changes survive both.

Unicode true

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\branchdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\branchdesk-${VERSION}-setup.exe"
!endif
!ifdef FAST
  SetCompress off            ; a test compiles the script; it does not ship what it makes
!else
  SetCompressor /SOLID lzma
!endif

!define APP "Branchdesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Branchdesk"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\branchdesk.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Polish"

Section "Branchdesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the previous version's program files whole (never the data)
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\branchdesk.exe" "" "$INSTDIR\branchdesk.exe" 0

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\branchdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; the program and its Start-menu entry go; %LOCALAPPDATA%\Branchdesk\Branchdesk (the data) stays
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\branchdesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd

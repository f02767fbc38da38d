; Inno Setup script for Leadership Planner's per-user Windows installer.
;
; Built by .github/workflows/windows.yml after scripts/build_app.py has made the app
; folder:  iscc /DAppVersion=0.1.0 /DSourceDir=<folder>\leadership-planner installer\leadership-planner.iss
;
; Per user, no administrator rights: the app goes to %LOCALAPPDATA%\Programs, with a
; Start-menu entry for this user only. The uninstaller removes only what this installer
; put there: the plan and its backups (%LOCALAPPDATA%\LeadershipPlanner) are never touched.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\leadership-planner"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to this app; never change it.
AppId={{5B0F3C2E-7A41-4C8B-9D6E-2F1A8E4B7C90}
AppName=Leadership Planner
AppVersion={#AppVersion}
AppVerName=Leadership Planner {#AppVersion}
AppPublisher=Leadership Planner
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\Leadership Planner
DisableDirPage=auto
DefaultGroupName=Leadership Planner
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\LICENSE
SetupIconFile=..\resources\icons\leadership-planner.ico
UninstallDisplayIcon={app}\leadership-planner.exe
UninstallDisplayName=Leadership Planner
OutputDir=..\dist
OutputBaseFilename=leadership-planner-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the program's own folder whole, so files an earlier version shipped
; and this one does not are not left behind. Only the program folder: never the plan.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Leadership Planner"; Filename: "{app}\leadership-planner.exe"; Comment: "Plan, track and reflect on your leadership development"

[Run]
Filename: "{app}\leadership-planner.exe"; Description: "Open Leadership Planner now"; Flags: nowait postinstall skipifsilent

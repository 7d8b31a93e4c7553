; Inno Setup script for the Windows installer of Gongkai (公开专区工作台).
; Built by .github/workflows/windows-installer.yml on a Windows runner, over the PyInstaller folder
; that packaging/gongkai.spec makes (the same spec as the Linux .deb):
;   python packaging/build.py stamp --version 0.1.0
;   iscc /DAppVersion=0.1.0 packaging\windows\gongkai.iss      -> dist\gongkai-0.1.0-setup.exe
; It cannot be built or tried on the Linux machines the project is developed on (README, "Windows").
;
; Installs per machine under Program Files, a Start-menu entry (and optionally a desktop one) for the
; staff window, gongkai-cli.exe for the command line. A newer installer replaces an older one in
; place (same AppId); the data of each Windows user stays in %LOCALAPPDATA%\gongkai and is neither
; touched by an upgrade nor removed by uninstalling. The program migrates it on first start after a
; backup copy, and refuses data written by a newer version.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Bundle "..\..\build\package\pyinstaller\gongkai"

[Setup]
AppId={{6B0D6C55-3A4E-4C1B-9E2B-5F0A8C2B7D41}
AppName=公开专区工作台
AppVerName=公开专区工作台 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Gongkai
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Gongkai
DefaultGroupName=公开专区工作台
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=gongkai-{#AppVersion}-setup
SetupIconFile=..\..\build\package\gongkai.ico
UninstallDisplayIcon={app}\gongkai.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; A new version's files replace the old ones whole: no stale module of an older release stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\公开专区工作台"; Filename: "{app}\gongkai.exe"; Comment: "基层政务公开专区工作台"
Name: "{autodesktop}\公开专区工作台"; Filename: "{app}\gongkai.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\gongkai.exe"; Description: "{cm:LaunchProgram,公开专区工作台}"; Flags: nowait postinstall skipifsilent

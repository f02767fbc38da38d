"""Builds the stand-alone app with PyInstaller: a folder that runs with no Python
installed.

    python scripts/build_app.py --out DIR [--smoke]

Writes ``DIR/leadership-planner/`` holding the executable ``leadership-planner``
(``leadership-planner.exe`` on Windows), the GUI and every command-line verb, with the
licence and third-party notices beside it. The app is built from the wheel, installed
into a fresh virtual environment with only the declared dependencies (and PyInstaller),
so the bundle holds what an installation holds and nothing a developer happens to have
(the checkout itself is never on PyInstaller's path).
``--smoke`` then runs the bundle's smoke steps (``demo``, ``export-pdf``, ``check``,
``export-calendar``, ``frameworks``, the plan-file round trip, importing the plan the PDF
carries, and the GUI offscreen).

It is a folder ("onedir"), not one packed file: it starts faster, and Qt's libraries
stay separate, replaceable files, as the LGPL asks.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_install import (  # a sibling script, not a package
    EXE,
    ROOT,
    Installation,
    build_wheel,
    must,
    new_venv,
    run,
    smoke,
)

NAME = "leadership-planner"
# Qt modules PySide6-Essentials ships that the app never imports; PyInstaller's hooks
# would otherwise follow them in through the others' plugins.
UNUSED_QT = (
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuickControls2",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtSql",
    "QtXml",
    "QtDBus",
    "QtConcurrent",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtSvg",
    "QtSvgWidgets",
    "QtPrintSupport",
    "QtTest",
    "QtNetworkAuth",
    "QtStateMachine",
    "QtXmlPatterns",
)
# Python modules the app never needs at run time.
# readline would also bring GNU readline (GPL) from the build machine.
UNUSED_PYTHON = (
    "tkinter", "unittest", "pydoc", "pip", "setuptools", "numpy", "pandas", "readline",
)


def windows_version_file(version: str, where: Path) -> Path:
    """The version resource Windows shows in the file's Properties (PyInstaller's text
    form of ``VSVersionInfo``)."""
    numbers = [int(part) for part in version.split(".")[:3] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'Leadership Planner'),
      StringStruct('FileDescription', 'Leadership Planner'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{NAME}'),
      StringStruct('LegalCopyright', 'MIT licence; see THIRD_PARTY_NOTICES.md'),
      StringStruct('OriginalFilename', '{NAME}.exe'),
      StringStruct('ProductName', 'Leadership Planner'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""
    path = where / "version-info.txt"
    path.write_text(text, encoding="utf-8")
    return path


# Each bundled package's own licence files, found through its installed metadata.
LICENCES_PROBE = """
import json, re
from importlib.metadata import distributions
found = {}
for dist in distributions():
    name = dist.metadata["Name"]
    if name.lower() in ("pip", "setuptools", "pyinstaller", "pyinstaller-hooks-contrib",
                        "altgraph", "packaging", "wheel"):
        continue
    paths = [str(dist.locate_file(f)) for f in dist.files or []
             if re.search(r"(licen[cs]e|copying|notice|authors)[^/]*$", str(f), re.I)
             and ".dist-info" in str(f)]
    if paths:
        found[name] = paths
print(json.dumps(found))
"""
# What Qt's hooks collect that a desktop app never loads: plugins for embedded
# screens and input devices, and Qt's own translations (the app installs none).
UNUSED_QT_FILES = (
    "Qt/translations",
    "Qt/plugins/egldeviceintegrations",
    "Qt/plugins/generic",
    "Qt/plugins/platforms/libqeglfs.so",
    "Qt/plugins/platforms/libqlinuxfb.so",
    "Qt/plugins/platforms/libqminimalegl.so",
    "Qt/plugins/platforms/libqvnc.so",
    "Qt/plugins/platforms/libqvkkhrdisplay.so",
    "translations",
)


# Python's own licence, where an installation of it keeps the text.
PYTHON_LICENCE_PROBE = """
import sys, sysconfig
from pathlib import Path
for place in (Path(sysconfig.get_path("stdlib")), Path(sys.base_prefix)):
    if (place / "LICENSE.txt").is_file():
        print(place / "LICENSE.txt")
        break
"""


def copy_licences(python: Path, bundle: Path) -> None:
    """Copies the licence texts of everything in the bundle to its ``licenses/``: each
    Python package's own files, Python's, the LGPL and GPL texts for Qt and PySide6
    (whose packages carry none), and on a Debian-like build machine the copyright file
    of each system library PyInstaller copied in."""
    import json

    target = bundle / "licenses"
    found = json.loads(must([str(python), "-c", LICENCES_PROBE]).stdout)
    for name, paths in found.items():
        folder = target / name
        folder.mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copy2(path, folder / Path(path).name)
    python_licence = must([str(python), "-c", PYTHON_LICENCE_PROBE]).stdout.strip()
    if python_licence:
        (target / "Python").mkdir(exist_ok=True)
        shutil.copy2(python_licence, target / "Python" / "LICENSE.txt")
    for text in (ROOT / "resources" / "licenses").glob("*.txt"):
        shutil.copy2(text, target / text.name)
    copy_system_copyrights(bundle, target / "system-libraries")


def copy_system_copyrights(bundle: Path, target: Path) -> None:
    """The Debian copyright file of each shared library taken from the build machine."""
    if shutil.which("dpkg") is None:
        return
    libraries = sorted(
        path.name for path in (bundle / "_internal").glob("*.so*") if path.is_file()
    )
    if not libraries:
        return
    owners = run(["dpkg", "-S", *(f"*/{name}" for name in libraries)]).stdout
    packages = {line.split(":")[0] for line in owners.splitlines() if ": /" in line}
    target.mkdir(parents=True, exist_ok=True)
    for package in sorted(packages):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            shutil.copy2(copyright_file, target / f"{package}.txt")


def prune(bundle: Path) -> None:
    qt = bundle / "_internal" / "PySide6"
    for relative in UNUSED_QT_FILES:
        path = qt / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def build(out: Path, work: Path) -> Path:
    wheel = build_wheel(work / "dist")
    python = new_venv(work / "build-venv")
    must([str(python), "-m", "pip", "install", "--quiet", str(wheel), "pyinstaller>=6.10"])
    version = wheel.name.split("-")[1]
    # The launcher is a copy of the checkout's main.py, away from the checkout: PyInstaller
    # looks for imports beside its script first, and must find the installed package.
    launcher = work / "launcher" / "leadership_planner_main.py"
    launcher.parent.mkdir()
    shutil.copy2(ROOT / "main.py", launcher)
    args = [
        str(python.parent / f"pyinstaller{EXE}"),
        str(launcher),
        "--name", NAME,
        "--onedir",
        "--windowed",
        "--noconfirm",
        "--clean",
        "--log-level", "WARN",
        "--distpath", str(out),
        "--workpath", str(work / "pyinstaller"),
        "--specpath", str(work),
        "--icon", str(ROOT / "resources" / "icons" / "leadership-planner.ico"),
        "--collect-data", "planner.resources",
        # The version shown in Help › About comes from the package metadata.
        "--copy-metadata", "leadership-planner",
    ]
    for module in UNUSED_QT:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in UNUSED_PYTHON:
        args += ["--exclude-module", module]
    if sys.platform == "win32":
        args += ["--version-file", str(windows_version_file(version, work))]
    if sys.platform == "darwin":
        args += ["--osx-bundle-identifier", "uk.nhs.leadership-planner"]
    must(args, cwd=work)
    bundle = out / NAME
    prune(bundle)
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        shutil.copy2(ROOT / name, bundle / name)
    copy_licences(python, bundle)
    return bundle


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the folder to build into")
    parser.add_argument("--smoke", action="store_true", help="then run the smoke steps")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lp-build-") as tmp:
        bundle = build(out, Path(tmp))
        took = time.perf_counter() - start
        executable = bundle / f"{NAME}{EXE}"
        size = folder_size(bundle) / 2**20
        print(f"built {executable} in {took:.0f} s; the folder holds {size:.0f} MiB")
        if not args.smoke:
            return 0
        installation = Installation("bundle", [], [str(executable)])
        problems = smoke(installation, Path(tmp))
    for problem in problems:
        print(f"    {problem}")
    print("bundle smoke:", "FAILED" if problems else "all steps passed")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())


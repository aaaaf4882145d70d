#!/usr/bin/python3
"""The real `bizy` window read from outside through AT-SPI, as a screen reader
reads it: every control a user can reach (buttons, fields, boxes, lists,
tables, tabs) on the main screens and dialogs must carry a name, and the
screens must be reachable with the keyboard alone.

Run under an X server and a private session bus (CTest does it:
with-session-bus.sh xvfb-run ... accessibility_check.py BIZY SAMPLE_DATA).
Needs python3-pyatspi and xdotool (scripts/install-deps.sh)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

BIZY, SAMPLE_DATA = sys.argv[1], sys.argv[2]

# Roles a user operates; each needs a name a screen reader can say.
NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_DATE_EDITOR,
}
# Containers of rows: their cells are data, named by the data itself.
ROW_CONTAINERS = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE,
                  pyatspi.ROLE_LIST}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def wait_for(what, find, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def application():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "bizy":
            return app
    return None


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def path_of(node):
    parts = []
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        parts.append(f"{node.getRoleName()} '{node.name}'")
        node = node.parent
    return " / ".join(reversed(parts))


def walk(node, visit):
    """Every showing node under `node`, without the cells of tables and lists."""
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is None or not showing(child):
            continue
        visit(child)
        if child.getRole() not in ROW_CONTAINERS:
            walk(child, visit)


def window(title_part):
    app = application()
    for i in range(app.childCount):
        frame = app.getChildAtIndex(i)
        if frame is not None and title_part in frame.name and showing(frame):
            return frame
    return None


def check_names(screen, frame):
    controls = []

    def visit(node):
        if node.getRole() in NAMED_ROLES:
            controls.append(node)
            if not node.name.strip():
                fail(f"{screen}: unnamed {path_of(node)}")

    walk(frame, visit)
    print(f"{screen}: {len(controls)} controls", flush=True)
    if not controls:
        fail(f"{screen}: no controls found (is the window really read over AT-SPI?)")
    return controls


def find(frame, role, name):
    hits = []

    def visit(node):
        if node.getRole() == role and node.name == name:
            hits.append(node)

    walk(frame, visit)
    return hits[0] if hits else None


def focus_main_window():
    # There is no window manager to give the focus back when a dialog closes.
    subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Bizy", "windowfocus",
                    "--sync"], check=True)


def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)
    time.sleep(0.6)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "30", text], check=True)


def main():
    scratch = tempfile.mkdtemp(prefix="bizy-a11y-")
    store = os.path.join(scratch, "tasks.sqlite")
    data = os.path.join(scratch, "sample.json")
    subprocess.run(["/usr/bin/python3", SAMPLE_DATA, data], check=True)
    subprocess.run([BIZY, "--import", data, "--store", store], check=True)

    environment = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
                       LANGUAGE="en", LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    app = subprocess.Popen([BIZY, "--store", store], env=environment)
    try:
        main_window = wait_for("the main window", lambda: window("Bizy") if application() else None)
        time.sleep(1.0)  # the first page of tasks
        check_names("main window", main_window)
        for role, name in [(pyatspi.ROLE_TEXT, "Quick add a task"),
                           (pyatspi.ROLE_TEXT, "Search tasks"), (pyatspi.ROLE_TABLE, "Tasks"),
                           (pyatspi.ROLE_TREE, "Goals")]:
            if find(main_window, role, name) is None:
                fail(f"main window: no {pyatspi.Role(role)} named '{name}'")

        # Keyboard only from here: each screen comes up from a shortcut.
        focus_main_window()
        # With text in them the fields show their clear buttons, which need names too.
        key("ctrl+l")
        type_text("Call Alice tomorrow p1")
        key("ctrl+f")
        type_text("call")
        time.sleep(0.6)
        search = find(main_window, pyatspi.ROLE_TEXT, "Search tasks")
        typed = search.queryText().getText(0, -1) if search else ""
        if typed != "call":
            fail(f"the search field holds '{typed}' after typing 'call'")
        check_names("main window with a search and a quick add typed", main_window)
        key("Escape")
        key("ctrl+l", "ctrl+a", "BackSpace", "Escape")
        key("ctrl+1")
        check_names("dashboard", main_window)
        key("ctrl+2")
        key("ctrl+n")
        editor = wait_for("the task editor", lambda: window("New Task"), timeout=10)
        check_names("task editor", editor)
        key("Escape")
        focus_main_window()
        key("ctrl+comma")
        preferences = wait_for("the preferences", lambda: window("Preferences"), timeout=10)
        check_names("preferences", preferences)
        key("Escape")
        focus_main_window()
        key("ctrl+shift+g")
        goal_editor = wait_for("the goal editor", lambda: window("New Goal") or window("New Sub-goal"), timeout=10)
        check_names("goal editor", goal_editor)
        key("Escape")
        focus_main_window()
        key("alt+s", "l")  # Sync > Log In..., through the menu's mnemonics
        login = wait_for("the login dialog", lambda: window("Log In") or window("Log in"),
                         timeout=10)
        check_names("login dialog", login)
        key("Escape")
    finally:
        app.terminate()
        app.wait(timeout=20)
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{len(failures)} accessibility failures", flush=True)
        return 1
    print("every control on every screen has a name", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

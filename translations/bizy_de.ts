<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TaskText</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>1 - Highest</source>
        <translation>1 - Sehr hoch</translation>
    </message>
    <message>
        <source>2 - High</source>
        <translation>2 - Hoch</translation>
    </message>
    <message>
        <source>3 - Normal</source>
        <translation>3 - Normal</translation>
    </message>
    <message>
        <source>4 - Low</source>
        <translation>4 - Niedrig</translation>
    </message>
    <message>
        <source>5 - Lowest</source>
        <translation>5 - Sehr niedrig</translation>
    </message>
</context>
<context>
    <name>bizy::MainWindow</name>
    <message>
        <source>Bizy</source>
        <translation>Bizy</translation>
    </message>
    <message>
        <source>&amp;New Task...</source>
        <translation>&amp;Neue Aufgabe...</translation>
    </message>
    <message>
        <source>Add a task (Ctrl+N)</source>
        <translation>Eine Aufgabe hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit Task...</source>
        <translation>Aufgabe &amp;bearbeiten...</translation>
    </message>
    <message>
        <source>Edit the selected task (Enter)</source>
        <translation>Die ausgewählte Aufgabe bearbeiten (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>&amp;Delete Task...</source>
        <translation>Aufgabe &amp;löschen...</translation>
    </message>
    <message>
        <source>Delete the selected task (Del)</source>
        <translation>Die ausgewählte Aufgabe löschen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Bizy</source>
        <translation>&amp;Über Bizy</translation>
    </message>
    <message>
        <source>About Bizy</source>
        <translation>Über Bizy</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bizy %1&lt;/h3&gt;&lt;p&gt;An offline-first task and goal manager.&lt;/p&gt;&lt;p&gt;Your tasks are kept on this computer in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bizy %1&lt;/h3&gt;&lt;p&gt;Ein Aufgaben- und Zielplaner, der auch offline funktioniert.&lt;/p&gt;&lt;p&gt;Ihre Aufgaben liegen auf diesem Computer in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search tasks (Ctrl+F)</source>
        <translation>Aufgaben suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Show tasks with this status</source>
        <translation>Aufgaben mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Mark the selected task as not done (Ctrl+D)</source>
        <translation>Die ausgewählte Aufgabe wieder als offen markieren (Strg+D)</translation>
    </message>
    <message>
        <source>Mark the selected task as done (Ctrl+D)</source>
        <translation>Die ausgewählte Aufgabe als erledigt markieren (Strg+D)</translation>
    </message>
    <message>
        <source>No tasks yet. Press Ctrl+N to add one.</source>
        <translation>Noch keine Aufgaben. Drücken Sie Strg+N, um eine hinzuzufügen.</translation>
    </message>
    <message>
        <source>No tasks match the search or the status filter.</source>
        <translation>Keine Aufgabe passt zur Suche oder zum Statusfilter.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n Aufgabe angezeigt</numerusform>
            <numerusform>%n Aufgaben angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation>Keine Änderungen warten auf die Synchronisierung</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf die Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf die Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be changed.</source>
        <translation>Die Aufgabe konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Delete the task “%1”?</source>
        <translation>Die Aufgabe „%1“ löschen?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>The task could not be deleted.</source>
        <translation>Die Aufgabe konnte nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>bizy::TaskDialog</name>
    <message>
        <source>New Task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Edit Task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>What needs doing?</source>
        <translation>Was ist zu tun?</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>e.g. Work, Home</source>
        <translation>z. B. Arbeit, Zuhause</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>&amp;Estimated:</source>
        <translation>&amp;Geschätzt:</translation>
    </message>
    <message>
        <source>Comma separated, e.g. urgent, phone</source>
        <translation>Durch Kommas getrennt, z. B. dringend, Telefon</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Stunden:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Enter a number of hours, e.g. 1.5</source>
        <translation>Geben Sie eine Stundenzahl ein, z. B. 1,5</translation>
    </message>
    <message>
        <source>Actua&amp;l:</source>
        <translation>Tatsäch&amp;lich:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>Hat ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Untick for a task without a due date</source>
        <translation>Für eine Aufgabe ohne Fälligkeitsdatum den Haken entfernen</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>&amp;Fällig am:</translation>
    </message>
</context>
<context>
    <name>bizy::TaskListModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Completed on %1</source>
        <translation>Erledigt am %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Offline-first task and goal manager.</source>
        <translation>Aufgaben- und Zielplaner, der auch offline funktioniert.</translation>
    </message>
    <message>
        <source>Log debug details of Bizy&apos;s modules.</source>
        <translation>Debug-Details der Bizy-Module protokollieren.</translation>
    </message>
    <message>
        <source>Use the task store at &lt;path&gt;.</source>
        <translation>Den Aufgabenspeicher unter &lt;Pfad&gt; verwenden.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Bizy</source>
        <translation>Bizy</translation>
    </message>
    <message>
        <source>Bizy cannot open your tasks.</source>
        <translation>Bizy kann Ihre Aufgaben nicht öffnen.</translation>
    </message>
</context>
</TS>

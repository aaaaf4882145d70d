<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConflictText</name>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="20"/>
        <source>Another device&apos;s change was replaced by yours</source>
        <translation>Die Änderung eines anderen Geräts wurde durch Ihre ersetzt</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="23"/>
        <source>The server refused your change</source>
        <translation>Der Server hat Ihre Änderung abgelehnt</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="24"/>
        <source>The server refused your change: %1</source>
        <translation>Der Server hat Ihre Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="26"/>
        <source>Deleted on another device before your edits were sent</source>
        <translation>Auf einem anderen Gerät gelöscht, bevor Ihre Änderungen gesendet wurden</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="33"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="34"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="35"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="36"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="37"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="38"/>
        <source>Estimated hours</source>
        <translation>Geschätzte Stunden</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="39"/>
        <source>Actual hours</source>
        <translation>Tatsächliche Stunden</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="40"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="41"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="42"/>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="43"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="44"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="45"/>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="46"/>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="47"/>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="48"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="49"/>
        <source>Success criteria</source>
        <translation>Erfolgskriterien</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="50"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="51"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="61"/>
        <location filename="../presentation/ConflictText.cpp" line="71"/>
        <location filename="../presentation/ConflictText.cpp" line="77"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="63"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="63"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="104"/>
        <source>A task</source>
        <translation>Eine Aufgabe</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="104"/>
        <source>A goal</source>
        <translation>Ein Ziel</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="105"/>
        <source>Task “%1”</source>
        <translation>Aufgabe „%1“</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictText.cpp" line="105"/>
        <source>Goal “%1”</source>
        <translation>Ziel „%1“</translation>
    </message>
</context>
<context>
    <name>GoalText</name>
    <message>
        <location filename="../presentation/GoalText.cpp" line="8"/>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="10"/>
        <source>Quarterly</source>
        <translation>Quartalsweise</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="12"/>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="14"/>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="22"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="24"/>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="26"/>
        <source>On hold</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../presentation/GoalText.cpp" line="28"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <location filename="../presentation/TaskText.cpp" line="13"/>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="15"/>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="17"/>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="19"/>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="27"/>
        <source>1 - Highest</source>
        <translation>1 - Sehr hoch</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="29"/>
        <source>2 - High</source>
        <translation>2 - Hoch</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="31"/>
        <source>3 - Normal</source>
        <translation>3 - Normal</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="33"/>
        <source>4 - Low</source>
        <translation>4 - Niedrig</translation>
    </message>
    <message>
        <location filename="../presentation/TaskText.cpp" line="35"/>
        <source>5 - Lowest</source>
        <translation>5 - Sehr niedrig</translation>
    </message>
</context>
<context>
    <name>bizy::ConflictListModel</name>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="75"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="77"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="79"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="81"/>
        <source>Lost value</source>
        <translation>Verlorener Wert</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="83"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="98"/>
        <source>No conflicts. Everything you changed reached the server as you meant it.</source>
        <translation>Keine Konflikte. Alle Ihre Änderungen sind so beim Server angekommen, wie Sie sie gemeint haben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation/ConflictListModel.cpp" line="99"/>
        <source>%n change(s) did not survive sync as you made them. Restore brings a lost value back; Dismiss keeps things as they are.</source>
        <translation>
            <numerusform>%n Änderung hat die Synchronisierung nicht so überstanden, wie Sie sie gemacht haben. „Wiederherstellen“ holt einen verlorenen Wert zurück; „Verwerfen“ lässt alles, wie es ist.</numerusform>
            <numerusform>%n Änderungen haben die Synchronisierung nicht so überstanden, wie Sie sie gemacht haben. „Wiederherstellen“ holt einen verlorenen Wert zurück; „Verwerfen“ lässt alles, wie es ist.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="137"/>
        <source>The conflicts could not be read: %1</source>
        <translation>Die Konflikte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="159"/>
        <source>The entry could not be restored: %1</source>
        <translation>Der Eintrag konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <location filename="../presentation/ConflictListModel.cpp" line="174"/>
        <source>The entry could not be dismissed: %1</source>
        <translation>Der Eintrag konnte nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>bizy::ConflictsDialog</name>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="22"/>
        <source>Sync Conflicts</source>
        <translation>Synchronisierungskonflikte</translation>
    </message>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="35"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="59"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="62"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="61"/>
        <source>Bring the lost value back as a new change; it syncs again.</source>
        <translation>Den verlorenen Wert als neue Änderung zurückholen; sie wird wieder synchronisiert.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictsDialog.cpp" line="64"/>
        <source>Keep things as they are and remove this entry.</source>
        <translation>Alles so lassen, wie es ist, und diesen Eintrag entfernen.</translation>
    </message>
</context>
<context>
    <name>bizy::GoalDialog</name>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="62"/>
        <source>Edit Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="62"/>
        <source>New Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="63"/>
        <source>New Sub-goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="82"/>
        <source>What do you want to achieve?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="88"/>
        <source>Why it matters (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="103"/>
        <source>Has a target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="104"/>
        <source>Untick for a goal without a target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="107"/>
        <source>Target date</source>
        <translation type="unfinished">Zieldatum</translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="118"/>
        <source>How you will know it is done (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="121"/>
        <source>None (a top-level goal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="144"/>
        <source>&amp;Title:</source>
        <translation type="unfinished">&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="145"/>
        <source>&amp;Description:</source>
        <translation type="unfinished">&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="147"/>
        <source>&amp;Horizon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="148"/>
        <source>St&amp;atus:</source>
        <translation type="unfinished">St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="149"/>
        <source>Ta&amp;rget date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="150"/>
        <source>S&amp;uccess criteria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalDialog.cpp" line="152"/>
        <source>&amp;Part of:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::GoalEditor</name>
    <message>
        <location filename="../presentation/GoalEditor.cpp" line="24"/>
        <source>The goals are not open.</source>
        <translation>Die Ziele sind nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>bizy::GoalPanel</name>
    <message>
        <location filename="../ui/GoalPanel.cpp" line="37"/>
        <source>Goal progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalPanel.cpp" line="90"/>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoalPanel.cpp" line="97"/>
        <source>Done when: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::GoalPicker</name>
    <message>
        <location filename="../ui/GoalPicker.cpp" line="35"/>
        <source>A goal not here yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::GoalTreeModel</name>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="242"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="252"/>
        <source>Target date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="270"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="272"/>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="274"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="276"/>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <location filename="../presentation/GoalTreeModel.cpp" line="278"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
</context>
<context>
    <name>bizy::LoginDialog</name>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="23"/>
        <source>Log In to Bizy</source>
        <translation>Bei Bizy anmelden</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="26"/>
        <source>Log in to keep your tasks and goals in step with your other devices.</source>
        <translation>Melden Sie sich an, um Ihre Aufgaben und Ziele mit Ihren anderen Geräten abzugleichen.</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="34"/>
        <source>name or name@example.com</source>
        <translation>name oder name@example.com</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="41"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="42"/>
        <source>&amp;Username or email:</source>
        <translation>&amp;Benutzername oder E-Mail:</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="43"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="61"/>
        <source>Logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="67"/>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="140"/>
        <source>“%1” is not a server address. Enter one like %2.</source>
        <translation>„%1“ ist keine Serveradresse. Geben Sie eine wie %2 ein.</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="176"/>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="191"/>
        <source>Logged in. Saving the login in the keychain…</source>
        <translation>Angemeldet. Die Anmeldung wird im Schlüsselbund gespeichert…</translation>
    </message>
</context>
<context>
    <name>bizy::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <location filename="../ui/MainWindow.cpp" line="326"/>
        <source>Bizy</source>
        <translation>Bizy</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="100"/>
        <source>%n change(s) did not survive sync. See Sync &gt; Conflicts.</source>
        <translation>
            <numerusform>%n Änderung hat die Synchronisierung nicht überstanden. Siehe Synchronisierung &gt; Konflikte.</numerusform>
            <numerusform>%n Änderungen haben die Synchronisierung nicht überstanden. Siehe Synchronisierung &gt; Konflikte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>&amp;Log In...</source>
        <translation>&amp;Anmelden...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>Log in to a Bizy server to sync your tasks</source>
        <translation>Bei einem Bizy-Server anmelden, um Ihre Aufgaben zu synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="147"/>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>Log &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="152"/>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="275"/>
        <source>Send your changes and fetch those of your other devices (Ctrl+R)</source>
        <translation>Ihre Änderungen senden und die Ihrer anderen Geräte holen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="317"/>
        <source>The tasks of this account could not be opened.</source>
        <translation>Die Aufgaben dieses Kontos konnten nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <location filename="../ui/MainWindow.cpp" line="280"/>
        <source>&amp;Conflicts...</source>
        <translation>&amp;Konflikte...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="104"/>
        <source>Bizy cannot open your tasks.</source>
        <translation>Bizy kann Ihre Aufgaben nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="168"/>
        <source>&amp;About Bizy</source>
        <translation>&amp;Über Bizy</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>About Bizy</source>
        <translation>Über Bizy</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="174"/>
        <source>&lt;h3&gt;Bizy %1&lt;/h3&gt;&lt;p&gt;An offline-first task and goal manager.&lt;/p&gt;&lt;p&gt;Your tasks are kept on this computer in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bizy %1&lt;/h3&gt;&lt;p&gt;Ein Aufgaben- und Zielplaner, der auch offline funktioniert.&lt;/p&gt;&lt;p&gt;Ihre Aufgaben liegen auf diesem Computer in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187"/>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="197"/>
        <source>&amp;Goal</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="204"/>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisierung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="211"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="214"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Log &amp;Out %1</source>
        <translation>%1 &amp;abmelden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="276"/>
        <source>Log in to sync your tasks (Ctrl+R)</source>
        <translation>Zum Synchronisieren Ihrer Aufgaben anmelden (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="279"/>
        <source>&amp;Conflicts (%1)...</source>
        <translation>&amp;Konflikte (%1)...</translation>
    </message>
</context>
<context>
    <name>bizy::Sidebar</name>
    <message>
        <location filename="../ui/Sidebar.cpp" line="49"/>
        <source>The goals could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="79"/>
        <source>New &amp;Goal...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="79"/>
        <source>Add a top-level goal (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="83"/>
        <source>New &amp;Sub-goal...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="83"/>
        <source>Add a goal under the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="86"/>
        <source>&amp;Edit Goal...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="86"/>
        <source>Edit the selected goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="89"/>
        <location filename="../ui/Sidebar.cpp" line="251"/>
        <source>&amp;Complete Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="89"/>
        <source>Mark the selected goal as achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="92"/>
        <location filename="../ui/Sidebar.cpp" line="253"/>
        <source>Put on &amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="92"/>
        <source>Pause the selected goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="95"/>
        <source>&amp;Delete Goal...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="95"/>
        <source>Delete the selected goal (Del in the tree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="105"/>
        <source>Task views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="117"/>
        <location filename="../ui/Sidebar.cpp" line="129"/>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="125"/>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="251"/>
        <source>Re&amp;open Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="253"/>
        <source>&amp;Resume Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="289"/>
        <source>The goal could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="306"/>
        <source>The goal could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="330"/>
        <source>Delete Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="331"/>
        <source>Delete the goal “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="335"/>
        <source>Its tasks and sub-goals stay, without this goal. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="336"/>
        <source>&amp;Delete</source>
        <translation type="unfinished">&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/Sidebar.cpp" line="345"/>
        <source>The goal could not be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::SyncEngine</name>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="95"/>
        <source>Log in to sync your tasks and goals.</source>
        <translation>Melden Sie sich an, um Ihre Aufgaben und Ziele zu synchronisieren.</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="254"/>
        <source>The server keeps asking for a full reload; sync stopped.</source>
        <translation>Der Server verlangt immer wieder ein vollständiges Neuladen; die Synchronisierung wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>bizy::SyncStatusModel</name>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="166"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation/SyncStatusModel.cpp" line="168"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation/SyncStatusModel.cpp" line="170"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="171"/>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="179"/>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="180"/>
        <location filename="../presentation/SyncStatusModel.cpp" line="217"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="182"/>
        <source>Syncing… %1 received</source>
        <translation>Synchronisiere… %1 empfangen</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="183"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="185"/>
        <source>Offline — changes are kept</source>
        <translation>Offline – Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="187"/>
        <source>Log in to sync</source>
        <translation>Zum Synchronisieren anmelden</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="189"/>
        <source>Sync error</source>
        <translation>Synchronisierungsfehler</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="189"/>
        <source>Sync error: %1</source>
        <translation>Synchronisierungsfehler: %1</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="196"/>
        <source>Not logged in — working offline</source>
        <translation>Nicht angemeldet – Sie arbeiten offline</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="206"/>
        <source>Your tasks are kept on this computer only.</source>
        <translation>Ihre Aufgaben liegen nur auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="207"/>
        <source>Log in (Sync menu) to keep them in step with your other devices.</source>
        <translation>Melden Sie sich an (Menü Synchronisierung), um sie mit Ihren anderen Geräten abzugleichen.</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="213"/>
        <source>Logged in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="215"/>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation/SyncStatusModel.cpp" line="218"/>
        <location filename="../presentation/SyncStatusModel.cpp" line="228"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf die Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf die Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="220"/>
        <source>The server cannot be reached; Bizy tries again by itself.</source>
        <translation>Der Server ist nicht erreichbar; Bizy versucht es von selbst erneut.</translation>
    </message>
    <message>
        <location filename="../presentation/SyncStatusModel.cpp" line="227"/>
        <source>No changes waiting to sync</source>
        <translation>Keine Änderungen warten auf die Synchronisierung</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation/SyncStatusModel.cpp" line="232"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::SyncStatusWidget</name>
    <message>
        <location filename="../ui/SyncStatusWidget.cpp" line="21"/>
        <source>Syncing</source>
        <translation>Synchronisierung läuft</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusWidget.cpp" line="35"/>
        <source>Some changes did not survive sync. Click to review them.</source>
        <translation>Einige Änderungen haben die Synchronisierung nicht überstanden. Klicken Sie, um sie anzusehen.</translation>
    </message>
</context>
<context>
    <name>bizy::TaskDialog</name>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="68"/>
        <source>New Task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="68"/>
        <source>Edit Task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="88"/>
        <source>What needs doing?</source>
        <translation>Was ist zu tun?</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="94"/>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="109"/>
        <source>e.g. Work, Home</source>
        <translation>z. B. Arbeit, Zuhause</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="128"/>
        <location filename="../ui/TaskDialog.cpp" line="131"/>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="133"/>
        <source>&amp;Estimated:</source>
        <translation>&amp;Geschätzt:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="145"/>
        <source>Comma separated, e.g. urgent, phone</source>
        <translation>Durch Kommas getrennt, z. B. dringend, Telefon</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="147"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="176"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="179"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="181"/>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="183"/>
        <source>Hours:</source>
        <translation>Stunden:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="185"/>
        <source>Ta&amp;gs:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="186"/>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="187"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="241"/>
        <source>Enter a number of hours, e.g. 1.5</source>
        <translation>Geben Sie eine Stundenzahl ein, z. B. 1,5</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="135"/>
        <source>Actua&amp;l:</source>
        <translation>Tatsäch&amp;lich:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="177"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="180"/>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="113"/>
        <source>Has a due date</source>
        <translation>Hat ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="114"/>
        <source>Untick for a task without a due date</source>
        <translation>Für eine Aufgabe ohne Fälligkeitsdatum den Haken entfernen</translation>
    </message>
    <message>
        <location filename="../ui/TaskDialog.cpp" line="182"/>
        <source>D&amp;ue date:</source>
        <translation>&amp;Fällig am:</translation>
    </message>
</context>
<context>
    <name>bizy::TaskEditor</name>
    <message>
        <location filename="../presentation/TaskEditor.cpp" line="24"/>
        <source>The tasks are not open.</source>
        <translation>Die Aufgaben sind nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>bizy::TaskListModel</name>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="129"/>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="131"/>
        <source>Completed on %1</source>
        <translation>Erledigt am %1</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="159"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="161"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="271"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="273"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="275"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="277"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="279"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="281"/>
        <source>Goal</source>
        <translation type="unfinished">Ziel</translation>
    </message>
    <message>
        <location filename="../presentation/TaskListModel.cpp" line="283"/>
        <source>Tags</source>
        <translation type="unfinished">Schlagwörter</translation>
    </message>
</context>
<context>
    <name>bizy::TaskFilterBar</name>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Search tasks</source>
        <translation>Aufgaben suchen</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Search tasks (Ctrl+F)</source>
        <translation>Aufgaben suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Show tasks with this status</source>
        <translation>Aufgaben mit diesem Status anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Show tasks with this priority</source>
        <translation>Aufgaben mit dieser Priorität anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Any priority</source>
        <translation>Jede Priorität</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Show tasks in this category</source>
        <translation>Aufgaben dieser Kategorie anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Any category</source>
        <translation>Jede Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Show tasks with this tag</source>
        <translation>Aufgaben mit diesem Schlagwort anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/TaskFilterBar.cpp"/>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
</context>
<context>
    <name>bizy::TaskPage</name>
    <message>
        <location filename="../ui/TaskPage.cpp" line="74"/>
        <source>&amp;New Task...</source>
        <translation>&amp;Neue Aufgabe...</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="77"/>
        <source>Add a task (Ctrl+N)</source>
        <translation>Eine Aufgabe hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="81"/>
        <source>&amp;Edit Task...</source>
        <translation>Aufgabe &amp;bearbeiten...</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="86"/>
        <source>Edit the selected task (Enter)</source>
        <translation>Die ausgewählte Aufgabe bearbeiten (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="90"/>
        <location filename="../ui/TaskPage.cpp" line="378"/>
        <source>&amp;Complete</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="96"/>
        <source>&amp;Delete Task...</source>
        <translation>Aufgabe &amp;löschen...</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="101"/>
        <source>Delete the selected task (Del)</source>
        <translation>Die ausgewählte Aufgabe löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="104"/>
        <source>Set &amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="114"/>
        <source>Set D&amp;ue Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="126"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="127"/>
        <source>T&amp;omorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="128"/>
        <source>&amp;Next Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="133"/>
        <source>No Due &amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="136"/>
        <source>&amp;Move to Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="141"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="173"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="254"/>
        <source>No Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="378"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="379"/>
        <source>Mark the selected task as not done (Ctrl+D)</source>
        <translation>Die ausgewählte Aufgabe wieder als offen markieren (Strg+D)</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="380"/>
        <source>Mark the selected task as done (Ctrl+D)</source>
        <translation>Die ausgewählte Aufgabe als erledigt markieren (Strg+D)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TaskPage.cpp" line="389"/>
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n Aufgabe angezeigt</numerusform>
            <numerusform>%n Aufgaben angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="394"/>
        <source>Your tasks could not be read: %1</source>
        <translation>Ihre Aufgaben konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="396"/>
        <source>No tasks yet. Press Ctrl+N to add one.</source>
        <translation>Noch keine Aufgaben. Drücken Sie Strg+N, um eine hinzuzufügen.</translation>
    </message>
    <message>
        <source>No tasks match the search or the status filter.</source>
        <translation type="vanished">Keine Aufgabe passt zur Suche oder zum Statusfilter.</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="439"/>
        <source>The task could not be opened.</source>
        <translation>Die Aufgabe konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="62"/>
        <location filename="../ui/TaskPage.cpp" line="488"/>
        <source>The task could not be changed.</source>
        <translation>Die Aufgabe konnte nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="528"/>
        <source>Delete Task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="526"/>
        <source>Delete the task “%1”?</source>
        <translation>Die Aufgabe „%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="399"/>
        <source>No tasks in “%1” match the search or the status filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="403"/>
        <source>Nothing in “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="514"/>
        <source>The tasks could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TaskPage.cpp" line="527"/>
        <source>Delete %n task(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="531"/>
        <source>This cannot be undone.</source>
        <translation>Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="532"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/TaskPage.cpp" line="547"/>
        <source>The task could not be deleted.</source>
        <translation>Die Aufgabe konnte nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>bizy::TaskViewsModel</name>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="52"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="54"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="56"/>
        <source>Overdue</source>
        <translation type="unfinished">Überfällig</translation>
    </message>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="58"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="60"/>
        <source>Completed</source>
        <translation type="unfinished">Erledigt</translation>
    </message>
    <message>
        <location filename="../presentation/TaskViewsModel.cpp" line="141"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="44"/>
        <source>Offline-first task and goal manager.</source>
        <translation>Aufgaben- und Zielplaner, der auch offline funktioniert.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="48"/>
        <source>Log debug details of Bizy&apos;s modules.</source>
        <translation>Debug-Details der Bizy-Module protokollieren.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>Use the task store at &lt;path&gt;, whoever logs in.</source>
        <translation>Den Aufgabenspeicher unter &lt;Pfad&gt; verwenden, wer auch immer sich anmeldet.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="52"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="54"/>
        <source>Sync with the Bizy server at &lt;url&gt;.</source>
        <translation>Mit dem Bizy-Server unter &lt;URL&gt; synchronisieren.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="55"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="83"/>
        <source>Bizy</source>
        <translation>Bizy</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="84"/>
        <source>Bizy cannot open your tasks.</source>
        <translation>Bizy kann Ihre Aufgaben nicht öffnen.</translation>
    </message>
</context>
<context>
    <name>bizy::DashboardModel</name>
    <message>
        <source>No category</source>
        <translation>Ohne Kategorie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>bizy::DashboardPage</name>
    <message>
        <source>Your dashboard is empty</source>
        <translation>Ihr Dashboard ist leer</translation>
    </message>
    <message>
        <source>Add tasks and goals. As you complete them, this page shows how your work stands: what is open and overdue, what you finished each day and how far your goals have come.</source>
        <translation>Legen Sie Aufgaben und Ziele an. Sobald Sie sie erledigen, zeigt diese Seite, wie Ihre Arbeit steht: was offen und überfällig ist, was Sie an jedem Tag erledigt haben und wie weit Ihre Ziele gekommen sind.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>Erledigungsquote</translation>
    </message>
    <message>
        <source>Completed in 30 days</source>
        <translation>In 30 Tagen erledigt</translation>
    </message>
    <message>
        <source>Completed per day, last 30 days</source>
        <translation>Erledigt pro Tag, letzte 30 Tage</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Nach Status</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>Nach Priorität</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Nach Kategorie</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Goals by horizon</source>
        <translation>Ziele nach Horizont</translation>
    </message>
    <message>
        <source>%1 goals, average progress</source>
        <translation>Durchschnittlicher Fortschritt der Ziele (%1)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>a day on the dashboard's axis, without the year</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>most on %1: %2</source>
        <translation>die meisten am %1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>Keine Aufgaben</translation>
    </message>
    <message>
        <source>no goals</source>
        <translation>keine Ziele</translation>
    </message>
    <message>
        <source>%1 active of %2</source>
        <translation>%1 von %2 aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) completed in the last 30 days</source>
        <translation>
            <numerusform>%n Aufgabe in den letzten 30 Tagen erledigt</numerusform>
            <numerusform>%n Aufgaben in den letzten 30 Tagen erledigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::MainWindow</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>How your tasks and goals stand (Ctrl+1)</source>
        <translation>Wie Ihre Aufgaben und Ziele stehen (Strg+1)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <source>The task list (Ctrl+2)</source>
        <translation>Die Aufgabenliste (Strg+2)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>The dashboard could not be read.</source>
        <translation>Das Dashboard konnte nicht gelesen werden.</translation>
    </message>
</context>
</TS>

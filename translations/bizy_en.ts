<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>bizy::ConflictListModel</name>
    <message numerus="yes">
        <source>%n change(s) did not survive sync as you made them. Restore brings a lost value back; Dismiss keeps things as they are.</source>
        <translation>
            <numerusform>%n change did not survive sync as you made it. Restore brings a lost value back; Dismiss keeps things as they are.</numerusform>
            <numerusform>%n changes did not survive sync as you made them. Restore brings a lost value back; Dismiss keeps things as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::DashboardPage</name>
    <message numerus="yes">
        <source>%n task(s) completed in the last 30 days</source>
        <translation>
            <numerusform>%n task completed in the last 30 days</numerusform>
            <numerusform>%n tasks completed in the last 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) did not survive sync. See Sync &gt; Conflicts.</source>
        <translation>
            <numerusform>%n change did not survive sync. See Sync &gt; Conflicts.</numerusform>
            <numerusform>%n changes did not survive sync. See Sync &gt; Conflicts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::SyncStatusModel</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizy::TaskPage</name>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n task shown</numerusform>
            <numerusform>%n tasks shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n task(s). Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Deleted %n task. Ctrl+Z brings it back.</numerusform>
            <numerusform>Deleted %n tasks. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>bizy::MainWindow</name>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n task shown</numerusform>
            <numerusform>%n tasks shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
</TS>

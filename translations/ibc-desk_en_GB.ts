<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ibc::models::Cache</name>
    <message numerus="yes">
        <source>%n change(s) not yet sent were saved to %1: give this file to your IBC support desk so that nothing is lost.</source>
        <translation>
            <numerusform>%n change not yet sent was saved to %1: give this file to your IBC support desk so that nothing is lost.</numerusform>
            <numerusform>%n changes not yet sent were saved to %1: give this file to your IBC support desk so that nothing is lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::ItemPanel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>

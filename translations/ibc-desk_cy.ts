<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>ibc::models::Cache</name>
    <message>
        <source>The file at the cache&apos;s place is not an IBC Desk cache.</source>
        <translation>Nid storfa leol IBC Desk yw&apos;r ffeil sydd lle dylai&apos;r storfa leol fod.</translation>
    </message>
    <message>
        <source>The cache was written by a newer version of IBC Desk (schema %1; this version reads up to %2).</source>
        <translation>Cafodd y storfa leol ei hysgrifennu gan fersiwn fwy diweddar o IBC Desk (sgema %1; mae&apos;r fersiwn hon yn darllen hyd at %2).</translation>
    </message>
    <message>
        <source>The cache file is damaged and cannot be read.</source>
        <translation>Mae ffeil y storfa leol wedi&apos;i difrodi ac nid oes modd ei darllen.</translation>
    </message>
    <message>
        <source>It has been kept, unchanged, as %1, and a new cache has been started.</source>
        <translation>Mae&apos;r ffeil wedi&apos;i chadw, heb ei newid, fel %1, ac mae storfa leol newydd wedi&apos;i chreu.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent were saved to %1: give this file to your IBC support desk so that nothing is lost.</source>
        <translation>
            <numerusform>Mae %n newid heb eu hanfon wedi&apos;u cadw yn y ffeil %1: rhowch y ffeil hon i&apos;ch desg gymorth IBC fel na fydd dim yn cael ei golli.</numerusform>
            <numerusform>Mae %n newid heb ei anfon wedi&apos;i gadw yn y ffeil %1: rhowch y ffeil hon i&apos;ch desg gymorth IBC fel na fydd dim yn cael ei golli.</numerusform>
            <numerusform>Mae %n newid heb eu hanfon wedi&apos;u cadw yn y ffeil %1: rhowch y ffeil hon i&apos;ch desg gymorth IBC fel na fydd dim yn cael ei golli.</numerusform>
            <numerusform>Mae %n newid heb eu hanfon wedi&apos;u cadw yn y ffeil %1: rhowch y ffeil hon i&apos;ch desg gymorth IBC fel na fydd dim yn cael ei golli.</numerusform>
            <numerusform>Mae %n newid heb eu hanfon wedi&apos;u cadw yn y ffeil %1: rhowch y ffeil hon i&apos;ch desg gymorth IBC fel na fydd dim yn cael ei golli.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::models::Command</name>
    <message>
        <source>Claim</source>
        <translation>Hawlio</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Rhyddhau</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>Dechrau gweithio</translation>
    </message>
    <message>
        <source>Request information</source>
        <translation>Gofyn am wybodaeth</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Ailddechrau</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Uwchgyfeirio</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Datrys</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Ailagor</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Ailneilltuo</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Golygu manylion</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Anfon yn ôl</translation>
    </message>
</context>
<context>
    <name>ibc::models::Fields</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1: rhaid llenwi&apos;r maes hwn.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1: rhaid rhoi testun.</translation>
    </message>
    <message>
        <source>%1 is longer than 200 characters.</source>
        <translation>Mae %1 yn hirach na 200 nod.</translation>
    </message>
    <message>
        <source>%1 is longer than 5,000 characters.</source>
        <translation>Mae %1 yn hirach na 5,000 nod.</translation>
    </message>
    <message>
        <source>%1 must be E followed by seven digits, like E1234567.</source>
        <translation>%1: rhaid rhoi E ac yna saith digid, fel E1234567.</translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD.</source>
        <translation>%1: rhaid rhoi dyddiad ar ffurf BBBB-MM-DD.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of pence.</source>
        <translation>%1: rhaid rhoi nifer cyfan o geiniogau.</translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation>Mae %1 yn rhy fawr.</translation>
    </message>
    <message>
        <source>%1 must be a number of hours from 0 to 48.</source>
        <translation>%1: rhaid rhoi nifer o oriau rhwng 0 a 48.</translation>
    </message>
    <message>
        <source>%1 must be six digits written as 12-34-56.</source>
        <translation>%1: rhaid rhoi chwe digid ar ffurf 12-34-56.</translation>
    </message>
    <message>
        <source>%1 must be eight digits.</source>
        <translation>%1: rhaid rhoi wyth digid.</translation>
    </message>
    <message>
        <source>%1 must be 0, 5 or 20.</source>
        <translation>%1: rhaid rhoi 0, 5 neu 20.</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>Rhif gweithiwr</translation>
    </message>
    <message>
        <source>Employee name</source>
        <translation>Enw&apos;r gweithiwr</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Teitl swydd</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Dyddiad dod i rym</translation>
    </message>
    <message>
        <source>Payroll cut-off</source>
        <translation>Dyddiad cau&apos;r gyflogres</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Gradd</translation>
    </message>
    <message>
        <source>Annual salary</source>
        <translation>Cyflog blynyddol</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Oriau&apos;r wythnos</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Rheswm dros adael</translation>
    </message>
    <message>
        <source>Current hours a week</source>
        <translation>Oriau presennol yr wythnos</translation>
    </message>
    <message>
        <source>New hours a week</source>
        <translation>Oriau newydd yr wythnos</translation>
    </message>
    <message>
        <source>Sort code</source>
        <translation>Cod didoli</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Rhif cyfrif</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Cyfeiriad newydd</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Type of leave</source>
        <translation>Math o absenoldeb</translation>
    </message>
    <message>
        <source>Leave starts</source>
        <translation>Dechrau&apos;r absenoldeb</translation>
    </message>
    <message>
        <source>Leave ends</source>
        <translation>Diwedd yr absenoldeb</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Cyflenwr</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Rhif anfoneb</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Archeb brynu</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation>Cyfradd TAW (%)</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TAW</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Gros</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Dyddiad anfoneb</translation>
    </message>
    <message>
        <source>Payment due (30 days)</source>
        <translation>Taliad yn ddyledus (30 diwrnod)</translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation>Cyfnod talu</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Swm</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>New starter</source>
        <translation>Dechreuwr newydd</translation>
    </message>
    <message>
        <source>Leaver</source>
        <translation>Ymadawr</translation>
    </message>
    <message>
        <source>Change of hours</source>
        <translation>Newid oriau</translation>
    </message>
    <message>
        <source>Bank details change</source>
        <translation>Newid manylion banc</translation>
    </message>
    <message>
        <source>Change of address</source>
        <translation>Newid cyfeiriad</translation>
    </message>
    <message>
        <source>Family leave</source>
        <translation>Absenoldeb teuluol</translation>
    </message>
    <message>
        <source>No purchase order</source>
        <translation>Dim archeb brynu</translation>
    </message>
    <message>
        <source>Price mismatch</source>
        <translation>Anghysondeb pris</translation>
    </message>
    <message>
        <source>Quantity mismatch</source>
        <translation>Anghysondeb nifer</translation>
    </message>
    <message>
        <source>Suspected duplicate</source>
        <translation>Dyblygiad posibl</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Dan anghydfod</translation>
    </message>
    <message>
        <source>Overpayment</source>
        <translation>Gordaliad</translation>
    </message>
    <message>
        <source>Underpayment</source>
        <translation>Tandaliad</translation>
    </message>
    <message>
        <source>Missing timesheet</source>
        <translation>Taflen amser ar goll</translation>
    </message>
    <message>
        <source>Tax code query</source>
        <translation>Ymholiad cod treth</translation>
    </message>
    <message>
        <source>Negative net pay</source>
        <translation>Cyflog net negyddol</translation>
    </message>
    <message>
        <source>Pension query</source>
        <translation>Ymholiad pensiwn</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Wedi&apos;i brosesu</translation>
    </message>
    <message>
        <source>Returned as incomplete</source>
        <translation>Wedi&apos;i ddychwelyd yn anghyflawn</translation>
    </message>
    <message>
        <source>Duplicate of another request</source>
        <translation>Dyblygiad o gais arall</translation>
    </message>
    <message>
        <source>Withdrawn by the partner</source>
        <translation>Wedi&apos;i dynnu&apos;n ôl gan y partner</translation>
    </message>
    <message>
        <source>Approved for payment</source>
        <translation>Wedi&apos;i chymeradwyo i&apos;w thalu</translation>
    </message>
    <message>
        <source>Credit note requested</source>
        <translation>Gofynnwyd am nodyn credyd</translation>
    </message>
    <message>
        <source>Returned to supplier</source>
        <translation>Wedi&apos;i dychwelyd i&apos;r cyflenwr</translation>
    </message>
    <message>
        <source>Cancelled as a duplicate</source>
        <translation>Wedi&apos;i chanslo fel dyblygiad</translation>
    </message>
    <message>
        <source>Corrected in the next payroll</source>
        <translation>Wedi&apos;i gywiro yn y gyflogres nesaf</translation>
    </message>
    <message>
        <source>Off-cycle payment made</source>
        <translation>Gwnaed taliad y tu allan i&apos;r cylch</translation>
    </message>
    <message>
        <source>Recovery arranged</source>
        <translation>Trefnwyd i adennill yr arian</translation>
    </message>
    <message>
        <source>No change needed</source>
        <translation>Dim angen newid</translation>
    </message>
</context>
<context>
    <name>ibc::models::Lifecycle</name>
    <message>
        <source>This item is not in the work of the partners you handle.</source>
        <translation>Nid yw&apos;r eitem hon yn rhan o waith y partneriaid rydych chi&apos;n delio â nhw.</translation>
    </message>
    <message>
        <source>Your role can read work items but not change them.</source>
        <translation>Gall eich rôl ddarllen eitemau gwaith ond nid eu newid.</translation>
    </message>
    <message>
        <source>Only a team leader can do this (%1).</source>
        <translation>Dim ond arweinydd tîm sy&apos;n gallu gwneud hyn (%1).</translation>
    </message>
    <message>
        <source>You can&apos;t do this (%1) while the item is %2.</source>
        <translation>Ni allwch wneud hyn (%1) gan mai “%2” yw statws yr eitem.</translation>
    </message>
    <message>
        <source>This item is already assigned to %1.</source>
        <translation>Mae&apos;r eitem hon eisoes wedi&apos;i neilltuo i %1.</translation>
    </message>
    <message>
        <source>This item is already assigned to you.</source>
        <translation>Mae&apos;r eitem hon eisoes wedi&apos;i neilltuo i chi.</translation>
    </message>
    <message>
        <source>Claim this item before you work on it.</source>
        <translation>Hawliwch yr eitem hon cyn i chi weithio arni.</translation>
    </message>
    <message>
        <source>This item is assigned to %1. Only they can do this (%2).</source>
        <translation>Mae&apos;r eitem hon wedi&apos;i neilltuo i %1. Dim ond y person hwnnw sy&apos;n gallu gwneud hyn (%2).</translation>
    </message>
    <message>
        <source>Say why: a reason is needed to do this (%1).</source>
        <translation>Dywedwch pam: mae angen rheswm i wneud hyn (%1).</translation>
    </message>
    <message>
        <source>Choose an outcome before resolving the item.</source>
        <translation>Dewiswch ganlyniad cyn datrys yr eitem.</translation>
    </message>
    <message>
        <source>“%1” is not an outcome for this kind of item.</source>
        <translation>Nid yw “%1” yn ganlyniad ar gyfer y math hwn o eitem.</translation>
    </message>
    <message>
        <source>The note is empty. Type the note before adding it.</source>
        <translation>Mae&apos;r nodyn yn wag. Teipiwch y nodyn cyn ei ychwanegu.</translation>
    </message>
    <message>
        <source>Choose who to assign the item to.</source>
        <translation>Dewiswch i bwy i neilltuo&apos;r eitem.</translation>
    </message>
    <message>
        <source>%1 is not a caseworker who can work this item.</source>
        <translation>Nid yw %1 yn weithiwr achos sy&apos;n gallu gweithio ar yr eitem hon.</translation>
    </message>
    <message>
        <source>Nothing would change: %1.</source>
        <translation>Ni fyddai dim yn newid: %1.</translation>
    </message>
    <message>
        <source>No details were changed.</source>
        <translation>Ni newidiwyd unrhyw fanylion.</translation>
    </message>
    <message>
        <source>the item is already assigned to %1</source>
        <translation>mae&apos;r eitem eisoes wedi&apos;i neilltuo i %1</translation>
    </message>
    <message>
        <source>“%1” is not a detail of this kind of item.</source>
        <translation>Nid yw “%1” yn un o fanylion y math hwn o eitem.</translation>
    </message>
    <message>
        <source>the details are as they were</source>
        <translation>mae&apos;r manylion heb newid</translation>
    </message>
</context>
<context>
    <name>ibc::models::QueueModel</name>
    <message>
        <source>Today %1</source>
        <translation>Heddiw %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Yfory %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ddoe %1</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>CLG</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Swm</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Wedi&apos;i neilltuo i</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
</context>
<context>
    <name>ibc::models::Sla</name>
    <message>
        <source>On track</source>
        <translation>Ar y trywydd iawn</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Mewn perygl</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Wedi&apos;i dorri</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Wedi&apos;i oedi</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Wedi&apos;i gyflawni</translation>
    </message>
</context>
<context>
    <name>ibc::models::User</name>
    <message>
        <source>Caseworker</source>
        <translation>Gweithiwr achos</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Arweinydd tîm</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Archwilydd</translation>
    </message>
    <message>
        <source>Intake system</source>
        <translation>System dderbyn</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Gweinyddwr</translation>
    </message>
</context>
<context>
    <name>ibc::models::WorkItem</name>
    <message>
        <source>HR change</source>
        <translation>Newid AD</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Anfoneb</translation>
    </message>
    <message>
        <source>Payroll exception</source>
        <translation>Eithriad cyflogres</translation>
    </message>
    <message>
        <source>HR changes</source>
        <translation>Newidiadau AD</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Anfonebau</translation>
    </message>
    <message>
        <source>Payroll exceptions</source>
        <translation>Eithriadau cyflogres</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Wedi&apos;i neilltuo</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Ar waith</translation>
    </message>
    <message>
        <source>Awaiting information</source>
        <translation>Yn aros am wybodaeth</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Wedi&apos;i huwchgyfeirio</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Wedi&apos;i datrys</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wedi&apos;i hailagor</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ar gau</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Arferol</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Brys</translation>
    </message>
</context>
<context>
    <name>ibc::ui::CommandDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>What information do you need, and from whom?</source>
        <translation>Pa wybodaeth sydd ei hangen arnoch chi, a gan bwy?</translation>
    </message>
    <message>
        <source>Why does this need a team leader?</source>
        <translation>Pam mae angen arweinydd tîm ar hyn?</translation>
    </message>
    <message>
        <source>Why is this item being reopened?</source>
        <translation>Pam mae&apos;r eitem hon yn cael ei hailagor?</translation>
    </message>
    <message>
        <source>What needs doing before this can be approved?</source>
        <translation>Beth sydd angen ei wneud cyn y gellir cymeradwyo hyn?</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Choose an outcome…</source>
        <translation>Dewiswch ganlyniad…</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Canlyniad:</translation>
    </message>
    <message>
        <source>Optional: what was done, for whoever reads this next</source>
        <translation>Dewisol: beth a wnaed, ar gyfer pwy bynnag fydd yn darllen hyn nesaf</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
    <message>
        <source>Choose a caseworker…</source>
        <translation>Dewiswch weithiwr achos…</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>&amp;Neilltuo i:</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>Dewiswch y canlyniad.</translation>
    </message>
    <message>
        <source>Choose who should have the item.</source>
        <translation>Dewiswch pwy ddylai gael yr eitem.</translation>
    </message>
    <message>
        <source>Change a detail first.</source>
        <translation>Newidiwch fanylyn yn gyntaf.</translation>
    </message>
    <message>
        <source>Say why, so that the next person knows.</source>
        <translation>Dywedwch pam, fel bod y person nesaf yn gwybod.</translation>
    </message>
</context>
<context>
    <name>ibc::ui::ItemPanel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>ymhen %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 yn ôl</translation>
    </message>
    <message>
        <source>Choose an item in the queue, or press “Next item” (Ctrl+N) to take the most urgent one.</source>
        <translation>Dewiswch eitem yn y ciw, neu pwyswch “Eitem nesaf” (Ctrl+N) i gymryd yr un fwyaf brys.</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Manylion</translation>
    </message>
    <message>
        <source>Type a note for this item. Ctrl+Return adds it.</source>
        <translation>Teipiwch nodyn ar gyfer yr eitem hon. Mae Ctrl+Return yn ei ychwanegu.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Add the note (Ctrl+Return)</source>
        <translation>Ychwanegu&apos;r nodyn (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Nodiadau</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Hanes</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · priority %3&lt;br&gt;Due %4 (%5) · received %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · blaenoriaeth %3&lt;br&gt;Erbyn %4 (%5) · derbyniwyd %6</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#555&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;Dim nodiadau eto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Notes (%1)</source>
        <translation>&amp;Nodiadau (%1)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Your change could not be saved on this computer: %1. Nothing was changed; try again once the problem is fixed.</source>
        <translation>Nid oedd modd cadw eich newid ar y cyfrifiadur hwn: %1. Ni newidiwyd dim; rhowch gynnig arall arni pan fydd y broblem wedi&apos;i datrys.</translation>
    </message>
    <message>
        <source>%1: saved on this computer, waiting to be sent.</source>
        <translation>%1: wedi&apos;i gadw ar y cyfrifiadur hwn, yn aros i gael ei anfon.</translation>
    </message>
</context>
<context>
    <name>ibc::ui::MainWindow</name>
    <message>
        <source>IBC Desk — %1</source>
        <translation>IBC Desk — %1</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Eitem nesaf</translation>
    </message>
    <message>
        <source>Take the most urgent unassigned item you can work, and open it (Ctrl+N)</source>
        <translation>Cymryd yr eitem fwyaf brys heb ei neilltuo y gallwch weithio arni, a&apos;i hagor (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search reference, name, employee number or supplier (Ctrl+F)</source>
        <translation>Chwilio am gyfeirnod, enw, rhif gweithiwr neu gyflenwr (Ctrl+F)</translation>
    </message>
    <message>
        <source>Working on this computer: not connected to a central store</source>
        <translation>Yn gweithio ar y cyfrifiadur hwn: heb gysylltu â storfa ganolog</translation>
    </message>
    <message>
        <source>Could not take the next item: %1</source>
        <translation>Nid oedd modd cymryd yr eitem nesaf: %1</translation>
    </message>
    <message>
        <source>There is no unassigned work you can take right now.</source>
        <translation>Nid oes gwaith heb ei neilltuo y gallwch ei gymryd ar hyn o bryd.</translation>
    </message>
    <message>
        <source>You have taken %1.</source>
        <translation>Rydych chi wedi cymryd %1.</translation>
    </message>
    <message>
        <source>%1 in this view · %2 open · %3 in my work</source>
        <translation>%1 yn yr olwg hon · %2 ar agor · %3 yn fy ngwaith</translation>
    </message>
    <message>
        <source>No changes waiting to be sent</source>
        <translation>Dim newidiadau yn aros i gael eu hanfon</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n newid yn aros i gael eu hanfon</numerusform>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
            <numerusform>%n newid yn aros i gael eu hanfon</numerusform>
            <numerusform>%n newid yn aros i gael eu hanfon</numerusform>
            <numerusform>%n newid yn aros i gael eu hanfon</numerusform>
        </translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="vanished">Wedi&apos;i dorri</translation>
    </message>
</context>
<context>
    <name>ibc::ui::Navigator</name>
    <message>
        <source>My work</source>
        <translation>Fy ngwaith</translation>
    </message>
    <message>
        <source>All open work</source>
        <translation>Yr holl waith agored</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Ciwiau</translation>
    </message>
    <message>
        <source>By partner</source>
        <translation>Yn ôl partner</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Yn ôl statws</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the cache %1 already holds %2 items; give a new file with --cache, or move this one away first.</source>
        <translation>mae %2 eitem yn y storfa leol %1 yn barod; rhowch ffeil newydd gyda --cache, neu symudwch yr un hon o&apos;r ffordd yn gyntaf.</translation>
    </message>
    <message>
        <source>IBC Desk: work the HR change, supplier invoice and payroll exception queues.</source>
        <translation>IBC Desk: gweithio ar giwiau newidiadau AD, anfonebau cyflenwyr ac eithriadau cyflogres.</translation>
    </message>
    <message>
        <source>Use the cache FILE instead of your own.</source>
        <translation>Defnyddio&apos;r storfa leol FILE yn lle eich un chi.</translation>
    </message>
    <message>
        <source>Fill the cache with N demo items, then exit.</source>
        <translation>Llenwi&apos;r storfa leol ag N eitem arddangos, yna gadael.</translation>
    </message>
    <message>
        <source>Seed for --generate-demo (default 1).</source>
        <translation>Hedyn ar gyfer --generate-demo (diofyn: 1).</translation>
    </message>
    <message>
        <source>Work as USERNAME, one of the cache&apos;s users.</source>
        <translation>Gweithio fel USERNAME, un o ddefnyddwyr y storfa leol.</translation>
    </message>
    <message>
        <source>Open the window, save a PNG of it to FILE once loaded, and exit.</source>
        <translation>Agor y ffenestr, cadw PNG ohoni yn FILE ar ôl iddi lwytho, a gadael.</translation>
    </message>
    <message>
        <source>Open on the view NAME: my-work, all, hr, invoices, payroll, partner:CODE, status:NAME.</source>
        <translation>Agor ar yr olwg NAME: my-work, all, hr, invoices, payroll, partner:CODE, status:NAME.</translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation>methu agor y storfa leol %1: %2</translation>
    </message>
    <message>
        <source>IBC Desk: cache problem</source>
        <translation>IBC Desk: problem gyda&apos;r storfa leol</translation>
    </message>
    <message>
        <source>--generate-demo takes a number of items from 1 to 10,000,000, and --seed a whole number: got %1 and %2.</source>
        <translation>mae --generate-demo yn cymryd nifer o eitemau rhwng 1 a 10,000,000, a --seed yn cymryd rhif cyfan: cafwyd %1 a %2.</translation>
    </message>
    <message>
        <source>could not write demo data: %1</source>
        <translation>methu ysgrifennu&apos;r data arddangos: %1</translation>
    </message>
    <message>
        <source>there is no user “%1” in the cache %2.</source>
        <translation>nid oes defnyddiwr “%1” yn y storfa leol %2.</translation>
    </message>
    <message>
        <source>there is no view “%1”.</source>
        <translation>nid oes golwg “%1”.</translation>
    </message>
</context>
</TS>

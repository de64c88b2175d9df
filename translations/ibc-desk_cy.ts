<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>ibc::models</name>
    <message>
        <source>A change of bank details is checked by a second person before anyone is paid into the new account.</source>
        <translation>Mae ail berson yn gwirio newid i fanylion banc cyn i neb gael ei dalu i&apos;r cyfrif newydd.</translation>
    </message>
    <message>
        <source>A death in service is closed only after a second person has checked it.</source>
        <translation>Dim ond ar ôl i ail berson ei wirio y caiff marwolaeth mewn swydd ei chau.</translation>
    </message>
    <message>
        <source>A leaver&apos;s final pay and P45 are checked by a second person.</source>
        <translation>Mae ail berson yn gwirio cyflog olaf a P45 rhywun sy&apos;n gadael.</translation>
    </message>
    <message>
        <source>A change of hours changes pay, so a second person checks it.</source>
        <translation>Mae newid oriau&apos;n newid cyflog, felly mae ail berson yn ei wirio.</translation>
    </message>
    <message>
        <source>An overpayment recovery is checked by a second person before it is taken from pay.</source>
        <translation>Mae ail berson yn gwirio adennill gordaliad cyn ei dynnu o&apos;r cyflog.</translation>
    </message>
    <message>
        <source>An off-cycle payment is checked by a second person before it is paid.</source>
        <translation>Mae ail berson yn gwirio taliad y tu allan i&apos;r cylch cyn ei dalu.</translation>
    </message>
    <message>
        <source>This invoice is over the approval threshold of %1, so a second person checks it before it is paid.</source>
        <translation>Mae&apos;r anfoneb hon dros y trothwy cymeradwyo o %1, felly mae ail berson yn ei gwirio cyn ei thalu.</translation>
    </message>
</context>
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
    <message>
        <source>This change has already been made again or discarded.</source>
        <translation>Mae’r newid hwn eisoes wedi’i wneud eto neu wedi’i daflu.</translation>
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
    <message>
        <source>Pass check</source>
        <translation>Pasio&apos;r gwiriad</translation>
    </message>
    <message>
        <source>Return to maker</source>
        <translation>Dychwelyd i&apos;r gwneuthurwr</translation>
    </message>
    <message>
        <source>Mark sensitive</source>
        <translation>Marcio&apos;n sensitif</translation>
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
    <message>
        <source>National Insurance number</source>
        <translation>Rhif Yswiriant Gwladol</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Cod treth</translation>
    </message>
    <message>
        <source>Supplier&apos;s VAT number</source>
        <translation>Rhif TAW y cyflenwr</translation>
    </message>
    <message>
        <source>No number yet</source>
        <translation>Dim rhif eto</translation>
    </message>
    <message>
        <source>Next of kin or estate</source>
        <translation>Perthynas agosaf neu ystad</translation>
    </message>
    <message>
        <source>Address for letters</source>
        <translation>Cyfeiriad ar gyfer llythyrau</translation>
    </message>
    <message>
        <source>a P45 addressed to %1</source>
        <translation>P45 wedi’i gyfeirio at %1</translation>
    </message>
    <message>
        <source>payslips, letters or emails in %1&apos;s name</source>
        <translation>slipiau cyflog, llythyrau neu e-byst yn enw %1</translation>
    </message>
    <message>
        <source>anything asking %1 to return property or sign a form</source>
        <translation>unrhyw beth sy’n gofyn i %1 ddychwelyd eiddo neu lofnodi ffurflen</translation>
    </message>
    <message>
        <source>Current sort code</source>
        <translation>Cod didoli presennol</translation>
    </message>
    <message>
        <source>Current account number</source>
        <translation>Rhif cyfrif presennol</translation>
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
    <message>
        <source>%1 has claimed this item; the claim holds until %2.</source>
        <translation>Mae %1 wedi hawlio’r eitem hon; mae’r hawliad yn dal tan %2.</translation>
    </message>
    <message>
        <source>taken over from %1: the claim had lapsed</source>
        <translation>wedi’i chymryd drosodd oddi wrth %1: roedd yr hawliad wedi dod i ben</translation>
    </message>
    <message>
        <source>%1 This change cannot be resolved: send it back for the right details, or escalate it, with a note.</source>
        <translation>%1 Ni ellir datrys y newid hwn: anfonwch ef yn ôl am y manylion cywir, neu ei uwchgyfeirio, gyda nodyn.</translation>
    </message>
    <message>
        <source>You made this change, so someone else must check it.</source>
        <translation>Chi wnaeth y newid hwn, felly rhaid i rywun arall ei wirio.</translation>
    </message>
    <message>
        <source>Only a checker or a team leader can check a change.</source>
        <translation>Dim ond gwiriwr neu arweinydd tîm all wirio newid.</translation>
    </message>
    <message>
        <source>it is already marked so</source>
        <translation>mae eisoes wedi&apos;i farcio felly</translation>
    </message>
</context>
<context>
    <name>ibc::models::ModulusCheck</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, llinell %2: %3</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Ni ellir darllen %1: %2</translation>
    </message>
    <message>
        <source>a row is a first and a last sort code, MOD10, MOD11 or DBLAL, fourteen weights and perhaps an exception number, but this row has %1 fields.</source>
        <translation>mae rhes yn god didoli cyntaf ac olaf, MOD10, MOD11 neu DBLAL, pedwar pwysiad ar ddeg ac efallai rif eithriad, ond mae gan y rhes hon %1 maes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sort code: six digits.</source>
        <translation>nid yw &quot;%1&quot; yn god didoli: chwe digid yw cod didoli.</translation>
    </message>
    <message>
        <source>the range ends at %1, before it starts at %2.</source>
        <translation>mae&apos;r ystod yn gorffen ar %1, cyn iddi ddechrau ar %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a check method: MOD10, MOD11 or DBLAL.</source>
        <translation>nid yw &quot;%1&quot; yn ddull gwirio: MOD10, MOD11 neu DBLAL yw&apos;r dulliau.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weight: a whole number of up to three digits.</source>
        <translation>nid yw &quot;%1&quot; yn bwysiad: rhif cyfan o hyd at dri digid yw pwysiad.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an exception: a number from 1 to 14.</source>
        <translation>nid yw &quot;%1&quot; yn eithriad: rhif o 1 i 14 yw eithriad.</translation>
    </message>
    <message>
        <source>%1 has no rows.</source>
        <translation>Nid oes unrhyw resi yn %1.</translation>
    </message>
    <message>
        <source>a row is a sort code and the sort code to check it as, six digits each, but this row is &quot;%1&quot;.</source>
        <translation>mae rhes yn god didoli a&apos;r cod didoli i&apos;w wirio yn ei le, chwe digid yr un, ond &quot;%1&quot; yw&apos;r rhes hon.</translation>
    </message>
    <message>
        <source>sort code %1 is substituted a second time.</source>
        <translation>mae cod didoli %1 yn cael ei amnewid am yr eildro.</translation>
    </message>
    <message>
        <source>The sort code must be six digits, like 12-34-56.</source>
        <translation>Rhaid i&apos;r cod didoli fod yn chwe digid, fel 12-34-56.</translation>
    </message>
    <message>
        <source>The account number must be six to ten digits.</source>
        <translation>Rhaid i&apos;r rhif cyfrif fod rhwng chwech a deg digid.</translation>
    </message>
    <message>
        <source>The account number %1 could exist at sort code %2: it passes the bank&apos;s modulus check.</source>
        <translation>Gallai&apos;r rhif cyfrif %1 fodoli yn y cod didoli %2: mae&apos;n pasio gwiriad modwlws y banc.</translation>
    </message>
    <message>
        <source>The account number %1 cannot exist at sort code %2: it fails the bank&apos;s modulus check. Check both with the account holder.</source>
        <translation>Ni all y rhif cyfrif %1 fodoli yn y cod didoli %2: mae&apos;n methu gwiriad modwlws y banc. Gwiriwch y ddau gyda deiliad y cyfrif.</translation>
    </message>
    <message>
        <source>Sort code %1 has no modulus check, so the account number %2 could not be checked; it is accepted as it stands.</source>
        <translation>Nid oes gwiriad modwlws ar gyfer y cod didoli %1, felly nid oedd modd gwirio&apos;r rhif cyfrif %2; caiff ei dderbyn fel y mae.</translation>
    </message>
    <message>
        <source>The account number %1 at sort code %2 may be a foreign-currency account, which the modulus check cannot test; it is accepted as it stands.</source>
        <translation>Gall y rhif cyfrif %1 yn y cod didoli %2 fod yn gyfrif arian tramor, na all y gwiriad modwlws ei brofi; caiff ei dderbyn fel y mae.</translation>
    </message>
</context>
<context>
    <name>ibc::models::NationalInsurance</name>
    <message>
        <source>No National Insurance number has been given yet.</source>
        <translation>Nid oes rhif Yswiriant Gwladol wedi&apos;i roi eto.</translation>
    </message>
    <message>
        <source>The National Insurance number %1 is a temporary reference made from a date of birth, not a number HMRC issued: ask for the permanent number.</source>
        <translation>Cyfeirnod dros dro wedi&apos;i lunio o ddyddiad geni yw&apos;r rhif Yswiriant Gwladol %1, nid rhif a roddwyd gan CThEF: gofynnwch am y rhif parhaol.</translation>
    </message>
    <message>
        <source>The National Insurance number starts with TN, which marks a temporary reference, not a number HMRC issued: ask for the permanent number.</source>
        <translation>Mae&apos;r rhif Yswiriant Gwladol yn dechrau gyda TN, sy&apos;n dynodi cyfeirnod dros dro, nid rhif a roddwyd gan CThEF: gofynnwch am y rhif parhaol.</translation>
    </message>
    <message>
        <source>The National Insurance number must be two letters, six digits and a letter from A to D, like AB 12 34 56 C.</source>
        <translation>Rhaid i&apos;r rhif Yswiriant Gwladol fod yn ddwy lythyren, chwe digid a llythyren o A i D, fel AB 12 34 56 C.</translation>
    </message>
    <message>
        <source>The National Insurance number cannot start with %1: D, F, I, Q, U and V are never used in its first two letters.</source>
        <translation>Ni all y rhif Yswiriant Gwladol ddechrau gyda %1: ni ddefnyddir D, F, I, Q, U na V byth yn ei ddwy lythyren gyntaf.</translation>
    </message>
    <message>
        <source>The National Insurance number cannot have %1 as its second letter: D, F, I, O, Q, U and V are never used there.</source>
        <translation>Ni all %1 fod yn ail lythyren y rhif Yswiriant Gwladol: ni ddefnyddir D, F, I, O, Q, U na V byth yno.</translation>
    </message>
    <message>
        <source>The National Insurance number cannot start with %1: HMRC never issues numbers beginning BG, GB, KN, NK, NT, TN or ZZ.</source>
        <translation>Ni all y rhif Yswiriant Gwladol ddechrau gyda %1: nid yw CThEF byth yn rhoi rhifau sy&apos;n dechrau gyda BG, GB, KN, NK, NT, TN na ZZ.</translation>
    </message>
    <message>
        <source>The National Insurance number cannot end in %1: its last letter is always A, B, C or D.</source>
        <translation>Ni all y rhif Yswiriant Gwladol orffen gyda %1: A, B, C neu D yw ei lythyren olaf bob amser.</translation>
    </message>
</context>
<context>
    <name>ibc::models::Postcode</name>
    <message>
        <source>No postcode has been given.</source>
        <translation>Nid oes cod post wedi&apos;i roi.</translation>
    </message>
    <message>
        <source>The postcode %1 is not in the form of a UK postcode: an outward code such as SW1A, M1 or B33, then a digit and two letters, such as 1AA.</source>
        <translation>Nid yw&apos;r cod post %1 ar ffurf cod post yn y DU: cod allanol fel SW1A, M1 neu B33, ac yna digid a dwy lythyren, fel 1AA.</translation>
    </message>
    <message>
        <source>The postcode %1 cannot start with %2: Q, V and X are never the first letter.</source>
        <translation>Ni all y cod post %1 ddechrau gyda %2: ni ddefnyddir Q, V nac X byth yn llythyren gyntaf.</translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 as its second letter: I, J and Z are never used there.</source>
        <translation>Ni all %2 fod yn ail lythyren y cod post %1: ni ddefnyddir I, J na Z byth yno.</translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 after its district number: only A, B, C, D, E, F, G, H, J, K, P, S, T, U and W are used there.</source>
        <translation>Ni all %2 ddod ar ôl rhif ardal y cod post %1: dim ond A, B, C, D, E, F, G, H, J, K, P, S, T, U a W a ddefnyddir yno.</translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 after its district number: only A, B, E, H, M, N, P, R, V, W, X and Y are used there.</source>
        <translation>Ni all %2 ddod ar ôl rhif ardal y cod post %1: dim ond A, B, E, H, M, N, P, R, V, W, X ac Y a ddefnyddir yno.</translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 in its last two letters: C, I, K, M, O and V are never used there.</source>
        <translation>Ni all %2 fod yn nwy lythyren olaf y cod post %1: ni ddefnyddir C, I, K, M, O na V byth yno.</translation>
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
    <message>
        <source>The store did not accept your change to %1: see Conflicts</source>
        <translation>Ni dderbyniodd y storfa eich newid i %1: gweler Gwrthdaro</translation>
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
    <message>
        <source>Met: the work is done.</source>
        <translation>Wedi&apos;i gyflawni: mae&apos;r gwaith wedi&apos;i wneud.</translation>
    </message>
    <message>
        <source>Paused: the clock stops while we wait for information.</source>
        <translation>Wedi&apos;i oedi: mae&apos;r cloc yn stopio tra byddwn yn aros am wybodaeth.</translation>
    </message>
    <message>
        <source>Breached: %1 of working time past its due time.</source>
        <translation>Wedi&apos;i dorri: %1 o amser gwaith ar ôl ei amser dyledus.</translation>
    </message>
    <message>
        <source>At risk: %1 left; work like this (%2) usually takes up to %3.</source>
        <translation>Mewn perygl: %1 ar ôl; mae gwaith fel hyn (%2) fel arfer yn cymryd hyd at %3.</translation>
    </message>
    <message>
        <source>At risk: %1 left, less than a quarter of its time.</source>
        <translation>Mewn perygl: %1 ar ôl, llai na chwarter ei amser.</translation>
    </message>
    <message>
        <source>On track: %1 left.</source>
        <translation>Ar y trywydd iawn: %1 ar ôl.</translation>
    </message>
</context>
<context>
    <name>ibc::models::TaxCode</name>
    <message>
        <source>The tax code %1 is not one HMRC uses: a tax code is a number and L, M, N or T (like 1257L), K and a number (like K475), or BR, D0, D1, NT or 0T, with S or C in front for Scotland or Wales.</source>
        <translation>Nid yw&apos;r cod treth %1 yn un y mae CThEF yn ei ddefnyddio: mae cod treth yn rhif ac L, M, N neu T (fel 1257L), yn K a rhif (fel K475), neu&apos;n BR, D0, D1, NT neu 0T, gydag S neu C o&apos;i flaen ar gyfer yr Alban neu Gymru.</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the higher rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd uwch, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the additional rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd ychwanegol, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the intermediate rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd ganolradd, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the advanced rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd ddatblygedig, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the top rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd uchaf, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the rate of band D%1, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar gyfradd band D%1, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>No tax code has been given.</source>
        <translation>Nid oes cod treth wedi&apos;i roi.</translation>
    </message>
    <message>
        <source>The tax code %1 is only a week 1/month 1 marker: the code itself is missing.</source>
        <translation>Dim ond nod wythnos 1/mis 1 yw&apos;r cod treth %1: mae&apos;r cod ei hun ar goll.</translation>
    </message>
    <message>
        <source>all pay from this job taxed at the basic rate, with no tax-free allowance</source>
        <translation>yr holl gyflog o&apos;r swydd hon yn cael ei drethu ar y gyfradd sylfaenol, heb lwfans di-dreth</translation>
    </message>
    <message>
        <source>no tax taken from pay from this job</source>
        <translation>dim treth yn cael ei thynnu o&apos;r cyflog o&apos;r swydd hon</translation>
    </message>
    <message>
        <source>no tax-free allowance, so all pay from this job is taxed at the usual rates</source>
        <translation>dim lwfans di-dreth, felly mae&apos;r holl gyflog o&apos;r swydd hon yn cael ei drethu ar y cyfraddau arferol</translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: Scottish D codes run from SD0 to SD8.</source>
        <translation>Nid yw&apos;r cod treth %1 yn bodoli: mae codau D yr Alban yn mynd o SD0 i SD8.</translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: the Welsh D codes are CD0 and CD1.</source>
        <translation>Nid yw&apos;r cod treth %1 yn bodoli: CD0 a CD1 yw codau D Cymru.</translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: outside Scotland the D codes are D0 and D1 (and CD0 and CD1 in Wales).</source>
        <translation>Nid yw&apos;r cod treth %1 yn bodoli: y tu allan i&apos;r Alban, D0 a D1 yw&apos;r codau D (a CD0 a CD1 yng Nghymru).</translation>
    </message>
    <message>
        <source>The tax code %1 has no amount: a K code is K and a number from 1 up, like K475.</source>
        <translation>Nid oes swm yn y cod treth %1: mae cod K yn K a rhif o 1 i fyny, fel K475.</translation>
    </message>
    <message>
        <source>The tax code %1 has more than six digits.</source>
        <translation>Mae mwy na chwe digid yn y cod treth %1.</translation>
    </message>
    <message>
        <source>%1 added to taxable pay</source>
        <translation>%1 wedi&apos;i ychwanegu at y cyflog trethadwy</translation>
    </message>
    <message>
        <source>The tax code %1 has no letter after its number: it ends in L, M, N or T, like 1257L.</source>
        <translation>Nid oes llythyren ar ôl y rhif yn y cod treth %1: mae cod treth yn gorffen gydag L, M, N neu T, fel 1257L.</translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1</source>
        <translation>lwfans personol di-dreth o %1</translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1, including Marriage Allowance received from a spouse or civil partner</source>
        <translation>lwfans personol di-dreth o %1, gan gynnwys Lwfans Priodasol a gafwyd gan briod neu bartner sifil</translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1, less Marriage Allowance transferred to a spouse or civil partner</source>
        <translation>lwfans personol di-dreth o %1, llai&apos;r Lwfans Priodasol a drosglwyddwyd i briod neu bartner sifil</translation>
    </message>
    <message>
        <source>tax-free allowance of %1, worked out with other items HMRC needs to review</source>
        <translation>lwfans di-dreth o %1, wedi&apos;i gyfrifo gydag eitemau eraill y mae angen i CThEF eu hadolygu</translation>
    </message>
    <message>
        <source>The tax code %1 ends in %2, a letter HMRC no longer uses: it marked the age-related allowances, which ended in 2016.</source>
        <translation>Mae&apos;r cod treth %1 yn gorffen gyda %2, llythyren nad yw CThEF yn ei defnyddio mwyach: roedd yn dynodi&apos;r lwfansau yn ôl oedran, a ddaeth i ben yn 2016.</translation>
    </message>
    <message>
        <source>The tax code %1 ends in %2, which is not a tax code letter: the number is followed by L, M, N or T.</source>
        <translation>Mae&apos;r cod treth %1 yn gorffen gyda %2, nad yw&apos;n llythyren cod treth: daw L, M, N neu T ar ôl y rhif.</translation>
    </message>
    <message>
        <source>Scottish taxpayer</source>
        <translation>trethdalwr yn yr Alban</translation>
    </message>
    <message>
        <source>Welsh taxpayer</source>
        <translation>trethdalwr yng Nghymru</translation>
    </message>
    <message>
        <source>non-cumulative (week 1/month 1)</source>
        <translation>anghronnus (wythnos 1/mis 1)</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>cronnus</translation>
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
    <name>ibc::models::VatNumber</name>
    <message>
        <source>No VAT registration number has been given.</source>
        <translation>Nid oes rhif cofrestru TAW wedi&apos;i roi.</translation>
    </message>
    <message>
        <source>The VAT registration number %1 cannot exist: government departments are numbered GD000 to GD499.</source>
        <translation>Ni all y rhif cofrestru TAW %1 fodoli: mae adrannau&apos;r llywodraeth wedi&apos;u rhifo o GD000 i GD499.</translation>
    </message>
    <message>
        <source>The VAT registration number %1 cannot exist: health authorities are numbered HA500 to HA999.</source>
        <translation>Ni all y rhif cofrestru TAW %1 fodoli: mae awdurdodau iechyd wedi&apos;u rhifo o HA500 i HA999.</translation>
    </message>
    <message>
        <source>The VAT registration number must be nine digits, or twelve with a branch number, with GB or XI in front or not; or GD or HA and three digits.</source>
        <translation>Rhaid i&apos;r rhif cofrestru TAW fod yn naw digid, neu&apos;n ddeuddeg gyda rhif cangen, gyda GB neu XI o&apos;i flaen neu hebddo; neu&apos;n GD neu HA a thri digid.</translation>
    </message>
    <message>
        <source>The VAT registration number %1 is all noughts, which HMRC never issues: ask for the real number.</source>
        <translation>Dim ond sero sydd yn y rhif cofrestru TAW %1, ac nid yw CThEF byth yn rhoi rhif felly: gofynnwch am y rhif go iawn.</translation>
    </message>
    <message>
        <source>The VAT registration number %1 has check digits that do not match the rest: it is probably mistyped.</source>
        <translation>Nid yw digidau gwirio&apos;r rhif cofrestru TAW %1 yn cyfateb i&apos;r gweddill: mae&apos;n debyg iddo gael ei deipio&apos;n anghywir.</translation>
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
    <message>
        <source>Awaiting check</source>
        <translation>Yn aros am wiriad</translation>
    </message>
    <message>
        <source>Sensitive case</source>
        <translation>Achos sensitif</translation>
    </message>
    <message>
        <source>Bereavement: %1</source>
        <translation>Profedigaeth: %1</translation>
    </message>
</context>
<context>
    <name>ibc::models::WorkingCalendar</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n diwrnod gwaith</numerusform>
            <numerusform>%n diwrnod gwaith</numerusform>
            <numerusform>%n diwrnod gwaith</numerusform>
            <numerusform>%n diwrnod gwaith</numerusform>
            <numerusform>%n diwrnod gwaith</numerusform>
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
        <source>%n working hour(s)</source>
        <translation>
            <numerusform>%n awr waith</numerusform>
            <numerusform>%n awr waith</numerusform>
            <numerusform>%n awr waith</numerusform>
            <numerusform>%n awr waith</numerusform>
            <numerusform>%n awr waith</numerusform>
        </translation>
    </message>
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
        <source>%n working minute(s)</source>
        <translation>
            <numerusform>%n munud gwaith</numerusform>
            <numerusform>%n munud gwaith</numerusform>
            <numerusform>%n munud gwaith</numerusform>
            <numerusform>%n munud gwaith</numerusform>
            <numerusform>%n munud gwaith</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::AuditLogView</name>
    <message>
        <source>Anything</source>
        <translation>Unrhyw beth</translation>
    </message>
    <message>
        <source>Changes to items (all)</source>
        <translation>Newidiadau i eitemau (y cyfan)</translation>
    </message>
    <message>
        <source>Changes applied</source>
        <translation>Newidiadau a gymhwyswyd</translation>
    </message>
    <message>
        <source>Changes refused</source>
        <translation>Newidiadau a wrthodwyd</translation>
    </message>
    <message>
        <source>Changes in conflict</source>
        <translation>Newidiadau sy’n gwrthdaro</translation>
    </message>
    <message>
        <source>Personal data revealed</source>
        <translation>Data personol wedi’i ddatgelu</translation>
    </message>
    <message>
        <source>Items received</source>
        <translation>Eitemau a gafwyd</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cyfrifon</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Data cyfeirio</translation>
    </message>
    <message>
        <source>Service-level rules</source>
        <translation>Rheolau lefelau gwasanaeth</translation>
    </message>
    <message>
        <source>Audit log searches</source>
        <translation>Chwiliadau o’r cofnod archwilio</translation>
    </message>
    <message>
        <source>%1; the item is now at version %2</source>
        <translation>%1; mae’r eitem nawr ar fersiwn %2</translation>
    </message>
    <message>
        <source>%1; refused: %2</source>
        <translation>%1; gwrthodwyd: %2</translation>
    </message>
    <message>
        <source>Added %1 as %2, for %3</source>
        <translation>Ychwanegwyd %1 fel %2, ar gyfer %3</translation>
    </message>
    <message>
        <source>no partner</source>
        <translation>dim partner</translation>
    </message>
    <message>
        <source>Set the password of %1</source>
        <translation>Gosodwyd cyfrinair %1</translation>
    </message>
    <message>
        <source>Disabled the account of %1</source>
        <translation>Analluogwyd cyfrif %1</translation>
    </message>
    <message>
        <source>%1 may now check others&apos; changes</source>
        <translation>Caiff %1 wirio newidiadau pobl eraill bellach</translation>
    </message>
    <message>
        <source>%1 no longer checks others&apos; changes</source>
        <translation>Nid yw %1 yn gwirio newidiadau pobl eraill mwyach</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>o %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>hyd at %1</translation>
    </message>
    <message>
        <source>who: %1</source>
        <translation>pwy: %1</translation>
    </message>
    <message>
        <source>what: %1</source>
        <translation>beth: %1</translation>
    </message>
    <message>
        <source>item: %1</source>
        <translation>eitem: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n rhes wedi’i darllen</numerusform>
            <numerusform>%n rhes wedi’i darllen</numerusform>
            <numerusform>%n rhes wedi’i darllen</numerusform>
            <numerusform>%n rhes wedi’i darllen</numerusform>
            <numerusform>%n rhes wedi’i darllen</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched the whole log; %1</source>
        <translation>Chwiliwyd y cofnod cyfan; %1</translation>
    </message>
    <message>
        <source>Searched for %1; %2</source>
        <translation>Chwiliwyd am %1; %2</translation>
    </message>
    <message>
        <source>Change applied</source>
        <translation>Newid wedi’i gymhwyso</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Newid wedi’i wrthod</translation>
    </message>
    <message>
        <source>Change in conflict</source>
        <translation>Newid sy’n gwrthdaro</translation>
    </message>
    <message>
        <source>Command id used twice</source>
        <translation>Dynodydd gorchymyn wedi’i ddefnyddio ddwywaith</translation>
    </message>
    <message>
        <source>Item received</source>
        <translation>Eitem wedi’i chael</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Wedi mewngofnodi</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Mewngofnodi wedi’i wrthod</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>Cyfrif wedi’i ychwanegu</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Cyfrinair wedi’i osod</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Cyfrif wedi’i analluogi</translation>
    </message>
    <message>
        <source>Made a checker</source>
        <translation>Wedi’i wneud yn wiriwr</translation>
    </message>
    <message>
        <source>No longer a checker</source>
        <translation>Nid yw’n wiriwr mwyach</translation>
    </message>
    <message>
        <source>Modulus tables imported</source>
        <translation>Tablau modwlws wedi’u mewnforio</translation>
    </message>
    <message>
        <source>Service-level rules changed</source>
        <translation>Rheolau lefelau gwasanaeth wedi’u newid</translation>
    </message>
    <message>
        <source>Store seeded with demo data</source>
        <translation>Storfa wedi’i llenwi â data enghreifftiol</translation>
    </message>
    <message>
        <source>Audit log searched</source>
        <translation>Chwiliwyd y cofnod archwilio</translation>
    </message>
    <message>
        <source>Saw %1; reason given: “%2”</source>
        <translation>Gwelodd %1; y rheswm a roddwyd: “%2”</translation>
    </message>
    <message>
        <source>%1 received for %2: %3</source>
        <translation>Cafwyd %1 ar gyfer %2: %3</translation>
    </message>
    <message>
        <source>Session until %1</source>
        <translation>Sesiwn tan %1</translation>
    </message>
    <message>
        <source>Wrong password, or the account is disabled</source>
        <translation>Cyfrinair anghywir, neu mae’r cyfrif wedi’i analluogi</translation>
    </message>
    <message>
        <source>No such username</source>
        <translation>Nid oes enw defnyddiwr o’r fath</translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s) given new due times</source>
        <translation>
            <numerusform>%n eitem agored wedi cael amseroedd dyledus newydd</numerusform>
            <numerusform>%n eitem agored wedi cael amseroedd dyledus newydd</numerusform>
            <numerusform>%n eitem agored wedi cael amseroedd dyledus newydd</numerusform>
            <numerusform>%n eitem agored wedi cael amseroedd dyledus newydd</numerusform>
            <numerusform>%n eitem agored wedi cael amseroedd dyledus newydd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weight row(s)</source>
        <translation>
            <numerusform>%n rhes pwysau</numerusform>
            <numerusform>%n rhes pwysau</numerusform>
            <numerusform>%n rhes pwysau</numerusform>
            <numerusform>%n rhes pwysau</numerusform>
            <numerusform>%n rhes pwysau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demo item(s)</source>
        <translation>
            <numerusform>%n eitem enghreifftiol</numerusform>
            <numerusform>%n eitem enghreifftiol</numerusform>
            <numerusform>%n eitem enghreifftiol</numerusform>
            <numerusform>%n eitem enghreifftiol</numerusform>
            <numerusform>%n eitem enghreifftiol</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Cofnod archwilio</translation>
    </message>
    <message>
        <source>Audit log rows</source>
        <translation>Rhesi’r cofnod archwilio</translation>
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
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Show older rows</source>
        <translation>Dangos rhesi hŷn</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>O’r dyddiad</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hyd at</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hyd at y dyddiad</translation>
    </message>
    <message>
        <source>a username, e.g. sam.patel</source>
        <translation>enw defnyddiwr, e.e. sam.patel</translation>
    </message>
    <message>
        <source>Choose a kind of entry, or type the start of an action, such as command.rejected</source>
        <translation>Dewiswch fath o gofnod, neu teipiwch ddechrau gweithred, fel command.rejected</translation>
    </message>
    <message>
        <source>a reference, e.g. HR-0001234</source>
        <translation>cyfeirnod, e.e. HR-0001234</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Allforio CSV…</translation>
    </message>
    <message>
        <source>Save every row that matches the filters as a CSV file</source>
        <translation>Cadw pob rhes sy’n cyfateb i’r hidlwyr fel ffeil CSV</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>Allforio’r cofnod archwilio fel CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Pwy</translation>
    </message>
    <message>
        <source>W&amp;hat</source>
        <translation>&amp;Beth</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Eitem</translation>
    </message>
    <message>
        <source>The audit log is kept by the central store, and this desk works on its own: it cannot read the log. Nothing of the log is kept on this computer.</source>
        <translation>Y storfa ganolog sy’n cadw’r cofnod archwilio, ac mae’r ddesg hon yn gweithio ar ei phen ei hun: ni all ddarllen y cofnod. Ni chedwir dim o’r cofnod ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Sync is paused, so the audit log cannot be read now: it is the store&apos;s, and nothing of it is kept here. Resume sync to search it.</source>
        <translation>Mae cysoni wedi’i oedi, felly ni ellir darllen y cofnod archwilio nawr: y storfa biau’r cofnod, ac ni chedwir dim ohono yma. Ailddechreuwch gysoni i chwilio ynddo.</translation>
    </message>
    <message>
        <source>The desk is signed out of the store, so the audit log cannot be read now. Sign in again to search it.</source>
        <translation>Mae’r ddesg wedi allgofnodi o’r storfa, felly ni ellir darllen y cofnod archwilio nawr. Mewngofnodwch eto i chwilio ynddo.</translation>
    </message>
    <message>
        <source>The store cannot be reached now, so the audit log cannot be read: it is the store&apos;s, and nothing of it is kept here. Try again when the status bar says Online.</source>
        <translation>Ni ellir cyrraedd y storfa nawr, felly ni ellir darllen y cofnod archwilio: y storfa biau’r cofnod, ac ni chedwir dim ohono yma. Rhowch gynnig arall arni pan fydd y bar statws yn dweud Ar-lein.</translation>
    </message>
    <message>
        <source>Set the filters and press Search: the newest rows come first.</source>
        <translation>Gosodwch yr hidlwyr a phwyso Chwilio: daw’r rhesi mwyaf diweddar yn gyntaf.</translation>
    </message>
    <message>
        <source>The To date is before the From date.</source>
        <translation>Mae’r dyddiad Hyd at cyn y dyddiad O.</translation>
    </message>
    <message>
        <source>Asking the store for the audit log…</source>
        <translation>Yn gofyn i’r storfa am y cofnod archwilio…</translation>
    </message>
    <message>
        <source>Asking the store for older rows…</source>
        <translation>Yn gofyn i’r storfa am resi hŷn…</translation>
    </message>
    <message>
        <source>Exporting the audit log to %1…</source>
        <translation>Yn allforio’r cofnod archwilio i %1…</translation>
    </message>
    <message>
        <source>The audit log could not be read: the store cannot be reached now (%1). Try again when the status bar says Online.</source>
        <translation>Nid oedd modd darllen y cofnod archwilio: ni ellir cyrraedd y storfa nawr (%1). Rhowch gynnig arall arni pan fydd y bar statws yn dweud Ar-lein.</translation>
    </message>
    <message>
        <source>The store refused: only auditors read the audit log.</source>
        <translation>Gwrthododd y storfa: dim ond archwilwyr sy’n darllen y cofnod archwilio.</translation>
    </message>
    <message>
        <source>The store refused the search: %1</source>
        <translation>Gwrthododd y storfa’r chwiliad: %1</translation>
    </message>
    <message>
        <source>No rows of the audit log match these filters.</source>
        <translation>Nid oes unrhyw resi o’r cofnod archwilio yn cyfateb i’r hidlwyr hyn.</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n row(s) that match, newest first; older ones match too.</source>
        <translation>
            <numerusform>Y %n rhes fwyaf diweddar sy’n cyfateb, y mwyaf diweddar yn gyntaf; mae rhai hŷn yn cyfateb hefyd.</numerusform>
            <numerusform>Y %n rhes fwyaf diweddar sy’n cyfateb, y mwyaf diweddar yn gyntaf; mae rhai hŷn yn cyfateb hefyd.</numerusform>
            <numerusform>Y %n rhes fwyaf diweddar sy’n cyfateb, y mwyaf diweddar yn gyntaf; mae rhai hŷn yn cyfateb hefyd.</numerusform>
            <numerusform>Y %n rhes fwyaf diweddar sy’n cyfateb, y mwyaf diweddar yn gyntaf; mae rhai hŷn yn cyfateb hefyd.</numerusform>
            <numerusform>Y %n rhes fwyaf diweddar sy’n cyfateb, y mwyaf diweddar yn gyntaf; mae rhai hŷn yn cyfateb hefyd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) match, newest first.</source>
        <translation>
            <numerusform>%n rhes yn cyfateb, y mwyaf diweddar yn gyntaf.</numerusform>
            <numerusform>%n rhes yn cyfateb, y mwyaf diweddar yn gyntaf.</numerusform>
            <numerusform>%n rhes yn cyfateb, y mwyaf diweddar yn gyntaf.</numerusform>
            <numerusform>%n rhes yn cyfateb, y mwyaf diweddar yn gyntaf.</numerusform>
            <numerusform>%n rhes yn cyfateb, y mwyaf diweddar yn gyntaf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1 of the log</source>
        <translation>Rhes %1 o’r cofnod</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the audit log to %1… %n row(s) so far.</source>
        <translation>
            <numerusform>Yn allforio’r cofnod archwilio i %1… %n rhes hyd yma.</numerusform>
            <numerusform>Yn allforio’r cofnod archwilio i %1… %n rhes hyd yma.</numerusform>
            <numerusform>Yn allforio’r cofnod archwilio i %1… %n rhes hyd yma.</numerusform>
            <numerusform>Yn allforio’r cofnod archwilio i %1… %n rhes hyd yma.</numerusform>
            <numerusform>Yn allforio’r cofnod archwilio i %1… %n rhes hyd yma.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rhes</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>Dynodydd yr eitem</translation>
    </message>
    <message>
        <source>Command id</source>
        <translation>Dynodydd y gorchymyn</translation>
    </message>
    <message>
        <source>Detail (JSON)</source>
        <translation>Manylion (JSON)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Methu ysgrifennu %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Allforiwyd %n rhes i %1.</numerusform>
            <numerusform>Allforiwyd %n rhes i %1.</numerusform>
            <numerusform>Allforiwyd %n rhes i %1.</numerusform>
            <numerusform>Allforiwyd %n rhes i %1.</numerusform>
            <numerusform>Allforiwyd %n rhes i %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export did not finish, and nothing was written: %1</source>
        <translation>Ni orffennodd yr allforio, ac ni ysgrifennwyd dim: %1</translation>
    </message>
</context>
<context>
    <name>ibc::ui::CacheGuard</name>
    <message>
        <source>%1: %2. Try again in a moment; if it keeps happening, restart IBC Desk.</source>
        <translation>%1: %2. Rhowch gynnig arall arni mewn munud; os yw’n dal i ddigwydd, ailgychwynnwch IBC Desk.</translation>
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
    <message>
        <source>%1 — type a new one to change it</source>
        <translation>%1 — teipiwch un newydd i’w newid</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bereavement: do not send&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Profedigaeth: peidiwch ag anfon&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>The change to check</source>
        <translation>Y newid i&apos;w wirio</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Cyn</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Ar ôl</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(dim)</translation>
    </message>
    <message>
        <source>I have checked &amp;each detail against the evidence</source>
        <translation>Rwyf wedi gwirio pob &amp;manylyn yn erbyn y dystiolaeth</translation>
    </message>
    <message>
        <source>What must the maker put right?</source>
        <translation>Beth sy&apos;n rhaid i&apos;r gwneuthurwr ei gywiro?</translation>
    </message>
    <message>
        <source>Confirm that you have checked each detail.</source>
        <translation>Cadarnhewch eich bod wedi gwirio pob manylyn.</translation>
    </message>
    <message>
        <source>%1 It will wait in “Awaiting check” until someone else passes it.</source>
        <translation>%1 Bydd yn aros yn “Yn aros am wiriad” nes i rywun arall ei basio.</translation>
    </message>
    <message>
        <source>Why: a grievance, safeguarding, vetting, a protected address…</source>
        <translation>Pam: cwyn, diogelu, fetio, cyfeiriad gwarchodedig…</translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation>Enwau defnyddwyr, wedi&apos;u gwahanu gan atalnodau</translation>
    </message>
    <message>
        <source>Also &amp;seen by:</source>
        <translation>Hefyd yn cael ei &amp;weld gan:</translation>
    </message>
    <message>
        <source>From now on only its assignee, team leaders and the people named here see this item; lists show no names for it.</source>
        <translation>O hyn ymlaen dim ond y sawl a neilltuwyd, arweinwyr tîm a&apos;r bobl a enwir yma sy&apos;n gweld yr eitem hon; nid yw rhestrau&apos;n dangos enwau ar ei chyfer.</translation>
    </message>
</context>
<context>
    <name>ibc::ui::ConflictsView</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>No conflicts. The store has accepted every change it has received from you; anything not yet sent is still waiting in the outbox.</source>
        <translation>Dim gwrthdaro. Mae&apos;r storfa wedi derbyn pob newid y mae wedi&apos;i gael gennych chi; mae unrhyw beth sydd heb ei anfon eto yn dal i aros yn y blwch anfon.</translation>
    </message>
    <message>
        <source>The store did not accept these changes. The items show the store&apos;s version. Choose a change to see it beside what you saw and what the store has now, then retry, edit or discard it.</source>
        <translation>Ni dderbyniodd y storfa&apos;r newidiadau hyn. Mae&apos;r eitemau&apos;n dangos fersiwn y storfa. Dewiswch newid i&apos;w weld ochr yn ochr â&apos;r hyn a welsoch chi a&apos;r hyn sydd gan y storfa nawr, yna rhowch gynnig arall arno, ei olygu neu ei daflu.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Eich newid</translation>
    </message>
    <message>
        <source>The store&apos;s reason</source>
        <translation>Rheswm y storfa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>What I saw</source>
        <translation>Yr hyn a welais i</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Fy newid i</translation>
    </message>
    <message>
        <source>Theirs (the store now)</source>
        <translation>Eu fersiwn nhw (y storfa nawr)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; your change &amp;nbsp;&amp;nbsp; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; changed in the store since you saw it &amp;nbsp;&amp;nbsp; &lt;b&gt;bold&lt;/b&gt;: you and the store differ</source>
        <translation>&lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; eich newid &amp;nbsp;&amp;nbsp; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; wedi newid yn y storfa ers i chi ei weld &amp;nbsp;&amp;nbsp; &lt;b&gt;trwm&lt;/b&gt;: rydych chi a&apos;r storfa&apos;n wahanol</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Rhoi cynnig arall</translation>
    </message>
    <message>
        <source>Make the same change again, on the item as the store has it now</source>
        <translation>Gwneud yr un newid eto, ar yr eitem fel y mae yn y storfa nawr</translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation>&amp;Golygu a rhoi cynnig arall…</translation>
    </message>
    <message>
        <source>Change what you asked for, then make it again on the item as the store has it now</source>
        <translation>Newid yr hyn y gofynnoch amdano, yna ei wneud eto ar yr eitem fel y mae yn y storfa nawr</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Taflu…</translation>
    </message>
    <message>
        <source>Let your change go: the item keeps the store&apos;s version</source>
        <translation>Gollwng eich newid: mae&apos;r eitem yn cadw fersiwn y storfa</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, with the note %2</source>
        <translation>%1, gyda&apos;r nodyn %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 i %2</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>The conflicts could not be read from this computer&apos;s cache: %1</source>
        <translation>Nid oedd modd darllen y gwrthdaro o storfa leol y cyfrifiadur hwn: %1</translation>
    </message>
    <message>
        <source>“%1” has nothing to change: use Retry</source>
        <translation>Does dim i&apos;w newid yn “%1”: defnyddiwch Rhoi cynnig arall</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>You asked for: %1 — on %2, as %3.</source>
        <translation>Gofynnoch chi am: %1 — ar %2, fel %3.</translation>
    </message>
    <message>
        <source>The item changed in the store before your change reached it: %1</source>
        <translation>Newidiodd yr eitem yn y storfa cyn i&apos;ch newid ei chyrraedd: %1</translation>
    </message>
    <message>
        <source>The store refused your change: %1</source>
        <translation>Gwrthododd y storfa eich newid: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i neilltuo i</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Changed in the store since you saw it</source>
        <translation>Wedi newid yn y storfa ers i chi ei weld</translation>
    </message>
    <message>
        <source>The item is no longer on this computer, so your change cannot be made again. Discard it, or ask your team leader.</source>
        <translation>Nid yw&apos;r eitem ar y cyfrifiadur hwn mwyach, felly nid oes modd gwneud eich newid eto. Taflwch ef, neu gofynnwch i arweinydd eich tîm.</translation>
    </message>
    <message>
        <source>Your change could not be saved on this computer: %1. The conflict is kept; try again once the problem is fixed.</source>
        <translation>Nid oedd modd cadw eich newid ar y cyfrifiadur hwn: %1. Mae&apos;r gwrthdaro wedi&apos;i gadw; rhowch gynnig arall arni ar ôl datrys y broblem.</translation>
    </message>
    <message>
        <source>%1 on %2 was not made again: %3 The conflict is kept: edit it, or discard it.</source>
        <translation>Ni wnaed %1 ar %2 eto: %3 Mae&apos;r gwrthdaro wedi&apos;i gadw: golygwch ef, neu taflwch ef.</translation>
    </message>
    <message>
        <source>%1 on %2: made again on this computer, waiting to be sent.</source>
        <translation>%1 ar %2: wedi&apos;i wneud eto ar y cyfrifiadur hwn, yn aros i gael ei anfon.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nodyn:</translation>
    </message>
    <message>
        <source>Discard your change?</source>
        <translation>Taflu eich newid?</translation>
    </message>
    <message>
        <source>Discard your change to %1?</source>
        <translation>Taflu eich newid i %1?</translation>
    </message>
    <message>
        <source>%1

It will not be sent. The item keeps the store&apos;s version.</source>
        <translation>%1

Ni fydd yn cael ei anfon. Mae&apos;r eitem yn cadw fersiwn y storfa.</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>Taflu fy newid</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Ei gadw</translation>
    </message>
    <message>
        <source>The conflict could not be discarded on this computer: %1</source>
        <translation>Nid oedd modd taflu&apos;r gwrthdaro ar y cyfrifiadur hwn: %1</translation>
    </message>
    <message>
        <source>Your change to %1 was discarded. The item shows the store&apos;s version.</source>
        <translation>Taflwyd eich newid i %1. Mae&apos;r eitem yn dangos fersiwn y storfa.</translation>
    </message>
    <message>
        <source>Changes the store did not accept</source>
        <translation>Newidiadau na dderbyniodd y storfa</translation>
    </message>
    <message>
        <source>The change beside the store&apos;s version</source>
        <translation>Y newid wrth ochr fersiwn y storfa</translation>
    </message>
</context>
<context>
    <name>ibc::ui::DashboardCharts</name>
    <message>
        <source>0–1 working days</source>
        <translation>0–1 diwrnod gwaith</translation>
    </message>
    <message>
        <source>2–5 working days</source>
        <translation>2–5 diwrnod gwaith</translation>
    </message>
    <message>
        <source>6–10 working days</source>
        <translation>6–10 diwrnod gwaith</translation>
    </message>
    <message>
        <source>Over 10 working days</source>
        <translation>Dros 10 diwrnod gwaith</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>working hours</comment>
        <translation>%1 awr</translation>
    </message>
    <message>
        <source>%1 (median %2)</source>
        <translation>%1 (canolrif %2)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Resolved within the service level, by week</source>
        <translation>Wedi’u datrys o fewn y lefel gwasanaeth, fesul wythnos</translation>
    </message>
    <message>
        <source>Open work by age</source>
        <translation>Gwaith agored yn ôl oed</translation>
    </message>
    <message>
        <source>Falling due in the next 10 working days</source>
        <translation>Yn ddyledus yn y 10 diwrnod gwaith nesaf</translation>
    </message>
    <message>
        <source>Resolved per caseworker</source>
        <translation>Wedi’u datrys fesul gweithiwr achos</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Wythnos yn dechrau</translation>
    </message>
    <message>
        <source>%1: resolved</source>
        <translation>%1: wedi’u datrys</translation>
    </message>
    <message>
        <source>%1: in time</source>
        <translation>%1: mewn pryd</translation>
    </message>
    <message>
        <source>%1: %</source>
        <translation>%1: %</translation>
    </message>
    <message>
        <source>All: %</source>
        <translation>Y cyfan: %</translation>
    </message>
    <message>
        <source>Target %</source>
        <translation>Targed %</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>%1: open</source>
        <translation>%1: agored</translation>
    </message>
    <message>
        <source>%1: breached</source>
        <translation>%1: wedi’u torri</translation>
    </message>
    <message>
        <source>All: open</source>
        <translation>Y cyfan: agored</translation>
    </message>
    <message>
        <source>All: breached</source>
        <translation>Y cyfan: wedi’u torri</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Diwrnod gwaith</translation>
    </message>
    <message>
        <source>Falling due</source>
        <translation>Yn ddyledus</translation>
    </message>
    <message>
        <source>Capacity (resolved a day, last 20 working days)</source>
        <translation>Capasiti (wedi’u datrys y dydd, yr 20 diwrnod gwaith diwethaf)</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gweithiwr achos</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Wedi’u datrys</translation>
    </message>
    <message>
        <source>Timed</source>
        <translation>Wedi’u hamseru</translation>
    </message>
    <message>
        <source>Median handling (working hours)</source>
        <translation>Amser trin canolrifol (oriau gwaith)</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>Targed (%1)</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Wedi’u datrys mewn pryd</translation>
    </message>
    <message>
        <source>%1, breached</source>
        <translation>%1, wedi’u torri</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Eitemau agored</translation>
    </message>
    <message>
        <source>Capacity: %1 resolved a working day</source>
        <translation>Capasiti: %1 wedi’u datrys bob diwrnod gwaith</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Eitemau</translation>
    </message>
    <message>
        <source>Items resolved (the %1 who resolved most of %2)</source>
        <translation>Eitemau wedi’u datrys (y %1 a ddatrysodd fwyaf o %2)</translation>
    </message>
    <message>
        <source>Items resolved</source>
        <translation>Eitemau wedi’u datrys</translation>
    </message>
    <message>
        <source>All work</source>
        <translation>Yr holl waith</translation>
    </message>
    <message>
        <source>%1 resolved in the week starting %2</source>
        <translation>%1 wedi’u datrys yn yr wythnos yn dechrau %2</translation>
    </message>
    <message>
        <source>%1 open for %2</source>
        <translation>%1 ar agor ers %2</translation>
    </message>
    <message>
        <source>%1 open for %2, breached</source>
        <translation>%1 ar agor ers %2, wedi’u torri</translation>
    </message>
    <message>
        <source>%1 open for %2, not breached</source>
        <translation>%1 ar agor ers %2, heb eu torri</translation>
    </message>
    <message>
        <source>Falling due on %1</source>
        <translation>Yn ddyledus ddydd %1</translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation>Wedi’u datrys gan %1</translation>
    </message>
    <message>
        <source>%1: resolved in the period before</source>
        <translation>%1: wedi’u datrys yn y cyfnod cynt</translation>
    </message>
    <message>
        <source>%1: resolved in the period</source>
        <translation>%1: wedi’u datrys yn y cyfnod</translation>
    </message>
    <message>
        <source>Resolved within the service level, per partner</source>
        <translation>Wedi’u datrys o fewn y lefel gwasanaeth, fesul partner</translation>
    </message>
    <message>
        <source>Awaiting information longest</source>
        <translation>Yn aros am wybodaeth hiraf</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 i %2</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi’i neilltuo i</translation>
    </message>
    <message>
        <source>Awaiting since</source>
        <translation>Yn aros ers</translation>
    </message>
    <message>
        <source>Waited (working time)</source>
        <translation>Wedi aros (amser gwaith)</translation>
    </message>
    <message>
        <source>Over 10</source>
        <translation>Dros 10</translation>
    </message>
    <message>
        <source>Age in working days</source>
        <translation>Oed mewn diwrnodau gwaith</translation>
    </message>
</context>
<context>
    <name>ibc::ui::DashboardView</name>
    <message>
        <source>%1’s team</source>
        <translation>Tîm %1</translation>
    </message>
    <message>
        <source>Team for %1</source>
        <translation>Tîm %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n people)</source>
        <translation>
            <numerusform>%1 (%n o bobl)</numerusform>
            <numerusform>%1 (%n o bobl)</numerusform>
            <numerusform>%1 (%n o bobl)</numerusform>
            <numerusform>%1 (%n o bobl)</numerusform>
            <numerusform>%1 (%n o bobl)</numerusform>
        </translation>
    </message>
    <message>
        <source>All my partners</source>
        <translation>Fy holl bartneriaid</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Pob ciw</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Usual periods</source>
        <translation>Y cyfnodau arferol</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>O … i …</translation>
    </message>
    <message>
        <source>Usual periods: the last 13 weeks by week, this week per caseworker, this month and last per partner. From … to …: every figure of resolved work in the dates you choose.</source>
        <translation>Y cyfnodau arferol: y 13 wythnos ddiwethaf fesul wythnos, yr wythnos hon fesul gweithiwr achos, y mis hwn a’r mis diwethaf fesul partner. O … i …: pob ffigur o waith wedi’i ddatrys yn y dyddiadau a ddewiswch.</translation>
    </message>
    <message>
        <source>The share of work to resolve within its service level, drawn on the weekly chart</source>
        <translation>Y gyfran o waith i’w datrys o fewn ei lefel gwasanaeth, wedi’i thynnu ar y siart wythnosol</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Ciw</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>T&amp;îm</translation>
    </message>
    <message>
        <source>Peri&amp;od</source>
        <translation>Cyf&amp;nod</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Tar&amp;get</source>
        <translation>Tar&amp;ged</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Cadw fel PNG…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Cadw fel PDF…</translation>
    </message>
    <message>
        <source>A chart. Choose Show as table to read its numbers.</source>
        <translation>Siart. Dewiswch Dangos fel tabl i ddarllen ei rifau.</translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation>Dangos fel tabl</translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation>Dangos %1 fel tabl</translation>
    </message>
    <message>
        <source>Show as chart</source>
        <translation>Dangos fel siart</translation>
    </message>
    <message>
        <source>Reassign their open work…</source>
        <translation>Ailneilltuo eu gwaith agored…</translation>
    </message>
    <message>
        <source>Move open work from the caseworker chosen in the table of resolved work per caseworker to someone with capacity</source>
        <translation>Symud gwaith agored y gweithiwr achos a ddewiswyd yn y tabl o waith wedi’i ddatrys fesul gweithiwr achos at rywun sydd â lle iddo</translation>
    </message>
    <message>
        <source>Choose a caseworker in the table of resolved work per caseworker first.</source>
        <translation>Dewiswch weithiwr achos yn y tabl o waith wedi’i ddatrys fesul gweithiwr achos yn gyntaf.</translation>
    </message>
    <message>
        <source>Save the dashboard as PNG</source>
        <translation>Cadw’r dangosfwrdd fel PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Delweddau PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not save the dashboard</source>
        <translation>Methu cadw’r dangosfwrdd</translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation>Cadw’r dangosfwrdd fel PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dogfennau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not work out the figures: %1</source>
        <translation>Methu cyfrifo’r ffigurau: %1</translation>
    </message>
    <message>
        <source>Figures as at %1, worked out in %2 s. Click a bar, a point or a row to see its work in the queue.</source>
        <translation>Ffigurau fel yr oeddent am %1, wedi’u cyfrifo mewn %2 e. Cliciwch far, pwynt neu res i weld ei waith yn y ciw.</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Cadw CSV…</translation>
    </message>
    <message>
        <source>Save the numbers of %1 as CSV</source>
        <translation>Cadw rhifau %1 fel CSV</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Wrthi’n cyfrifo’r ffigurau…</translation>
    </message>
    <message>
        <source>Save the numbers as CSV</source>
        <translation>Cadw’r rhifau fel CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save the numbers</source>
        <translation>Methu cadw’r rhifau</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Methu ysgrifennu %1: %2</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Methu ysgrifennu %1.</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Lefelau gwasanaeth</translation>
    </message>
    <message>
        <source>Partner: %1 · Queue: %2 · Team: %3 · Period: %4</source>
        <translation>Partner: %1 · Ciw: %2 · Tîm: %3 · Cyfnod: %4</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 i %2</translation>
    </message>
    <message>
        <source>Could not find the work behind “%1”: %2</source>
        <translation>Methu dod o hyd i’r gwaith y tu ôl i “%1”: %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
</context>
<context>
    <name>ibc::ui::FirstSignIn</name>
    <message>
        <source>IBC Desk: cannot sign in</source>
        <translation>IBC Desk: methu mewngofnodi</translation>
    </message>
    <message>
        <source>Could not sign in to %1: %2</source>
        <translation>Methu mewngofnodi i %1: %2</translation>
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
    <message>
        <source>&lt;b&gt;The store did not accept your change:&lt;/b&gt; %1 — &lt;a href=&quot;#conflicts&quot; style=&quot;color:%2&quot;&gt;see Conflicts&lt;/a&gt;</source>
        <translation>&lt;b&gt;Ni dderbyniodd y storfa eich newid:&lt;/b&gt; %1 — &lt;a href=&quot;#conflicts&quot; style=&quot;color:%2&quot;&gt;gweler Gwrthdaro&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Process by %1 · Pay by %2</source>
        <translation>Prosesu erbyn %1 · Talu erbyn %2</translation>
    </message>
    <message>
        <source>Process by %1 · Payroll cut-off %2</source>
        <translation>Prosesu erbyn %1 · Dyddiad cau&apos;r gyflogres %2</translation>
    </message>
    <message>
        <source>Paused %1 in all</source>
        <translation>Wedi&apos;i oedi %1 i gyd</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nodyn newydd</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Could not show the item</source>
        <translation>Methu dangos yr eitem</translation>
    </message>
    <message>
        <source>Bank check:</source>
        <translation>Gwiriad banc:</translation>
    </message>
    <message>
        <source>Bereavement</source>
        <translation>Profedigaeth</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bereavement.&lt;/b&gt; %1 has died in service. Write only to %2. Never send %3.</source>
        <translation>&lt;b&gt;Profedigaeth.&lt;/b&gt; Mae %1 wedi marw tra oedd mewn swydd. Ysgrifennwch at %2 yn unig. Peidiwch byth ag anfon %3.</translation>
    </message>
    <message>
        <source>the next of kin or the estate (add them under Edit details)</source>
        <translation>y perthynas agosaf neu’r ystad (ychwanegwch nhw o dan Golygu manylion)</translation>
    </message>
    <message>
        <source>The store did not reveal it: %1</source>
        <translation>Ni ddatgelodd y storfa ef: %1</translation>
    </message>
    <message>
        <source>%1 (revealed; the store recorded why)</source>
        <translation>%1 (wedi’i ddatgelu; cofnododd y storfa pam)</translation>
    </message>
    <message>
        <source>%1 &lt;a href=&quot;#reveal&quot;&gt;Reveal…&lt;/a&gt;</source>
        <translation>%1 &lt;a href=&quot;#reveal&quot;&gt;Datgelu…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1, masked</source>
        <translation>%1, wedi’i guddio</translation>
    </message>
    <message>
        <source>Four-eyes check</source>
        <translation>Gwiriad pedwar llygad</translation>
    </message>
    <message>
        <source>Made by &lt;b&gt;%1&lt;/b&gt; on %2: %3. %4</source>
        <translation>Gwnaed gan &lt;b&gt;%1&lt;/b&gt; ar %2: %3. %4</translation>
    </message>
    <message>
        <source>You made this change, so someone else checks it.</source>
        <translation>Chi wnaeth y newid hwn, felly mae rhywun arall yn ei wirio.</translation>
    </message>
    <message>
        <source>Check it: compare each detail, then pass it (%1) or return it to its maker (%2).</source>
        <translation>Gwiriwch ef: cymharwch bob manylyn, yna ei basio (%1) neu ei ddychwelyd i&apos;w wneuthurwr (%2).</translation>
    </message>
    <message>
        <source>A checker or a team leader checks it.</source>
        <translation>Mae gwiriwr neu arweinydd tîm yn ei wirio.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Awaiting a second person&apos;s check.&lt;/b&gt; %1 %2</source>
        <translation>&lt;b&gt;Yn aros am wiriad gan ail berson.&lt;/b&gt; %1 %2</translation>
    </message>
    <message>
        <source>Sensitive case</source>
        <translation>Achos sensitif</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sensitive case:&lt;/b&gt; %1. Only its assignee, team leaders and the people named on it see it%2.</source>
        <translation>&lt;b&gt;Achos sensitif:&lt;/b&gt; %1. Dim ond y sawl a neilltuwyd, arweinwyr tîm a&apos;r bobl a enwir arno sy&apos;n ei weld%2.</translation>
    </message>
</context>
<context>
    <name>ibc::ui::LoginDialog</name>
    <message>
        <source>Sign in to IBC Desk</source>
        <translation>Mewngofnodi i IBC Desk</translation>
    </message>
    <message>
        <source>Sign in to the central store to send your changes and receive everyone else&apos;s.</source>
        <translation>Mewngofnodwch i&apos;r storfa ganolog i anfon eich newidiadau a chael newidiadau pawb arall.</translation>
    </message>
    <message>
        <source>https://store.example.org:8443</source>
        <translation>https://store.example.org:8443</translation>
    </message>
    <message>
        <source>&amp;Store address:</source>
        <translation>Cyfeiriad y &amp;storfa:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Enw defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Your session with the store has ended. Type your password to carry on; your changes are kept on this computer until then.</source>
        <translation>Mae eich sesiwn gyda&apos;r storfa wedi dod i ben. Teipiwch eich cyfrinair i barhau; caiff eich newidiadau eu cadw ar y cyfrifiadur hwn tan hynny.</translation>
    </message>
    <message>
        <source>%1
Type your password to carry on; your changes are kept on this computer until then.</source>
        <translation>%1
Teipiwch eich cyfrinair i barhau; caiff eich newidiadau eu cadw ar y cyfrifiadur hwn tan hynny.</translation>
    </message>
    <message>
        <source>Type the store&apos;s address, for example https://store.example.org:8443.</source>
        <translation>Teipiwch gyfeiriad y storfa, er enghraifft https://store.example.org:8443.</translation>
    </message>
    <message>
        <source>The address must start with https:// or http://, for example https://%1.</source>
        <translation>Rhaid i&apos;r cyfeiriad ddechrau gyda https:// neu http://, er enghraifft https://%1.</translation>
    </message>
    <message>
        <source>The address must start with https:// or http://, not %1://.</source>
        <translation>Rhaid i&apos;r cyfeiriad ddechrau gyda https:// neu http://, nid %1://.</translation>
    </message>
    <message>
        <source>The address has something after the scheme that is not a server name: %1.</source>
        <translation>Mae rhywbeth yn y cyfeiriad ar ôl y cynllun nad yw&apos;n enw gweinydd: %1.</translation>
    </message>
    <message>
        <source>The address has no server name after %1://.</source>
        <translation>Does dim enw gweinydd yn y cyfeiriad ar ôl %1://.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not “%1”.</source>
        <translation>Rhaid i&apos;r porth fod yn rhif o 1 i 65535, nid “%1”.</translation>
    </message>
    <message>
        <source>The address should be the server alone, without “%1” after it.</source>
        <translation>Dylai&apos;r cyfeiriad fod yn enw&apos;r gweinydd yn unig, heb “%1” ar ei ôl.</translation>
    </message>
    <message>
        <source>The server name “%1” is not valid.</source>
        <translation>Nid yw&apos;r enw gweinydd “%1” yn ddilys.</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Teipiwch eich enw defnyddiwr.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Teipiwch eich cyfrinair.</translation>
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
        <source>&amp;Sync</source>
        <translation>&amp;Cysoni</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Cysoni &amp;nawr</translation>
    </message>
    <message>
        <source>Send your changes and get everyone else&apos;s now (F5)</source>
        <translation>Anfon eich newidiadau a chael rhai pawb arall nawr (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>&amp;Oedi cysoni</translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation>&amp;Mewngofnodi eto…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>&amp;Resume sync</source>
        <translation>&amp;Ailddechrau cysoni</translation>
    </message>
    <message>
        <source>Log out?</source>
        <translation>Allgofnodi?</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent will stay on this computer, and will be sent when you next sign in.</source>
        <translation>
            <numerusform>Bydd %n newid heb eu hanfon yn aros ar y cyfrifiadur hwn, ac yn cael eu hanfon pan fyddwch yn mewngofnodi nesaf.</numerusform>
            <numerusform>Bydd %n newid heb ei anfon yn aros ar y cyfrifiadur hwn, ac yn cael ei anfon pan fyddwch yn mewngofnodi nesaf.</numerusform>
            <numerusform>Bydd %n newid heb eu hanfon yn aros ar y cyfrifiadur hwn, ac yn cael eu hanfon pan fyddwch yn mewngofnodi nesaf.</numerusform>
            <numerusform>Bydd %n newid heb eu hanfon yn aros ar y cyfrifiadur hwn, ac yn cael eu hanfon pan fyddwch yn mewngofnodi nesaf.</numerusform>
            <numerusform>Bydd %n newid heb eu hanfon yn aros ar y cyfrifiadur hwn, ac yn cael eu hanfon pan fyddwch yn mewngofnodi nesaf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <source>You have logged out of %1.</source>
        <translation>Rydych wedi allgofnodi o %1.</translation>
    </message>
    <message>
        <source>Sign in to %1 to send your changes and receive everyone else&apos;s.</source>
        <translation>Mewngofnodwch i %1 i anfon eich newidiadau a chael newidiadau pawb arall.</translation>
    </message>
    <message>
        <source>Reassign these…</source>
        <translation>Ailneilltuo’r rhain…</translation>
    </message>
    <message>
        <source>Back to service levels</source>
        <translation>Yn ôl i’r lefelau gwasanaeth</translation>
    </message>
    <message numerus="yes">
        <source>From service levels: %1 · %n item(s)</source>
        <translation>
            <numerusform>O’r lefelau gwasanaeth: %1 · %n eitem</numerusform>
            <numerusform>O’r lefelau gwasanaeth: %1 · %n eitem</numerusform>
            <numerusform>O’r lefelau gwasanaeth: %1 · %n eitem</numerusform>
            <numerusform>O’r lefelau gwasanaeth: %1 · %n eitem</numerusform>
            <numerusform>O’r lefelau gwasanaeth: %1 · %n eitem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) reassigned, waiting to be sent.</source>
        <translation>
            <numerusform>%n eitem wedi’u hailneilltuo, yn aros i gael eu hanfon.</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo, yn aros i gael eu hanfon.</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo, yn aros i gael eu hanfon.</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo, yn aros i gael eu hanfon.</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo, yn aros i gael eu hanfon.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Chwilio’r ciw</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>Could not find their open work</source>
        <translation>Methu dod o hyd i’w gwaith agored</translation>
    </message>
    <message>
        <source>Could not read the work to reassign</source>
        <translation>Methu darllen y gwaith i’w ailbennu</translation>
    </message>
    <message>
        <source>Could not read the service-level rules</source>
        <translation>Methu darllen y rheolau lefel gwasanaeth</translation>
    </message>
    <message>
        <source>Could not count the conflicts</source>
        <translation>Methu cyfrif y gwrthdaro</translation>
    </message>
    <message>
        <source>Could not count the changes waiting to be sent</source>
        <translation>Methu cyfrif y newidiadau sy’n aros i gael eu hanfon</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Datgelu</translation>
    </message>
    <message>
        <source>Revealing needs the central store, and it cannot be reached now. Try again when the status bar says Online.</source>
        <translation>Mae angen y storfa ganolog i ddatgelu, ac ni ellir ei chyrraedd nawr. Rhowch gynnig arall arni pan fydd y bar statws yn dweud Ar-lein.</translation>
    </message>
    <message>
        <source>Revealing needs the central store, which records who saw what and why; this desk works on its own.</source>
        <translation>Mae angen y storfa ganolog i ddatgelu, sy’n cofnodi pwy welodd beth a pham; mae’r ddesg hon yn gweithio ar ei phen ei hun.</translation>
    </message>
    <message>
        <source>Why do you need to see it? The store records your reason.</source>
        <translation>Pam mae angen i chi ei weld? Mae’r storfa’n cofnodi eich rheswm.</translation>
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
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Changes the store did not accept: retry, change or discard each one</source>
        <translation>Newidiadau na dderbyniodd y storfa: rhowch gynnig arall ar bob un, ei newid neu ei daflu</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Lefelau gwasanaeth</translation>
    </message>
    <message>
        <source>The team leader&apos;s dashboard: service levels, the work&apos;s age, what falls due, and who resolved what (Ctrl+5)</source>
        <translation>Dangosfwrdd yr arweinydd tîm: lefelau gwasanaeth, oed y gwaith, beth sy’n ddyledus, a phwy ddatrysodd beth (Ctrl+5)</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Golygon</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>I&apos;w gwirio</translation>
    </message>
    <message>
        <source>Others&apos; changes waiting for a second person&apos;s check</source>
        <translation>Newidiadau pobl eraill sy&apos;n aros am wiriad gan ail berson</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Cofnod archwilio</translation>
    </message>
    <message>
        <source>The store&apos;s record of who did what and when, to search and export (Ctrl+6)</source>
        <translation>Cofnod y storfa o bwy wnaeth beth a phryd, i chwilio ynddo a’i allforio (Ctrl+6)</translation>
    </message>
</context>
<context>
    <name>ibc::ui::ReassignDialog</name>
    <message>
        <source>Reassign work</source>
        <translation>Ailneilltuo gwaith</translation>
    </message>
    <message>
        <source>Work to reassign</source>
        <translation>Gwaith i’w ailneilltuo</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi’i neilltuo i</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Neb</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>Ailneilltuo i</translation>
    </message>
    <message>
        <source>None of this work is open: there is nothing to reassign.</source>
        <translation>Nid oes dim o’r gwaith hwn ar agor: does dim i’w ailneilltuo.</translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s). Untick any to leave where they are.</source>
        <translation>
            <numerusform>%n eitem agored. Dad-diciwch unrhyw un i’w gadael lle mae.</numerusform>
            <numerusform>%n eitem agored. Dad-diciwch unrhyw un i’w gadael lle mae.</numerusform>
            <numerusform>%n eitem agored. Dad-diciwch unrhyw un i’w gadael lle mae.</numerusform>
            <numerusform>%n eitem agored. Dad-diciwch unrhyw un i’w gadael lle mae.</numerusform>
            <numerusform>%n eitem agored. Dad-diciwch unrhyw un i’w gadael lle mae.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassign &amp;to</source>
        <translation>Ailneilltuo &amp;i</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Ailneilltuo</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n open item(s)</source>
        <translation>
            <numerusform>%1 · %n eitem agored</numerusform>
            <numerusform>%1 · %n eitem agored</numerusform>
            <numerusform>%1 · %n eitem agored</numerusform>
            <numerusform>%1 · %n eitem agored</numerusform>
            <numerusform>%1 · %n eitem agored</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody works for all of these partners</source>
        <translation>Nid oes neb yn gweithio i’r holl bartneriaid hyn</translation>
    </message>
    <message>
        <source>Choose someone to reassign the work to.</source>
        <translation>Dewiswch rywun i ailneilltuo’r gwaith iddo.</translation>
    </message>
    <message>
        <source>%1: no longer on this computer</source>
        <translation>%1: nid yw ar y cyfrifiadur hwn mwyach</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: could not be saved on this computer (%2)</source>
        <translation>%1: methu ei gadw ar y cyfrifiadur hwn (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) reassigned; these were not:</source>
        <translation>
            <numerusform>%n eitem wedi’u hailneilltuo; ni chafodd y rhain:</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo; ni chafodd y rhain:</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo; ni chafodd y rhain:</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo; ni chafodd y rhain:</numerusform>
            <numerusform>%n eitem wedi’u hailneilltuo; ni chafodd y rhain:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::SlaReportText</name>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Wedi’u datrys</translation>
    </message>
    <message>
        <source>Late by (working time)</source>
        <translation>Yn hwyr o (amser gwaith)</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>Y rheswm a roddwyd</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Yn dal ar agor</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Dim rheswm wedi’i gofnodi</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Methu ysgrifennu %1: %2</translation>
    </message>
    <message>
        <source>Could not start a PDF in %1.</source>
        <translation>Methu dechrau PDF yn %1.</translation>
    </message>
    <message>
        <source>Worked out by IBC Desk at %1, from the work on this computer. Times are working time in each partner&apos;s calendar; weeks start on Monday.</source>
        <translation>Wedi’i gyfrifo gan IBC Desk am %1, o’r gwaith ar y cyfrifiadur hwn. Amser gwaith yng nghalendr pob partner yw’r amseroedd; mae’r wythnosau’n dechrau ar ddydd Llun.</translation>
    </message>
    <message>
        <source>%1 resolved, %2 of them within the service level: %3 (target %4%).</source>
        <translation>%1 wedi’u datrys, %2 ohonynt o fewn y lefel gwasanaeth: %3 (targed %4%).</translation>
    </message>
    <message>
        <source>Every measure</source>
        <translation>Pob mesur</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Achosion o dorri</translation>
    </message>
    <message>
        <source>No work was resolved late in the period, and none of the open work is overdue.</source>
        <translation>Ni chafodd dim gwaith ei ddatrys yn hwyr yn y cyfnod, ac nid oes dim o’r gwaith agored yn hwyr.</translation>
    </message>
    <message>
        <source>--partner takes a partner&apos;s code (%1): got “%2”.</source>
        <translation>Mae --partner yn cymryd cod partner (%1): cafwyd “%2”.</translation>
    </message>
    <message>
        <source>--month takes a month as YYYY-MM, such as 2026-11: got “%1”.</source>
        <translation>Mae --month yn cymryd mis ar ffurf BBBB-MM, fel 2026-11: cafwyd “%1”.</translation>
    </message>
    <message>
        <source>could not read the figures from %1: %2</source>
        <translation>methu darllen y ffigurau o %1: %2</translation>
    </message>
    <message>
        <source>Monthly service report: %1 (%2), %3</source>
        <translation>Adroddiad gwasanaeth misol: %1 (%2), %3</translation>
    </message>
    <message>
        <source>Work for %1 resolved from %2 to %3, against the month before; open work and what falls due as they stand now.</source>
        <translation>Gwaith i %1 a ddatryswyd o %2 i %3, o’i gymharu â’r mis cynt; gwaith agored a’r hyn sy’n ddyledus fel y maent nawr.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 resolved, %3 within the service level, %4 breaches listed.</source>
        <translation>Ysgrifennwyd %1: %2 wedi’u datrys, %3 o fewn y lefel gwasanaeth, %4 achos o dorri wedi’u rhestru.</translation>
    </message>
</context>
<context>
    <name>ibc::ui::SyncProgressBar</name>
    <message>
        <source>%1 a second</source>
        <translation>%1 yr eiliad</translation>
    </message>
    <message numerus="yes">
        <source>Getting your work from the store: %1 of %Ln item(s) · %2</source>
        <translation>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %1 o %Ln eitem · %2</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %1 o %Ln eitem · %2</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %1 o %Ln eitem · %2</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %1 o %Ln eitem · %2</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %1 o %Ln eitem · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Getting your work from the store: %Ln item(s) so far · %1</source>
        <translation>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %Ln eitem hyd yma · %1</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %Ln eitem hyd yma · %1</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %Ln eitem hyd yma · %1</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %Ln eitem hyd yma · %1</numerusform>
            <numerusform>Yn cael eich gwaith o&apos;r storfa: %Ln eitem hyd yma · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First sync paused at %1 of %Ln item(s). You can work on the items already here.</source>
        <translation>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar %1 o %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar %1 o %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar %1 o %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar %1 o %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar %1 o %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First sync paused after %Ln item(s). You can work on the items already here.</source>
        <translation>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar ôl %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar ôl %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar ôl %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar ôl %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
            <numerusform>Mae&apos;r cysoni cyntaf wedi&apos;i oedi ar ôl %Ln eitem. Gallwch weithio ar yr eitemau sydd yma&apos;n barod.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Ailddechrau cysoni</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Carry on getting your work from where it stopped</source>
        <translation>Parhau i gael eich gwaith o&apos;r man lle stopiodd</translation>
    </message>
    <message>
        <source>Pause the first sync. It carries on from where it stopped when you resume.</source>
        <translation>Oedi&apos;r cysoni cyntaf. Mae&apos;n parhau o&apos;r man lle stopiodd pan fyddwch yn ailddechrau.</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln item(s) are here. Getting your queues ready for sorting and searching…</source>
        <translation>
            <numerusform>Mae pob un o&apos;r %Ln eitem yma. Wrthi&apos;n paratoi eich ciwiau ar gyfer trefnu a chwilio…</numerusform>
            <numerusform>Mae pob un o&apos;r %Ln eitem yma. Wrthi&apos;n paratoi eich ciwiau ar gyfer trefnu a chwilio…</numerusform>
            <numerusform>Mae pob un o&apos;r %Ln eitem yma. Wrthi&apos;n paratoi eich ciwiau ar gyfer trefnu a chwilio…</numerusform>
            <numerusform>Mae pob un o&apos;r %Ln eitem yma. Wrthi&apos;n paratoi eich ciwiau ar gyfer trefnu a chwilio…</numerusform>
            <numerusform>Mae pob un o&apos;r %Ln eitem yma. Wrthi&apos;n paratoi eich ciwiau ar gyfer trefnu a chwilio…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::SyncStatusWidget</name>
    <message>
        <source>Changes the store did not accept. Open the list to retry, change or discard each one.</source>
        <translation>Newidiadau na dderbyniodd y storfa. Agorwch y rhestr i roi cynnig arall ar bob un, ei newid neu ei daflu.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Yn mewngofnodi…</translation>
    </message>
    <message>
        <source>Online — all changes sent</source>
        <translation>Ar-lein — pob newid wedi&apos;i anfon</translation>
    </message>
    <message numerus="yes">
        <source>Online — sending %n change(s)</source>
        <translation>
            <numerusform>Ar-lein — yn anfon %n newid</numerusform>
            <numerusform>Ar-lein — yn anfon %n newid</numerusform>
            <numerusform>Ar-lein — yn anfon %n newid</numerusform>
            <numerusform>Ar-lein — yn anfon %n newid</numerusform>
            <numerusform>Ar-lein — yn anfon %n newid</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1 — no changes waiting</source>
        <translation>All-lein ers %1 — dim newidiadau yn aros</translation>
    </message>
    <message numerus="yes">
        <source>Offline since %1 — %n change(s) waiting</source>
        <translation>
            <numerusform>All-lein ers %1 — %n newid yn aros</numerusform>
            <numerusform>All-lein ers %1 — %n newid yn aros</numerusform>
            <numerusform>All-lein ers %1 — %n newid yn aros</numerusform>
            <numerusform>All-lein ers %1 — %n newid yn aros</numerusform>
            <numerusform>All-lein ers %1 — %n newid yn aros</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again to keep up to date</source>
        <translation>Mewngofnodwch eto i gadw&apos;n gyfredol</translation>
    </message>
    <message numerus="yes">
        <source>Sign in again to send %n change(s)</source>
        <translation>
            <numerusform>Mewngofnodwch eto i anfon %n newid</numerusform>
            <numerusform>Mewngofnodwch eto i anfon %n newid</numerusform>
            <numerusform>Mewngofnodwch eto i anfon %n newid</numerusform>
            <numerusform>Mewngofnodwch eto i anfon %n newid</numerusform>
            <numerusform>Mewngofnodwch eto i anfon %n newid</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync paused — no changes waiting</source>
        <translation>Cysoni wedi&apos;i oedi — dim newidiadau yn aros</translation>
    </message>
    <message numerus="yes">
        <source>Sync paused — %n change(s) waiting</source>
        <translation>
            <numerusform>Cysoni wedi&apos;i oedi — %n newid yn aros</numerusform>
            <numerusform>Cysoni wedi&apos;i oedi — %n newid yn aros</numerusform>
            <numerusform>Cysoni wedi&apos;i oedi — %n newid yn aros</numerusform>
            <numerusform>Cysoni wedi&apos;i oedi — %n newid yn aros</numerusform>
            <numerusform>Cysoni wedi&apos;i oedi — %n newid yn aros</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Ddim yn cysoni</translation>
    </message>
    <message numerus="yes">
        <source>Not syncing — %n change(s) kept on this computer</source>
        <translation>
            <numerusform>Ddim yn cysoni — %n newid wedi&apos;u cadw ar y cyfrifiadur hwn</numerusform>
            <numerusform>Ddim yn cysoni — %n newid wedi&apos;i gadw ar y cyfrifiadur hwn</numerusform>
            <numerusform>Ddim yn cysoni — %n newid wedi&apos;u cadw ar y cyfrifiadur hwn</numerusform>
            <numerusform>Ddim yn cysoni — %n newid wedi&apos;u cadw ar y cyfrifiadur hwn</numerusform>
            <numerusform>Ddim yn cysoni — %n newid wedi&apos;u cadw ar y cyfrifiadur hwn</numerusform>
        </translation>
    </message>
    <message>
        <source>Back online — up to date</source>
        <translation>Yn ôl ar-lein — yn gyfredol</translation>
    </message>
    <message numerus="yes">
        <source>Back online — %n change(s) sent</source>
        <translation>
            <numerusform>Yn ôl ar-lein — %n newid wedi&apos;u hanfon</numerusform>
            <numerusform>Yn ôl ar-lein — %n newid wedi&apos;i anfon</numerusform>
            <numerusform>Yn ôl ar-lein — %n newid wedi&apos;u hanfon</numerusform>
            <numerusform>Yn ôl ar-lein — %n newid wedi&apos;u hanfon</numerusform>
            <numerusform>Yn ôl ar-lein — %n newid wedi&apos;u hanfon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w ddatrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date with the store at %1</source>
        <translation>Yn gyfredol gyda&apos;r storfa am %1</translation>
    </message>
    <message>
        <source>Click to sign in. Your changes are kept on this computer until then.</source>
        <translation>Cliciwch i fewngofnodi. Caiff eich newidiadau eu cadw ar y cyfrifiadur hwn tan hynny.</translation>
    </message>
    <message>
        <source>%1
Click to sign in. Your changes are kept on this computer until then.</source>
        <translation>%1
Cliciwch i fewngofnodi. Caiff eich newidiadau eu cadw ar y cyfrifiadur hwn tan hynny.</translation>
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
    <message>
        <source>--sync-once needs the password in IBC_PASSWORD or on standard input.</source>
        <translation>Mae --sync-once angen y cyfrinair yn IBC_PASSWORD neu ar y mewnbwn safonol.</translation>
    </message>
    <message>
        <source>Sync with the ibc-store at URL (http://host:port or https://host:port).</source>
        <translation>Cysoni â&apos;r ibc-store yn URL (http://host:port neu https://host:port).</translation>
    </message>
    <message>
        <source>Send the outbox, receive every change, print a summary and exit, without a window. The password comes from IBC_PASSWORD or standard input.</source>
        <translation>Anfon y blwch anfon, derbyn pob newid, argraffu crynodeb a gadael, heb ffenestr. Daw&apos;r cyfrinair o IBC_PASSWORD neu&apos;r mewnbwn safonol.</translation>
    </message>
    <message>
        <source>Trust the certificate authority in FILE for https, besides the system&apos;s.</source>
        <translation>Ymddiried yn yr awdurdod tystysgrifau yn FILE ar gyfer https, yn ogystal ag un y system.</translation>
    </message>
    <message>
        <source>--sync-once needs --server URL and --user USERNAME.</source>
        <translation>Mae --sync-once angen --server URL a --user USERNAME.</translation>
    </message>
    <message>
        <source>--server needs --user USERNAME: the account to sign in with.</source>
        <translation>Mae --server angen --user USERNAME: y cyfrif i fewngofnodi ag ef.</translation>
    </message>
    <message>
        <source>not signed in to %1.</source>
        <translation>heb fewngofnodi i %1.</translation>
    </message>
    <message>
        <source>--report needs --out FILE.pdf: where to write the report.</source>
        <translation>Mae --report angen --out FFEIL.pdf: ble i ysgrifennu’r adroddiad.</translation>
    </message>
    <message>
        <source>Open on the view NAME: dashboard, my-work, all, hr, invoices, payroll, partner:CODE, status:NAME.</source>
        <translation>Agor ar yr olwg ENW: dashboard, my-work, all, hr, invoices, payroll, partner:COD, status:ENW.</translation>
    </message>
    <message>
        <source>Write the report NAME without a window, then exit. sla: one partner&apos;s monthly service report as a PDF (with --partner, --month and --out).</source>
        <translation>Ysgrifennu’r adroddiad ENW heb ffenestr, yna gorffen. sla: adroddiad gwasanaeth misol un partner fel PDF (gyda --partner, --month a --out).</translation>
    </message>
    <message>
        <source>For --report: the partner&apos;s code, such as HCC.</source>
        <translation>Ar gyfer --report: cod y partner, fel HCC.</translation>
    </message>
    <message>
        <source>For --report: the month, as YYYY-MM.</source>
        <translation>Ar gyfer --report: y mis, ar ffurf BBBB-MM.</translation>
    </message>
    <message>
        <source>For --report: the PDF file to write.</source>
        <translation>Ar gyfer --report: y ffeil PDF i’w hysgrifennu.</translation>
    </message>
    <message>
        <source>--report takes the name of a report: sla. Got “%1”.</source>
        <translation>Mae --report yn cymryd enw adroddiad: sla. Cafwyd “%1”.</translation>
    </message>
    <message>
        <source>Receive at most N items a request from the store, 1 to %1 (default %1); smaller pages suit a slow link.</source>
        <translation>Derbyn dim mwy na N eitem ym mhob cais i&apos;r storfa, o 1 i %1 (%1 yn ddiofyn); mae tudalennau llai yn gweddu i gysylltiad araf.</translation>
    </message>
    <message>
        <source>--page-size takes a number of items from 1 to %1: got %2.</source>
        <translation>mae --page-size yn cymryd nifer o eitemau rhwng 1 a %1: cafwyd %2.</translation>
    </message>
</context>
</TS>

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
    <message>
        <source>The file at the cache&apos;s place is not an IBC Desk cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache was written by a newer version of IBC Desk (schema %1; this version reads up to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has been kept, unchanged, as %1, and a new cache has been started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::Command</name>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::Fields</name>
    <message>
        <source>New starter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank details change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overpayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underpayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing timesheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax code query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative net pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pension query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned as incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of another request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved for payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit note requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled as a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected in the next payroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-cycle payment made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery arranged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payroll cut-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual salary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment due (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than 5,000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be E followed by seven digits, like E1234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number of pence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number of hours from 0 to 48.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be six digits written as 12-34-56.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be eight digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be 0, 5 or 20.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::Lifecycle</name>
    <message>
        <source>This item is not in the work of the partners you handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role can read work items but not change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a team leader can do this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can&apos;t do this (%1) while the item is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is already assigned to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is already assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim this item before you work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is assigned to %1. Only they can do this (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why: a reason is needed to do this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome before resolving the item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an outcome for this kind of item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty. Type the note before adding it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who to assign the item to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a caseworker who can work this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing would change: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No details were changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item is already assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a detail of this kind of item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the details are as they were</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::QueueModel</name>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::Sla</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::User</name>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::WorkItem</name>
    <message>
        <source>HR change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payroll exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payroll exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::CommandDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What information do you need, and from whom?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does this need a team leader?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this item being reopened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs doing before this can be approved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: what was done, for whoever reads this next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a caseworker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who should have the item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a detail first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why, so that the next person knows.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item in the queue, or press “Next item” (Ctrl+N) to take the most urgent one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a note for this item. Ctrl+Return adds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the note (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · priority %3&lt;br&gt;Due %4 (%5) · received %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#555&apos;&gt;No notes yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change could not be saved on this computer: %1. Nothing was changed; try again once the problem is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: saved on this computer, waiting to be sent.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>IBC Desk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the most urgent unassigned item you can work, and open it (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search reference, name, employee number or supplier (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on this computer: not connected to a central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not take the next item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no unassigned work you can take right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have taken %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in this view · %2 open · %3 in my work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::Navigator</name>
    <message>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the cache %1 already holds %2 items; give a new file with --cache, or move this one away first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IBC Desk: work the HR change, supplier invoice and payroll exception queues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the cache FILE instead of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the cache with N demo items, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for --generate-demo (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work as USERNAME, one of the cache&apos;s users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window, save a PNG of it to FILE once loaded, and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the view NAME: my-work, all, hr, invoices, payroll, partner:CODE, status:NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IBC Desk: cache problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--generate-demo takes a number of items from 1 to 10,000,000, and --seed a whole number: got %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write demo data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no user “%1” in the cache %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no view “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

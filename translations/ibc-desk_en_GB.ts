<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ibc::models</name>
    <message>
        <source>A change of bank details is checked by a second person before anyone is paid into the new account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A death in service is closed only after a second person has checked it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A leaver&apos;s final pay and P45 are checked by a second person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change of hours changes pay, so a second person checks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An overpayment recovery is checked by a second person before it is taken from pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An off-cycle payment is checked by a second person before it is paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invoice is over the approval threshold of %1, so a second person checks it before it is paid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>This change has already been made again or discarded.</source>
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
    <message>
        <source>Pass check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sensitive</source>
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
    <message>
        <source>National Insurance number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier&apos;s VAT number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No number yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next of kin or estate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address for letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a P45 addressed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payslips, letters or emails in %1&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anything asking %1 to return property or sign a form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current sort code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current account number</source>
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
    <message>
        <source>%1 has claimed this item; the claim holds until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken over from %1: the claim had lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 This change cannot be resolved: send it back for the right details, or escalate it, with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You made this change, so someone else must check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a checker or a team leader can check a change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is already marked so</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::ModulusCheck</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row is a first and a last sort code, MOD10, MOD11 or DBLAL, fourteen weights and perhaps an exception number, but this row has %1 fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sort code: six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range ends at %1, before it starts at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a check method: MOD10, MOD11 or DBLAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weight: a whole number of up to three digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an exception: a number from 1 to 14.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row is a sort code and the sort code to check it as, six digits each, but this row is &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort code %1 is substituted a second time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sort code must be six digits, like 12-34-56.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account number must be six to ten digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account number %1 could exist at sort code %2: it passes the bank&apos;s modulus check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account number %1 cannot exist at sort code %2: it fails the bank&apos;s modulus check. Check both with the account holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort code %1 has no modulus check, so the account number %2 could not be checked; it is accepted as it stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account number %1 at sort code %2 may be a foreign-currency account, which the modulus check cannot test; it is accepted as it stands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::NationalInsurance</name>
    <message>
        <source>No National Insurance number has been given yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number %1 is a temporary reference made from a date of birth, not a number HMRC issued: ask for the permanent number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number starts with TN, which marks a temporary reference, not a number HMRC issued: ask for the permanent number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number must be two letters, six digits and a letter from A to D, like AB 12 34 56 C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number cannot start with %1: D, F, I, Q, U and V are never used in its first two letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number cannot have %1 as its second letter: D, F, I, O, Q, U and V are never used there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number cannot start with %1: HMRC never issues numbers beginning BG, GB, KN, NK, NT, TN or ZZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The National Insurance number cannot end in %1: its last letter is always A, B, C or D.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::Postcode</name>
    <message>
        <source>No postcode has been given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 is not in the form of a UK postcode: an outward code such as SW1A, M1 or B33, then a digit and two letters, such as 1AA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 cannot start with %2: Q, V and X are never the first letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 as its second letter: I, J and Z are never used there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 after its district number: only A, B, C, D, E, F, G, H, J, K, P, S, T, U and W are used there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 after its district number: only A, B, E, H, M, N, P, R, V, W, X and Y are used there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode %1 cannot have %2 in its last two letters: C, I, K, M, O and V are never used there.</source>
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
    <message>
        <source>The store did not accept your change to %1: see Conflicts</source>
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
    <message>
        <source>Met: the work is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the clock stops while we wait for information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached: %1 of working time past its due time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk: %1 left; work like this (%2) usually takes up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk: %1 left, less than a quarter of its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track: %1 left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::TaxCode</name>
    <message>
        <source>The tax code %1 is not one HMRC uses: a tax code is a number and L, M, N or T (like 1257L), K and a number (like K475), or BR, D0, D1, NT or 0T, with S or C in front for Scotland or Wales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the higher rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the additional rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the intermediate rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the advanced rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the top rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the rate of band D%1, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tax code has been given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 is only a week 1/month 1 marker: the code itself is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pay from this job taxed at the basic rate, with no tax-free allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tax taken from pay from this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tax-free allowance, so all pay from this job is taxed at the usual rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: Scottish D codes run from SD0 to SD8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: the Welsh D codes are CD0 and CD1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 does not exist: outside Scotland the D codes are D0 and D1 (and CD0 and CD1 in Wales).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 has no amount: a K code is K and a number from 1 up, like K475.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 has more than six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added to taxable pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 has no letter after its number: it ends in L, M, N or T, like 1257L.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1, including Marriage Allowance received from a spouse or civil partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax-free personal allowance of %1, less Marriage Allowance transferred to a spouse or civil partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax-free allowance of %1, worked out with other items HMRC needs to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 ends in %2, a letter HMRC no longer uses: it marked the age-related allowances, which ended in 2016.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax code %1 ends in %2, which is not a tax code letter: the number is followed by L, M, N or T.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scottish taxpayer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh taxpayer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-cumulative (week 1/month 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cumulative</source>
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
    <name>ibc::models::VatNumber</name>
    <message>
        <source>No VAT registration number has been given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT registration number %1 cannot exist: government departments are numbered GD000 to GD499.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT registration number %1 cannot exist: health authorities are numbered HA500 to HA999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT registration number must be nine digits, or twelve with a branch number, with GB or XI in front or not; or GD or HA and three digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT registration number %1 is all noughts, which HMRC never issues: ask for the real number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT registration number %1 has check digits that do not match the rest: it is probably mistyped.</source>
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
    <message>
        <source>Awaiting check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereavement: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::models::WorkingCalendar</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working hour(s)</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working minute(s)</source>
        <translation>
            <numerusform>%n working minute</numerusform>
            <numerusform>%n working minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::AuditLogView</name>
    <message>
        <source>Anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to items (all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service-level rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the item is now at version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 as %2, for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled the account of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may now check others&apos; changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer checks others&apos; changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched the whole log; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched for %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command id used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a checker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer a checker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modulus tables imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service-level rules changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store seeded with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saw %1; reason given: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password, or the account is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such username</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s) given new due times</source>
        <translation>
            <numerusform>%n open item given a new due time</numerusform>
            <numerusform>%n open items given new due times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weight row(s)</source>
        <translation>
            <numerusform>%n weight row</numerusform>
            <numerusform>%n weight rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demo item(s)</source>
        <translation>
            <numerusform>%n demo item</numerusform>
            <numerusform>%n demo items</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log rows</source>
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
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show older rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a username, e.g. sam.patel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a kind of entry, or type the start of an action, such as command.rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reference, e.g. HR-0001234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every row that matches the filters as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;hat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is kept by the central store, and this desk works on its own: it cannot read the log. Nothing of the log is kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is paused, so the audit log cannot be read now: it is the store&apos;s, and nothing of it is kept here. Resume sync to search it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk is signed out of the store, so the audit log cannot be read now. Sign in again to search it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store cannot be reached now, so the audit log cannot be read: it is the store&apos;s, and nothing of it is kept here. Try again when the status bar says Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the filters and press Search: the newest rows come first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The To date is before the From date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the store for the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the store for older rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the audit log to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read: the store cannot be reached now (%1). Try again when the status bar says Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store refused: only auditors read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store refused the search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows of the audit log match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The newest %n row(s) that match, newest first; older ones match too.</source>
        <translation>
            <numerusform>The newest row that matches; older ones match too.</numerusform>
            <numerusform>The newest %n rows that match, newest first; older ones match too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) match, newest first.</source>
        <translation>
            <numerusform>%n row matches.</numerusform>
            <numerusform>%n rows match, newest first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1 of the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting the audit log to %1… %n row(s) so far.</source>
        <translation>
            <numerusform>Exporting the audit log to %1… %n row so far.</numerusform>
            <numerusform>Exporting the audit log to %1… %n rows so far.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export did not finish, and nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::CacheGuard</name>
    <message>
        <source>%1: %2. Try again in a moment; if it keeps happening, restart IBC Desk.</source>
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
    <message>
        <source>%1 — type a new one to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Bereavement: do not send&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked &amp;each detail against the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must the maker put right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that you have checked each detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 It will wait in “Awaiting check” until someone else passes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: a grievance, safeguarding, vetting, a protected address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;seen by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on only its assignee, team leaders and the people named here see this item; lists show no names for it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::ConflictsView</name>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. The store has accepted every change it has received from you; anything not yet sent is still waiting in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store did not accept these changes. The items show the store&apos;s version. Choose a change to see it beside what you saw and what the store has now, then retry, edit or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs (the store now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; your change &amp;nbsp;&amp;nbsp; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; changed in the store since you saw it &amp;nbsp;&amp;nbsp; &lt;b&gt;bold&lt;/b&gt;: you and the store differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the same change again, on the item as the store has it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what you asked for, then make it again on the item as the store has it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let your change go: the item keeps the store&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, with the note %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflicts could not be read from this computer&apos;s cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has nothing to change: use Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked for: %1 — on %2, as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item changed in the store before your change reached it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store refused your change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in the store since you saw it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is no longer on this computer, so your change cannot be made again. Discard it, or ask your team leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change could not be saved on this computer: %1. The conflict is kept; try again once the problem is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 was not made again: %3 The conflict is kept: edit it, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: made again on this computer, waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your change to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

It will not be sent. The item keeps the store&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict could not be discarded on this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change to %1 was discarded. The item shows the store&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the store did not accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change beside the store&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::DashboardCharts</name>
    <message>
        <source>0–1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2–5 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6–10 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 10 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>working hours</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (median %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved within the service level, by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open work by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falling due in the next 10 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved per caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falling due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (resolved a day, last 20 working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median handling (working hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity: %1 resolved a working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items resolved (the %1 who resolved most of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolved in the week starting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open for %2, breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open for %2, not breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falling due on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolved in the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolved in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved within the service level, per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting information longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited (working time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age in working days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::DashboardView</name>
    <message>
        <source>%1’s team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n people)</source>
        <translation>
            <numerusform>%1 (%n person)</numerusform>
            <numerusform>%1 (%n people)</numerusform>
        </translation>
    </message>
    <message>
        <source>All my partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual periods: the last 13 weeks by week, this week per caseworker, this month and last per partner. From … to …: every figure of resolved work in the dates you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of work to resolve within its service level, drawn on the weekly chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peri&amp;od</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar&amp;get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart. Choose Show as table to read its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign their open work…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move open work from the caseworker chosen in the table of resolved work per caseworker to someone with capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a caseworker in the table of resolved work per caseworker first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the dashboard as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not work out the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as at %1, worked out in %2 s. Click a bar, a point or a row to see its work in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the numbers of %1 as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the numbers as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner: %1 · Queue: %2 · Team: %3 · Period: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the work behind “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::FirstSignIn</name>
    <message>
        <source>IBC Desk: cannot sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in to %1: %2</source>
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
    <message>
        <source>&lt;b&gt;The store did not accept your change:&lt;/b&gt; %1 — &lt;a href=&quot;#conflicts&quot; style=&quot;color:%2&quot;&gt;see Conflicts&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process by %1 · Pay by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process by %1 · Payroll cut-off %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1 in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not show the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereavement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Bereavement.&lt;/b&gt; %1 has died in service. Write only to %2. Never send %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the next of kin or the estate (add them under Edit details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store did not reveal it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (revealed; the store recorded why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;a href=&quot;#reveal&quot;&gt;Reveal…&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four-eyes check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by &lt;b&gt;%1&lt;/b&gt; on %2: %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You made this change, so someone else checks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it: compare each detail, then pass it (%1) or return it to its maker (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checker or a team leader checks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Awaiting a second person&apos;s check.&lt;/b&gt; %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sensitive case:&lt;/b&gt; %1. Only its assignee, team leaders and the people named on it see it%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::LoginDialog</name>
    <message>
        <source>Sign in to IBC Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the central store to send your changes and receive everyone else&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://store.example.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session with the store has ended. Type your password to carry on; your changes are kept on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Type your password to carry on; your changes are kept on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the store&apos;s address, for example https://store.example.org:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https:// or http://, for example https://%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https:// or http://, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has something after the scheme that is not a server name: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no server name after %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address should be the server alone, without “%1” after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name “%1” is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password.</source>
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
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and get everyone else&apos;s now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent will stay on this computer, and will be sent when you next sign in.</source>
        <translation>
            <numerusform>%n change not yet sent will stay on this computer, and will be sent when you next sign in.</numerusform>
            <numerusform>%n changes not yet sent will stay on this computer, and will be sent when you next sign in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have logged out of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 to send your changes and receive everyone else&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign these…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to service levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From service levels: %1 · %n item(s)</source>
        <translation>
            <numerusform>From service levels: %1 · %n item</numerusform>
            <numerusform>From service levels: %1 · %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) reassigned, waiting to be sent.</source>
        <translation>
            <numerusform>%n item reassigned, waiting to be sent.</numerusform>
            <numerusform>%n items reassigned, waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find their open work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the work to reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the service-level rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealing needs the central store, and it cannot be reached now. Try again when the status bar says Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealing needs the central store, which records who saw what and why; this desk works on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do you need to see it? The store records your reason.</source>
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
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the store did not accept: retry, change or discard each one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team leader&apos;s dashboard: service levels, the work&apos;s age, what falls due, and who resolved what (Ctrl+5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others&apos; changes waiting for a second person&apos;s check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s record of who did what and when, to search and export (Ctrl+6)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::ReassignDialog</name>
    <message>
        <source>Reassign work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work to reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of this work is open: there is nothing to reassign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s). Untick any to leave where they are.</source>
        <translation>
            <numerusform>%n open item. Untick it to leave it where it is.</numerusform>
            <numerusform>%n open items. Untick any to leave where they are.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassign &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n open item(s)</source>
        <translation>
            <numerusform>%1 · %n open item</numerusform>
            <numerusform>%1 · %n open items</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody works for all of these partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose someone to reassign the work to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no longer on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be saved on this computer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) reassigned; these were not:</source>
        <translation>
            <numerusform>%n item reassigned; these were not:</numerusform>
            <numerusform>%n items reassigned; these were not:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::SlaReportText</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late by (working time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a PDF in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out by IBC Desk at %1, from the work on this computer. Times are working time in each partner&apos;s calendar; weeks start on Monday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolved, %2 of them within the service level: %3 (target %4%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No work was resolved late in the period, and none of the open work is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--partner takes a partner&apos;s code (%1): got “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--month takes a month as YYYY-MM, such as 2026-11: got “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read the figures from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly service report: %1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work for %1 resolved from %2 to %3, against the month before; open work and what falls due as they stand now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 resolved, %3 within the service level, %4 breaches listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ibc::ui::SyncProgressBar</name>
    <message>
        <source>%1 a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Getting your work from the store: %1 of %Ln item(s) · %2</source>
        <translation>
            <numerusform>Getting your work from the store: %1 of %Ln item · %2</numerusform>
            <numerusform>Getting your work from the store: %1 of %Ln items · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Getting your work from the store: %Ln item(s) so far · %1</source>
        <translation>
            <numerusform>Getting your work from the store: %Ln item so far · %1</numerusform>
            <numerusform>Getting your work from the store: %Ln items so far · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First sync paused at %1 of %Ln item(s). You can work on the items already here.</source>
        <translation>
            <numerusform>First sync paused at %1 of %Ln item. You can work on the items already here.</numerusform>
            <numerusform>First sync paused at %1 of %Ln items. You can work on the items already here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First sync paused after %Ln item(s). You can work on the items already here.</source>
        <translation>
            <numerusform>First sync paused after %Ln item. You can work on the items already here.</numerusform>
            <numerusform>First sync paused after %Ln items. You can work on the items already here.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on getting your work from where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the first sync. It carries on from where it stopped when you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln item(s) are here. Getting your queues ready for sorting and searching…</source>
        <translation>
            <numerusform>The %Ln item is here. Getting your queues ready for sorting and searching…</numerusform>
            <numerusform>All %Ln items are here. Getting your queues ready for sorting and searching…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ibc::ui::SyncStatusWidget</name>
    <message>
        <source>Changes the store did not accept. Open the list to retry, change or discard each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online — all changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Online — sending %n change(s)</source>
        <translation>
            <numerusform>Online — sending %n change</numerusform>
            <numerusform>Online — sending %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1 — no changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline since %1 — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline since %1 — %n change waiting</numerusform>
            <numerusform>Offline since %1 — %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again to keep up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sign in again to send %n change(s)</source>
        <translation>
            <numerusform>Sign in again to send %n change</numerusform>
            <numerusform>Sign in again to send %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync paused — no changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync paused — %n change(s) waiting</source>
        <translation>
            <numerusform>Sync paused — %n change waiting</numerusform>
            <numerusform>Sync paused — %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not syncing — %n change(s) kept on this computer</source>
        <translation>
            <numerusform>Not syncing — %n change kept on this computer</numerusform>
            <numerusform>Not syncing — %n changes kept on this computer</numerusform>
        </translation>
    </message>
    <message>
        <source>Back online — up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Back online — %n change(s) sent</source>
        <translation>
            <numerusform>Back online — %n change sent</numerusform>
            <numerusform>Back online — %n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date with the store at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sign in. Your changes are kept on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Click to sign in. Your changes are kept on this computer until then.</source>
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
    <message>
        <source>--sync-once needs the password in IBC_PASSWORD or on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the ibc-store at URL (http://host:port or https://host:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the outbox, receive every change, print a summary and exit, without a window. The password comes from IBC_PASSWORD or standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the certificate authority in FILE for https, besides the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sync-once needs --server URL and --user USERNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs --user USERNAME: the account to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report needs --out FILE.pdf: where to write the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the view NAME: dashboard, my-work, all, hr, invoices, payroll, partner:CODE, status:NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report NAME without a window, then exit. sla: one partner&apos;s monthly service report as a PDF (with --partner, --month and --out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For --report: the partner&apos;s code, such as HCC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For --report: the month, as YYYY-MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For --report: the PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report takes the name of a report: sla. Got “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive at most N items a request from the store, 1 to %1 (default %1); smaller pages suit a slow link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page-size takes a number of items from 1 to %1: got %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

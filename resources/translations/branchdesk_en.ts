<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/views/about.py" line="16"/>
        <source>Version: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="17"/>
        <source>Store schema revision: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="18"/>
        <source>Syncs with: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="19"/>
        <source>Syncs with: no server; this computer works on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="20"/>
        <source>Data folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="26"/>
        <source>About Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../desktop/views/action_bar.py" line="21"/>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_bar.py" line="23"/>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="92"/>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="94"/>
        <source>Edit article {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="98"/>
        <source>What the article solves, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="105"/>
        <source>The symptom and the steps that fix it. Markdown: **bold**, 1. numbered steps, ## headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="111"/>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="112"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="114"/>
        <source>Title *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="115"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="116"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="117"/>
        <source>The first category ticked is the article&apos;s main one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="121"/>
        <source>Written from ticket {0}; it is linked to it when saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="124"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="149"/>
        <source>Give the article a title.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="64"/>
        <source>Link an article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="67"/>
        <source>Words of the title, or a piece of the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="74"/>
        <location filename="../../desktop/views/article_picker.py" line="126"/>
        <source>Type at least two letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="78"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="120"/>
        <source> (draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="128"/>
        <source>No article matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/article_picker.py" line="130"/>
        <source>%n article(s) match.</source>
        <translation>
            <numerusform>%n article matches.</numerusform>
            <numerusform>%n articles match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../desktop/views/article_view.py" line="142"/>
        <source>Article {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="144"/>
        <source>Reading the article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="149"/>
        <source>This solved it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../desktop/views/article_view.py" line="96"/>
        <source>Draft: only support staff see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/article_view.py" line="99"/>
        <source>solved a problem %n time(s)</source>
        <translation>
            <numerusform>solved a problem %n time</numerusform>
            <numerusform>solved a problem %n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="101"/>
        <source>written from ticket {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="106"/>
        <source>This draft has no text yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="112"/>
        <source>Linked tickets: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="47"/>
        <source>Assign ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="53"/>
        <source>{0} (tier {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="59"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="60"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="61"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="67"/>
        <source>Anyone in the team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../desktop/labels.py" line="129"/>
        <source>{0} MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="131"/>
        <source>{0} KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="132"/>
        <source>{0} bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../desktop/views/attachments.py" line="119"/>
        <source>No files attached yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="121"/>
        <source>Drop files here or paste a screenshot. A file may be at most {0} MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="126"/>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="129"/>
        <source>Paste screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="131"/>
        <source>Attach the picture on the clipboard as a PNG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="133"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="136"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="193"/>
        <source>waiting to upload: sent with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="195"/>
        <source>not downloaded yet: comes with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="210"/>
        <source>{0}
{1}, attached by {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="215"/>
        <source>{0}  ·  adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="255"/>
        <source>“{0}” cannot be found or read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="257"/>
        <source>“{0}” is a folder. Attach the files in it, or a zip of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="259"/>
        <source>“{0}” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="261"/>
        <source>“{0}” is {1}; a file may be at most {2} MiB. Make it smaller (zip it, or take a smaller screenshot) or split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="268"/>
        <source>Attach files (at most {0} MiB each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="296"/>
        <source>The clipboard holds no picture. Take a screenshot first (Print Screen), then paste it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="343"/>
        <source>The screenshot is larger than {0} MiB; take a smaller one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="346"/>
        <source>“{0}” was not attached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="392"/>
        <source>“{0}” could not be opened: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="401"/>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="412"/>
        <source>“{0}” could not be saved: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message numerus="yes">
        <location filename="../../desktop/views/charts.py" line="292"/>
        <source>%n more not shown</source>
        <translation>
            <numerusform>%n more not shown</numerusform>
            <numerusform>%n more not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BellButton</name>
    <message numerus="yes">
        <location filename="../../desktop/views/notifications.py" line="69"/>
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="70"/>
        <source>No unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/notifications.py" line="72"/>
        <source>%n resolved ticket(s) waiting for your rating</source>
        <translation>
            <numerusform>%n resolved ticket waiting for your rating</numerusform>
            <numerusform>%n resolved tickets waiting for your rating</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="74"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../desktop/views/bulk.py" line="90"/>
        <source>Open in its own window</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="93"/>
        <source>Take %n ticket(s)</source>
        <translation>
            <numerusform>Take %n ticket</numerusform>
            <numerusform>Take %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="93"/>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="95"/>
        <source>Assign %n ticket(s)…</source>
        <translation>
            <numerusform>Assign %n ticket…</numerusform>
            <numerusform>Assign %n tickets…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="95"/>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="97"/>
        <source>Escalate %n ticket(s)…</source>
        <translation>
            <numerusform>Escalate %n ticket…</numerusform>
            <numerusform>Escalate %n tickets…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="97"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="99"/>
        <source>Move %n ticket(s) to</source>
        <translation>
            <numerusform>Move %n ticket to</numerusform>
            <numerusform>Move %n tickets to</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="99"/>
        <source>Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="102"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="103"/>
        <source>On hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="104"/>
        <source>Resolved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="105"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="111"/>
        <source>Copy number(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="134"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="187"/>
        <source>Took {0} of {1} tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="188"/>
        <source>Assigned {0} of {1} tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="189"/>
        <source>Escalated {0} of {1} tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="190"/>
        <source>Moved {0} of {1} tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="194"/>
        <source>Not done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="195"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="203"/>
        <source>Some tickets were not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="114"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="128"/>
        <source>{0} target: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="130"/>
        <source>Used so far: {0} ({1}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="133"/>
        <source>Met: the target was reached in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="135"/>
        <source>Breached: the target was missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="137"/>
        <source>Paused: {0}. The clock stands still until work goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="138"/>
        <source>the ticket is on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="140"/>
        <source>Due {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="142"/>
        <source>Running while {0}: this wait does not stop the clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="148"/>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="53"/>
        <source>When two people change the same thing before their computers sync, one change is kept and the other is shown here; so are changes the server refused. Acknowledge each once you have seen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="61"/>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="65"/>
        <source>Nothing to look at: every change was applied as made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/conflicts.py" line="130"/>
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflicts (%n)</numerusform>
            <numerusform>Conflicts (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="136"/>
        <source>Refused: the ticket had moved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="137"/>
        <source>Replaced by the later change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/conflicts.py" line="149"/>
        <source>Changes the server refused (%n)</source>
        <translation>
            <numerusform>Changes the server refused (%n)</numerusform>
            <numerusform>Changes the server refused (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="167"/>
        <source>New ticket: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="171"/>
        <source>A change of the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="174"/>
        <source>Reply: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="174"/>
        <source>Internal note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="176"/>
        <source>Work log: {0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="178"/>
        <source>Link: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="180"/>
        <source>Acknowledgement of a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="200"/>
        <source>Open the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="205"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="24"/>
        <source>Say why the priority differs from the one computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="26"/>
        <source>A reason is only needed when you change the priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="28"/>
        <source>Choose what the ticket is waiting for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="30"/>
        <source>What a ticket waits for is only asked when it is put on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="32"/>
        <source>Choose the supplier the ticket is waiting for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="34"/>
        <source>A supplier is only named when the ticket waits for a supplier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="36"/>
        <source>Choose how the ticket was resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="38"/>
        <source>How it was resolved is only asked when resolving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="40"/>
        <source>Write what was wrong and what fixed it: the requester reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="42"/>
        <source>A task belongs under another ticket: choose that ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="44"/>
        <source>The requester has no home site: choose the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="46"/>
        <source>Choose a team, a person, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="53"/>
        <source>A ticket that is “{status}” cannot become “{target}”. It can become: {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="55"/>
        <source>A ticket that is “{status}” cannot change any more; log a new ticket and link it to this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="58"/>
        <source>A ticket that is “{status}” cannot be assigned; move it back to “{in_progress}” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="61"/>
        <source>The time for reopening this ticket has ended; log a new ticket and link it to this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="64"/>
        <source>Only the person who asked for this ticket, or the support staff, may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="66"/>
        <source>Only the support staff may do this to a ticket that is “{status}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="68"/>
        <source>Only the support staff may do this; you are signed in as “{role}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="70"/>
        <source>Only the support staff write internal notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="72"/>
        <source>Only the support staff may mark a major incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="74"/>
        <source>Only service desk agents and managers may set the priority by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="76"/>
        <source>Only service desk agents and managers may publish articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="78"/>
        <source>The chosen person is “{role}” and cannot work on tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="80"/>
        <source>The chosen person does not work in the chosen team: choose someone from it, or only the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="82"/>
        <source>Ticket {number} is already assigned to {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="84"/>
        <source>Ticket {number} is with the last team already; there is no one to escalate it to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="86"/>
        <source>Ticket {number} is “{status}”; log a new ticket and link it to this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="88"/>
        <source>Ticket {number} is “{status}”; tasks go under open tickets only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="90"/>
        <source>Ticket {number} is “{status}”; an article is written from a resolved ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="92"/>
        <source>Ticket {number} is “{status}”, not “{resolved}”; it does not close by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="94"/>
        <source>Ticket {number} is “{cancelled}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="96"/>
        <source>Ticket {number} still has open tasks ({count}); finish them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="98"/>
        <source>Use Assign to give a ticket to a team or a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="100"/>
        <source>This ticket would go to a team you do not work with; ask the central service desk to log it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="103"/>
        <source>Your organisation wants every problem logged as a ticket: give the ticket&apos;s title and category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="106"/>
        <source>A ticket cannot be linked to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="108"/>
        <source>Write something first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="110"/>
        <source>Give the ticket a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="112"/>
        <source>Nothing to save: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="114"/>
        <source>Work is logged in minutes, from 1 to 1440 (24 hours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="116"/>
        <source>This computer has no password store to keep your sign-in safe. Install and unlock one (your desktop&apos;s keyring, macOS Keychain or Windows Credential Manager), or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="120"/>
        <source>The period starts ({begin}) after it ends ({end}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="122"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="138"/>
        <source>The server could not be reached. Your work is kept here and sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="141"/>
        <source>Something went wrong; the details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="188"/>
        <source>a ticket that is {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="189"/>
        <source>ticket that is {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="186"/>
        <location filename="../../desktop/views/action_dialogs.py" line="187"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="184"/>
        <source>Hand {0} to {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="185"/>
        <source>Hand {0} to the next tier?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="187"/>
        <source>Why it needs the next tier: what you found and tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="188"/>
        <source>Say why the ticket needs the next tier.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="19"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="20"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="28"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="30"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/views/first_run.py" line="52"/>
        <source>Welcome to Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="54"/>
        <source>&lt;h2&gt;Welcome to Branchdesk&lt;/h2&gt;&lt;p&gt;There is no Branchdesk data on this computer yet. How would you like to start?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="58"/>
        <source>Try it with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="60"/>
        <source>A made-up fuel station company with a few thousand tickets. You are signed in as one of its service desk agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="62"/>
        <source>Open an organisation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="64"/>
        <source>Set up this computer for one site from your organisation&apos;s file (TOML), working on its own without a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="66"/>
        <source>Connect to a central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="68"/>
        <source>Sign in with your account on your organisation&apos;s Branchdesk server. This computer keeps your tickets and works on when the link is down. Got an enrolment file? Choose it or drop it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="86"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="94"/>
        <location filename="../../desktop/views/first_run.py" line="187"/>
        <source>Organisation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="95"/>
        <source>This computer&apos;s site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="107"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="187"/>
        <source>Organisation files (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="219"/>
        <source>Choose your organisation&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="222"/>
        <source>Choose the site this computer is at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="224"/>
        <source>Setting up the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="228"/>
        <source>Making demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="262"/>
        <source>Making demo tickets: %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeWindow</name>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="71"/>
        <source>Knowledge — Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="76"/>
        <source>Search articles: words of the title or the text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="78"/>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="105"/>
        <source>Choose an article to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="107"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="110"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="112"/>
        <source>Make the draft readable by everyone and offer it while tickets are logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="182"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="185"/>
        <source>No article holds every word of “{0}”. Try fewer or other words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="188"/>
        <source>No articles yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="188"/>
        <source>Write the first with New article.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiFigures</name>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="24"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="25"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="26"/>
        <source>First response (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="27"/>
        <source>Time to resolve (mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="28"/>
        <source>Time to resolve, wall clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="29"/>
        <source>Response met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="30"/>
        <source>Resolution met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="31"/>
        <source>OLA response met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="32"/>
        <source>OLA resolution met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="33"/>
        <source>Supplier response met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="34"/>
        <source>Supplier resolution met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="35"/>
        <source>First contact resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="36"/>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="37"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="38"/>
        <source>Backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="39"/>
        <source>Under 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="40"/>
        <source>1 to 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="41"/>
        <source>3 to 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="42"/>
        <source>Over 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="44"/>
        <source>Satisfaction (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="45"/>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="46"/>
        <source>Ease (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="50"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="51"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="52"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="53"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="54"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="55"/>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="56"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="57"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="80"/>
        <source>{0} d {1} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="82"/>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="83"/>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="150"/>
        <location filename="../../desktop/views/report_pdf.py" line="39"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/report_pdf.py" line="62"/>
        <source>Branchdesk figures, {0} to {1}, by {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="107"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="12"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="13"/>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="14"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="15"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="16"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="17"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="18"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="21"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="22"/>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="23"/>
        <source>My team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="24"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="25"/>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="26"/>
        <source>Due within 2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="27"/>
        <source>Breaching soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="28"/>
        <source>Major incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="29"/>
        <source>This site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="30"/>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="33"/>
        <source>Branch staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="34"/>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="35"/>
        <source>Service desk agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="36"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="37"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="40"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="41"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="42"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="43"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="46"/>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="47"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="48"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="49"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="50"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="51"/>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="54"/>
        <source>Waiting for the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="55"/>
        <source>Waiting for a supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="56"/>
        <source>Waiting for a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="57"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="60"/>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="61"/>
        <source>Workaround</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="62"/>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="63"/>
        <source>Fixed by the supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="64"/>
        <source>No fault found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="65"/>
        <source>User error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="66"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="67"/>
        <source>Not reproducible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="70"/>
        <location filename="../../desktop/labels.py" line="77"/>
        <source>Relates to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="71"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="72"/>
        <source>Follows up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="73"/>
        <source>Caused by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="78"/>
        <source>Duplicated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="79"/>
        <source>Followed up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="80"/>
        <source>Causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="83"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="84"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="85"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="88"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="89"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="92"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="93"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="94"/>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="95"/>
        <source>breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="120"/>
        <source>Waiting for {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <location filename="../../desktop/views/link_picker.py" line="38"/>
        <source>Number or words of the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/link_picker.py" line="39"/>
        <source>A piece of the other ticket&apos;s number, or words of its title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="206"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="217"/>
        <source>No linked tickets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="247"/>
        <location filename="../../desktop/views/ticket_extras.py" line="249"/>
        <source>Task of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="253"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="257"/>
        <source>{0} — {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="278"/>
        <source>Type a piece of the other ticket&apos;s number or words of its title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="290"/>
        <source>No ticket matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="292"/>
        <source>{0} tickets match; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="108"/>
        <source>Branchdesk — {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="132"/>
        <location filename="../../desktop/views/main_window.py" line="197"/>
        <source>Conflicts and refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="188"/>
        <source>New ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="188"/>
        <source>Log a new ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="189"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="190"/>
        <source>Search tickets and comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="191"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="192"/>
        <source>Sync with the server, or reload on a standalone store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="193"/>
        <source>Next ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="194"/>
        <source>Previous ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="195"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="196"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="198"/>
        <source>What sync overrode or refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="199"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="200"/>
        <source>What you were told: assignments, replies and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="201"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="202"/>
        <source>The desk&apos;s figures over a period, with the tickets behind them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="203"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="204"/>
        <source>Articles that solve common problems: read, search and write them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="205"/>
        <source>Write an article from this resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="207"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="208"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="214"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="235"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="238"/>
        <source>&amp;Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="244"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="260"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="261"/>
        <location filename="../../desktop/views/main_window.py" line="288"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="262"/>
        <source>About Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="304"/>
        <source>Ticket {0} logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="310"/>
        <source>Ticket {0} escalated to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="311"/>
        <source>Ticket {0} escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="317"/>
        <source>Ticket {0} is logged as solved by the article “{1}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="318"/>
        <source>Nobody needs to work on it. You can rate how it went on the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="319"/>
        <source>Ticket {0} logged as solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="322"/>
        <source>Glad the article “{0}” solved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="323"/>
        <source>No ticket was logged; the article is counted as having solved a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="324"/>
        <source>Solved by an article; no ticket logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="327"/>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="420"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="427"/>
        <source>Sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="467"/>
        <source>Save filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="467"/>
        <source>Name for this filter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="82"/>
        <source>New ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="88"/>
        <source>Search categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="114"/>
        <source>1. What is it about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="122"/>
        <source>Choose a category on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="126"/>
        <source>In a few words: what is wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="161"/>
        <source>What happened, since when, what you tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="164"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="165"/>
        <source>Title *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="166"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="167"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="168"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="174"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="175"/>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="176"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="177"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="178"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="185"/>
        <source>Log ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="187"/>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="197"/>
        <source>2. Tell us more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="254"/>
        <source>Discard this ticket?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="256"/>
        <source>What you typed for this ticket will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="258"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="259"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="287"/>
        <source>Me ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="294"/>
        <source>The requester&apos;s home site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="326"/>
        <source>No category matches “{0}”. Try fewer or other words, or clear the search to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="381"/>
        <source>Choose a category to see the priority and targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="388"/>
        <source>No SLA applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="390"/>
        <source>{0}: response within {1}, resolution within {2} (business time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="410"/>
        <source>Choose a category first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="443"/>
        <source>Choose a category first: the ticket is logged as solved under it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeListModel</name>
    <message>
        <location filename="../../desktop/models/notice_list.py" line="211"/>
        <source>Unread: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPopup</name>
    <message>
        <location filename="../../desktop/views/notifications.py" line="92"/>
        <location filename="../../desktop/views/notifications.py" line="104"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="94"/>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="114"/>
        <source>Waiting for your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="118"/>
        <source>Resolved tickets waiting for your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="126"/>
        <source>Nothing to tell you yet: assignments, replies and other news on your tickets show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="185"/>
        <source>Rate your resolved ticket {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../desktop/notifier.py" line="25"/>
        <source>Assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="26"/>
        <source>New in your team&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="27"/>
        <source>SLA warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="28"/>
        <source>SLA breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="29"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="30"/>
        <source>Status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="31"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="32"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="33"/>
        <source>Major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="34"/>
        <source>Resolved with its major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="43"/>
        <source>Assigned to you: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="44"/>
        <source>New in your team&apos;s queue: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="45"/>
        <source>SLA warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="46"/>
        <source>SLA breached: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="47"/>
        <source>{1} replied on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="48"/>
        <source>Status changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="49"/>
        <source>Resolved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="50"/>
        <source>Escalated: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="51"/>
        <source>Major incident: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="52"/>
        <source>Resolved with its major incident: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgNames</name>
    <message>
        <location filename="../../desktop/org_names.py" line="34"/>
        <source>A supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="35"/>
        <source>{0}: response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="36"/>
        <source>{0}: resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="39"/>
        <source>The team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="40"/>
        <source>{0}: response (team target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="41"/>
        <source>{0}: resolution (team target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="43"/>
        <source>Time without a public update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="84"/>
        <source>Put ticket on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="96"/>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="97"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="98"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <location filename="../../desktop/views/queue_list.py" line="125"/>
        <source>Forget this filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueListModel</name>
    <message>
        <location filename="../../desktop/models/queue_list.py" line="88"/>
        <source>Saved filter: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingBar</name>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="83"/>
        <source>Your ticket is solved. How did it go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>1: very unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>2: unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>3: neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>4: happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="91"/>
        <source>5: very happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>1: very hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>2: hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>4: easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="94"/>
        <source>5: very easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="95"/>
        <source>How happy are you with how it was solved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="96"/>
        <source>How easy was it to get this solved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="104"/>
        <source>A comment, if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="107"/>
        <location filename="../../desktop/views/rating_bar.py" line="168"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="127"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="168"/>
        <location filename="../../desktop/views/rating_bar.py" line="211"/>
        <source>Save the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="180"/>
        <source>You rated how it was solved {0} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="182"/>
        <source>, and how easy it was {0} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="185"/>
        <source>The ticket is closed, so the rating stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="198"/>
        <source>Choose how happy you are with how it was solved, from 1 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="214"/>
        <source>Thank you. You can change it until the ticket is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="215"/>
        <source>Thank you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="241"/>
        <source>The ticket has been closed meanwhile, so its rating can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="243"/>
        <source>Only the person the ticket was logged for rates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="245"/>
        <source>The ticket was cancelled, so there is nothing to rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="247"/>
        <source>The ticket is open again; rate it once it is solved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="174"/>
        <source>Reopen ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="174"/>
        <source>Reopen {0}? Say what is still wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="175"/>
        <source>What still does not work, and since when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="175"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="176"/>
        <source>Say what is still wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="65"/>
        <source>Write a reply… (Ctrl+Enter sends it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="68"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="70"/>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="72"/>
        <source>Only support staff see internal notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="81"/>
        <source>Saved replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="83"/>
        <source>Insert one of the organisation&apos;s saved replies, filled in for this ticket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="163"/>
        <source>Reports — Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="193"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="193"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="194"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="194"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="196"/>
        <source>Chosen dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="210"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="211"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="212"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="217"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="217"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="218"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="218"/>
        <source>By:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Tickets per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <source>SLA met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>Top categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>The one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="242"/>
        <source>Backlog by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="242"/>
        <source>Open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>OLA and suppliers met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="272"/>
        <source>Double-click a figure for the tickets behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="280"/>
        <source>Click a tile, bar or figure to list the tickets behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="323"/>
        <source>The first day is after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="336"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="371"/>
        <source>SLA met by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="377"/>
        <source>SLA met by {0}: the busiest {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="384"/>
        <source>No clock was decided in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="390"/>
        <source>No ticket was logged in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="391"/>
        <source>OLA {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="398"/>
        <source>No OLA or supplier clock was decided in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="400"/>
        <source>Nothing open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/reports.py" line="403"/>
        <source>{0} to {1}, by {2}: %n ticket(s) logged</source>
        <translation>
            <numerusform>{0} to {1}, by {2}: %n ticket logged</numerusform>
            <numerusform>{0} to {1}, by {2}: %n tickets logged</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="437"/>
        <source>in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="437"/>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/reports.py" line="439"/>
        <source>%n ticket(s) behind “{0}”, {1}</source>
        <translation>
            <numerusform>%n ticket behind “{0}”, {1}</numerusform>
            <numerusform>%n tickets behind “{0}”, {1}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="441"/>
        <source>in {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="443"/>
        <source>(the first {0} listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="460"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="460"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="461"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="462"/>
        <source>Export the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="468"/>
        <source>Written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="114"/>
        <source>Resolve ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="122"/>
        <source>What was wrong and what fixed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="124"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="125"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../desktop/views/search.py" line="54"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="57"/>
        <source>Search tickets and knowledge articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="135"/>
        <source>Type a word to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="149"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="150"/>
        <source>Knowledge articles (%n)</source>
        <translation>
            <numerusform>Knowledge articles (%n)</numerusform>
            <numerusform>Knowledge articles (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="161"/>
        <source>No tickets match “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="163"/>
        <source>No tickets match “{0}”. Try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="165"/>
        <source>{0} of %n ticket(s) — scroll down for more</source>
        <translation>
            <numerusform>{0} of %n ticket — scroll down for more</numerusform>
            <numerusform>{0} of %n tickets — scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="168"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../desktop/models/search_results.py" line="19"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="20"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="21"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="22"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="63"/>
        <source>optional: the file your administrator gave you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="64"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="71"/>
        <location filename="../../desktop/views/server_sign_in.py" line="93"/>
        <source>Enrolment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="82"/>
        <source>optional: your home site if empty, e.g. PL-POZ-042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="83"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="84"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="85"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="86"/>
        <source>This computer&apos;s site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="94"/>
        <source>Enrolment files (*{0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="122"/>
        <source>Ask your administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="124"/>
        <source>This file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="125"/>
        <source>This is not a Branchdesk enrolment file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="126"/>
        <source>This enrolment file is for another version of Branchdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="127"/>
        <source>This enrolment file was changed after the server made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="128"/>
        <source>This enrolment file is out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="129"/>
        <source>The server named in this enrolment file did not make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="142"/>
        <source>Give your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="143"/>
        <source>Give your username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="144"/>
        <source>Give the server&apos;s address, e.g. https://desk.example.com</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerSignInDialog</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="201"/>
        <source>Sign in — Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="203"/>
        <source>&lt;b&gt;Sign in to the central server&lt;/b&gt;&lt;br&gt;This computer&apos;s store belongs to {0} on {1}. Your work made here meanwhile is kept and sent once you are signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="212"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="45"/>
        <source>Sign in — Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="47"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="53"/>
        <source>This is demo data: everyone&apos;s password is “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="75"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="76"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="78"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="103"/>
        <source>{0} has no password yet. An administrator gives one in the organisation&apos;s file: ask {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="104"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="105"/>
        <source>{0} has no password yet. Whoever keeps your organisation&apos;s file gives one: ask them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="114"/>
        <source>{0} cannot sign in to the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInRun</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="179"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="187"/>
        <source>Taking your tickets from the server: %v of %m records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/server_sign_in.py" line="190"/>
        <source>Taking your tickets from the server: %n record(s)</source>
        <translation>
            <numerusform>Taking your tickets from the server: %n record</numerusform>
            <numerusform>Taking your tickets from the server: %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlaBars</name>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="156"/>
        <source>target missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="158"/>
        <source>target met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="160"/>
        <source>{0} of {1} used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="161"/>
        <source>due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="185"/>
        <source>{0} d {1} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="187"/>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="188"/>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="189"/>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="203"/>
        <source>Counts around the clock, every day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="210"/>
        <source>Counts business hours only; the site is closed today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="214"/>
        <source>Counts business hours only: they start at {0} today ({1}, the site&apos;s time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="217"/>
        <source>Counts business hours only: today {0} (the site&apos;s time).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="56"/>
        <source>Standalone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="57"/>
        <source>This computer keeps its own store and does not sync with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="59"/>
        <source>⚠ Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="59"/>
        <source>Work is kept here and sent once sync can go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="61"/>
        <source>⟳ Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="61"/>
        <source>Exchanging changes with the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="63"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="63"/>
        <source>Connected to the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="65"/>
        <source>◌ Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="65"/>
        <source>Reaching the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="67"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="67"/>
        <source>The server cannot be reached; work is kept and sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/status_bar.py" line="79"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="80"/>
        <source>Changes made here that no server has confirmed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="90"/>
        <source>Last sync {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/status_bar.py" line="95"/>
        <source>%n conflict(s) to look at</source>
        <translation>
            <numerusform>%n conflict to look at</numerusform>
            <numerusform>%n conflicts to look at</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="97"/>
        <source>Changes that sync overrode or the server refused: click to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="105"/>
        <source>Click the number to show the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="49"/>
        <source>Could one of these solve it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="55"/>
        <location filename="../../desktop/views/suggestions.py" line="109"/>
        <source>Articles that may solve the problem show here as you type what is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="105"/>
        <source>If an article solves it, say so: it is logged as solved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="107"/>
        <source>No article matches yet. Log the ticket and the desk will help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="122"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="125"/>
        <source>Read the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="127"/>
        <source>This solved it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="130"/>
        <source>The article solved the problem: no one needs to work on it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../desktop/sync_controller.py" line="226"/>
        <source>The server no longer accepts this sign-in: sign out, then sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketArticles</name>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="37"/>
        <source>Knowledge articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="46"/>
        <source>Double-click or Enter opens the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="48"/>
        <source>No article is linked to this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="51"/>
        <source>Link an article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="54"/>
        <source>Write an article from this resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="56"/>
        <source>A new draft article with this ticket&apos;s title, category, description and resolution, to edit before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="81"/>
        <source> (draft)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketFields</name>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="61"/>
        <source>Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="64"/>
        <source>Why the priority differs from the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="66"/>
        <source>Major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="73"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="74"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="75"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="76"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="77"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="78"/>
        <source>Override reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="79"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="80"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="82"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="83"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="146"/>
        <source>Channel: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="148"/>
        <source>Resolved as {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="151"/>
        <source>Task of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="153"/>
        <source>Tasks: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="32"/>
        <source>Major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="66"/>
        <source>Ticket number (select to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="80"/>
        <source>Priority overridden: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="81"/>
        <source>Priority from impact {0} and urgency {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="91"/>
        <source>Site {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="93"/>
        <source>Requester {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="94"/>
        <source>Team {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketTable</name>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="158"/>
        <source>Filter by words or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="164"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="169"/>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="177"/>
        <source>Save filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/ticket_table.py" line="276"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="298"/>
        <source>No ticket in “{0}” matches the filter.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filter&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="301"/>
        <source>Nothing is assigned to you right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="302"/>
        <source>You have no open requests. Press Ctrl+N to log one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="303"/>
        <source>Your teams have no open tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="304"/>
        <source>Nothing waits for triage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="305"/>
        <source>No open ticket has missed its SLA target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="306"/>
        <source>No open ticket is due within the next 2 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="307"/>
        <source>There is no open major incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="308"/>
        <source>This site has no open tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="310"/>
        <source>No tickets here yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="38"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="39"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="40"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="41"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="42"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="43"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="44"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="45"/>
        <source>SLA due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="63"/>
        <source>{0} overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="64"/>
        <source>in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="276"/>
        <source>{0} (due {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="279"/>
        <source>The SLA target was missed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <location filename="../../desktop/views/ticket_view.py" line="274"/>
        <source>Start work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Put on hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <location filename="../../desktop/views/ticket_view.py" line="277"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <location filename="../../desktop/views/ticket_view.py" line="278"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="115"/>
        <location filename="../../desktop/views/ticket_view.py" line="398"/>
        <source>Cancel ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="115"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="124"/>
        <source>Assign the ticket to yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="142"/>
        <source>Show SLA events, escalations and notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="162"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="163"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="164"/>
        <source>Work log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="165"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="166"/>
        <location filename="../../desktop/views/ticket_view.py" line="320"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="189"/>
        <source>Choose a ticket to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="274"/>
        <source>Resume work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="277"/>
        <source>Yes, it is fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="278"/>
        <source>No, reopen it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="320"/>
        <source>Files ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="399"/>
        <source>Cancel ticket {0}? It cannot be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <location filename="../../desktop/views/ticket_window.py" line="19"/>
        <source>{0} — Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="137"/>
        <source>Click for the tickets behind this figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../desktop/views/timeline.py" line="33"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="34"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="35"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="36"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="37"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="38"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="39"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="40"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="41"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="42"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="43"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="44"/>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="45"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="46"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="47"/>
        <source>Resolution note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="48"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="49"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="50"/>
        <source>Major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="51"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="52"/>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="53"/>
        <source>Resolved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="54"/>
        <source>Closed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="55"/>
        <source>Priority reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="94"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="94"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="112"/>
        <source>a supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="135"/>
        <source>SLA breached: {0} missed its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="140"/>
        <source>SLA warning: {0} has used {1} of its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="141"/>
        <source>SLA warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="159"/>
        <source>no public update for {0} business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="162"/>
        <source>{0} at {1}% of its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="176"/>
        <source>closed automatically after the reopen period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="179"/>
        <source>escalated from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="180"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="184"/>
        <source>escalation rule “{0}”: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="186"/>
        <location filename="../../desktop/views/timeline.py" line="196"/>
        <source>; not moved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="194"/>
        <source>Escalated by the rule “{0}”: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="201"/>
        <source>Escalated: {0} at {1} of its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="215"/>
        <source>{0} escalated the ticket to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="216"/>
        <source>{0} escalated the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="218"/>
        <source>{0} took the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="220"/>
        <source>{0} assigned the ticket to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="221"/>
        <source>{0} assigned the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="224"/>
        <source>{0} reopened the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="225"/>
        <source>{0} resumed work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="225"/>
        <source>{0} started work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="230"/>
        <source>{0} put the ticket on hold: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="231"/>
        <source>{0} put the ticket on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="234"/>
        <source>{0} resolved the ticket ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="235"/>
        <location filename="../../desktop/views/timeline.py" line="364"/>
        <source>{0} resolved the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="237"/>
        <source>{0} closed the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="239"/>
        <source>{0} cancelled the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="240"/>
        <source>{0} moved the ticket to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="259"/>
        <source>{0}: {1} → {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="251"/>
        <source>{0} changed {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="273"/>
        <source>{0} attached {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="304"/>
        <source>Branchdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="358"/>
        <source>changed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="366"/>
        <source>{0} resolved the ticket and wrote to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="382"/>
        <source>{0} logged the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="142"/>
        <source>SLA warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="136"/>
        <source>SLA breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="203"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="400"/>
        <source>{0} notified {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="271"/>
        <source>{0} attached a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="397"/>
        <source>{0} notified you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="409"/>
        <source>{0} linked the article {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="421"/>
        <source>{0} replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="422"/>
        <source>{0} added an internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="425"/>
        <source>New since you last looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="430"/>
        <source>{0} logged {1} min of work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkLogPanel</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="144"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="146"/>
        <source>What you did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="147"/>
        <source>Log work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="167"/>
        <source>{0}  {1}: {2} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="170"/>
        <source>Total: {0} h {1:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="150"/>
        <source>Reason *</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

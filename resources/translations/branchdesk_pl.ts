<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/views/about.py" line="16"/>
        <source>Version: {0}</source>
        <translation>Wersja: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="17"/>
        <source>Store schema revision: {0}</source>
        <translation>Wersja schematu bazy: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="18"/>
        <source>Syncs with: {0}</source>
        <translation>Synchronizuje się z: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="19"/>
        <source>Syncs with: no server; this computer works on its own</source>
        <translation>Synchronizuje się z: brak serwera; ten komputer działa samodzielnie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="20"/>
        <source>Data folder: {0}</source>
        <translation>Folder danych: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about.py" line="26"/>
        <source>About Branchdesk</source>
        <translation>O programie Branchdesk</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../desktop/views/action_bar.py" line="21"/>
        <source>More</source>
        <translation>Więcej</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_bar.py" line="23"/>
        <source>More actions</source>
        <translation>Więcej działań</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="92"/>
        <source>New article</source>
        <translation>Nowy artykuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="94"/>
        <source>Edit article {0}</source>
        <translation>Edycja artykułu {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="98"/>
        <source>What the article solves, in a few words</source>
        <translation>Co rozwiązuje artykuł, w kilku słowach</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="105"/>
        <source>The symptom and the steps that fix it. Markdown: **bold**, 1. numbered steps, ## headings</source>
        <translation>Objaw i kroki, które go usuwają. Markdown: **pogrubienie**, 1. numerowane kroki, ## nagłówki</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="111"/>
        <source>Write</source>
        <translation>Pisanie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="112"/>
        <source>Preview</source>
        <translation>Podgląd</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="114"/>
        <source>Title *</source>
        <translation>Tytuł *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="115"/>
        <source>Categories</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="116"/>
        <source>Text</source>
        <translation>Treść</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="117"/>
        <source>The first category ticked is the article&apos;s main one.</source>
        <translation>Pierwsza zaznaczona kategoria jest główną kategorią artykułu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="121"/>
        <source>Written from ticket {0}; it is linked to it when saved.</source>
        <translation>Napisany na podstawie zgłoszenia {0}; po zapisaniu zostanie z nim powiązany.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="124"/>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_editor.py" line="149"/>
        <source>Give the article a title.</source>
        <translation>Nadaj artykułowi tytuł.</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="64"/>
        <source>Link an article</source>
        <translation>Powiąż artykuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="67"/>
        <source>Words of the title, or a piece of the number</source>
        <translation>Słowa z tytułu albo fragment numeru</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="74"/>
        <location filename="../../desktop/views/article_picker.py" line="126"/>
        <source>Type at least two letters.</source>
        <translation>Wpisz co najmniej dwie litery.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="78"/>
        <source>Link</source>
        <translation>Powiąż</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="120"/>
        <source> (draft)</source>
        <translation> (szkic)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_picker.py" line="128"/>
        <source>No article matches “{0}”.</source>
        <translation>Żaden artykuł nie pasuje do „{0}”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/article_picker.py" line="130"/>
        <source>%n article(s) match.</source>
        <translation>
            <numerusform>Pasuje %n artykuł.</numerusform>
            <numerusform>Pasują %n artykuły.</numerusform>
            <numerusform>Pasuje %n artykułów.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../desktop/views/article_view.py" line="142"/>
        <source>Article {0}</source>
        <translation>Artykuł {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="144"/>
        <source>Reading the article…</source>
        <translation>Wczytywanie artykułu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="149"/>
        <source>This solved it</source>
        <translation>To rozwiązało problem</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../desktop/views/article_view.py" line="96"/>
        <source>Draft: only support staff see it</source>
        <translation>Szkic: widzi go tylko obsługa zgłoszeń</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/article_view.py" line="99"/>
        <source>solved a problem %n time(s)</source>
        <translation>
            <numerusform>rozwiązał problem %n raz</numerusform>
            <numerusform>rozwiązał problem %n razy</numerusform>
            <numerusform>rozwiązał problem %n razy</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="101"/>
        <source>written from ticket {0}</source>
        <translation>napisany na podstawie zgłoszenia {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="106"/>
        <source>This draft has no text yet.</source>
        <translation>Ten szkic nie ma jeszcze treści.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_view.py" line="112"/>
        <source>Linked tickets: {0}</source>
        <translation>Powiązane zgłoszenia: {0}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="47"/>
        <source>Assign ticket</source>
        <translation>Przydziel zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="53"/>
        <source>{0} (tier {1})</source>
        <translation>{0} (linia {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="59"/>
        <source>Team</source>
        <translation>Zespół</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="60"/>
        <source>Person</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="61"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="67"/>
        <source>Anyone in the team</source>
        <translation>Ktokolwiek z zespołu</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../desktop/labels.py" line="129"/>
        <source>{0} MiB</source>
        <translation>{0} MiB</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="131"/>
        <source>{0} KiB</source>
        <translation>{0} KiB</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="132"/>
        <source>{0} bytes</source>
        <translation>{0} B</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../desktop/views/attachments.py" line="119"/>
        <source>No files attached yet.</source>
        <translation>Nie dołączono jeszcze plików.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="121"/>
        <source>Drop files here or paste a screenshot. A file may be at most {0} MiB.</source>
        <translation>Upuść tu pliki albo wklej zrzut ekranu. Plik może mieć najwyżej {0} MiB.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="126"/>
        <source>Attach file…</source>
        <translation>Dołącz plik…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="129"/>
        <source>Paste screenshot</source>
        <translation>Wklej zrzut ekranu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="131"/>
        <source>Attach the picture on the clipboard as a PNG file</source>
        <translation>Dołącz obraz ze schowka jako plik PNG</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="133"/>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="136"/>
        <source>Save as…</source>
        <translation>Zapisz jako…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="193"/>
        <source>waiting to upload: sent with the next sync</source>
        <translation>czeka na wysłanie: pójdzie z następną synchronizacją</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="195"/>
        <source>not downloaded yet: comes with the next sync</source>
        <translation>jeszcze nie pobrany: przyjdzie z następną synchronizacją</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="210"/>
        <source>{0}
{1}, attached by {2}</source>
        <translation>{0}
{1}, dołączył(a) {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="215"/>
        <source>{0}  ·  adding…</source>
        <translation>{0}  ·  dołączanie…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="255"/>
        <source>“{0}” cannot be found or read.</source>
        <translation>Nie można znaleźć ani odczytać „{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="257"/>
        <source>“{0}” is a folder. Attach the files in it, or a zip of it.</source>
        <translation>„{0}” to folder. Dołącz pliki z niego albo jego archiwum zip.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="259"/>
        <source>“{0}” is empty.</source>
        <translation>„{0}” jest pusty.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="261"/>
        <source>“{0}” is {1}; a file may be at most {2} MiB. Make it smaller (zip it, or take a smaller screenshot) or split it.</source>
        <translation>„{0}” ma {1}; plik może mieć najwyżej {2} MiB. Zmniejsz go (spakuj albo zrób mniejszy zrzut ekranu) lub podziel.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="268"/>
        <source>Attach files (at most {0} MiB each)</source>
        <translation>Dołącz pliki (każdy najwyżej {0} MiB)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="296"/>
        <source>The clipboard holds no picture. Take a screenshot first (Print Screen), then paste it here.</source>
        <translation>W schowku nie ma obrazu. Najpierw zrób zrzut ekranu (Print Screen), potem wklej go tutaj.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="343"/>
        <source>The screenshot is larger than {0} MiB; take a smaller one.</source>
        <translation>Zrzut ekranu ma więcej niż {0} MiB; zrób mniejszy.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="346"/>
        <source>“{0}” was not attached: {1}</source>
        <translation>Nie dołączono „{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="392"/>
        <source>“{0}” could not be opened: {1}</source>
        <translation>Nie można otworzyć „{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="401"/>
        <source>Save attachment</source>
        <translation>Zapisz załącznik</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachments.py" line="412"/>
        <source>“{0}” could not be saved: {1}</source>
        <translation>Nie można zapisać „{0}”: {1}</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message numerus="yes">
        <location filename="../../desktop/views/charts.py" line="292"/>
        <source>%n more not shown</source>
        <translation>
            <numerusform>i jeszcze %n niepokazany</numerusform>
            <numerusform>i jeszcze %n niepokazane</numerusform>
            <numerusform>i jeszcze %n niepokazanych</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BellButton</name>
    <message numerus="yes">
        <location filename="../../desktop/views/notifications.py" line="69"/>
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n nieprzeczytane powiadomienie</numerusform>
            <numerusform>%n nieprzeczytane powiadomienia</numerusform>
            <numerusform>%n nieprzeczytanych powiadomień</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="70"/>
        <source>No unread notifications</source>
        <translation>Brak nieprzeczytanych powiadomień</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/notifications.py" line="72"/>
        <source>%n resolved ticket(s) waiting for your rating</source>
        <translation>
            <numerusform>%n rozwiązane zgłoszenie czeka na Twoją ocenę</numerusform>
            <numerusform>%n rozwiązane zgłoszenia czekają na Twoją ocenę</numerusform>
            <numerusform>%n rozwiązanych zgłoszeń czeka na Twoją ocenę</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="74"/>
        <source>Notifications</source>
        <translation>Powiadomienia</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../desktop/views/bulk.py" line="90"/>
        <source>Open in its own window</source>
        <translation>Otwórz w osobnym oknie</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="93"/>
        <source>Take %n ticket(s)</source>
        <translation>
            <numerusform>Weź %n zgłoszenie</numerusform>
            <numerusform>Weź %n zgłoszenia</numerusform>
            <numerusform>Weź %n zgłoszeń</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="93"/>
        <source>Take</source>
        <translation>Weź</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="95"/>
        <source>Assign %n ticket(s)…</source>
        <translation>
            <numerusform>Przydziel %n zgłoszenie…</numerusform>
            <numerusform>Przydziel %n zgłoszenia…</numerusform>
            <numerusform>Przydziel %n zgłoszeń…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="95"/>
        <source>Assign…</source>
        <translation>Przydziel…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="97"/>
        <source>Escalate %n ticket(s)…</source>
        <translation>
            <numerusform>Eskaluj %n zgłoszenie…</numerusform>
            <numerusform>Eskaluj %n zgłoszenia…</numerusform>
            <numerusform>Eskaluj %n zgłoszeń…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="97"/>
        <source>Escalate…</source>
        <translation>Eskaluj…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="99"/>
        <source>Move %n ticket(s) to</source>
        <translation>
            <numerusform>Przenieś %n zgłoszenie do</numerusform>
            <numerusform>Przenieś %n zgłoszenia do</numerusform>
            <numerusform>Przenieś %n zgłoszeń do</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="99"/>
        <source>Move to</source>
        <translation>Przenieś do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="102"/>
        <source>In progress</source>
        <translation>W realizacji</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="103"/>
        <source>On hold…</source>
        <translation>Wstrzymane…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="104"/>
        <source>Resolved…</source>
        <translation>Rozwiązane…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="105"/>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="111"/>
        <source>Copy number(s)</source>
        <translation>Kopiuj numer(y)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/bulk.py" line="134"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n zgłoszenie</numerusform>
            <numerusform>%n zgłoszenia</numerusform>
            <numerusform>%n zgłoszeń</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="187"/>
        <source>Took {0} of {1} tickets.</source>
        <translation>Wzięto {0} z {1} zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="188"/>
        <source>Assigned {0} of {1} tickets.</source>
        <translation>Przydzielono {0} z {1} zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="189"/>
        <source>Escalated {0} of {1} tickets.</source>
        <translation>Eskalowano {0} z {1} zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="190"/>
        <source>Moved {0} of {1} tickets.</source>
        <translation>Przeniesiono {0} z {1} zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="194"/>
        <source>Not done:</source>
        <translation>Nie wykonano:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="195"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/bulk.py" line="203"/>
        <source>Some tickets were not changed</source>
        <translation>Niektóre zgłoszenia nie zostały zmienione</translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="114"/>
        <source>paused</source>
        <translation>wstrzymany</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="128"/>
        <source>{0} target: {1}</source>
        <translation>Cel — {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="130"/>
        <source>Used so far: {0} ({1}%)</source>
        <translation>Zużyto dotąd: {0} ({1}%)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="133"/>
        <source>Met: the target was reached in time.</source>
        <translation>Dotrzymano: cel osiągnięto na czas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="135"/>
        <source>Breached: the target was missed.</source>
        <translation>Przekroczono: nie dotrzymano celu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="137"/>
        <source>Paused: {0}. The clock stands still until work goes on.</source>
        <translation>Wstrzymany: {0}. Zegar stoi, dopóki praca nie ruszy dalej.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="138"/>
        <source>the ticket is on hold</source>
        <translation>zgłoszenie jest wstrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="140"/>
        <source>Due {0}.</source>
        <translation>Termin: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="142"/>
        <source>Running while {0}: this wait does not stop the clock.</source>
        <translation>Biegnie, choć {0}: to oczekiwanie nie zatrzymuje zegara.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="148"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="53"/>
        <source>When two people change the same thing before their computers sync, one change is kept and the other is shown here; so are changes the server refused. Acknowledge each once you have seen it.</source>
        <translation>Gdy dwie osoby zmienią to samo, zanim ich komputery się zsynchronizują, jedna zmiana zostaje, a druga trafia tutaj; tak samo zmiany, których serwer nie przyjął. Potwierdź każdą, gdy już ją zobaczysz.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Ticket</source>
        <translation>Zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Kept</source>
        <translation>Zachowano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Lost</source>
        <translation>Utracono</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="60"/>
        <source>Outcome</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="61"/>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="64"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="65"/>
        <source>Nothing to look at: every change was applied as made.</source>
        <translation>Nie ma nic do przejrzenia: każdą zmianę przyjęto tak, jak ją wprowadzono.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/conflicts.py" line="130"/>
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Konflikty (%n)</numerusform>
            <numerusform>Konflikty (%n)</numerusform>
            <numerusform>Konflikty (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="136"/>
        <source>Refused: the ticket had moved on</source>
        <translation>Odrzucono: zgłoszenie zdążyło się zmienić</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="137"/>
        <source>Replaced by the later change</source>
        <translation>Zastąpiono późniejszą zmianą</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/conflicts.py" line="149"/>
        <source>Changes the server refused (%n)</source>
        <translation>
            <numerusform>Zmiany odrzucone przez serwer (%n)</numerusform>
            <numerusform>Zmiany odrzucone przez serwer (%n)</numerusform>
            <numerusform>Zmiany odrzucone przez serwer (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="167"/>
        <source>New ticket: {0}</source>
        <translation>Nowe zgłoszenie: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="171"/>
        <source>A change of the ticket</source>
        <translation>Zmiana zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="174"/>
        <source>Reply: {0}</source>
        <translation>Odpowiedź: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="174"/>
        <source>Internal note: {0}</source>
        <translation>Notatka wewnętrzna: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="176"/>
        <source>Work log: {0} min</source>
        <translation>Czas pracy: {0} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="178"/>
        <source>Link: {0}</source>
        <translation>Powiązanie: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="180"/>
        <source>Acknowledgement of a conflict</source>
        <translation>Potwierdzenie konfliktu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="200"/>
        <source>Open the ticket</source>
        <translation>Otwórz zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflicts.py" line="205"/>
        <source>Acknowledge</source>
        <translation>Potwierdź</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="24"/>
        <source>Say why the priority differs from the one computed.</source>
        <translation>Napisz, dlaczego priorytet różni się od wyliczonego.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="26"/>
        <source>A reason is only needed when you change the priority.</source>
        <translation>Powód podaje się tylko przy zmianie priorytetu.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="28"/>
        <source>Choose what the ticket is waiting for.</source>
        <translation>Wybierz, na co czeka zgłoszenie.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="30"/>
        <source>What a ticket waits for is only asked when it is put on hold.</source>
        <translation>O to, na co czeka zgłoszenie, pytamy tylko przy wstrzymaniu.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="32"/>
        <source>Choose the supplier the ticket is waiting for.</source>
        <translation>Wybierz dostawcę, na którego czeka zgłoszenie.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="34"/>
        <source>A supplier is only named when the ticket waits for a supplier.</source>
        <translation>Dostawcę wskazuje się tylko, gdy zgłoszenie czeka na dostawcę.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="36"/>
        <source>Choose how the ticket was resolved.</source>
        <translation>Wybierz, jak rozwiązano zgłoszenie.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="38"/>
        <source>How it was resolved is only asked when resolving.</source>
        <translation>O sposób rozwiązania pytamy tylko przy rozwiązywaniu.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="40"/>
        <source>Write what was wrong and what fixed it: the requester reads it.</source>
        <translation>Napisz, co było nie tak i co pomogło: zgłaszający to przeczyta.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="42"/>
        <source>A task belongs under another ticket: choose that ticket.</source>
        <translation>Zadanie należy do innego zgłoszenia: wybierz je.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="44"/>
        <source>The requester has no home site: choose the site.</source>
        <translation>Zgłaszający nie ma swojej placówki: wybierz placówkę.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="46"/>
        <source>Choose a team, a person, or both.</source>
        <translation>Wybierz zespół, osobę albo oba.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="53"/>
        <source>A ticket that is “{status}” cannot become “{target}”. It can become: {allowed}.</source>
        <translation>Zgłoszenie o statusie „{status}” nie może przejść do „{target}”. Może przejść do: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="55"/>
        <source>A ticket that is “{status}” cannot change any more; log a new ticket and link it to this one.</source>
        <translation>Zgłoszenia o statusie „{status}” nie można już zmienić; dodaj nowe zgłoszenie i powiąż je z tym.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="58"/>
        <source>A ticket that is “{status}” cannot be assigned; move it back to “{in_progress}” first.</source>
        <translation>Zgłoszenia o statusie „{status}” nie można przydzielić; najpierw przywróć je do statusu „{in_progress}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="61"/>
        <source>The time for reopening this ticket has ended; log a new ticket and link it to this one.</source>
        <translation>Minął czas na ponowne otwarcie tego zgłoszenia; dodaj nowe zgłoszenie i powiąż je z tym.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="64"/>
        <source>Only the person who asked for this ticket, or the support staff, may do this.</source>
        <translation>Może to zrobić tylko osoba, która dodała to zgłoszenie, albo obsługa zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="66"/>
        <source>Only the support staff may do this to a ticket that is “{status}”.</source>
        <translation>Tylko obsługa zgłoszeń może to zrobić ze zgłoszeniem o statusie „{status}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="68"/>
        <source>Only the support staff may do this; you are signed in as “{role}”.</source>
        <translation>Może to zrobić tylko obsługa zgłoszeń; jesteś zalogowany(-a) jako „{role}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="70"/>
        <source>Only the support staff write internal notes.</source>
        <translation>Notatki wewnętrzne pisze tylko obsługa zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="72"/>
        <source>Only the support staff may mark a major incident.</source>
        <translation>Tylko obsługa zgłoszeń może oznaczyć poważny incydent.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="74"/>
        <source>Only service desk agents and managers may set the priority by hand.</source>
        <translation>Tylko konsultanci service desku i kierownicy mogą ręcznie ustawić priorytet.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="76"/>
        <source>Only service desk agents and managers may publish articles.</source>
        <translation>Tylko konsultanci service desku i kierownicy mogą publikować artykuły.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="78"/>
        <source>The chosen person is “{role}” and cannot work on tickets.</source>
        <translation>Wybrana osoba ma rolę „{role}” i nie może pracować nad zgłoszeniami.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="80"/>
        <source>The chosen person does not work in the chosen team: choose someone from it, or only the team.</source>
        <translation>Wybrana osoba nie pracuje w wybranym zespole: wybierz kogoś z tego zespołu albo sam zespół.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="82"/>
        <source>Ticket {number} is already assigned to {user}.</source>
        <translation>Zgłoszenie {number} jest już przydzielone do {user}.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="84"/>
        <source>Ticket {number} is with the last team already; there is no one to escalate it to.</source>
        <translation>Zgłoszenie {number} jest już w ostatnim zespole; nie ma komu go eskalować.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="86"/>
        <source>Ticket {number} is “{status}”; log a new ticket and link it to this one.</source>
        <translation>Zgłoszenie {number} ma status „{status}”; dodaj nowe zgłoszenie i powiąż je z tym.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="88"/>
        <source>Ticket {number} is “{status}”; tasks go under open tickets only.</source>
        <translation>Zgłoszenie {number} ma status „{status}”; zadania dodaje się tylko do otwartych zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="90"/>
        <source>Ticket {number} is “{status}”; an article is written from a resolved ticket.</source>
        <translation>Zgłoszenie {number} ma status „{status}”; artykuł pisze się na podstawie rozwiązanego zgłoszenia.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="92"/>
        <source>Ticket {number} is “{status}”, not “{resolved}”; it does not close by itself.</source>
        <translation>Zgłoszenie {number} ma status „{status}”, a nie „{resolved}”; nie zamknie się samo.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="94"/>
        <source>Ticket {number} is “{cancelled}”.</source>
        <translation>Zgłoszenie {number} ma status „{cancelled}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="96"/>
        <source>Ticket {number} still has open tasks ({count}); finish them first.</source>
        <translation>Zgłoszenie {number} ma jeszcze otwarte zadania ({count}); najpierw je zakończ.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="98"/>
        <source>Use Assign to give a ticket to a team or a person.</source>
        <translation>Zgłoszenie przydziela się zespołowi lub osobie przyciskiem Przydziel.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="100"/>
        <source>This ticket would go to a team you do not work with; ask the central service desk to log it.</source>
        <translation>To zgłoszenie trafiłoby do zespołu, z którym nie pracujesz; poproś centralny service desk o jego dodanie.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="103"/>
        <source>Your organisation wants every problem logged as a ticket: give the ticket&apos;s title and category.</source>
        <translation>Twoja organizacja chce, by każdy problem był zgłoszeniem: podaj tytuł i kategorię zgłoszenia.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="106"/>
        <source>A ticket cannot be linked to itself.</source>
        <translation>Zgłoszenia nie można powiązać z nim samym.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="108"/>
        <source>Write something first.</source>
        <translation>Najpierw coś napisz.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="110"/>
        <source>Give the ticket a title.</source>
        <translation>Nadaj zgłoszeniu tytuł.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="112"/>
        <source>Nothing to save: nothing was changed.</source>
        <translation>Nie ma czego zapisać: nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="114"/>
        <source>Work is logged in minutes, from 1 to 1440 (24 hours).</source>
        <translation>Pracę wpisuje się w minutach, od 1 do 1440 (24 godziny).</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="116"/>
        <source>This computer has no password store to keep your sign-in safe. Install and unlock one (your desktop&apos;s keyring, macOS Keychain or Windows Credential Manager), or ask your administrator.</source>
        <translation>Ten komputer nie ma magazynu haseł, w którym logowanie byłoby bezpieczne. Zainstaluj i odblokuj taki magazyn (pęk kluczy środowiska graficznego, pęk kluczy macOS albo Menedżer poświadczeń Windows) lub zapytaj administratora.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="120"/>
        <source>The period starts ({begin}) after it ends ({end}).</source>
        <translation>Okres zaczyna się ({begin}) po swoim końcu ({end}).</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="122"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>„{value}” to nie data; wpisz ją jako RRRR-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="138"/>
        <source>The server could not be reached. Your work is kept here and sent later.</source>
        <translation>Nie udało się połączyć z serwerem. Twoja praca jest zachowana tutaj i zostanie wysłana później.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="141"/>
        <source>Something went wrong; the details are in the log file.</source>
        <translation>Coś poszło nie tak; szczegóły są w pliku dziennika.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="188"/>
        <source>a ticket that is {0}</source>
        <translation>zgłoszenie o statusie {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="189"/>
        <source>ticket that is {0}</source>
        <translation>zgłoszenie o statusie {0}</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="186"/>
        <location filename="../../desktop/views/action_dialogs.py" line="187"/>
        <source>Escalate</source>
        <translation>Eskaluj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="184"/>
        <source>Hand {0} to {1}?</source>
        <translation>Przekazać {0} do: {1}?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="185"/>
        <source>Hand {0} to the next tier?</source>
        <translation>Przekazać {0} na wyższą linię wsparcia?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="187"/>
        <source>Why it needs the next tier: what you found and tried</source>
        <translation>Dlaczego potrzebna jest wyższa linia: co ustalono i co próbowano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="188"/>
        <source>Say why the ticket needs the next tier.</source>
        <translation>Napisz, dlaczego zgłoszenie potrzebuje wyższej linii wsparcia.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="19"/>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="20"/>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="28"/>
        <source>YYYY-MM-DD</source>
        <translation>RRRR-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/views/field_editors.py" line="30"/>
        <source>a number</source>
        <translation>liczba</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/views/first_run.py" line="52"/>
        <source>Welcome to Branchdesk</source>
        <translation>Witamy w Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="54"/>
        <source>&lt;h2&gt;Welcome to Branchdesk&lt;/h2&gt;&lt;p&gt;There is no Branchdesk data on this computer yet. How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Witamy w Branchdesk&lt;/h2&gt;&lt;p&gt;Na tym komputerze nie ma jeszcze danych Branchdesk. Jak chcesz zacząć?&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="58"/>
        <source>Try it with demo data</source>
        <translation>Wypróbuj na danych demonstracyjnych</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="60"/>
        <source>A made-up fuel station company with a few thousand tickets. You are signed in as one of its service desk agents.</source>
        <translation>Zmyślona sieć stacji paliw z kilkoma tysiącami zgłoszeń. Zostaniesz zalogowany jako jeden z jej konsultantów service desku.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="62"/>
        <source>Open an organisation file</source>
        <translation>Otwórz plik organizacji</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="64"/>
        <source>Set up this computer for one site from your organisation&apos;s file (TOML), working on its own without a server.</source>
        <translation>Przygotuj ten komputer dla jednej placówki na podstawie pliku organizacji (TOML), do pracy samodzielnej bez serwera.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="66"/>
        <source>Connect to a central server</source>
        <translation>Połącz z serwerem centralnym</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="68"/>
        <source>Sign in with your account on your organisation&apos;s Branchdesk server. This computer keeps your tickets and works on when the link is down. Got an enrolment file? Choose it or drop it here.</source>
        <translation>Zaloguj się swoim kontem na serwerze Branchdesk swojej organizacji. Ten komputer przechowuje Twoje zgłoszenia i działa dalej, gdy nie ma połączenia. Masz plik rejestracji? Wybierz go albo upuść tutaj.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="86"/>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="94"/>
        <location filename="../../desktop/views/first_run.py" line="187"/>
        <source>Organisation file</source>
        <translation>Plik organizacji</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="95"/>
        <source>This computer&apos;s site</source>
        <translation>Placówka tego komputera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="107"/>
        <source>Start</source>
        <translation>Zaczynamy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="187"/>
        <source>Organisation files (*.toml);;All files (*)</source>
        <translation>Pliki organizacji (*.toml);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="219"/>
        <source>Choose your organisation&apos;s file</source>
        <translation>Wybierz plik swojej organizacji</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="222"/>
        <source>Choose the site this computer is at</source>
        <translation>Wybierz placówkę, w której stoi ten komputer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="224"/>
        <source>Setting up the store…</source>
        <translation>Przygotowuję magazyn danych…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="228"/>
        <source>Making demo data…</source>
        <translation>Tworzę dane demonstracyjne…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="262"/>
        <source>Making demo tickets: %v of %m</source>
        <translation>Tworzę zgłoszenia demonstracyjne: %v z %m</translation>
    </message>
</context>
<context>
    <name>KnowledgeWindow</name>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="71"/>
        <source>Knowledge — Branchdesk</source>
        <translation>Baza wiedzy — Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="76"/>
        <source>Search articles: words of the title or the text…</source>
        <translation>Szukaj artykułów: słowa z tytułu lub treści…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="78"/>
        <source>New article</source>
        <translation>Nowy artykuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="105"/>
        <source>Choose an article to read it here.</source>
        <translation>Wybierz artykuł, aby go tu przeczytać.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="107"/>
        <source>Edit…</source>
        <translation>Edytuj…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="110"/>
        <source>Publish</source>
        <translation>Opublikuj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="112"/>
        <source>Make the draft readable by everyone and offer it while tickets are logged</source>
        <translation>Udostępnij szkic wszystkim i podpowiadaj go przy dodawaniu zgłoszeń</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="182"/>
        <source>Draft</source>
        <translation>Szkic</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="185"/>
        <source>No article holds every word of “{0}”. Try fewer or other words.</source>
        <translation>Żaden artykuł nie zawiera wszystkich słów z „{0}”. Spróbuj mniej lub innych słów.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="188"/>
        <source>No articles yet.</source>
        <translation>Nie ma jeszcze artykułów.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge.py" line="188"/>
        <source>Write the first with New article.</source>
        <translation>Napisz pierwszy przyciskiem Nowy artykuł.</translation>
    </message>
</context>
<context>
    <name>KpiFigures</name>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="24"/>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="25"/>
        <source>Resolved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="26"/>
        <source>First response (median)</source>
        <translation>Pierwsza odpowiedź (mediana)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="27"/>
        <source>Time to resolve (mean)</source>
        <translation>Czas rozwiązania (średni)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="28"/>
        <source>Time to resolve, wall clock</source>
        <translation>Czas rozwiązania, kalendarzowy</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="29"/>
        <source>Response met</source>
        <translation>Odpowiedź w terminie</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="30"/>
        <source>Resolution met</source>
        <translation>Rozwiązanie w terminie</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="31"/>
        <source>OLA response met</source>
        <translation>OLA: reakcja dotrzymana</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="32"/>
        <source>OLA resolution met</source>
        <translation>OLA: rozwiązanie dotrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="33"/>
        <source>Supplier response met</source>
        <translation>Dostawca: reakcja dotrzymana</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="34"/>
        <source>Supplier resolution met</source>
        <translation>Dostawca: rozwiązanie dotrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="35"/>
        <source>First contact resolution</source>
        <translation>Rozwiązane przy pierwszym kontakcie</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="36"/>
        <source>Reopened</source>
        <translation>Ponownie otwarte</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="37"/>
        <source>Repeats</source>
        <translation>Powtórzenia</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="38"/>
        <source>Backlog</source>
        <translation>Zaległe</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="39"/>
        <source>Under 1 day</source>
        <translation>Poniżej 1 dnia</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="40"/>
        <source>1 to 3 days</source>
        <translation>1 do 3 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="41"/>
        <source>3 to 7 days</source>
        <translation>3 do 7 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="42"/>
        <source>Over 7 days</source>
        <translation>Ponad 7 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="44"/>
        <source>Satisfaction (1–5)</source>
        <translation>Zadowolenie (1–5)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="45"/>
        <source>Ratings</source>
        <translation>Oceny</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="46"/>
        <source>Ease (1–5)</source>
        <translation>Łatwość (1–5)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="50"/>
        <source>Site</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="51"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="52"/>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="53"/>
        <source>Team</source>
        <translation>Zespół</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="54"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="55"/>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="56"/>
        <source>Week</source>
        <translation>Tydzień</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="57"/>
        <source>Supplier</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="80"/>
        <source>{0} d {1} h</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="82"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="83"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../desktop/models/kpi_table.py" line="150"/>
        <location filename="../../desktop/views/report_pdf.py" line="39"/>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/report_pdf.py" line="62"/>
        <source>Branchdesk figures, {0} to {1}, by {2}</source>
        <translation>Wskaźniki Branchdesk, od {0} do {1}, według: {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="107"/>
        <source>new</source>
        <translation>nowa</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="12"/>
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="13"/>
        <source>Assigned</source>
        <translation>Przydzielone</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="14"/>
        <source>In progress</source>
        <translation>W realizacji</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="15"/>
        <source>Pending</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="16"/>
        <source>Resolved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="17"/>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="18"/>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="21"/>
        <source>Mine</source>
        <translation>Moje</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="22"/>
        <source>My requests</source>
        <translation>Moje zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="23"/>
        <source>My team</source>
        <translation>Mój zespół</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="24"/>
        <source>Triage</source>
        <translation>Do rozdzielenia</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="25"/>
        <source>Breached</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="26"/>
        <source>Due within 2 h</source>
        <translation>Termin w ciągu 2 h</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="27"/>
        <source>Breaching soon</source>
        <translation>Bliskie przekroczenia SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="28"/>
        <source>Major incidents</source>
        <translation>Poważne incydenty</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="29"/>
        <source>This site</source>
        <translation>Ta placówka</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="30"/>
        <source>All tickets</source>
        <translation>Wszystkie zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="33"/>
        <source>Branch staff</source>
        <translation>Pracownik placówki</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="34"/>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="35"/>
        <source>Service desk agent</source>
        <translation>Konsultant service desku</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="36"/>
        <source>Manager</source>
        <translation>Kierownik</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="37"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="40"/>
        <source>Incident</source>
        <translation>Incydent</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="41"/>
        <source>Request</source>
        <translation>Wniosek</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="42"/>
        <source>Case</source>
        <translation>Sprawa</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="43"/>
        <source>Task</source>
        <translation>Zadanie</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="46"/>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="47"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="48"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="49"/>
        <source>Walk-in</source>
        <translation>Osobiście</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="50"/>
        <source>Chat</source>
        <translation>Czat</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="51"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="54"/>
        <source>Waiting for the requester</source>
        <translation>Czeka na zgłaszającego</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="55"/>
        <source>Waiting for a supplier</source>
        <translation>Czeka na dostawcę</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="56"/>
        <source>Waiting for a change</source>
        <translation>Czeka na zmianę</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="57"/>
        <source>Other</source>
        <translation>Inne</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="60"/>
        <source>Fixed</source>
        <translation>Naprawione</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="61"/>
        <source>Workaround</source>
        <translation>Obejście</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="62"/>
        <source>Replaced</source>
        <translation>Wymienione</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="63"/>
        <source>Fixed by the supplier</source>
        <translation>Naprawione przez dostawcę</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="64"/>
        <source>No fault found</source>
        <translation>Nie stwierdzono usterki</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="65"/>
        <source>User error</source>
        <translation>Błąd użytkownika</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="66"/>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="67"/>
        <source>Not reproducible</source>
        <translation>Nie da się odtworzyć</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="70"/>
        <location filename="../../desktop/labels.py" line="77"/>
        <source>Relates to</source>
        <translation>Powiązane z</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="71"/>
        <source>Duplicates</source>
        <translation>Duplikuje</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="72"/>
        <source>Follows up</source>
        <translation>Kontynuuje</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="73"/>
        <source>Caused by</source>
        <translation>Spowodowane przez</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="78"/>
        <source>Duplicated by</source>
        <translation>Zduplikowane przez</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="79"/>
        <source>Followed up by</source>
        <translation>Kontynuowane przez</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="80"/>
        <source>Causes</source>
        <translation>Powoduje</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="83"/>
        <source>High</source>
        <translation>Wysoki</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="84"/>
        <source>Medium</source>
        <translation>Średni</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="85"/>
        <source>Low</source>
        <translation>Niski</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="88"/>
        <source>Response</source>
        <translation>Reakcja</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="89"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="92"/>
        <source>running</source>
        <translation>biegnie</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="93"/>
        <source>paused</source>
        <translation>wstrzymany</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="94"/>
        <source>met</source>
        <translation>dotrzymany</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="95"/>
        <source>breached</source>
        <translation>przekroczony</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="120"/>
        <source>Waiting for {0}</source>
        <translation>Czekamy na dostawcę {0}</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <location filename="../../desktop/views/link_picker.py" line="38"/>
        <source>Number or words of the title</source>
        <translation>Numer albo słowa z tytułu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/link_picker.py" line="39"/>
        <source>A piece of the other ticket&apos;s number, or words of its title</source>
        <translation>Fragment numeru drugiego zgłoszenia albo słowa z jego tytułu</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="206"/>
        <source>Link</source>
        <translation>Powiąż</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="217"/>
        <source>No linked tickets yet</source>
        <translation>Brak powiązanych zgłoszeń</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="247"/>
        <location filename="../../desktop/views/ticket_extras.py" line="249"/>
        <source>Task of</source>
        <translation>Zadanie zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="253"/>
        <source>Task</source>
        <translation>Zadanie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="257"/>
        <source>{0} — {1}: {2}</source>
        <translation>{0} — {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="278"/>
        <source>Type a piece of the other ticket&apos;s number or words of its title.</source>
        <translation>Wpisz fragment numeru drugiego zgłoszenia albo słowa z jego tytułu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="290"/>
        <source>No ticket matches “{0}”.</source>
        <translation>Żadne zgłoszenie nie pasuje do „{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="292"/>
        <source>{0} tickets match; choose one from the list.</source>
        <translation>Pasujących zgłoszeń: {0}; wybierz jedno z listy.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="108"/>
        <source>Branchdesk — {0} ({1})</source>
        <translation>Branchdesk — {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="132"/>
        <location filename="../../desktop/views/main_window.py" line="197"/>
        <source>Conflicts and refused changes</source>
        <translation>Konflikty i odrzucone zmiany</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="188"/>
        <source>New ticket</source>
        <translation>Nowe zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="188"/>
        <source>Log a new ticket</source>
        <translation>Zarejestruj nowe zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="189"/>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="190"/>
        <source>Search tickets and comments</source>
        <translation>Szukaj w zgłoszeniach i komentarzach</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="191"/>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="192"/>
        <source>Sync with the server, or reload on a standalone store</source>
        <translation>Synchronizuj z serwerem albo odśwież samodzielny magazyn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="193"/>
        <source>Next ticket</source>
        <translation>Następne zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="194"/>
        <source>Previous ticket</source>
        <translation>Poprzednie zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="195"/>
        <source>Reply</source>
        <translation>Odpowiedz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="196"/>
        <source>Filter</source>
        <translation>Filtruj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="198"/>
        <source>What sync overrode or refused</source>
        <translation>Co synchronizacja nadpisała lub odrzuciła</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="199"/>
        <source>Notifications</source>
        <translation>Powiadomienia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="200"/>
        <source>What you were told: assignments, replies and more</source>
        <translation>Co do Ciebie przyszło: przydziały, odpowiedzi i więcej</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="201"/>
        <source>Reports</source>
        <translation>Raporty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="202"/>
        <source>The desk&apos;s figures over a period, with the tickets behind them</source>
        <translation>Wskaźniki działu w wybranym okresie, ze zgłoszeniami, z których wynikają</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="203"/>
        <source>Knowledge</source>
        <translation>Baza wiedzy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="204"/>
        <source>Articles that solve common problems: read, search and write them</source>
        <translation>Artykuły, które rozwiązują częste problemy: czytaj, szukaj i pisz je</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="205"/>
        <source>Write an article from this resolution</source>
        <translation>Napisz artykuł na podstawie tego rozwiązania</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="207"/>
        <source>Sign out</source>
        <translation>Wyloguj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="208"/>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="214"/>
        <source>Main</source>
        <translation>Główny</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="235"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="238"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="244"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="260"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="261"/>
        <location filename="../../desktop/views/main_window.py" line="288"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="262"/>
        <source>About Branchdesk</source>
        <translation>O programie Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="304"/>
        <source>Ticket {0} logged</source>
        <translation>Zarejestrowano zgłoszenie {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="310"/>
        <source>Ticket {0} escalated to {1}</source>
        <translation>Zgłoszenie {0} eskalowano do: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="311"/>
        <source>Ticket {0} escalated</source>
        <translation>Zgłoszenie {0} eskalowano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="317"/>
        <source>Ticket {0} is logged as solved by the article “{1}”.</source>
        <translation>Zgłoszenie {0} zapisano jako rozwiązane artykułem „{1}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="318"/>
        <source>Nobody needs to work on it. You can rate how it went on the ticket.</source>
        <translation>Nikt nie musi nad nim pracować. W zgłoszeniu możesz ocenić, jak poszło.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="319"/>
        <source>Ticket {0} logged as solved</source>
        <translation>Zgłoszenie {0} zapisano jako rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="322"/>
        <source>Glad the article “{0}” solved it.</source>
        <translation>Cieszymy się, że artykuł „{0}” pomógł.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="323"/>
        <source>No ticket was logged; the article is counted as having solved a problem.</source>
        <translation>Nie dodano zgłoszenia; artykuł zapisano jako taki, który rozwiązał problem.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="324"/>
        <source>Solved by an article; no ticket logged</source>
        <translation>Rozwiązane artykułem; bez zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="327"/>
        <source>Solved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="420"/>
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="427"/>
        <source>Sync: {0}</source>
        <translation>Synchronizacja: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="467"/>
        <source>Save filter</source>
        <translation>Zapisz filtr</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="467"/>
        <source>Name for this filter:</source>
        <translation>Nazwa tego filtra:</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="82"/>
        <source>New ticket</source>
        <translation>Nowe zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="88"/>
        <source>Search categories…</source>
        <translation>Szukaj kategorii…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="114"/>
        <source>1. What is it about?</source>
        <translation>1. Czego dotyczy?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="122"/>
        <source>Choose a category on the left</source>
        <translation>Wybierz kategorię po lewej</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="126"/>
        <source>In a few words: what is wrong?</source>
        <translation>W kilku słowach: co nie działa?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="161"/>
        <source>What happened, since when, what you tried</source>
        <translation>Co się stało, od kiedy, co już próbowano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="164"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="165"/>
        <source>Title *</source>
        <translation>Tytuł *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="166"/>
        <source>Type</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="167"/>
        <source>Impact</source>
        <translation>Wpływ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="168"/>
        <source>Urgency</source>
        <translation>Pilność</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="174"/>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="175"/>
        <source>Requester</source>
        <translation>Zgłaszający</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="176"/>
        <source>Site</source>
        <translation>Placówka</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="177"/>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="178"/>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="185"/>
        <source>Log ticket</source>
        <translation>Zarejestruj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="187"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="197"/>
        <source>2. Tell us more</source>
        <translation>2. Opowiedz więcej</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="254"/>
        <source>Discard this ticket?</source>
        <translation>Odrzucić to zgłoszenie?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="256"/>
        <source>What you typed for this ticket will be lost.</source>
        <translation>To, co wpisano w tym zgłoszeniu, zostanie utracone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="258"/>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="259"/>
        <source>Keep editing</source>
        <translation>Edytuj dalej</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="287"/>
        <source>Me ({0})</source>
        <translation>Ja ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="294"/>
        <source>The requester&apos;s home site</source>
        <translation>Placówka zgłaszającego</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="326"/>
        <source>No category matches “{0}”. Try fewer or other words, or clear the search to see them all.</source>
        <translation>Żadna kategoria nie pasuje do „{0}”. Wpisz mniej lub inne słowa albo wyczyść wyszukiwanie, aby zobaczyć wszystkie.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="381"/>
        <source>Choose a category to see the priority and targets.</source>
        <translation>Wybierz kategorię, aby zobaczyć priorytet i terminy.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="388"/>
        <source>No SLA applies.</source>
        <translation>Nie obowiązuje żadne SLA.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="390"/>
        <source>{0}: response within {1}, resolution within {2} (business time)</source>
        <translation>{0}: reakcja w ciągu {1}, rozwiązanie w ciągu {2} (czas roboczy)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="410"/>
        <source>Choose a category first</source>
        <translation>Najpierw wybierz kategorię</translation>
    </message>
    <message>
        <location filename="../../desktop/views/new_ticket.py" line="443"/>
        <source>Choose a category first: the ticket is logged as solved under it.</source>
        <translation>Najpierw wybierz kategorię: zgłoszenie zostanie w niej zapisane jako rozwiązane.</translation>
    </message>
</context>
<context>
    <name>NoticeListModel</name>
    <message>
        <location filename="../../desktop/models/notice_list.py" line="211"/>
        <source>Unread: {0}</source>
        <translation>Nieprzeczytane: {0}</translation>
    </message>
</context>
<context>
    <name>NotificationsPopup</name>
    <message>
        <location filename="../../desktop/views/notifications.py" line="92"/>
        <location filename="../../desktop/views/notifications.py" line="104"/>
        <source>Notifications</source>
        <translation>Powiadomienia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="94"/>
        <source>Mark all read</source>
        <translation>Oznacz wszystkie jako przeczytane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="114"/>
        <source>Waiting for your rating</source>
        <translation>Czeka na Twoją ocenę</translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="118"/>
        <source>Resolved tickets waiting for your rating</source>
        <translation>Rozwiązane zgłoszenia czekające na Twoją ocenę</translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="126"/>
        <source>Nothing to tell you yet: assignments, replies and other news on your tickets show here.</source>
        <translation>Na razie nic nowego: tutaj pojawią się przydziały, odpowiedzi i inne wieści o Twoich zgłoszeniach.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/notifications.py" line="185"/>
        <source>Rate your resolved ticket {0}: {1}</source>
        <translation>Oceń rozwiązane zgłoszenie {0}: {1}</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../desktop/notifier.py" line="25"/>
        <source>Assigned to you</source>
        <translation>Przydzielono Ci</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="26"/>
        <source>New in your team&apos;s queue</source>
        <translation>Nowe w kolejce Twojego zespołu</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="27"/>
        <source>SLA warning</source>
        <translation>Ostrzeżenie SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="28"/>
        <source>SLA breached</source>
        <translation>Przekroczone SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="29"/>
        <source>Reply</source>
        <translation>Odpowiedź</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="30"/>
        <source>Status changed</source>
        <translation>Zmiana statusu</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="31"/>
        <source>Resolved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="32"/>
        <source>Escalated</source>
        <translation>Eskalowano</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="33"/>
        <source>Major incident</source>
        <translation>Poważny incydent</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="34"/>
        <source>Resolved with its major incident</source>
        <translation>Rozwiązane wraz z poważnym incydentem</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="43"/>
        <source>Assigned to you: {0}</source>
        <translation>Przydzielono Ci: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="44"/>
        <source>New in your team&apos;s queue: {0}</source>
        <translation>Nowe w kolejce Twojego zespołu: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="45"/>
        <source>SLA warning: {0}</source>
        <translation>Ostrzeżenie SLA: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="46"/>
        <source>SLA breached: {0}</source>
        <translation>Przekroczone SLA: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="47"/>
        <source>{1} replied on {0}</source>
        <translation>{1} odpowiada w {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="48"/>
        <source>Status changed: {0}</source>
        <translation>Zmiana statusu: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="49"/>
        <source>Resolved: {0}</source>
        <translation>Rozwiązane: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="50"/>
        <source>Escalated: {0}</source>
        <translation>Eskalowano: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="51"/>
        <source>Major incident: {0}</source>
        <translation>Poważny incydent: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/notifier.py" line="52"/>
        <source>Resolved with its major incident: {0}</source>
        <translation>Rozwiązane wraz z poważnym incydentem: {0}</translation>
    </message>
</context>
<context>
    <name>OrgNames</name>
    <message>
        <location filename="../../desktop/org_names.py" line="34"/>
        <source>A supplier</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="35"/>
        <source>{0}: response</source>
        <translation>{0}: reakcja</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="36"/>
        <source>{0}: resolution</source>
        <translation>{0}: rozwiązanie</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="39"/>
        <source>The team</source>
        <translation>Zespół</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="40"/>
        <source>{0}: response (team target)</source>
        <translation>{0}: reakcja (cel zespołu)</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="41"/>
        <source>{0}: resolution (team target)</source>
        <translation>{0}: rozwiązanie (cel zespołu)</translation>
    </message>
    <message>
        <location filename="../../desktop/org_names.py" line="43"/>
        <source>Time without a public update</source>
        <translation>Czas bez publicznej odpowiedzi</translation>
    </message>
</context>
<context>
    <name>PendDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="84"/>
        <source>Put ticket on hold</source>
        <translation>Wstrzymaj zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="96"/>
        <source>Waiting for</source>
        <translation>Czeka na</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="97"/>
        <source>Supplier</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="98"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <location filename="../../desktop/views/queue_list.py" line="125"/>
        <source>Forget this filter</source>
        <translation>Usuń ten filtr</translation>
    </message>
</context>
<context>
    <name>QueueListModel</name>
    <message>
        <location filename="../../desktop/models/queue_list.py" line="88"/>
        <source>Saved filter: {0}</source>
        <translation>Zapisany filtr: {0}</translation>
    </message>
</context>
<context>
    <name>RatingBar</name>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="83"/>
        <source>Your ticket is solved. How did it go?</source>
        <translation>Twoje zgłoszenie jest rozwiązane. Jak poszło?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>1: very unhappy</source>
        <translation>1: bardzo niezadowolony(-a)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>2: unhappy</source>
        <translation>2: niezadowolony(-a)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>3: neither</source>
        <translation>3: ani tak, ani nie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="90"/>
        <source>4: happy</source>
        <translation>4: zadowolony(-a)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="91"/>
        <source>5: very happy</source>
        <translation>5: bardzo zadowolony(-a)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>1: very hard</source>
        <translation>1: bardzo trudno</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>2: hard</source>
        <translation>2: trudno</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="93"/>
        <source>4: easy</source>
        <translation>4: łatwo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="94"/>
        <source>5: very easy</source>
        <translation>5: bardzo łatwo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="95"/>
        <source>How happy are you with how it was solved?</source>
        <translation>Jak bardzo jesteś zadowolony(-a) ze sposobu rozwiązania?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="96"/>
        <source>How easy was it to get this solved?</source>
        <translation>Jak łatwo było doprowadzić do rozwiązania?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="104"/>
        <source>A comment, if you like</source>
        <translation>Komentarz, jeśli chcesz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="107"/>
        <location filename="../../desktop/views/rating_bar.py" line="168"/>
        <source>Send</source>
        <translation>Wyślij</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="127"/>
        <source>Change</source>
        <translation>Zmień</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="168"/>
        <location filename="../../desktop/views/rating_bar.py" line="211"/>
        <source>Save the change</source>
        <translation>Zapisz zmianę</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="180"/>
        <source>You rated how it was solved {0} of 5</source>
        <translation>Sposób rozwiązania oceniono na {0} z 5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="182"/>
        <source>, and how easy it was {0} of 5</source>
        <translation>, a łatwość na {0} z 5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="185"/>
        <source>The ticket is closed, so the rating stays as it is.</source>
        <translation>Zgłoszenie jest zamknięte, więc ocena pozostaje bez zmian.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="198"/>
        <source>Choose how happy you are with how it was solved, from 1 to 5.</source>
        <translation>Wybierz, jak bardzo jesteś zadowolony(-a) z rozwiązania, od 1 do 5.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="214"/>
        <source>Thank you. You can change it until the ticket is closed.</source>
        <translation>Dziękujemy. Możesz ją zmienić do zamknięcia zgłoszenia.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="215"/>
        <source>Thank you.</source>
        <translation>Dziękujemy.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="241"/>
        <source>The ticket has been closed meanwhile, so its rating can no longer be changed.</source>
        <translation>Zgłoszenie zostało w międzyczasie zamknięte, więc jego oceny nie można już zmienić.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="243"/>
        <source>Only the person the ticket was logged for rates it.</source>
        <translation>Zgłoszenie ocenia tylko osoba, dla której je dodano.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="245"/>
        <source>The ticket was cancelled, so there is nothing to rate.</source>
        <translation>Zgłoszenie anulowano, więc nie ma czego oceniać.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/rating_bar.py" line="247"/>
        <source>The ticket is open again; rate it once it is solved.</source>
        <translation>Zgłoszenie jest znów otwarte; oceń je, gdy zostanie rozwiązane.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="174"/>
        <source>Reopen ticket</source>
        <translation>Ponowne otwarcie zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="174"/>
        <source>Reopen {0}? Say what is still wrong.</source>
        <translation>Otworzyć ponownie {0}? Napisz, co nadal nie działa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="175"/>
        <source>What still does not work, and since when</source>
        <translation>Co nadal nie działa i od kiedy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="175"/>
        <source>Reopen</source>
        <translation>Otwórz ponownie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="176"/>
        <source>Say what is still wrong.</source>
        <translation>Napisz, co nadal nie działa.</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="65"/>
        <source>Write a reply… (Ctrl+Enter sends it)</source>
        <translation>Napisz odpowiedź… (Ctrl+Enter wysyła)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="68"/>
        <source>Reply</source>
        <translation>Odpowiedz</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="70"/>
        <source>Internal note</source>
        <translation>Notatka wewnętrzna</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="72"/>
        <source>Only support staff see internal notes.</source>
        <translation>Notatki wewnętrzne widzi tylko wsparcie.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="81"/>
        <source>Saved replies</source>
        <translation>Gotowe odpowiedzi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="83"/>
        <source>Insert one of the organisation&apos;s saved replies, filled in for this ticket</source>
        <translation>Wstaw jedną z gotowych odpowiedzi organizacji, uzupełnioną dla tego zgłoszenia</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="163"/>
        <source>Reports — Branchdesk</source>
        <translation>Raporty — Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="193"/>
        <source>Last 7 days</source>
        <translation>Ostatnie 7 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="193"/>
        <source>Last 30 days</source>
        <translation>Ostatnie 30 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="194"/>
        <source>Last 90 days</source>
        <translation>Ostatnie 90 dni</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="194"/>
        <source>This year</source>
        <translation>Ten rok</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="196"/>
        <source>Chosen dates</source>
        <translation>Wybrane daty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="210"/>
        <source>Export CSV…</source>
        <translation>Eksport CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="211"/>
        <source>Export Excel…</source>
        <translation>Eksport Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="212"/>
        <source>Export PDF…</source>
        <translation>Eksport PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="217"/>
        <source>Period:</source>
        <translation>Okres:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="217"/>
        <source>From:</source>
        <translation>Od:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="218"/>
        <source>To:</source>
        <translation>Do:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="218"/>
        <source>By:</source>
        <translation>Według:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Tickets per week</source>
        <translation>Zgłoszenia w tygodniu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Created</source>
        <translation>Utworzone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="238"/>
        <source>Resolved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <source>SLA met</source>
        <translation>SLA dotrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>Response</source>
        <translation>Odpowiedź</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="239"/>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>Top categories</source>
        <translation>Najczęstsze kategorie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>This period</source>
        <translation>Ten okres</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="240"/>
        <source>The one before</source>
        <translation>Okres wcześniejszy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="242"/>
        <source>Backlog by age</source>
        <translation>Zaległe według wieku</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="242"/>
        <source>Open tickets</source>
        <translation>Otwarte zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="243"/>
        <source>OLA and suppliers met</source>
        <translation>OLA i dostawcy: terminy dotrzymane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="272"/>
        <source>Double-click a figure for the tickets behind it</source>
        <translation>Kliknij dwukrotnie wartość, aby zobaczyć zgłoszenia, z których wynika</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="280"/>
        <source>Click a tile, bar or figure to list the tickets behind it.</source>
        <translation>Kliknij kafelek, słupek lub wartość, aby zobaczyć zgłoszenia, z których wynika.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="323"/>
        <source>The first day is after the last.</source>
        <translation>Pierwszy dzień jest po ostatnim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="336"/>
        <source>Counting…</source>
        <translation>Liczenie…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="371"/>
        <source>SLA met by {0}</source>
        <translation>SLA dotrzymane według: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="377"/>
        <source>SLA met by {0}: the busiest {1} of {2}</source>
        <translation>SLA dotrzymane według: {0} — {1} najbardziej obciążonych z {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="384"/>
        <source>No clock was decided in this period.</source>
        <translation>W tym okresie nie rozstrzygnięto żadnego terminu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="390"/>
        <source>No ticket was logged in this period.</source>
        <translation>W tym okresie nie zgłoszono żadnego zgłoszenia.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="391"/>
        <source>OLA {0}</source>
        <translation>OLA {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="398"/>
        <source>No OLA or supplier clock was decided in this period.</source>
        <translation>W tym okresie nie rozstrzygnięto żadnego terminu OLA ani dostawcy.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="400"/>
        <source>Nothing open.</source>
        <translation>Nic otwartego.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/reports.py" line="403"/>
        <source>{0} to {1}, by {2}: %n ticket(s) logged</source>
        <translation>
            <numerusform>{0} – {1}, według: {2}: %n zgłoszenie</numerusform>
            <numerusform>{0} – {1}, według: {2}: %n zgłoszenia</numerusform>
            <numerusform>{0} – {1}, według: {2}: %n zgłoszeń</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="437"/>
        <source>in total</source>
        <translation>razem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="437"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/reports.py" line="439"/>
        <source>%n ticket(s) behind “{0}”, {1}</source>
        <translation>
            <numerusform>%n zgłoszenie za „{0}”, {1}</numerusform>
            <numerusform>%n zgłoszenia za „{0}”, {1}</numerusform>
            <numerusform>%n zgłoszeń za „{0}”, {1}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="441"/>
        <source>in {0} to {1}</source>
        <translation>od {0} do {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="443"/>
        <source>(the first {0} listed)</source>
        <translation>(pokazano pierwsze {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="460"/>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="460"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Skoroszyty Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="461"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="462"/>
        <source>Export the figures</source>
        <translation>Eksport wskaźników</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reports.py" line="468"/>
        <source>Written to {0}</source>
        <translation>Zapisano do {0}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="114"/>
        <source>Resolve ticket</source>
        <translation>Rozwiąż zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="122"/>
        <source>What was wrong and what fixed it</source>
        <translation>Co było nie tak i co pomogło</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="124"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="125"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../desktop/views/search.py" line="54"/>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="57"/>
        <source>Search tickets and knowledge articles…</source>
        <translation>Szukaj w zgłoszeniach i artykułach bazy wiedzy…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="135"/>
        <source>Type a word to search for.</source>
        <translation>Wpisz słowo, którego szukasz.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="149"/>
        <source>Draft</source>
        <translation>Szkic</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="150"/>
        <source>Knowledge articles (%n)</source>
        <translation>
            <numerusform>Artykuły bazy wiedzy (%n)</numerusform>
            <numerusform>Artykuły bazy wiedzy (%n)</numerusform>
            <numerusform>Artykuły bazy wiedzy (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="161"/>
        <source>No tickets match “{0}”.</source>
        <translation>Żadne zgłoszenie nie pasuje do „{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search.py" line="163"/>
        <source>No tickets match “{0}”. Try fewer or shorter words.</source>
        <translation>Żadne zgłoszenie nie pasuje do „{0}”. Spróbuj mniej lub krótszych słów.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="165"/>
        <source>{0} of %n ticket(s) — scroll down for more</source>
        <translation>
            <numerusform>{0} z %n zgłoszenia — przewiń w dół, by zobaczyć więcej</numerusform>
            <numerusform>{0} z %n zgłoszeń — przewiń w dół, by zobaczyć więcej</numerusform>
            <numerusform>{0} z %n zgłoszeń — przewiń w dół, by zobaczyć więcej</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/search.py" line="168"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n zgłoszenie</numerusform>
            <numerusform>%n zgłoszenia</numerusform>
            <numerusform>%n zgłoszeń</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../desktop/models/search_results.py" line="19"/>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="20"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="21"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/search_results.py" line="22"/>
        <source>Site</source>
        <translation>Placówka</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="63"/>
        <source>optional: the file your administrator gave you</source>
        <translation>opcjonalnie: plik od Twojego administratora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="64"/>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="71"/>
        <location filename="../../desktop/views/server_sign_in.py" line="93"/>
        <source>Enrolment file</source>
        <translation>Plik rejestracji</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="82"/>
        <source>optional: your home site if empty, e.g. PL-POZ-042</source>
        <translation>opcjonalnie; puste to Twoja placówka, np. PL-POZ-042</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="83"/>
        <source>Server address</source>
        <translation>Adres serwera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="84"/>
        <source>Username</source>
        <translation>Nazwa użytkownika</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="85"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="86"/>
        <source>This computer&apos;s site</source>
        <translation>Placówka tego komputera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="94"/>
        <source>Enrolment files (*{0});;All files (*)</source>
        <translation>Pliki rejestracji (*{0});;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="122"/>
        <source>Ask your administrator for a new one.</source>
        <translation>Poproś administratora o nowy.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="124"/>
        <source>This file cannot be read.</source>
        <translation>Nie można odczytać tego pliku.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="125"/>
        <source>This is not a Branchdesk enrolment file.</source>
        <translation>To nie jest plik rejestracji Branchdesk.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="126"/>
        <source>This enrolment file is for another version of Branchdesk.</source>
        <translation>Ten plik rejestracji jest dla innej wersji Branchdesk.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="127"/>
        <source>This enrolment file was changed after the server made it.</source>
        <translation>Ten plik rejestracji został zmieniony po utworzeniu go przez serwer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="128"/>
        <source>This enrolment file is out of date.</source>
        <translation>Ten plik rejestracji jest już nieważny.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="129"/>
        <source>The server named in this enrolment file did not make it.</source>
        <translation>Serwer wskazany w tym pliku rejestracji go nie utworzył.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="142"/>
        <source>Give your password</source>
        <translation>Podaj hasło</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="143"/>
        <source>Give your username</source>
        <translation>Podaj nazwę użytkownika</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="144"/>
        <source>Give the server&apos;s address, e.g. https://desk.example.com</source>
        <translation>Podaj adres serwera, np. https://desk.example.com</translation>
    </message>
</context>
<context>
    <name>ServerSignInDialog</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="201"/>
        <source>Sign in — Branchdesk</source>
        <translation>Logowanie — Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="203"/>
        <source>&lt;b&gt;Sign in to the central server&lt;/b&gt;&lt;br&gt;This computer&apos;s store belongs to {0} on {1}. Your work made here meanwhile is kept and sent once you are signed in.</source>
        <translation>&lt;b&gt;Zaloguj się do serwera centralnego&lt;/b&gt;&lt;br&gt;Dane tego komputera należą do użytkownika {0} na serwerze {1}. Praca wykonana tu w międzyczasie jest zachowana i zostanie wysłana po zalogowaniu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="212"/>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="45"/>
        <source>Sign in — Branchdesk</source>
        <translation>Logowanie — Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="47"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Who are you?</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Kim jesteś?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="53"/>
        <source>This is demo data: everyone&apos;s password is “{0}”.</source>
        <translation>To są dane demonstracyjne: hasło każdej osoby to „{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="75"/>
        <source>Name</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="76"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="78"/>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="103"/>
        <source>{0} has no password yet. An administrator gives one in the organisation&apos;s file: ask {1}.</source>
        <translation>{0} nie ma jeszcze hasła. Nadaje je administrator w pliku organizacji: poproś o to: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="104"/>
        <source> or </source>
        <translation> lub </translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="105"/>
        <source>{0} has no password yet. Whoever keeps your organisation&apos;s file gives one: ask them.</source>
        <translation>{0} nie ma jeszcze hasła. Nadaje je osoba, która prowadzi plik organizacji: poproś ją o to.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="114"/>
        <source>{0} cannot sign in to the window.</source>
        <translation>{0} nie może logować się w oknie programu.</translation>
    </message>
</context>
<context>
    <name>SignInRun</name>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="179"/>
        <source>Signing in…</source>
        <translation>Logowanie…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server_sign_in.py" line="187"/>
        <source>Taking your tickets from the server: %v of %m records</source>
        <translation>Pobieranie zgłoszeń z serwera: %v z %m rekordów</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/server_sign_in.py" line="190"/>
        <source>Taking your tickets from the server: %n record(s)</source>
        <translation>
            <numerusform>Pobieranie zgłoszeń z serwera: %n rekord</numerusform>
            <numerusform>Pobieranie zgłoszeń z serwera: %n rekordy</numerusform>
            <numerusform>Pobieranie zgłoszeń z serwera: %n rekordów</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlaBars</name>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="156"/>
        <source>target missed</source>
        <translation>cel nieosiągnięty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="158"/>
        <source>target met</source>
        <translation>cel osiągnięty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="160"/>
        <source>{0} of {1} used</source>
        <translation>wykorzystano {0} z {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="161"/>
        <source>due {0}</source>
        <translation>termin {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="185"/>
        <source>{0} d {1} h</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="187"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="188"/>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="189"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="203"/>
        <source>Counts around the clock, every day.</source>
        <translation>Liczy całą dobę, każdego dnia.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="210"/>
        <source>Counts business hours only; the site is closed today.</source>
        <translation>Liczy tylko godziny pracy; placówka jest dziś zamknięta.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="214"/>
        <source>Counts business hours only: they start at {0} today ({1}, the site&apos;s time).</source>
        <translation>Liczy tylko godziny pracy: dziś zaczynają się o {0} ({1}, czas placówki).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sla_bar.py" line="217"/>
        <source>Counts business hours only: today {0} (the site&apos;s time).</source>
        <translation>Liczy tylko godziny pracy: dziś {0} (czas placówki).</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="56"/>
        <source>Standalone</source>
        <translation>Samodzielnie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="57"/>
        <source>This computer keeps its own store and does not sync with a server.</source>
        <translation>Ten komputer ma własny magazyn danych i nie synchronizuje się z serwerem.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="59"/>
        <source>⚠ Sync stopped</source>
        <translation>⚠ Synchronizacja wstrzymana</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="59"/>
        <source>Work is kept here and sent once sync can go on.</source>
        <translation>Praca jest zachowana tutaj i zostanie wysłana, gdy synchronizacja będzie mogła ruszyć.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="61"/>
        <source>⟳ Syncing…</source>
        <translation>⟳ Synchronizacja…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="61"/>
        <source>Exchanging changes with the central server.</source>
        <translation>Wymiana zmian z serwerem centralnym.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="63"/>
        <source>● Online</source>
        <translation>● Połączono</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="63"/>
        <source>Connected to the central server.</source>
        <translation>Połączono z serwerem centralnym.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="65"/>
        <source>◌ Connecting…</source>
        <translation>◌ Łączenie…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="65"/>
        <source>Reaching the central server.</source>
        <translation>Łączenie z serwerem centralnym.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="67"/>
        <source>○ Offline</source>
        <translation>○ Bez połączenia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="67"/>
        <source>The server cannot be reached; work is kept and sent later.</source>
        <translation>Serwer jest nieosiągalny; praca jest zachowana i zostanie wysłana później.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/status_bar.py" line="79"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n zmiana czeka</numerusform>
            <numerusform>%n zmiany czekają</numerusform>
            <numerusform>%n zmian czeka</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="80"/>
        <source>Changes made here that no server has confirmed yet.</source>
        <translation>Zmiany zrobione tutaj, których serwer jeszcze nie potwierdził.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="90"/>
        <source>Last sync {0}</source>
        <translation>Ostatnia synchronizacja {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/status_bar.py" line="95"/>
        <source>%n conflict(s) to look at</source>
        <translation>
            <numerusform>%n konflikt do przejrzenia</numerusform>
            <numerusform>%n konflikty do przejrzenia</numerusform>
            <numerusform>%n konfliktów do przejrzenia</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="97"/>
        <source>Changes that sync overrode or the server refused: click to see them.</source>
        <translation>Zmiany nadpisane przez synchronizację lub odrzucone przez serwer: kliknij, aby je zobaczyć.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/status_bar.py" line="105"/>
        <source>Click the number to show the ticket.</source>
        <translation>Kliknij numer, aby pokazać zgłoszenie.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="49"/>
        <source>Could one of these solve it?</source>
        <translation>Czy któryś z tych artykułów rozwiąże problem?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="55"/>
        <location filename="../../desktop/views/suggestions.py" line="109"/>
        <source>Articles that may solve the problem show here as you type what is wrong.</source>
        <translation>Artykuły, które mogą rozwiązać problem, pojawią się tu, gdy opiszesz, co nie działa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="105"/>
        <source>If an article solves it, say so: it is logged as solved at once.</source>
        <translation>Jeśli artykuł rozwiązuje problem, zaznacz to: zgłoszenie zostanie od razu zapisane jako rozwiązane.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="107"/>
        <source>No article matches yet. Log the ticket and the desk will help.</source>
        <translation>Żaden artykuł jeszcze nie pasuje. Dodaj zgłoszenie, a service desk pomoże.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="122"/>
        <source>Read</source>
        <translation>Czytaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="125"/>
        <source>Read the article</source>
        <translation>Przeczytaj artykuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="127"/>
        <source>This solved it</source>
        <translation>To rozwiązało problem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/suggestions.py" line="130"/>
        <source>The article solved the problem: no one needs to work on it</source>
        <translation>Artykuł rozwiązał problem: nikt nie musi nad nim pracować</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../desktop/sync_controller.py" line="226"/>
        <source>The server no longer accepts this sign-in: sign out, then sign in again to sync.</source>
        <translation>Serwer nie przyjmuje już tego logowania: wyloguj się i zaloguj ponownie, aby synchronizować.</translation>
    </message>
</context>
<context>
    <name>TicketArticles</name>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="37"/>
        <source>Knowledge articles</source>
        <translation>Artykuły z bazy wiedzy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="46"/>
        <source>Double-click or Enter opens the article</source>
        <translation>Dwuklik lub Enter otwiera artykuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="48"/>
        <source>No article is linked to this ticket.</source>
        <translation>Z tym zgłoszeniem nie powiązano żadnego artykułu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="51"/>
        <source>Link an article…</source>
        <translation>Powiąż artykuł…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="54"/>
        <source>Write an article from this resolution</source>
        <translation>Napisz artykuł na podstawie tego rozwiązania</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="56"/>
        <source>A new draft article with this ticket&apos;s title, category, description and resolution, to edit before saving</source>
        <translation>Nowy szkic artykułu z tytułem, kategorią, opisem i rozwiązaniem tego zgłoszenia, do poprawienia przed zapisaniem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_articles.py" line="81"/>
        <source> (draft)</source>
        <translation> (szkic)</translation>
    </message>
</context>
<context>
    <name>TicketFields</name>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="61"/>
        <source>Computed</source>
        <translation>Wyliczony</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="64"/>
        <source>Why the priority differs from the matrix</source>
        <translation>Dlaczego priorytet różni się od macierzy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="66"/>
        <source>Major incident</source>
        <translation>Poważny incydent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="73"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="74"/>
        <source>Type</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="75"/>
        <source>Impact</source>
        <translation>Wpływ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="76"/>
        <source>Urgency</source>
        <translation>Pilność</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="77"/>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="78"/>
        <source>Override reason</source>
        <translation>Powód zmiany</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="79"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="80"/>
        <source>Asset</source>
        <translation>Zasób</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="82"/>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="83"/>
        <source>Save changes</source>
        <translation>Zapisz zmiany</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="146"/>
        <source>Channel: {0}</source>
        <translation>Kanał: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="148"/>
        <source>Resolved as {0}: {1}</source>
        <translation>Rozwiązane jako {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="151"/>
        <source>Task of {0}</source>
        <translation>Zadanie zgłoszenia {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_fields.py" line="153"/>
        <source>Tasks: {0}</source>
        <translation>Zadania: {0}</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="32"/>
        <source>Major incident</source>
        <translation>Poważny incydent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="66"/>
        <source>Ticket number (select to copy)</source>
        <translation>Numer zgłoszenia (zaznacz, aby skopiować)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="80"/>
        <source>Priority overridden: {0}</source>
        <translation>Priorytet zmieniony ręcznie: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="81"/>
        <source>Priority from impact {0} and urgency {1}</source>
        <translation>Priorytet z wpływu {0} i pilności {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="91"/>
        <source>Site {0}</source>
        <translation>Placówka {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="93"/>
        <source>Requester {0}</source>
        <translation>Zgłaszający {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_header.py" line="94"/>
        <source>Team {0}</source>
        <translation>Zespół {0}</translation>
    </message>
</context>
<context>
    <name>TicketTable</name>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="158"/>
        <source>Filter by words or number</source>
        <translation>Słowa lub numer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="164"/>
        <source>Any status</source>
        <translation>Każdy status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="169"/>
        <source>Any priority</source>
        <translation>Priorytet: każdy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="177"/>
        <source>Save filter…</source>
        <translation>Zapisz filtr…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/ticket_table.py" line="276"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n zgłoszenie</numerusform>
            <numerusform>%n zgłoszenia</numerusform>
            <numerusform>%n zgłoszeń</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="298"/>
        <source>No ticket in “{0}” matches the filter.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filter&lt;/a&gt;</source>
        <translation>Żadne zgłoszenie w „{0}” nie pasuje do filtra.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Wyczyść filtr&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="301"/>
        <source>Nothing is assigned to you right now.</source>
        <translation>Nic nie jest teraz do ciebie przydzielone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="302"/>
        <source>You have no open requests. Press Ctrl+N to log one.</source>
        <translation>Nie masz otwartych zgłoszeń. Naciśnij Ctrl+N, aby dodać nowe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="303"/>
        <source>Your teams have no open tickets.</source>
        <translation>Twoje zespoły nie mają otwartych zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="304"/>
        <source>Nothing waits for triage.</source>
        <translation>Nic nie czeka na wstępną ocenę.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="305"/>
        <source>No open ticket has missed its SLA target.</source>
        <translation>Żadne otwarte zgłoszenie nie przekroczyło terminu SLA.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="306"/>
        <source>No open ticket is due within the next 2 hours.</source>
        <translation>Żadne otwarte zgłoszenie nie ma terminu w ciągu najbliższych 2 godzin.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="307"/>
        <source>There is no open major incident.</source>
        <translation>Nie ma otwartego poważnego incydentu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="308"/>
        <source>This site has no open tickets.</source>
        <translation>Ta placówka nie ma otwartych zgłoszeń.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_table.py" line="310"/>
        <source>No tickets here yet.</source>
        <translation>Nie ma tu jeszcze zgłoszeń.</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="38"/>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="39"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="40"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="41"/>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="42"/>
        <source>Site</source>
        <translation>Placówka</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="43"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="44"/>
        <source>Assignee</source>
        <translation>Przydzielone do</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="45"/>
        <source>SLA due</source>
        <translation>Termin SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="63"/>
        <source>{0} overdue</source>
        <translation>{0} po terminie</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="64"/>
        <source>in {0}</source>
        <translation>za {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="276"/>
        <source>{0} (due {1})</source>
        <translation>{0} (termin {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/models/ticket_table.py" line="279"/>
        <source>The SLA target was missed.</source>
        <translation>Nie dotrzymano terminu SLA.</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Assign…</source>
        <translation>Przydziel…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <location filename="../../desktop/views/ticket_view.py" line="274"/>
        <source>Start work</source>
        <translation>Rozpocznij</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Put on hold…</source>
        <translation>Wstrzymaj…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="113"/>
        <source>Take</source>
        <translation>Weź</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <source>Resolve…</source>
        <translation>Rozwiąż…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <location filename="../../desktop/views/ticket_view.py" line="277"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="114"/>
        <location filename="../../desktop/views/ticket_view.py" line="278"/>
        <source>Reopen</source>
        <translation>Otwórz ponownie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="115"/>
        <location filename="../../desktop/views/ticket_view.py" line="398"/>
        <source>Cancel ticket</source>
        <translation>Anuluj zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="115"/>
        <source>Escalate…</source>
        <translation>Eskaluj…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="124"/>
        <source>Assign the ticket to yourself</source>
        <translation>Przydziel zgłoszenie sobie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="142"/>
        <source>Show SLA events, escalations and notices</source>
        <translation>Pokaż zdarzenia SLA, eskalacje i powiadomienia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="162"/>
        <source>Conversation</source>
        <translation>Rozmowa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="163"/>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="164"/>
        <source>Work log</source>
        <translation>Praca</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="165"/>
        <source>Links</source>
        <translation>Powiązania</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="166"/>
        <location filename="../../desktop/views/ticket_view.py" line="320"/>
        <source>Files</source>
        <translation>Pliki</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="189"/>
        <source>Choose a ticket to see it here.</source>
        <translation>Wybierz zgłoszenie, aby je tu zobaczyć.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="274"/>
        <source>Resume work</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="277"/>
        <source>Yes, it is fixed</source>
        <translation>Tak, naprawione</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="278"/>
        <source>No, reopen it</source>
        <translation>Nie, otwórz ponownie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="320"/>
        <source>Files ({0})</source>
        <translation>Pliki ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_view.py" line="399"/>
        <source>Cancel ticket {0}? It cannot be reopened.</source>
        <translation>Anulować zgłoszenie {0}? Nie da się go ponownie otworzyć.</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <location filename="../../desktop/views/ticket_window.py" line="19"/>
        <source>{0} — Branchdesk</source>
        <translation>{0} — Branchdesk</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="137"/>
        <source>Click for the tickets behind this figure</source>
        <translation>Kliknij, aby zobaczyć zgłoszenia, z których wynika ta wartość</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../desktop/views/timeline.py" line="33"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="34"/>
        <source>Assignee</source>
        <translation>Przydzielone do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="35"/>
        <source>Team</source>
        <translation>Zespół</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="36"/>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="37"/>
        <source>Impact</source>
        <translation>Wpływ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="38"/>
        <source>Urgency</source>
        <translation>Pilność</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="39"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="40"/>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="41"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="42"/>
        <source>Type</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="43"/>
        <source>Tier</source>
        <translation>Linia wsparcia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="44"/>
        <source>Waiting for</source>
        <translation>Czeka na</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="45"/>
        <source>Supplier</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="46"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="47"/>
        <source>Resolution note</source>
        <translation>Opis rozwiązania</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="48"/>
        <source>Site</source>
        <translation>Placówka</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="49"/>
        <source>Asset</source>
        <translation>Zasób</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="50"/>
        <source>Major incident</source>
        <translation>Poważny incydent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="51"/>
        <source>Fields</source>
        <translation>Pola</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="52"/>
        <source>First response</source>
        <translation>Pierwsza reakcja</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="53"/>
        <source>Resolved at</source>
        <translation>Rozwiązano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="54"/>
        <source>Closed at</source>
        <translation>Zamknięto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="55"/>
        <source>Priority reason</source>
        <translation>Powód priorytetu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="94"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="94"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="112"/>
        <source>a supplier</source>
        <translation>dostawca</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="135"/>
        <source>SLA breached: {0} missed its target</source>
        <translation>Przekroczone SLA: {0} — cel nieosiągnięty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="140"/>
        <source>SLA warning: {0} has used {1} of its target</source>
        <translation>Ostrzeżenie SLA: {0} — wykorzystano {1} celu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="141"/>
        <source>SLA warning: {0}</source>
        <translation>Ostrzeżenie SLA: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="159"/>
        <source>no public update for {0} business hours</source>
        <translation>brak publicznej odpowiedzi od {0} godz. roboczych</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="162"/>
        <source>{0} at {1}% of its target</source>
        <translation>{0} — {1}% celu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="176"/>
        <source>closed automatically after the reopen period</source>
        <translation>zamknięte automatycznie po upływie czasu na ponowne otwarcie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="179"/>
        <source>escalated from {0}</source>
        <translation>eskalowane z zespołu {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="180"/>
        <source>escalated</source>
        <translation>eskalowane</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="184"/>
        <source>escalation rule “{0}”: {1}</source>
        <translation>reguła eskalacji „{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="186"/>
        <location filename="../../desktop/views/timeline.py" line="196"/>
        <source>; not moved: {0}</source>
        <translation>; nie przeniesiono: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="194"/>
        <source>Escalated by the rule “{0}”: {1}</source>
        <translation>Eskalowane regułą „{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="201"/>
        <source>Escalated: {0} at {1} of its target</source>
        <translation>Eskalowane: {0} — {1} celu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="215"/>
        <source>{0} escalated the ticket to {1}</source>
        <translation>{0} eskalował(a) zgłoszenie do: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="216"/>
        <source>{0} escalated the ticket</source>
        <translation>{0} eskalował(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="218"/>
        <source>{0} took the ticket</source>
        <translation>{0} wziął (wzięła) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="220"/>
        <source>{0} assigned the ticket to {1}</source>
        <translation>{0} przydzielił(a) zgłoszenie do: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="221"/>
        <source>{0} assigned the ticket</source>
        <translation>{0} przydzielił(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="224"/>
        <source>{0} reopened the ticket</source>
        <translation>{0} ponownie otworzył(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="225"/>
        <source>{0} resumed work</source>
        <translation>{0} wznowił(a) pracę</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="225"/>
        <source>{0} started work</source>
        <translation>{0} rozpoczął(-ęła) pracę</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="230"/>
        <source>{0} put the ticket on hold: {1}</source>
        <translation>{0} wstrzymał(a) zgłoszenie: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="231"/>
        <source>{0} put the ticket on hold</source>
        <translation>{0} wstrzymał(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="234"/>
        <source>{0} resolved the ticket ({1})</source>
        <translation>{0} rozwiązał(a) zgłoszenie ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="235"/>
        <location filename="../../desktop/views/timeline.py" line="364"/>
        <source>{0} resolved the ticket</source>
        <translation>{0} rozwiązał(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="237"/>
        <source>{0} closed the ticket</source>
        <translation>{0} zamknął(-ęła) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="239"/>
        <source>{0} cancelled the ticket</source>
        <translation>{0} anulował(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="240"/>
        <source>{0} moved the ticket to {1}</source>
        <translation>{0} zmienił(a) stan zgłoszenia na: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="259"/>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="251"/>
        <source>{0} changed {1}</source>
        <translation>{0} zmienił(a) {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="273"/>
        <source>{0} attached {1} ({2})</source>
        <translation>{0} dołączył(a) plik {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="304"/>
        <source>Branchdesk</source>
        <translation>Branchdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="358"/>
        <source>changed {0}</source>
        <translation>zmienił(a) {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="366"/>
        <source>{0} resolved the ticket and wrote to the requester</source>
        <translation>{0} rozwiązał(a) zgłoszenie i napisał(a) do zgłaszającego</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="382"/>
        <source>{0} logged the ticket</source>
        <translation>{0} dodał(a) zgłoszenie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="142"/>
        <source>SLA warning</source>
        <translation>Ostrzeżenie SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="136"/>
        <source>SLA breached</source>
        <translation>Przekroczone SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="203"/>
        <source>Escalated</source>
        <translation>Eskalowano</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="400"/>
        <source>{0} notified {1}</source>
        <translation>{0} powiadomił(a): {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="271"/>
        <source>{0} attached a file</source>
        <translation>{0} dołączył(a) plik</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="397"/>
        <source>{0} notified you</source>
        <translation>{0} powiadomił(a) Cię</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="409"/>
        <source>{0} linked the article {1}</source>
        <translation>{0} powiązał(a) artykuł {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="421"/>
        <source>{0} replied</source>
        <translation>{0} odpowiedział(a)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="422"/>
        <source>{0} added an internal note</source>
        <translation>{0} dodał(a) notatkę wewnętrzną</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="425"/>
        <source>New since you last looked</source>
        <translation>Nowe od Twojej ostatniej wizyty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="430"/>
        <source>{0} logged {1} min of work</source>
        <translation>{0} zapisał(a) {1} min pracy</translation>
    </message>
</context>
<context>
    <name>WorkLogPanel</name>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="144"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="146"/>
        <source>What you did</source>
        <translation>Co zostało zrobione</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="147"/>
        <source>Log work</source>
        <translation>Zapisz czas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="167"/>
        <source>{0}  {1}: {2} min</source>
        <translation>{0}  {1}: {2} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_extras.py" line="170"/>
        <source>Total: {0} h {1:02d} min</source>
        <translation>Razem: {0} h {1:02d} min</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../../desktop/views/action_dialogs.py" line="150"/>
        <source>Reason *</source>
        <translation>Powód *</translation>
    </message>
</context>
</TS>

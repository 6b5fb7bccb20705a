<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticlePane</name>
    <message>
        <location filename="../../reader/gui/article_pane.py" line="261"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/article_pane.py" line="262"/>
        <source>Note for this highlight:</source>
        <translation>ملاحظة على هذا التظليل:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="56"/>
        <location filename="../../reader/gui/dialogs.py" line="209"/>
        <source>Export highlights</source>
        <translation>تصدير التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="63"/>
        <source>This article</source>
        <translation>هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="64"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="72"/>
        <source>Quotations</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="73"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="74"/>
        <source>My highlights</source>
        <translation>تظليلاتي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="86"/>
        <source>Browse…</source>
        <translation>استعرض…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="98"/>
        <source>Export</source>
        <translation>صدّر</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="109"/>
        <source>Articles:</source>
        <translation>المقالات:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="110"/>
        <source>Highlights:</source>
        <translation>التظليلات:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="111"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="112"/>
        <source>Save to:</source>
        <translation>احفظ في:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="169"/>
        <source>Quotation</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="169"/>
        <source>Figure</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="170"/>
        <source>Highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="182"/>
        <source>No highlights to export.</source>
        <translation>لا توجد تظليلات للتصدير.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="206"/>
        <source>Folder for the cards</source>
        <translation>مجلد البطاقات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="216"/>
        <source>Replace file?</source>
        <translation>أتستبدل الملف؟</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="217"/>
        <source>{name} already exists. Replace it?</source>
        <translation>الملف {name} موجود. أتريد استبداله؟</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="58"/>
        <source>Find in article</source>
        <translation>ابحث في المقالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="65"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="66"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+Enter، Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="68"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="69"/>
        <source>Next match (Enter, F3)</source>
        <translation>النتيجة التالية (Enter، F3)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="70"/>
        <source>Match diacritics</source>
        <translation>طابق التشكيل</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="71"/>
        <source>Match hamza</source>
        <translation>طابق الهمزة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="72"/>
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="75"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
</context>
<context>
    <name>HighlightsPanel</name>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="52"/>
        <source>Quotations</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="53"/>
        <source>Terms</source>
        <translation>المصطلحات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="54"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="55"/>
        <source>Yours</source>
        <translation>تظليلاتك</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="161"/>
        <source>All highlights</source>
        <translation>كل التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="162"/>
        <source>Quotes</source>
        <translation>اقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlights_panel.py" line="183"/>
        <source>Show or hide these highlights in the article</source>
        <translation>أظهر هذه التظليلات في المقالة أو أخفها</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/gui/library_model.py" line="53"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="54"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="55"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="56"/>
        <source>Quotes</source>
        <translation>اقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="57"/>
        <source>Figures</source>
        <translation>أرقام</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="58"/>
        <location filename="../../reader/gui/library_model.py" line="321"/>
        <source>Read</source>
        <translation>مقروءة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="59"/>
        <location filename="../../reader/gui/library_model.py" line="324"/>
        <source>Starred</source>
        <translation>مميّزة بنجمة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="300"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_model.py" line="322"/>
        <source>Unread</source>
        <translation>غير مقروءة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="317"/>
        <source>Import &amp;files…</source>
        <translation>استيراد &amp;ملفات…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="318"/>
        <source>Import f&amp;older…</source>
        <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="319"/>
        <source>Import &amp;web address…</source>
        <translation>استيراد &amp;عنوان ويب…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="320"/>
        <source>&amp;Export highlights…</source>
        <translation>&amp;تصدير التظليلات…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="321"/>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="322"/>
        <source>&amp;Find in article</source>
        <translation>ا&amp;بحث في المقالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="323"/>
        <source>&amp;Search library</source>
        <translation>ابحث في الم&amp;كتبة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="324"/>
        <source>&amp;Copy</source>
        <translation>ا&amp;نسخ</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="325"/>
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="326"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="327"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="328"/>
        <source>&amp;Normal size</source>
        <translation>الحجم ال&amp;عادي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="329"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="330"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="331"/>
        <source>Sepia</source>
        <translation>بنّي دافئ</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="332"/>
        <source>&amp;Justify paragraphs</source>
        <translation>&amp;ضبط الفقرات من الجانبين</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="333"/>
        <source>Show &amp;diacritics</source>
        <translation>إظهار ال&amp;تشكيل</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="334"/>
        <source>Quotations</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="335"/>
        <source>Terms in quotation marks</source>
        <translation>المصطلحات بين علامات التنصيص</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="336"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="337"/>
        <source>My highlights</source>
        <translation>تظليلاتي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="338"/>
        <source>Mark as &amp;read</source>
        <translation>علّمها &amp;مقروءة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="339"/>
        <source>S&amp;tar</source>
        <translation>&amp;ميّزها بنجمة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="340"/>
        <source>&amp;Highlight selection</source>
        <translation>&amp;ظلّل التحديد</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="341"/>
        <source>&amp;Delete article</source>
        <translation>ا&amp;حذف المقالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="342"/>
        <source>Clear search</source>
        <translation>امسح البحث</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="347"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="347"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="347"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="348"/>
        <source>&amp;Article</source>
        <translation>م&amp;قالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="348"/>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="349"/>
        <source>&amp;Highlights</source>
        <translation>ال&amp;تظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="349"/>
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="353"/>
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="354"/>
        <source>Filter titles and sources</source>
        <translation>صفِّ العناوين والمصادر</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="355"/>
        <source>Search library (Ctrl+Shift+F)</source>
        <translation>ابحث في المكتبة (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="356"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="357"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="358"/>
        <source>Filter the list</source>
        <translation>تصفية القائمة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="359"/>
        <source>Search library</source>
        <translation>البحث في المكتبة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="360"/>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="493"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="501"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقالة واحدة</numerusform>
            <numerusform>مقالتان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالة</numerusform>
            <numerusform>%n مقالة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="503"/>
        <source>{shown} of {total}</source>
        <translation>{shown} من {total}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="511"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="546"/>
        <source>No article matches.</source>
        <translation>لا توجد مقالة مطابقة.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="622"/>
        <source>Delete article</source>
        <translation>حذف المقالة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="623"/>
        <source>Delete “{title}” and its highlights?</source>
        <translation>أتحذف «{title}» وتظليلاتها؟</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="755"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="756"/>
        <source>Articles ({patterns})</source>
        <translation>مقالات ({patterns})</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="761"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="766"/>
        <source>Import web address</source>
        <translation>استيراد عنوان ويب</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="767"/>
        <source>Address of a page or feed:</source>
        <translation>عنوان صفحة أو خلاصة أخبار:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="775"/>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="780"/>
        <source>Fetching</source>
        <translation>جارٍ الجلب</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="792"/>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="830"/>
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>لم تُستورد أي مقالة</numerusform>
            <numerusform>استُوردت مقالة واحدة</numerusform>
            <numerusform>استُوردت مقالتان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُوردت %n مقالة</numerusform>
            <numerusform>استُوردت %n مقالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="832"/>
        <source>(%n already in the library)</source>
        <translation>
            <numerusform>(لا شيء منها في المكتبة من قبل)</numerusform>
            <numerusform>(واحدة منها في المكتبة من قبل)</numerusform>
            <numerusform>(اثنتان منها في المكتبة من قبل)</numerusform>
            <numerusform>(%n منها في المكتبة من قبل)</numerusform>
            <numerusform>(%n منها في المكتبة من قبل)</numerusform>
            <numerusform>(%n منها في المكتبة من قبل)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="834"/>
        <source>— cancelled</source>
        <translation>— أُلغي</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="839"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…</numerusform>
            <numerusform>… وواحد آخر</numerusform>
            <numerusform>… واثنان آخران</numerusform>
            <numerusform>… و%n أخرى</numerusform>
            <numerusform>… و%n أخرى</numerusform>
            <numerusform>… و%n أخرى</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="840"/>
        <source>Some files were not imported</source>
        <translation>لم تُستورد بعض الملفات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="846"/>
        <source>Exported to {path}</source>
        <translation>صُدّرت إلى {path}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="848"/>
        <source>Export cancelled</source>
        <translation>أُلغي التصدير</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="851"/>
        <source>rtl-reader</source>
        <translation>rtl-reader</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="216"/>
        <source>Word families</source>
        <translation>عائلات الكلمات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="216"/>
        <source>Also find other forms of each word: معلم finds المعلمون and والمعلمين</source>
        <translation>ابحث أيضًا عن صيغ الكلمة الأخرى: «معلم» تجد «المعلمون» و«والمعلمين»</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="238"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="244"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="244"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="244"/>
        <source>Sepia</source>
        <translation>بنّي دافئ</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="248"/>
        <source>Justify paragraphs</source>
        <translation>ضبط الفقرات من الجانبين</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="261"/>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="262"/>
        <source>Theme:</source>
        <translation>السمة:</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs.py" line="264"/>
        <source>Line spacing:</source>
        <translation>تباعد الأسطر:</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="710"/>
        <source>Highlight</source>
        <translation>ظلّل</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="713"/>
        <source>Highlight in colour</source>
        <translation>ظلّل بلون</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="717"/>
        <source>Add note…</source>
        <translation>أضف ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="723"/>
        <source>Change colour</source>
        <translation>غيّر اللون</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="727"/>
        <source>Edit note…</source>
        <translation>عدّل الملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="729"/>
        <source>Delete highlight</source>
        <translation>احذف التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="751"/>
        <source>Yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="752"/>
        <source>Green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="753"/>
        <source>Blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="754"/>
        <source>Pink</source>
        <translation>وردي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="762"/>
        <source>quotation</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="763"/>
        <source>term</source>
        <translation>مصطلح</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="764"/>
        <source>number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="765"/>
        <source>number in words</source>
        <translation>عدد بالحروف</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="766"/>
        <source>percentage</source>
        <translation>نسبة مئوية</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="767"/>
        <source>money</source>
        <translation>مبلغ مالي</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="768"/>
        <source>date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="769"/>
        <source>time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="770"/>
        <source>range</source>
        <translation>نطاق</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="771"/>
        <source>count</source>
        <translation>عدد</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="772"/>
        <source>your highlight</source>
        <translation>تظليلك</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="808"/>
        <source>Your highlight</source>
        <translation>تظليلك</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="814"/>
        <source>value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="817"/>
        <source>speaker</source>
        <translation>القائل</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../reader/gui/app.py" line="82"/>
        <source>The article store cannot be opened.</source>
        <translation>تعذّر فتح مخزن المقالات.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="85"/>
        <source>Another rtl-reader may be importing; try again in a moment.</source>
        <translation>ربما تستورد نسخة أخرى من البرنامج مقالات الآن؛ أعد المحاولة بعد لحظات.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="88"/>
        <source>Try again</source>
        <translation>أعد المحاولة</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="89"/>
        <source>Open another store…</source>
        <translation>افتح مخزناً آخر…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="90"/>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="98"/>
        <source>Article store</source>
        <translation>مخزن المقالات</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="99"/>
        <source>rtl-reader store (*.sqlite3);;All files (*)</source>
        <translation>مخزن rtl-reader (*.sqlite3);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="118"/>
        <source>Updating the article store for this version…</source>
        <translation>جارٍ تحديث مخزن المقالات لهذا الإصدار…</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>ArticlePane</name>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>Note for this highlight:</source>
      <translation>ملاحظة على هذا التظليل:</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export highlights</source>
      <translation>تصدير التظليلات</translation>
    </message>
    <message>
      <source>This article</source>
      <translation>هذه المقالة</translation>
    </message>
    <message>
      <source>All articles</source>
      <translation>كل المقالات</translation>
    </message>
    <message>
      <source>Quotations</source>
      <translation>الاقتباسات</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>الأرقام</translation>
    </message>
    <message>
      <source>My highlights</source>
      <translation>تظليلاتي</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>استعرض…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>صدّر</translation>
    </message>
    <message>
      <source>Articles:</source>
      <translation>المقالات:</translation>
    </message>
    <message>
      <source>Highlights:</source>
      <translation>التظليلات:</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>الصيغة:</translation>
    </message>
    <message>
      <source>Save to:</source>
      <translation>احفظ في:</translation>
    </message>
    <message>
      <source>Quotation</source>
      <translation>اقتباس</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>Highlight</source>
      <translation>تظليل</translation>
    </message>
    <message>
      <source>No highlights to export.</source>
      <translation>لا توجد تظليلات للتصدير.</translation>
    </message>
    <message>
      <source>Folder for the cards</source>
      <translation>مجلد البطاقات</translation>
    </message>
    <message>
      <source>Replace file?</source>
      <translation>أتستبدل الملف؟</translation>
    </message>
    <message>
      <source>{name} already exists. Replace it?</source>
      <translation>الملف {name} موجود. أتريد استبداله؟</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Find in article</source>
      <translation>ابحث في المقالة</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>السابق</translation>
    </message>
    <message>
      <source>Previous match (Shift+Enter, Shift+F3)</source>
      <translation>النتيجة السابقة (Shift+Enter، Shift+F3)</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>التالي</translation>
    </message>
    <message>
      <source>Next match (Enter, F3)</source>
      <translation>النتيجة التالية (Enter، F3)</translation>
    </message>
    <message>
      <source>Match diacritics</source>
      <translation>طابق التشكيل</translation>
    </message>
    <message>
      <source>Match hamza</source>
      <translation>طابق الهمزة</translation>
    </message>
    <message>
      <source>Whole word</source>
      <translation>كلمة كاملة</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>إغلاق (Esc)</translation>
    </message>
  </context>
  <context>
    <name>HighlightsPanel</name>
    <message>
      <source>Quotations</source>
      <translation>الاقتباسات</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>المصطلحات</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>الأرقام</translation>
    </message>
    <message>
      <source>Yours</source>
      <translation>تظليلاتك</translation>
    </message>
    <message>
      <source>All highlights</source>
      <translation>كل التظليلات</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>اقتباسات</translation>
    </message>
    <message>
      <source>Show or hide these highlights in the article</source>
      <translation>أظهر هذه التظليلات في المقالة أو أخفها</translation>
    </message>
  </context>
  <context>
    <name>LibraryModel</name>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>التاريخ</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>اقتباسات</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>أرقام</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>مقروءة</translation>
    </message>
    <message>
      <source>Starred</source>
      <translation>مميّزة بنجمة</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(بلا عنوان)</translation>
    </message>
    <message>
      <source>Unread</source>
      <translation>غير مقروءة</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Import &amp;files…</source>
      <translation>استيراد &amp;ملفات…</translation>
    </message>
    <message>
      <source>Import f&amp;older…</source>
      <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
      <source>Import &amp;web address…</source>
      <translation>استيراد &amp;عنوان ويب…</translation>
    </message>
    <message>
      <source>&amp;Export highlights…</source>
      <translation>&amp;تصدير التظليلات…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>إ&amp;نهاء</translation>
    </message>
    <message>
      <source>&amp;Find in article</source>
      <translation>ا&amp;بحث في المقالة</translation>
    </message>
    <message>
      <source>&amp;Search library</source>
      <translation>ابحث في الم&amp;كتبة</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>ا&amp;نسخ</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>&amp;تكبير</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>ت&amp;صغير</translation>
    </message>
    <message>
      <source>&amp;Normal size</source>
      <translation>الحجم ال&amp;عادي</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>فاتح</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>داكن</translation>
    </message>
    <message>
      <source>Sepia</source>
      <translation>بنّي دافئ</translation>
    </message>
    <message>
      <source>&amp;Justify paragraphs</source>
      <translation>&amp;ضبط الفقرات من الجانبين</translation>
    </message>
    <message>
      <source>Show &amp;diacritics</source>
      <translation>إظهار ال&amp;تشكيل</translation>
    </message>
    <message>
      <source>Quotations</source>
      <translation>الاقتباسات</translation>
    </message>
    <message>
      <source>Terms in quotation marks</source>
      <translation>المصطلحات بين علامات التنصيص</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>الأرقام</translation>
    </message>
    <message>
      <source>My highlights</source>
      <translation>تظليلاتي</translation>
    </message>
    <message>
      <source>Mark as &amp;read</source>
      <translation>علّمها &amp;مقروءة</translation>
    </message>
    <message>
      <source>S&amp;tar</source>
      <translation>&amp;ميّزها بنجمة</translation>
    </message>
    <message>
      <source>&amp;Highlight selection</source>
      <translation>&amp;ظلّل التحديد</translation>
    </message>
    <message>
      <source>&amp;Delete article</source>
      <translation>ا&amp;حذف المقالة</translation>
    </message>
    <message>
      <source>Clear search</source>
      <translation>امسح البحث</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <source>&amp;Article</source>
      <translation>م&amp;قالة</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>ال&amp;سمة</translation>
    </message>
    <message>
      <source>&amp;Highlights</source>
      <translation>ال&amp;تظليلات</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>الل&amp;غة</translation>
    </message>
    <message>
      <source>Toolbar</source>
      <translation>شريط الأدوات</translation>
    </message>
    <message>
      <source>Filter titles and sources</source>
      <translation>صفِّ العناوين والمصادر</translation>
    </message>
    <message>
      <source>Search library (Ctrl+Shift+F)</source>
      <translation>ابحث في المكتبة (Ctrl+Shift+F)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>المقالات</translation>
    </message>
    <message>
      <source>Filter the list</source>
      <translation>تصفية القائمة</translation>
    </message>
    <message>
      <source>Search library</source>
      <translation>البحث في المكتبة</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>التقدّم</translation>
    </message>
    <message numerus="yes">
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
      <source>{shown} of {total}</source>
      <translation>{shown} من {total}</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(بلا عنوان)</translation>
    </message>
    <message>
      <source>No article matches.</source>
      <translation>لا توجد مقالة مطابقة.</translation>
    </message>
    <message>
      <source>Delete article</source>
      <translation>حذف المقالة</translation>
    </message>
    <message>
      <source>Delete “{title}” and its highlights?</source>
      <translation>أتحذف «{title}» وتظليلاتها؟</translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>استيراد ملفات</translation>
    </message>
    <message>
      <source>Articles ({patterns})</source>
      <translation>مقالات ({patterns})</translation>
    </message>
    <message>
      <source>Import folder</source>
      <translation>استيراد مجلد</translation>
    </message>
    <message>
      <source>Import web address</source>
      <translation>استيراد عنوان ويب</translation>
    </message>
    <message>
      <source>Address of a page or feed:</source>
      <translation>عنوان صفحة أو خلاصة أخبار:</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
      <source>Fetching</source>
      <translation>جارٍ الجلب</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>جارٍ التصدير</translation>
    </message>
    <message numerus="yes">
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
      <source>— cancelled</source>
      <translation>— أُلغي</translation>
    </message>
    <message numerus="yes">
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
      <source>Some files were not imported</source>
      <translation>لم تُستورد بعض الملفات</translation>
    </message>
    <message>
      <source>Exported to {path}</source>
      <translation>صُدّرت إلى {path}</translation>
    </message>
    <message>
      <source>Export cancelled</source>
      <translation>أُلغي التصدير</translation>
    </message>
    <message>
      <source>rtl-reader</source>
      <translation>rtl-reader</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>فاتح</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>داكن</translation>
    </message>
    <message>
      <source>Sepia</source>
      <translation>بنّي دافئ</translation>
    </message>
    <message>
      <source>Justify paragraphs</source>
      <translation>ضبط الفقرات من الجانبين</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>اللغة:</translation>
    </message>
    <message>
      <source>Theme:</source>
      <translation>السمة:</translation>
    </message>
    <message>
      <source>Line spacing:</source>
      <translation>تباعد الأسطر:</translation>
    </message>
  </context>
  <context>
    <name>ReadingView</name>
    <message>
      <source>Highlight</source>
      <translation>ظلّل</translation>
    </message>
    <message>
      <source>Highlight in colour</source>
      <translation>ظلّل بلون</translation>
    </message>
    <message>
      <source>Add note…</source>
      <translation>أضف ملاحظة…</translation>
    </message>
    <message>
      <source>Change colour</source>
      <translation>غيّر اللون</translation>
    </message>
    <message>
      <source>Edit note…</source>
      <translation>عدّل الملاحظة…</translation>
    </message>
    <message>
      <source>Delete highlight</source>
      <translation>احذف التظليل</translation>
    </message>
    <message>
      <source>Your highlight</source>
      <translation>تظليلك</translation>
    </message>
    <message>
      <source>value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <source>speaker</source>
      <translation>القائل</translation>
    </message>
  </context>
  <context>
    <name>StoreDialog</name>
    <message>
      <source>The article store cannot be opened.</source>
      <translation>تعذّر فتح مخزن المقالات.</translation>
    </message>
    <message>
      <source>Another rtl-reader may be importing; try again in a moment.</source>
      <translation>ربما تستورد نسخة أخرى من البرنامج مقالات الآن؛ أعد المحاولة بعد لحظات.</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>أعد المحاولة</translation>
    </message>
    <message>
      <source>Open another store…</source>
      <translation>افتح مخزناً آخر…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>إنهاء</translation>
    </message>
    <message>
      <source>Article store</source>
      <translation>مخزن المقالات</translation>
    </message>
    <message>
      <source>rtl-reader store (*.sqlite3);;All files (*)</source>
      <translation>مخزن rtl-reader (*.sqlite3);;كل الملفات (*)</translation>
    </message>
  </context>
</TS>

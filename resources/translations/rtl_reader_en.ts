<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ArticleList</name>
    <message numerus="yes">
      <source>%n result(s)</source>
      <translation>
        <numerusform>%n result</numerusform>
        <numerusform>%n results</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n article(s)</source>
      <translation>
        <numerusform>%n article</numerusform>
        <numerusform>%n articles</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportExport</name>
    <message numerus="yes">
      <source>Imported %n article(s)</source>
      <translation>
        <numerusform>Imported %n article</numerusform>
        <numerusform>Imported %n articles</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n already in the library)</source>
      <translation>
        <numerusform>(%n already in the library)</numerusform>
        <numerusform>(%n already in the library)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… and %n more</numerusform>
        <numerusform>… and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n file(s) to {folder}</source>
      <translation>
        <numerusform>Exported %n file to {folder}</numerusform>
        <numerusform>Exported %n files to {folder}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n PNG image(s), one per highlight, into the folder {folder}</source>
      <translation>
        <numerusform>%n PNG image, one per highlight, into the folder {folder}</numerusform>
        <numerusform>%n PNG images, one per highlight, into the folder {folder}</numerusform>
      </translation>
    </message>
  </context>
</TS>

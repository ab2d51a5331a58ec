-- A municipality's look on its documents (issue 17, item 6; docs/adr/0026): the primary colour of headings, title page
-- and rules, the background of table header cells (#rrggbb, checked for WCAG AA contrast before they are stored), and
-- one of the fonts embedded in the PDFs. Null: the documents' own look (navy, pale blue, DejaVu Sans).
alter table municipality
    add column document_primary_colour      text,
    add column document_table_header_colour text,
    add column document_font                text,
    add constraint municipality_document_primary_colour check (document_primary_colour ~ '^#[0-9a-f]{6}$'),
    add constraint municipality_document_table_header_colour check (document_table_header_colour ~ '^#[0-9a-f]{6}$'),
    add constraint municipality_document_font check (document_font in ('DEJAVU_SANS', 'DEJAVU_SERIF'));

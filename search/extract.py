"""The text inside a PDF or DOCX file, for the search index.

pypdf (already used by the site) reads PDFs; python-docx reads Word files. A file that cannot be
read (damaged, encrypted, another format) has no text; its title and description are still searched.
"""

import logging
import zipfile

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_CHARS = 500_000  # a long resolution with annexes is ~200 000; more is an attachment dump
MAX_PAGES = 300


def pdf_text(file):
    reader = PdfReader(file)
    return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PAGES])


def docx_text(file):
    import docx

    document = docx.Document(file)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


READERS = {"pdf": pdf_text, "docx": docx_text}


def file_text(file, extension):
    reader = READERS.get(extension.lower())
    if reader is None:
        return ""
    try:
        text = reader(file)
    except (PyPdfError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        logger.warning("Cannot read text from a .%s file: %s", extension, error)
        return ""
    return text.replace("\x00", " ")[:MAX_CHARS]

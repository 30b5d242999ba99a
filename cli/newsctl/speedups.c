/* newsctl.speedups: segment's text output built in one pass (see newsctl/segmenting/cutjoin.py).

   blank_mask(text, ends, newlines) tells, for each word (the words tile `text`, ending at
   `ends`), whether it is kept: blank words (whitespace or zero-width) are not, nor newline words
   unless `newlines`; None when a blank or a newline lies inside a longer word.  Python finds the
   blanks in the text and bisects the ends for each (blanks.py: the reference and the fallback).

   cut_join(text, ends, keep, delimiter) cuts `text` at `ends` (increasing; the words tile the
   text), keeps the words whose `keep` byte is not 0, and joins each line's kept words with
   `delimiter`; a kept word that is exactly "\n" ends a line.  In Python that is a slice per word,
   a join and two replacements (cutjoin.py keeps that as the reference and the fallback): on
   20 MB of Traditional pages 0.5 s of a 2.9 s run, here a copy of each kept word.

   Optional: built by hatch_build.py when a C compiler is there; newsctl works the same without.
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Blank: whitespace (str.isspace) or zero-width (newsctl.segmenting.blanks.INVISIBLE).  Most
   characters are ASCII or above U+3000 (Chinese), where one comparison settles it. */
static inline int
is_blank_char(Py_UCS4 c)
{
    if (c < 0x80) {
        return Py_UNICODE_ISSPACE(c);
    }
    if (c > 0x3000) {
        return c == 0xFEFF;
    }
    return Py_UNICODE_ISSPACE(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060;
}

/* The words' ends as C integers, from a list of ints or from a buffer of 64-bit ints (the
   array("q") that word_ends gives); checked to increase within the text.  PyMem_Free it. */
static Py_ssize_t *
read_ends(PyObject *ends, Py_ssize_t text_len, Py_ssize_t *count)
{
    Py_ssize_t *bounds = NULL, start = 0;
    if (PyList_Check(ends)) {
        *count = PyList_GET_SIZE(ends);
        bounds = PyMem_New(Py_ssize_t, *count > 0 ? *count : 1);
        if (bounds == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        for (Py_ssize_t i = 0; i < *count; i++) {
            bounds[i] = PyLong_AsSsize_t(PyList_GET_ITEM(ends, i));
            if (bounds[i] == -1 && PyErr_Occurred()) {
                PyMem_Free(bounds);
                return NULL;
            }
        }
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(ends, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
            return NULL;
        }
        if (view.itemsize != (Py_ssize_t)sizeof(long long) || view.format == NULL
            || (strcmp(view.format, "q") != 0 && strcmp(view.format, "@q") != 0)) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_TypeError, "ends must be a list of ints or an array('q')");
            return NULL;
        }
        *count = view.len / view.itemsize;
        bounds = PyMem_New(Py_ssize_t, *count > 0 ? *count : 1);
        if (bounds == NULL) {
            PyBuffer_Release(&view);
            PyErr_NoMemory();
            return NULL;
        }
        const long long *items = (const long long *)view.buf;
        for (Py_ssize_t i = 0; i < *count; i++) {
            bounds[i] = (Py_ssize_t)items[i];
        }
        PyBuffer_Release(&view);
    }
    for (Py_ssize_t i = 0; i < *count; i++) {
        if (bounds[i] < start || bounds[i] > text_len) {
            PyMem_Free(bounds);
            PyErr_SetString(PyExc_ValueError, "ends must increase within the text");
            return NULL;
        }
        start = bounds[i];
    }
    return bounds;
}

/* word_ends(words) -> bytes: the running sums of the words' lengths as 64-bit ints, for
   array("q", ...): no int object per word, as itertools.accumulate makes (0.1 s on 20 MB). */
static PyObject *
word_ends(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *words;
    if (!PyArg_ParseTuple(args, "O!:word_ends", &PyList_Type, &words)) {
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(words);
    PyObject *result = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(long long));
    if (result == NULL) {
        return NULL;
    }
    long long *out = (long long *)PyBytes_AS_STRING(result);
    long long total = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(word)) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_TypeError, "words must be strings");
            return NULL;
        }
        total += PyUnicode_GET_LENGTH(word);
        out[i] = total;
    }
    return result;
}

static PyObject *
cut_join(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *text, *ends, *keep_obj, *delimiter;
    if (!PyArg_ParseTuple(args, "UOOU:cut_join", &text, &ends, &keep_obj, &delimiter)) {
        return NULL;
    }
    Py_ssize_t count;
    Py_ssize_t delimiter_len = PyUnicode_GET_LENGTH(delimiter);
    Py_ssize_t *bounds = read_ends(ends, PyUnicode_GET_LENGTH(text), &count);
    if (bounds == NULL) {
        return NULL;
    }
    Py_buffer keep = {0};
    if (PyObject_GetBuffer(keep_obj, &keep, PyBUF_SIMPLE) < 0) {
        PyMem_Free(bounds);
        return NULL;
    }
    PyObject *result = NULL;
    if (keep.len != count) {
        PyErr_SetString(PyExc_ValueError, "keep must have one byte per end");
        goto done;
    }
    const char *kept = (const char *)keep.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);

    /* First pass: count the output's length, and find how wide its characters must be (a str
       must be in its narrowest form: "abc" made 2 bytes wide would not equal "abc").
       Characters are looked at only until one as wide as the text's widest possible is found:
       in Chinese text, the first Chinese character. */
    Py_UCS4 limit = kind == PyUnicode_1BYTE_KIND ? 0x80 : kind == PyUnicode_2BYTE_KIND ? 0x100
                                                                                         : 0x10000;
    Py_UCS4 widest = 0;
    int delimited = 0;
    Py_ssize_t length = 0, start = 0;
    int open_line = 0;   /* a word was written on this line: the next one needs a delimiter */
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t end = bounds[i];
        if (kept[i]) {
            if (end - start == 1 && PyUnicode_READ(kind, data, start) == '\n') {
                length += 1;
                open_line = 0;
            }
            else {
                if (open_line) {
                    length += delimiter_len;
                    delimited = 1;
                }
                length += end - start;
                open_line = 1;
                for (Py_ssize_t k = start; k < end && widest < limit; k++) {
                    Py_UCS4 c = PyUnicode_READ(kind, data, k);
                    if (c > widest) {
                        widest = c;
                    }
                }
            }
        }
        start = end;
    }

    Py_UCS4 maxchar = widest > '\n' ? widest : '\n';
    if (delimited && PyUnicode_MAX_CHAR_VALUE(delimiter) > maxchar) {
        maxchar = PyUnicode_MAX_CHAR_VALUE(delimiter);
    }
    result = PyUnicode_New(length, maxchar);
    if (result == NULL) {
        goto done;
    }
    /* Second pass: copy.  Same kind (the commonest case): memcpy; else character by character. */
    int out_kind = PyUnicode_KIND(result);
    char *out = (char *)PyUnicode_DATA(result);
    const char *src = (const char *)data;
    int delimiter_kind = PyUnicode_KIND(delimiter);
    const void *delimiter_data = PyUnicode_DATA(delimiter);
    Py_ssize_t at = 0;
    start = 0;
    open_line = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t end = bounds[i];
        if (kept[i]) {
            if (end - start == 1 && PyUnicode_READ(kind, data, start) == '\n') {
                PyUnicode_WRITE(out_kind, out, at, '\n');
                at += 1;
                open_line = 0;
            }
            else {
                if (open_line) {
                    for (Py_ssize_t k = 0; k < delimiter_len; k++) {
                        PyUnicode_WRITE(out_kind, out, at + k,
                                        PyUnicode_READ(delimiter_kind, delimiter_data, k));
                    }
                    at += delimiter_len;
                }
                if (out_kind == kind) {
                    memcpy(out + at * kind, src + start * kind, (size_t)(end - start) * kind);
                }
                else {
                    for (Py_ssize_t k = start; k < end; k++) {
                        PyUnicode_WRITE(out_kind, out, at + k - start,
                                        PyUnicode_READ(kind, data, k));
                    }
                }
                at += end - start;
                open_line = 1;
            }
        }
        start = end;
    }

done:
    PyMem_Free(bounds);
    PyBuffer_Release(&keep);
    return result;
}

static PyObject *
blank_mask(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *text, *ends;
    int newlines;
    if (!PyArg_ParseTuple(args, "UOp:blank_mask", &text, &ends, &newlines)) {
        return NULL;
    }
    Py_ssize_t count;
    Py_ssize_t *bounds = read_ends(ends, PyUnicode_GET_LENGTH(text), &count);
    if (bounds == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *keep = PyByteArray_FromStringAndSize(NULL, count);
    if (keep == NULL) {
        PyMem_Free(bounds);
        return NULL;
    }
    char *flags = PyByteArray_AS_STRING(keep);
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t end = bounds[i];
        if (end - start == 1) {
            Py_UCS4 c = PyUnicode_READ(kind, data, start);
            flags[i] = c == '\n' ? (char)newlines : !is_blank_char(c);
        }
        else {
            for (Py_ssize_t k = start; k < end; k++) {
                if (is_blank_char(PyUnicode_READ(kind, data, k))) {
                    Py_DECREF(keep);   /* a blank or a newline inside a longer word */
                    PyMem_Free(bounds);
                    Py_RETURN_NONE;
                }
            }
            flags[i] = 1;
        }
        start = end;
    }
    PyMem_Free(bounds);
    return keep;
}

static PyMethodDef methods[] = {
    {"word_ends", word_ends, METH_VARARGS,
     "word_ends(words) -> bytes: the running sums of the words' lengths, 64-bit ints."},
    {"blank_mask", blank_mask, METH_VARARGS,
     "blank_mask(text, ends, newlines) -> bytearray | None: 0 for each blank word (and newline "
     "word unless newlines), else 1; None when a blank or newline lies inside a longer word."},
    {"cut_join", cut_join, METH_VARARGS,
     "cut_join(text, ends, keep, delimiter) -> str: the kept words of text (cut at ends), "
     "each line's joined by delimiter; a kept word \"\\n\" ends a line."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "newsctl.speedups", "segment's text output in one pass", -1, methods,
    NULL, NULL, NULL, NULL,
};

/* What newsctl.segmenting.wordends expects: raise it with any change to the functions above, so
   that a helper built from an older speedups.c (an editable install not installed again) is
   left unused rather than called with the wrong arguments. */
#define SPEEDUPS_VERSION 1

PyMODINIT_FUNC
PyInit_speedups(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", SPEEDUPS_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

"""Building blocks of ``newsctl clean``; the public entry point is :mod:`newsctl.jobs.clean`.

One job per module:

- ``lines``: split a page into normalised lines (markup, entities, invisible characters out),
  join paragraphs broken into fragments; ``reflow``: lines wrapped at a fixed width;
- ``encoding``: mojibake lines and injected pinyin; ``textcuts``: cutting matches out of a line;
- ``dates``: dates as pages print them (AD, ROC 民國, 〇一二 numerals) to ISO 8601;
- metadata rows (来源/作者/记者/编辑/日期/阅读…): ``rows`` (the ``Row`` type and the words rows
  share), ``fields`` (labelled rows), ``fieldvalues`` (one field's value), ``tokenrows`` (rows
  without labels), ``fieldjoin`` (a label and its value printed on two lines), ``names`` (the
  names in bylines);
- ``dateline``: dateline/byline tags glued to the first paragraph (新华社…电, 〔記者…報導〕);
- ``captions``: photo captions and credits by shape (whole lines, and credits inside a paragraph);
- line classifiers: ``verdicts`` (the ``Verdict`` type), ``registry`` (a rule:
  ``LineRule``, and ``RuleTable``, which routes a line to the rules that can hold for it),
  ``ruledata`` (rules written as data, the format of the built-in rule files and of ``--rules``),
  ``rules`` (the entry points, and the order of the tables), the tables (rules in
  ``data/clean/*_rules.toml``, the code they name here) ``shortrules`` (strong rules for short
  lines), ``linerules`` (strong rules for lines of any length) and ``weakrules`` (weak rules:
  they hold around the body only), ``menus`` (menu rows and one-line
  breadcrumbs), ``headings`` (heading lines), ``rulewords`` (the word lists and phrase rules they
  share), ``shapes`` (the patterns several share), ``limits`` (the length bounds they share), ``prose``
  (sentence, list item, signature);
- the headline: ``sitenames`` (outlet and channel names), ``headline`` (a headline taken apart:
  suffixes, column labels), ``title`` (which head line is the headline);
- the passes: ``items`` (the line model), ``blocks`` (``plan``: the passes in order),
  ``crumbtrails``, ``relatedlists`` and ``imagecaptions`` (structure), ``mainblock`` + ``story``
  (the story's dense run), ``head`` (first paragraph, dateline, headline) and ``tail`` (where the
  story ends);
- ``metadata``: the ``meta`` record, with the precedence rules for source, date and category;
  ``markup`` and ``pagemeta``: evidence from a saved HTML page;
- ``sitefile``: ``--rules`` TOML files;
- ``lexicon``: the word lists in ``newsctl/data/clean`` (read on first use).

The evaluation scorer lives with the tests (``tests/evaluation/``), outside the package.
"""

"""One judge for every graded function: the public checks (in the student's kernel) and the grader
(on the worker's plain data) compare, check properties and name mistakes with the same code.

  catalogue.py    every mistake the course can recognise: an identifier, a title, a topic
  contract.py     what is known about one graded function: Case, FunctionSpec (cases, hints,
                  properties, tolerances, the graded functions it calls)
  outcome.py      plain-data outcome types: ErrorInfo (an exception described), Diagnosis
  judge.py        judge one case: CallResult in, Verdict (problems, diagnoses) out
  recognise.py    run hints and properties safely; the Hint and Property types
  errors.py       exceptions to one sentence each, from type names and message
  lookup_errors.py  the same for lookups: a missing key, an index past the end, a mask of another shape
  inputs.py       inputs changed in place; parameter names
  root_cause.py   a called graded function that fails its own checks is named first
  report.py       the text a student reads about a failing case (the same in both places)
"""

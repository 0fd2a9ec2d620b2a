"""Class insights: what the whole class got wrong in one assignment, for the instructor.

    python -m autograder insights --assignment week2_logistic_regression [--names]

writes ``insights/<assignment>/insights.html`` (a self-contained page) and ``insights.csv`` in
the course folder, and runs by itself after every grading run (``python -m autograder grade``
and nbgrader's Autograde). Its modules:

  gather.py      every results.json of the assignment (and the gradebook's students without one)
  stats.py       outcomes per graded function, mistakes counted per student, what to re-teach
  quiz_stats.py  per question: answers chosen, difficulty, point-biserial discrimination, clusters
  links.py       quiz questions and programming mistakes about the same idea (topic)
  plots.py       score distribution and mistakes by function (bar charts written as SVG, base64)
  report.py      all of the above for one assignment; where it is written
  page.py        the HTML page (templates/insights.html, Jinja2, escaped) and the CSV
  cli.py         the ``insights`` command, and :func:`refresh` the grading run calls

No student is named unless the instructor asks (``--names``); a count of 1 or 2 shows as "fewer
than 3".
"""

"""One judge for every graded function: the public checks (in the student's kernel) and the grader
(on the worker's plain data) compare, check properties and name mistakes with the same code.

  catalogue.py   every mistake the course can recognise: an identifier, a title, a topic
"""

"""The autograder: grade submissions outside the student's process and record them in nbgrader.

Modules, in the order a submission meets them:
    course       the nbgrader course directory and its configuration
    submission   find submitted/<student>/<assignment>/<nb>.ipynb, read it safely
    safe_files   read a submission's files without following links, sizes bounded
    sanitize     restore locked cells from source/, choose the cells to run
    plan         per notebook: hidden cases, their reference outputs, points
    quiz         quiz questions: the key and explanations from source/, marking one answer
    launcher     the worker's command line, environment, and running it with a time limit
    worker       (untrusted, a separate process) runs the notebook, calls its functions, reads
                 its quiz answers
    protocol     the plain-data messages between the two, checked strictly
    score        compare with the reference, diagnose, score
    disclosure   what a student may learn of a hidden case: rebuilt and redacted text
    bounds       bounds on everything kept and written; text safe for UTF-8 and the terminal
    run_lock     one grading run per course at a time
    results      results.json;  feedback: the student's HTML page;  gradebook: nbgrader
    grade        one grading run;  cli: ``python -m autograder grade``

The trust boundary (see the design document): student code runs only in the worker; only plain
data crosses back; the reference, the comparison and every write happen in this process.
"""

"""The grading trust boundary: where student code runs, and what crosses back.

  worker.py        the only module here that runs *inside* the sandbox, in the same process as the
                   student's code: everything it reports can be forged, so nothing it says decides
                   a score unless the trusted side can check it; with it, the plain files it
                   imports: worker_inputs.py (a call's inputs, read-only all the way down) and
                   worker_plots.py (matplotlib kept cheap)
  protocol.py      the wire format: plain data one line per message, strictly decoded on the
                   trusted side (the worker imports it as a plain file)
  sandbox.py       bubblewrap: what the worker can see and how much it may use
  launcher.py      starts one sandboxed worker, sends calls one at a time, reads its answers
  block_server.py  serves the reference building blocks to a submission, call by call, from a
                   trusted process

Everything except ``worker.py`` and its two helper files runs in the grader's trusted process.
"""

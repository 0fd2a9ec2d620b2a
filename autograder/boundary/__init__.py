"""The grading trust boundary: where student code runs, and what crosses back.

  worker.py        the only module here that runs *inside* the sandbox, in the same process as the
                   student's code: everything it reports can be forged, so nothing it says decides
                   a score unless the trusted side can check it; with it, the plain files it
                   imports: worker_inputs.py (a call's inputs, read-only all the way down),
                   worker_outputs.py (what a cell showed), worker_errors.py (time limits, errors
                   as protocol data) and worker_plots.py (matplotlib kept cheap)
  protocol.py      the wire format: plain data one line per message (the worker imports it as a
                   plain file); session.py checks the worker's messages strictly as they arrive
  sandbox.py       bubblewrap: what the worker can see and how much it may use
  launcher.py      starts one sandboxed worker, sends calls one at a time, reads its answers
                   (worker_streams.py: its pipes, read and written in bounded memory)
  block_server.py  starts, for one worker, the process that serves the reference building blocks
                   call by call (block_process.py, under memory and CPU-time limits), the worker
                   talking to it directly in frames of layerlab/block_wire.py

Everything except ``worker.py`` and its helper files runs in the grader's trusted process, except
``block_process.py``, which runs in a trusted process of its own.
"""

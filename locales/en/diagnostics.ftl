# English messages of src/diagnostics/
#
# The labels of every diagnostic, as a terminal, `check` and the preview's
# overlay show them: "error: …", then "= help: …" under the source line.

diagnostics-error = error: { $message }
diagnostics-warning = warning: { $message }
diagnostics-help = help: { $help }


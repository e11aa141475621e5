# French messages of src/diagnostics/
#
# The labels of every diagnostic, as a terminal, `check` and the preview's
# overlay show them: « erreur : … », then « = aide : … » under the source line.

diagnostics-error = erreur : { $message }
diagnostics-warning = avertissement : { $message }
diagnostics-help = aide : { $help }


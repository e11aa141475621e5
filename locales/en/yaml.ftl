# English messages of src/yaml/

## YAML that cannot be read at all (src/yaml/syntax.rs)

yaml-colon-in-text = this text contains `: `: it must be written between quotes
yaml-indented-under-value = this line is indented more than the key above, which already has a value
yaml-indented-under-value-help = align it with the key above; to make it a nested key, leave nothing after `:` on the line of the key above
yaml-list-item-on-key-line = a list item (`- `) cannot follow its key on the same line
yaml-list-item-on-key-line-help = break the line after `{ $key }:` and write each item on a line of its own, indented: `- …`
yaml-unclosed-quote = this quote is never closed
yaml-unclosed-quote-help = close it at the end of the text; between single quotes, a quote inside the text is doubled ('It''s'), or put the text between double quotes ("It's")
yaml-unclosed-bracket = this bracket `[` is never closed
yaml-unclosed-bracket-help = close the list with `]` on the same line; an item that contains a comma or `: ` is written between quotes
yaml-unclosed-brace = this brace `{"{"}` is never closed
yaml-unclosed-brace-help = a text that starts with `{"{"}` is written between quotes
yaml-tab-indent = a tab indents this line
yaml-tab-indent-help = replace it with spaces: YAML accepts only spaces at the start of a line
yaml-write-key-value = write: { $key }: { $value }
yaml-leading-sign-help = put the text between double quotes ("…")
yaml-leading-sign = a text that starts with `{ $sign }` must be written between quotes
yaml-malformed-flow-item = an item of this bracketed list is empty or malformed
yaml-malformed-flow-item-help = separate the items with a single comma; an item that contains `: `, `[` or `{"{"}` is written between quotes
yaml-text-after-block-indicator = after `|` or `>`, the text starts on the next line
yaml-text-after-block-indicator-help = break the line after `|` and write the text below it, indented
yaml-text-after-closing-quote = text follows the closing quote
yaml-text-after-closing-quote-help = put the whole text between the quotes; between single quotes, a quote inside the text is doubled ('It''s'), or put the text between double quotes ("It's")
yaml-misaligned-line = this line is not aligned with any line above
yaml-misaligned-line-help = give it exactly the same indentation (the same number of spaces) as the lines of its level
yaml-missing-colon = a `:` is missing after the key
yaml-unknown-escape = a backslash `\` in a text between double quotes starts an unknown code
yaml-unknown-escape-help = put the text between single quotes ('C:\Folder') or double the backslash (\\)
yaml-control-character = an invisible control character slipped into the text
yaml-control-character-help = delete and retype the characters around the position shown (such a character often comes from copy and paste)

## serde_yaml's messages in the writer's words (src/yaml/wording.rs)

yaml-unknown-key = unknown key `{ $key }`
yaml-did-you-mean = did you mean `{ $best }`?
yaml-allowed-keys = the keys allowed here are: { $keys }
yaml-unknown-value = unknown value `{ $value }`
yaml-allowed-values = the allowed values are: { $values }
# What was found stays in serde's words (they are English already).
yaml-wrong-type = wrong type of value: found { $found }, expected { $expected }
yaml-wrong-type-help = check the shape of the value: a text, a list (lines starting with `- `) or indented keys

## A value of the wrong shape, and its fix (src/yaml/shapes.rs)

# $value: the writer's text made a list ([mobility, careers]); $first: its first item.
yaml-list-help = write the list in brackets: `{ $key }: { $value }`, or one line `- { $first }` per item under `{ $key }:`
yaml-map-in-list-help = write the list in brackets, even for a single item: `{ $key }: { $value }`
# $value: true for yes (oui, vrai, 1), false otherwise.
yaml-boolean-help = write true or false, without quotes: `{ $key }: { $value }`
yaml-list-of-maps-help = `{ $key }` is a list: put `- ` before the first key of each item, indented under `{ $key }:`
yaml-duplicate-key = the key `{ $key }` is written twice
yaml-duplicate-key-help = keep a single line for this key
yaml-missing-key = the key `{ $key }` is missing
yaml-missing-key-help = add `{ $key }: …` here
yaml-unreadable = unreadable YAML: { $detail }
yaml-unreadable-help = check the indentation (spaces, no tabs) and put quotes around texts that contain `: ` or start with a special character
# A kind of value serde names, by its shape: `struct` is a Rust type's
# name (`struct RawTestimonialGroup`), which a writer knows as indented
# keys; serde's other words ($serde) are kept.
yaml-kind = { $shape ->
        [struct] indented keys
       *[other] { $serde }
    }
# Two kinds a value may have (`a sequence or indented keys`).
yaml-kind-or = { $first } or { $second }

## Where a YAML error is (src/yaml/mod.rs)

yaml-too-deep = the values are nested more than { $limit } levels deep
yaml-too-deep-help = write a less nested value: close the brackets `[` and braces `{"{"}` sooner, or remove levels of indentation
# $path: yaml-path-keys and yaml-path-entry, joined by commas.
yaml-in-path = { $message } (in { $path })
# Keys of a path, as written (interview.with).
yaml-path-keys = `{ $keys }`
# An entry of a list, counted from 1.
yaml-path-entry = { $entry ->
        [question] question { $number }
        [testimony] testimony { $number }
        [principle] principle { $number }
        [download] download { $number }
        [menu] menu entry { $number }
       *[other] item { $number }
    }

# English messages of src/cli/

## What the commands print at the end (src/cli/mod.rs)

cli-build-failed = failed: { $errors } { $errors ->
        [0] error
        [1] error
       *[other] errors
    }; the output folder was not changed
# $secs is written with its decimal separator; $kept counts the files of
# other origin that the output folder keeps.
cli-build-summary = { $pages } pages in { $secs } s into { $output } ({ $written } files written, { $removed } removed{ $kept ->
        [0] {""}
        [1] , 1 file of other origin kept
       *[other] , { $kept } files of other origin kept
    })
# After the summary, when the build cache let pages be kept as published.
cli-build-pages-cached = pages: { $reused } of { $total } kept as published (.gazette-cache/pages/)
# After the summary, when the build cache held parts of the search index.
cli-build-search-cached = search index: { $reused } of { $total } { $total ->
        [1] part
       *[other] parts
    } taken from the cache (.gazette-cache/search/)
cli-check-summary = check: { $errors } { $errors ->
        [1] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [1] warning
       *[other] warnings
    } ({ $pages } { $pages ->
        [1] page
       *[other] pages
    } rendered, nothing written)
cli-draft-created = draft created: { $path }
cli-site-created = site created in { $dir } ({ $files } files); to build it: cd { $dir } && gazette build
cli-pipeline-written = publishing pipeline written to { $file }: it installs this version of Gazette, checks, builds and publishes the site on every push (see Gazette’s docs/publishing.md)

## The help of the command line (src/cli/help.rs), in the user's language

cli-about = Gazette makes a newsroom's intranet site from the articles written in content/ (interviews, testimonies, principles, French typography).
cli-about-build = Build the whole site into the output/ folder
cli-about-check = Check the whole site (errors, links, accessibility) without writing anything
cli-about-init = Create a new site in DIR (empty or absent): settings, theme, example articles
cli-about-new = Start a new article from one of the theme's models (a draft dated today)
cli-about-serve = Preview the site: build it in memory, serve it on 127.0.0.1:1111, rebuild what each saved change touches and reload the open tabs
cli-about-edit = Write in the browser: the site's preview with the studio (gazette serve --edit), drafts included, opened in the web browser; for this computer only
cli-option-edit = Serve the studio too, the writing page, at /__gazette/studio/ (on this computer only: refused with a --bind address that is not local); the preview then shows drafts and embargoed articles too
cli-option-edit-bind = The address to listen on, local to this computer; by default, 127.0.0.1
cli-about-next-change = Print when the built site will next change by itself (an embargo lifting, an article expiring), as an RFC 3339 UTC time; nothing if never
cli-about-help = Print this help, or the help of a command
cli-flag-help = Print the help
cli-flag-version = Print the version
cli-option-root = The site's folder (where site.yaml is); by default, the current folder
cli-option-drafts = Include drafts
cli-option-future = Include embargoed articles (dated in the future)
cli-option-output = The folder to write the site into, instead of output/
cli-option-build-base-url = The base URL of this build (for a preview deployment)
cli-option-watch = Keep running: rebuild output/ on every change of the sources
cli-option-take-over = Publish into a non-empty folder Gazette did not make, keeping what it holds (Gazette never deletes a file it did not write)
cli-option-clean = With --take-over: empty the folder first, deleting everything in it that Gazette did not write
cli-option-relative-urls = Write the addresses between the site's pages relative to each page (relative_urls: true), so that output/index.html opens from disk or a shared drive
cli-option-format = How to print the diagnostics: human (for a person, the default), json (one JSON object per line), github (GitHub Actions annotations) or gitlab (a GitLab Code Quality report, one JSON array)
cli-option-deny-warnings = Fail (exit status 1) on warnings too
cli-option-kind = The kind of article: article (the default), interview (questions and answers), testimonials (testimonies) or principles (a list of principles)
cli-option-bind = The address to listen on; by default, 127.0.0.1
cli-option-port = The port; by default, 1111 (0 picks a free one)
cli-option-serve-base-url = The base URL of the preview; by default, the server's own address
cli-argument-init-dir = The folder of the new site (created if absent; it must be empty)
cli-option-ci = Also write the site’s publishing pipeline for this CI service: gitlab (.gitlab-ci.yml, GitLab Pages) or github (.github/workflows/site.yml, GitHub Pages); without it, no pipeline is written
cli-argument-new-path = Where the article goes under content/, without `.md` (e.g. actualites/my-article)
cli-argument-help-command = The command to print the help of
cli-about-completions = Print the completion script of a shell, so that Tab completes Gazette's commands and options
cli-about-man = Print the manual page of Gazette, or of one of its commands (roff, for man)
cli-argument-completions-shell = The shell: bash, zsh, fish or powershell
cli-argument-man-command = The command whose manual page to print (build, check, init, new, serve, edit, next-change, completions or man); by default, Gazette's own page
cli-option-open = Open the preview in the web browser as soon as it is ready
cli-value-folder = DIR
cli-value-path = PATH
cli-value-kind = KIND
cli-value-url = URL
cli-value-address = ADDRESS
cli-value-port = PORT
cli-value-format = FORMAT
cli-value-service = SERVICE
cli-value-command = COMMAND
cli-value-shell = SHELL
# The headings of the help; clap writes the colon after them.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options

## The command line's own errors (src/cli/usage_error.rs), in the user's language

# $problem and $help are the two messages below.
cli-usage-error =
    error: { $problem }
    {" "}= help: { $help }
cli-error-unknown-option = the option `{ $option }` does not exist for { $command }
cli-error-extra-argument = `{ $argument }` is one too many: { $command } does not take this argument
cli-error-unknown-command = the command `{ $name }` does not exist
cli-error-missing-command = the command to run is missing
cli-error-missing-value = the option `{ $option }` takes a value, which is missing
cli-error-invalid-value = `{ $value }` is not a possible value for `{ $option }`
cli-error-unreadable-value = `{ $value }` does not fit `{ $option }`
cli-error-missing-argument = { $command } needs { $argument }, which is missing
cli-error-missing-option = the options given need `{ $option }`, which is missing
cli-error-twice = the option `{ $option }` is given more than once
cli-error-no-value-expected = the option `{ $option }` takes no value (`{ $value }` is one too many)
cli-error-not-utf8 = an argument is not valid UTF-8 text
cli-error-not-understood = the command line of { $command } could not be understood
cli-help-options = `{ $command } --help` describes what the command accepts
cli-help-closest-option = did you mean `{ $suggestion }`? `{ $command } --help` describes what the command accepts
cli-help-commands = `gazette --help` lists the commands
cli-help-closest-command = did you mean `{ $suggestion }`? `gazette --help` lists the commands
# $values: the possible values, separated by commas.
cli-help-closest-value = did you mean `{ $suggestion }`? The possible values are: { $values }
cli-help-values = the possible values are: { $values }
cli-help-port = a port number is needed, a whole number from 0 to 65535 (0 picks a free one)
cli-help-bind = an IP address is needed, for example 127.0.0.1 (this computer only) or 0.0.0.0 (the whole network)
cli-help-new-path = say where to create the article under content/, without `.md`: gazette new actualites/my-article
cli-help-init-dir = name the folder of the new site: gazette init my-site
cli-help-not-utf8 = rename the file or folder with ordinary characters, or write the argument differently

## The version and the manual page (src/cli/help.rs, src/cli/man.rs)

cli-version = { $version } ({ $commit ->
    [unknown] commit unknown
   *[other] commit { $commit }
})
# The section headings of the manual page, in capitals as man pages write them.
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-commands = COMMANDS
cli-man-version = VERSION

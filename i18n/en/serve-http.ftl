# covalue serve: the pages that refuse a request the server could not take
# (too large, too slow, malformed), and the details of a form that was not
# saved. Each refusal has its title and, with -help, what to do.

http-crowded = The server is busy
http-crowded-help = Too many connections are open; try again in a few seconds.
http-busy = The server is busy
http-busy-help = Other forms are being sent; save again in a few seconds.
http-head-late = The request did not arrive in time
http-head-late-help = Open the page again.
http-body-late = The form did not arrive in time
http-body-late-help = Check the network connection and save again.
http-head-too-large = The request's headers are too large
http-head-too-large-help = Open the address that covalue serve printed; if it still fails, remove this server's cookies.
http-too-many-headers = The request has too many headers
http-too-many-headers-help = Open the address that covalue serve printed in a browser.
http-malformed = This request is not one a browser sends
http-malformed-help = Open the address that covalue serve printed in a browser.
http-version = Only HTTP/1.1 is spoken here
http-version-help = Open the address that covalue serve printed in a browser.
http-chunked = This form was sent in pieces
http-chunked-help = Send it with its length (Content-Length), as browsers do.
http-no-length = This form does not say its length
http-no-length-help = Send it with its length (Content-Length), as browsers do.
http-bad-length = This form's length cannot be read
http-bad-length-help = Send it again from the page.
http-too-large = This form is too large
http-too-large-help = An answer of a few pages is fine; keep long documents in the workbook's files.
http-method = This server only shows pages and saves forms
http-method-help = Open the address that covalue serve printed in a browser.

# What was wrong with a form (after "Nothing was saved: ").
http-field-empty = { $field }: it may not be empty
http-field-not-number = { $field }: `{ $value }` is not a number; write digits, such as 21 or 3.5
http-field-choose-one = { $field }: choose one of the list
http-field-tick-one = { $field }: tick at least one
http-field-not-in-list = { $field }: `{ $value }` is not one of the list
http-not-in-workbook = { $name } (not in the workbook)
http-what-sees = what { $perspective } sees
http-figure-needs-both = a figure needs both a label and a value
http-not-a-role = `{ $value }` is not a role
http-team-role = choose the team member's role
http-attendee-needs = an attendee needs a name (or a description) and a role
http-action-what = say what the action is
http-not-a-date = `{ $value }` is not a date: write it as YYYY-MM-DD
http-value-not-number = `{ $value }` is not a number: write digits, such as 58 or 2.4
http-not-a-state = `{ $value }` is not a status of the guide
http-answer-needs-text = an answered question needs an answer: write it in the text box, or choose another status
http-na-needs-reason = say why the question does not apply: write the reason
http-deferred-needs-reason = say why the question is put off: write the reason
http-unknown-status = unknown status `{ $status }`
http-open-with-text = the text box holds an answer, but the status is Open: choose Answered to save it, or empty the box
http-not-text = { $file } is not UTF-8 text
http-fix-in-editor = Fix it in an editor, then open the page again.
http-record-gone = { $kind ->
        [step] The step
        [measure] The measure
       *[other] The improvement
    } `{ $id }` is not in { $file } any more
http-record-gone-help = Someone removed it or changed its id meanwhile. Go back to the population's page.
http-inline-sub = { $kind ->
        [measure] this measure is written inline in { $file }; add its value in an editor
       *[other] this improvement is written inline in { $file }; add its status in an editor
    }
http-item-gone = { $item ->
        [figure] the figure
        [team] the team member
        [attendees] the attendee
       *[other] the action
    } you ticked to remove is not in { $file } as the page showed it: someone changed or removed it meanwhile; look at the list again
http-action-gone = the action you ticked done is not in { $file } as the page showed it: someone changed or removed it meanwhile; look at the list again
http-edit-unreadable = { $file } cannot be read as it is on disk, so covalue will not change it: { $why }
http-edit-missing = { $file } does not have what this form changes ({ $what }) any more; open the page again
http-edit-would-break = the change would leave { $file } unreadable ({ $why }); nothing was written
http-edit-by-hand = `{ $what }` in { $file } { $why ->
        [list] is not written as a list in brackets
        [inline] is written inline
        [line] is not written on one line
       *[table] is not a table
    }; change it in an editor
http-part-open-fence = line { $line } of the text, `{ $text }`, opens a code block that is never closed, so it would hide the personas' parts after this one. Nothing was saved: close it with the same marks on a line of their own.
http-part-high-heading = line { $line } of the text, `{ $text }`, is a heading at the level of the personas' parts or above, so it would end this part there. Nothing was saved: write sub-headings with { $marks } or more, and each persona's part in its own box.
http-part-unknown-persona = No persona of this population has the id `{ $id }`: this part is shown under its own heading. Rename the id to a persona's, or add the persona.
http-people-whole = write how many people as a whole number, such as 640
http-figure-needs = { $key ->
        [label] a figure needs its label
       *[other] a figure needs its value
    }: write it, or tick the box to remove the figure
http-item-changed-gone = { $item ->
        [figure] the figure
       *[other] the team member
    } you changed is not in { $file } as the page showed it: someone changed or removed it meanwhile; look at the list again
http-bad-id = "{ $id }" cannot be used as an id: use lowercase letters, digits and single hyphens (no spaces, slashes or dots), for example "{ $example }"
http-stray-own = line { $line } of the text, `{ $heading }`, is a heading with this question's own id, so the question would have two headings. Nothing was saved: remove `{ $mark }` from that heading (or the heading itself).
http-stray-other = line { $line } of the text, `{ $heading }`, is a heading with the id of question `{ $id }`, whose answer it would take over. Nothing was saved: remove `{ $mark }` from that heading (or the heading itself); to answer question `{ $id }`, give it its own heading at the level of the others.
http-qr-label = QR code of this page's address, with its token

# fish completion for smartgoals
# SPDX-License-Identifier: MIT

set -l commands goal checkin review urge-log cbc cba values balance abc plan worksheet export import config undo nudge encrypt decrypt lock
set -l weeks this last next -1 -2 -4 yesterday
set -l days today yesterday monday tuesday wednesday thursday friday saturday sunday
set -l areas motivation urges thoughts balance
set -l deads deny delay escape avoid accept attack distract substitute

# Open goals or comparisons from the user's database, with their text as the description.
function __smartgoals_ids
    set -l words (commandline -opc)
    set -l db
    if set -l i (contains -i -- --db $words)
        set db --db $words[(math $i + 1)]
    end
    smartgoals $db __complete $argv[1] 2>/dev/null
end

function __smartgoals_using -a command sub
    set -l words (commandline -opc)
    contains -- $command $words; or return 1
    test -z "$sub"; and return 0
    contains -- $sub $words
end

# The command (the first word that is not an option or an option's value) is $argv[1], and, when
# given, its subcommand (the next such word) is $argv[2]: `worksheet values`, `export balance`
# and `goal add --area balance` are not the values or balance commands, nor `plan goal` the goal
# command or `abc list` checkin's.
function __smartgoals_command
    set -l words (commandline -opc)
    set -l plain
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case --db --today --color --passphrase-fd --position --date --format --set --week --area --event --belief \
                --consequence --dispute --effective --urge --importance --confidence --reason --step \
                --helper --sign --interfere --change
                set i (math $i + 1)
            case '-*'
            case '*'
                set -a plain $words[$i]
        end
        set i (math $i + 1)
    end
    test "$plain[1]" = "$argv[1]"; or return 1
    switch (count $argv)
        case 1
            return 0
        case '*'
            test (count $plain) -ge 2; and contains -- $plain[2] $argv[2..-1]
    end
end

# The areas of the member's balance pie, each as AREA= to type a score after.
function __smartgoals_areas
    set -l words (commandline -opc)
    set -l db
    if set -l i (contains -i -- --db $words)
        set db --db $words[(math $i + 1)]
    end
    for area in (smartgoals $db balance areas 2>/dev/null)
        echo $area=
    end
end

complete -c smartgoals -f
complete -c smartgoals -l db -r -F -d 'Database file'
complete -c smartgoals -l today -x -a "$days" -d 'Take this day as today (YYYY-MM-DD, yesterday, mon...)'
complete -c smartgoals -l color -x -a 'auto always never' -d 'Colour'
complete -c smartgoals -s q -l quiet -d 'No messages, only data and errors'
complete -c smartgoals -l plain -d 'For screen readers: no boxes, bars or symbols'
complete -c smartgoals -l passphrase-fd -x -d "Read an encrypted database's passphrase from this descriptor"
complete -c smartgoals -l version -d 'Print the version'
complete -c smartgoals -s h -l help -d 'Help'

complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a goal -d 'Add, complete, let go, edit and list goals'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a checkin -d 'How the last seven days have been'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a review -d 'The weekly review'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a urge-log -d 'Log an urge'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a 'cbc cba' -d 'Cost-benefit comparison'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a values -d 'What matters most to you, in order'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a balance -d 'Lifestyle Balance Pie: rate areas of life 0 to 10'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a abc -d "SMART's ABC: an event, beliefs, a dispute, a new belief"
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a plan -d 'Change Plan: the change you want, your reasons and steps'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a worksheet -d 'A blank printable worksheet'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a export -d 'Write your data as CSV or JSON'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a import -d 'Merge a JSON export'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a config -d 'Settings'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a undo -d 'Take back the last change'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a nudge -d 'A kind line when a check-in is due'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a encrypt -d 'Encrypt the database with a passphrase'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a decrypt -d 'Turn encryption off'
complete -c smartgoals -n "not __fish_seen_subcommand_from $commands" -a lock -d 'Forget the kept key now'
complete -c smartgoals -n "__fish_seen_subcommand_from undo" -l list -d 'What can be taken back'
complete -c smartgoals -n "__fish_seen_subcommand_from undo" -l clear -d 'Forget it all'

# goal
set -l goal_subs add done drop reopen edit show list remove remove-completion
complete -c smartgoals -n "__smartgoals_command goal; and not __smartgoals_command goal $goal_subs" -a "$goal_subs"
complete -c smartgoals -n "__smartgoals_using goal done; or __smartgoals_using goal drop; or __smartgoals_using goal edit" -a '(__smartgoals_ids goals)'
complete -c smartgoals -n "__smartgoals_using goal reopen" -a '(__smartgoals_ids all-goals)'
complete -c smartgoals -n "__smartgoals_using goal show; or __smartgoals_using goal remove" -a '(__smartgoals_ids all-goals)'
complete -c smartgoals -n "__smartgoals_command goal" -l week -x -a "$weeks" -d 'Week'
complete -c smartgoals -n "__smartgoals_command goal" -l area -x -a "$areas none" -d 'SMART point'
complete -c smartgoals -n "__smartgoals_using goal add; or __smartgoals_using goal edit" -l times -x -d 'Times a week'
complete -c smartgoals -n "__smartgoals_using goal add" -l every-week -d 'A weekly goal'
complete -c smartgoals -n "__smartgoals_using goal done" -l date -x -a "$days" -d 'Day'
complete -c smartgoals -n "__smartgoals_using goal done" -l note -x -d 'A few words'
complete -c smartgoals -n "__smartgoals_using goal edit" -l text -x -d 'New text'
complete -c smartgoals -n "__smartgoals_using goal list" -l all -d 'Every goal'

# checkin, review
complete -c smartgoals -n "__fish_seen_subcommand_from checkin; and not __fish_seen_subcommand_from list edit remove" -a list -d 'Check-ins of a week'
complete -c smartgoals -n "__fish_seen_subcommand_from checkin; and not __fish_seen_subcommand_from list edit remove" -a edit -d 'Correct a check-in'
complete -c smartgoals -n "__fish_seen_subcommand_from checkin; and not __fish_seen_subcommand_from list edit remove" -a remove -d 'Remove a check-in'
complete -c smartgoals -n "__smartgoals_command checkin list; or __smartgoals_command urge-log list" -l all -d 'Every one'
complete -c smartgoals -n "__fish_seen_subcommand_from checkin" -l rating -x -a '1 2 3 4 5 6 7 8 9 10' -d 'The last seven days'
complete -c smartgoals -n "__fish_seen_subcommand_from checkin" -l note -x -d 'A few words'
complete -c smartgoals -n "__fish_seen_subcommand_from checkin" -l date -x -a "$days" -d 'Day'
complete -c smartgoals -n "__fish_seen_subcommand_from review" -l week -x -a "$weeks" -d 'Week'
complete -c smartgoals -n "__fish_seen_subcommand_from review" -l trend -x -d 'Weeks in the trend'
complete -c smartgoals -n "__fish_seen_subcommand_from review" -l format -x -a 'text markdown html json'

# urge-log
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log; and not __fish_seen_subcommand_from list show edit remove" -a list -d 'A week of urges'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log; and not __fish_seen_subcommand_from list show edit remove" -a show -d 'One urge in full'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log; and not __fish_seen_subcommand_from list show edit remove" -a edit -d 'Correct an urge'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log; and not __fish_seen_subcommand_from list show edit remove" -a remove -d 'Remove an urge'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l intensity -x -a '1 2 3 4 5 6 7 8 9 10' -d 'Strength'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l duration -x -d 'Minutes'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l at -x -d 'When'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l trigger -x -d 'What triggered it'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l where -x -d 'Who was there, where'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l strategy -x -a "$deads" -d 'How you coped'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l rode-out -d 'It passed'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l acted -d 'Acted on it'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l note -x -d 'How you felt'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l next-time -x -d 'Ideas for next time'
complete -c smartgoals -n "__fish_seen_subcommand_from urge-log" -l week -x -a "$weeks" -d 'Week'

# cbc
set -l cbc_subs new add show list remove rename edit delete
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and not __fish_seen_subcommand_from $cbc_subs" -a "$cbc_subs"
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and __fish_seen_subcommand_from add show remove rename edit delete" -a '(__smartgoals_ids cbc)'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and __fish_seen_subcommand_from add" -a 'benefits-of-using costs-of-using benefits-of-not-using costs-of-not-using bu cu bn cn'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and not __fish_seen_subcommand_from edit" -l term -x -a 'short long'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and __fish_seen_subcommand_from edit" -l term -x -a 'short long none'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and __fish_seen_subcommand_from edit" -l text -x -d 'New words'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba; and __fish_seen_subcommand_from edit" -l quadrant -x -a 'benefits-of-using costs-of-using benefits-of-not-using costs-of-not-using bu cu bn cn'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba" -l weight -x -a '1 2 3 4 5'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba" -l activity -d 'About an activity'
complete -c smartgoals -n "__fish_seen_subcommand_from cbc cba" -l format -x -a 'text markdown html json'

# values
complete -c smartgoals -n "__smartgoals_command values; and not __smartgoals_command values add list move edit remove" -a add -d 'Add what matters to you'
complete -c smartgoals -n "__smartgoals_command values; and not __smartgoals_command values add list move edit remove" -a list -d 'Most important first'
complete -c smartgoals -n "__smartgoals_command values; and not __smartgoals_command values add list move edit remove" -a move -d 'Move a value to another place'
complete -c smartgoals -n "__smartgoals_command values; and not __smartgoals_command values add list move edit remove" -a edit -d 'Put a value in new words'
complete -c smartgoals -n "__smartgoals_command values; and not __smartgoals_command values add list move edit remove" -a remove -d 'Remove a value'
complete -c smartgoals -n "__smartgoals_command values add" -l position -x -d 'Its place, 1 for what matters most'

# balance
complete -c smartgoals -n "__smartgoals_command balance; and not __smartgoals_command balance rate show areas list remove" -a rate -d 'Rate areas of life, 0 to 10'
complete -c smartgoals -n "__smartgoals_command balance; and not __smartgoals_command balance rate show areas list remove" -a show -d 'Latest ratings beside the ones before'
complete -c smartgoals -n "__smartgoals_command balance; and not __smartgoals_command balance rate show areas list remove" -a areas -d 'The areas you rate'
complete -c smartgoals -n "__smartgoals_command balance; and not __smartgoals_command balance rate show areas list remove" -a list -d 'Every rating with its id'
complete -c smartgoals -n "__smartgoals_command balance; and not __smartgoals_command balance rate show areas list remove" -a remove -d 'Remove a rating'
complete -c smartgoals -n "__smartgoals_command balance rate" -a '(__smartgoals_areas)'
complete -c smartgoals -n "__smartgoals_command balance rate" -l date -x -a "$days" -d 'Day'
complete -c smartgoals -n "__smartgoals_command balance show" -l format -x -a 'text markdown html json'
complete -c smartgoals -n "__smartgoals_command balance areas" -l set -x -d 'Your areas, separated by commas'

# abc
set -l abc_subs new list show edit remove
complete -c smartgoals -n "__smartgoals_command abc; and not __smartgoals_command abc $abc_subs" -a new -d 'Record an ABC'
complete -c smartgoals -n "__smartgoals_command abc; and not __smartgoals_command abc $abc_subs" -a list -d 'Every ABC, newest first'
complete -c smartgoals -n "__smartgoals_command abc; and not __smartgoals_command abc $abc_subs" -a show -d 'One ABC in full'
complete -c smartgoals -n "__smartgoals_command abc; and not __smartgoals_command abc $abc_subs" -a edit -d 'Change or add to any part'
complete -c smartgoals -n "__smartgoals_command abc; and not __smartgoals_command abc $abc_subs" -a remove -d 'Remove an ABC'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l event -x -d 'A: what happened, as a camera would have seen it'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l belief -x -d 'B: what you told yourself about it'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l consequence -x -d 'C: how you felt, and what you did'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l dispute -x -d 'D: questioning the belief'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l effective -x -d 'E: the effective new belief'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l urge -x -d 'The logged urge it started from (its id)'
complete -c smartgoals -n "__smartgoals_command abc new edit" -l date -x -a "$days" -d 'Day'
complete -c smartgoals -n "__smartgoals_command abc list" -l week -x -a "$weeks" -d 'Week'
complete -c smartgoals -n "__smartgoals_command abc show" -l format -x -a 'text markdown html json'

# plan
set -l plan_subs new list show edit remove goal
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a new -d 'Make a change plan'
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a list -d 'Every change plan'
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a show -d 'A plan in full, with the goals its steps became'
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a edit -d 'Change a plan'
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a remove -d 'Remove a plan; goals made from it stay'
complete -c smartgoals -n "__smartgoals_command plan; and not __smartgoals_command plan $plan_subs" -a goal -d 'Turn a step into a goal'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l importance -x -a '1 2 3 4 5 6 7 8 9 10' -d 'How important the change is'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l confidence -x -a '1 2 3 4 5 6 7 8 9 10' -d 'How confident you are of making it'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l reason -x -d 'A reason for the change (repeat for more)'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l step -x -d 'A step to take (repeat for more, in order)'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l helper -x -d 'Who can help, and how (repeat for more)'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l sign -x -d 'How you will know it is working (repeat for more)'
complete -c smartgoals -n "__smartgoals_command plan new edit" -l interfere -x -d 'What could interfere, and what to do (repeat for more)'
complete -c smartgoals -n "__smartgoals_command plan edit" -l change -x -d 'The change, in new words'
complete -c smartgoals -n "__smartgoals_command plan show" -l format -x -a 'text markdown html json'
complete -c smartgoals -n "__smartgoals_command plan goal" -l week -x -a "$weeks" -d 'The week it is for'

# worksheet, export, import, config
complete -c smartgoals -n "__fish_seen_subcommand_from worksheet" -a 'weekly cbc urge-log change-plan values abc balance all'
complete -c smartgoals -n "__fish_seen_subcommand_from worksheet" -l format -x -a 'text markdown html'
complete -c smartgoals -n "__fish_seen_subcommand_from worksheet" -l title -x -d 'Group, date, venue'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -a 'goals completions checkins urges cbc weeks values abc plans balance'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -l format -x -a 'csv json'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -l since -x -a "$days" -d 'From (YYYY-MM-DD, yesterday, mon...)'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -l until -x -a "$days" -d 'To (YYYY-MM-DD, today, fri...)'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -s o -l output -r -F -d 'File'
complete -c smartgoals -n "__fish_seen_subcommand_from export" -l spreadsheet-safe -d 'Guard formulas'
complete -c smartgoals -n "__fish_seen_subcommand_from import" -F
complete -c smartgoals -n "__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from list get set" -a 'list get set'
complete -c smartgoals -n "__fish_seen_subcommand_from config; and __fish_seen_subcommand_from get set; and not __fish_seen_subcommand_from week-start name unlock-minutes" -a 'week-start name unlock-minutes'
complete -c smartgoals -n "__fish_seen_subcommand_from config; and __fish_seen_subcommand_from week-start" -a 'monday tuesday wednesday thursday friday saturday sunday'
